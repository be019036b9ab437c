#!/usr/bin/env bash
# A 3-node MariaDB Galera cluster on loopback, for the cluster tests (mvn -Pclusters verify).
#
#   .ci/galera.sh start         start the cluster (new data directories on first use) and wait
#                               until all three nodes are synced
#   .ci/galera.sh stop          stop every node this script started, by the PID it recorded
#   .ci/galera.sh status        each node's PID, wsrep_cluster_size, wsrep_ready and state
#   .ci/galera.sh kill N        SIGKILL node N (1-3) by its PID: a crash, for the failure tests
#   .ci/galera.sh restart N     recover node N's position (--wsrep-recover) and rejoin it
#   .ci/galera.sh clean         stop, then remove the data directories
#
# Servers: Debian's mariadbd with the galera-4 provider, run as user mysql when started by root.
# Node 1 bootstraps the cluster (--wsrep-new-cluster) and the others join it by rsync SST. On a
# later start over existing data, each node's position is recovered with --wsrep-recover and the
# most advanced node bootstraps. Client ports 3311-3313 (VERSIONED_GALERA_PORT sets the first),
# group communication on 4571-4573, IST on 4581-4583, SST on 4591-4593; the tests connect as
# user "versioned" (password "versioned") to database "versioned_it".
#
# Data, logs and PID files live in VERSIONED_GALERA_DIR, by default a directory under $TMPDIR
# named after this checkout (a checkout under /root could not be read by user mysql).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CHECKOUT_ID=$(printf %s "$ROOT" | cksum | cut -d' ' -f1)
BASE=${VERSIONED_GALERA_DIR:-${TMPDIR:-/tmp}/versioned-galera-$CHECKOUT_ID}
PORT=${VERSIONED_GALERA_PORT:-3311}
NODES=3
MARIADBD=/usr/sbin/mariadbd
PROVIDER=${VERSIONED_GALERA_PROVIDER:-/usr/lib/galera/libgalera_smm.so}
WAIT_SECONDS=${VERSIONED_GALERA_WAIT_SECONDS:-180}
GCOMM="gcomm://127.0.0.1:4571,127.0.0.1:4572,127.0.0.1:4573"

log() { echo "galera: $*" >&2; }
die() { log "$*"; exit 1; }

if [ "$(id -u)" = 0 ]; then
  RUN_USER=mysql
  CLIENT_USER=root
else
  RUN_USER=$(id -un)
  CLIENT_USER=$(id -un)
fi

node_dir() { echo "$BASE/node$1"; }
data_dir() { echo "$BASE/node$1/data"; }
cnf() { echo "$BASE/node$1/my.cnf"; }
pid_file() { echo "$BASE/node$1/mariadbd.pid"; }
sock() { echo "$BASE/node$1/mariadbd.sock"; }
error_log() { echo "$BASE/node$1/error.log"; }

# The PID recorded for node $1 if that process is still a mariadbd, else nothing.
live_pid() {
  local f pid
  f=$(pid_file "$1")
  [ -f "$f" ] || return 1
  pid=$(cat "$f")
  [ -n "$pid" ] && [ -d "/proc/$pid" ] || return 1
  # A recycled PID would belong to another program: check it is still our server.
  grep -q "$(cnf "$1")" "/proc/$pid/cmdline" 2>/dev/null || return 1
  echo "$pid"
}

sql() { # node, statement
  mariadb --no-defaults --socket="$(sock "$1")" --user="$CLIENT_USER" --batch --skip-column-names \
    -e "$2"
}

wsrep() { # node, variable
  sql "$1" "SHOW GLOBAL STATUS LIKE '$2'" 2>/dev/null | awk '{print $2}'
}

check_tools() {
  [ -x "$MARIADBD" ] || die "no $MARIADBD (install mariadb-server)"
  [ -f "$PROVIDER" ] || die "no Galera provider at $PROVIDER (install galera-4)"
  if ! command -v rsync >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      log "installing rsync (the state transfer method)"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q rsync >/dev/null
    else
      die "rsync is needed for state transfers: install it"
    fi
  fi
}

write_cnf() { # node
  local n=$1
  cat >"$(cnf "$n")" <<EOF
[mariadbd]
datadir=$(data_dir "$n")
socket=$(sock "$n")
pid-file=$(pid_file "$n")
log-error=$(error_log "$n")
port=$((PORT + n - 1))
bind-address=127.0.0.1
skip-name-resolve
user=$RUN_USER
# Small: three servers share a test machine.
innodb_buffer_pool_size=64M
innodb_log_file_size=32M
performance_schema=OFF
max_connections=100
# Galera needs row-based replication, InnoDB and interleaved auto-increment locks.
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
# Durability comes from the other nodes; flush once a second rather than at every commit.
innodb_flush_log_at_trx_commit=2
wsrep_on=ON
wsrep_provider=$PROVIDER
wsrep_cluster_name=versioned-it
wsrep_cluster_address=$GCOMM
wsrep_node_name=node$n
wsrep_node_address=127.0.0.1:$((4570 + n))
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:$((4590 + n))
wsrep_slave_threads=2
# A silent node is suspected after 3 s (default 5 s), so that the others resume writing sooner
# when one is killed; not much less, or a node of a loaded machine would be evicted.
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:$((4570 + n));ist.recv_addr=127.0.0.1:$((4580 + n));gcache.size=64M;evs.suspect_timeout=PT3S;evs.inactive_timeout=PT10S"
EOF
}

prepare_dirs() {
  local n
  mkdir -p "$BASE"
  chmod 755 "$BASE"
  for n in $(seq 1 $NODES); do
    mkdir -p "$(node_dir "$n")"
    write_cnf "$n"
    if [ "$(id -u)" = 0 ]; then
      chown -R "$RUN_USER:" "$(node_dir "$n")"
    fi
  done
}

install_db() { # node
  local n=$1
  log "node $n: creating data directory $(data_dir "$n")"
  mariadb-install-db --defaults-file="$(cnf "$n")" --user="$RUN_USER" --skip-test-db \
    --auth-root-authentication-method=socket >"$(node_dir "$n")/install.log" 2>&1 \
    || { cat "$(node_dir "$n")/install.log" >&2; die "node $n: mariadb-install-db failed"; }
}

launch() { # node, extra options...
  local n=$1
  shift
  if live_pid "$n" >/dev/null; then
    log "node $n already runs (PID $(live_pid "$n"))"
    return 0
  fi
  rm -f "$(pid_file "$n")"
  # mariadbd stays in the foreground of this background job; $! is the server itself.
  "$MARIADBD" --defaults-file="$(cnf "$n")" "$@" >>"$(node_dir "$n")/stdout.log" 2>&1 &
  local pid=$!
  # Until the forked shell has exec'd the server, /proc/PID/cmdline is still this script's.
  for _ in $(seq 1 100); do
    grep -q "$(cnf "$n")" "/proc/$pid/cmdline" 2>/dev/null && break
    [ -d "/proc/$pid" ] || break
    sleep 0.1
  done
  # The server writes its own PID file once it runs; until then the launch PID stands for it.
  echo "$pid" >"$(pid_file "$n")"
  chown "$RUN_USER:" "$(pid_file "$n")" 2>/dev/null || true
  log "node $n: started PID $pid on port $((PORT + n - 1))"
}

wait_synced() { # node
  local n=$1
  for _ in $(seq 1 "$WAIT_SECONDS"); do
    if ! live_pid "$n" >/dev/null; then
      tail -n 30 "$(error_log "$n")" >&2 || true
      die "node $n exited; see $(error_log "$n")"
    fi
    if [ "$(wsrep "$n" wsrep_ready)" = ON ] \
        && [ "$(wsrep "$n" wsrep_local_state_comment)" = Synced ]; then
      return 0
    fi
    sleep 1
  done
  tail -n 30 "$(error_log "$n")" >&2 || true
  die "node $n not synced after ${WAIT_SECONDS}s"
}

wait_cluster_size() { # node, size
  for _ in $(seq 1 "$WAIT_SECONDS"); do
    if [ "$(wsrep "$1" wsrep_cluster_size)" = "$2" ]; then
      return 0
    fi
    sleep 1
  done
  die "node $1 does not see a cluster of $2 after ${WAIT_SECONDS}s"
}

# The recovered seqno of a stopped node: mariadbd --wsrep-recover logs its last committed
# position ("WSREP: Recovered position: <uuid>:<seqno>") and exits.
recover_seqno() { # node
  local n=$1 out
  out="$(node_dir "$n")/recover.log"
  "$MARIADBD" --defaults-file="$(cnf "$n")" --wsrep-recover --log-error="$out" >/dev/null 2>&1 \
    || true
  chown "$RUN_USER:" "$out" 2>/dev/null || true
  local pos
  pos=$(grep -o 'Recovered position: [^ ]*' "$out" | tail -n 1 | awk '{print $3}')
  echo "${pos##*:}"
}

grastate_seqno() { # node: the seqno a clean shutdown left in grastate.dat
  awk '/^seqno:/ {print $2}' "$(data_dir "$1")/grastate.dat" 2>/dev/null
}

position() { # node: the node's last committed seqno, recovered when a crash left -1
  local s
  s=$(grastate_seqno "$1")
  if [ -z "$s" ] || [ "$s" = -1 ]; then
    s=$(recover_seqno "$1")
  fi
  echo "${s:--1}"
}

start() {
  local n
  check_tools
  prepare_dirs
  local fresh=1
  for n in $(seq 1 $NODES); do
    [ -d "$(data_dir "$n")/mysql" ] && fresh=0
  done
  local running=0
  for n in $(seq 1 $NODES); do
    live_pid "$n" >/dev/null && running=$((running + 1))
  done
  STARTING=1
  trap 'if [ "$STARTING" = 1 ]; then log "start failed: stopping every node"; stop; fi' EXIT
  local first=1
  if [ "$running" -gt 0 ]; then
    # Some nodes run: the others join them.
    for n in $(seq $NODES -1 1); do
      if live_pid "$n" >/dev/null; then
        first=$n
      fi
    done
    log "node $first already runs: the other nodes join it"
  elif [ "$fresh" = 1 ]; then
    install_db 1
    launch 1 --wsrep-new-cluster
    wait_synced 1
    sql 1 "CREATE DATABASE IF NOT EXISTS versioned_it;
      CREATE USER IF NOT EXISTS 'versioned'@'127.0.0.1' IDENTIFIED BY 'versioned';
      GRANT ALL ON *.* TO 'versioned'@'127.0.0.1';"
  else
    # Bootstrap from the node with the most recent committed transaction.
    local best=1 best_seqno=-2
    for n in $(seq 1 $NODES); do
      local s
      s=$(position "$n")
      log "node $n: recovered seqno $s"
      if [ "$s" -gt "$best_seqno" ]; then
        best=$n
        best_seqno=$s
      fi
    done
    first=$best
    sed -i 's/^safe_to_bootstrap: 0/safe_to_bootstrap: 1/' "$(data_dir "$first")/grastate.dat"
    log "node $first bootstraps (seqno $best_seqno)"
    launch "$first" --wsrep-new-cluster
    wait_synced "$first"
  fi
  for n in $(seq 1 $NODES); do
    [ "$n" = "$first" ] && continue
    if live_pid "$n" >/dev/null; then
      continue
    fi
    join "$n"
  done
  wait_cluster_size "$first" "$NODES"
  STARTING=0
  status
}

join() { # node: start a stopped node, which rejoins by IST or SST
  local n=$1 s
  if [ -f "$(data_dir "$n")/grastate.dat" ]; then
    s=$(position "$n")
    log "node $n: recovered seqno $s"
    if [ "$s" != -1 ]; then
      # Hand the recovered position to the server so it can ask for an incremental transfer.
      local uuid
      uuid=$(awk '/^uuid:/ {print $2}' "$(data_dir "$n")/grastate.dat")
      launch "$n" --wsrep-start-position="$uuid:$s"
      wait_synced "$n"
      return 0
    fi
  fi
  # A new node: an empty data directory, filled by a full state transfer (SST) from a donor.
  mkdir -p "$(data_dir "$n")"
  if [ "$(id -u)" = 0 ]; then
    chown "$RUN_USER:" "$(data_dir "$n")"
  fi
  launch "$n"
  wait_synced "$n"
}

stop_node() { # node
  local n=$1 pid
  pid=$(live_pid "$n") || { rm -f "$(pid_file "$n")"; return 0; }
  log "node $n: stopping PID $pid"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 120); do
    [ -d "/proc/$pid" ] || break
    sleep 0.5
  done
  if [ -d "/proc/$pid" ]; then
    log "node $n: PID $pid still runs after 60 s: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 1
  fi
  rm -f "$(pid_file "$n")"
}

stop() {
  local n
  # Joiners first, the bootstrap node last, so it is the one safe to bootstrap next time.
  for n in $(seq $NODES -1 1); do
    stop_node "$n"
  done
}

status() {
  local n pid rc=0
  for n in $(seq 1 $NODES); do
    if pid=$(live_pid "$n"); then
      echo "node $n: PID $pid port $((PORT + n - 1)) cluster_size=$(wsrep "$n" wsrep_cluster_size)" \
        "ready=$(wsrep "$n" wsrep_ready) state=$(wsrep "$n" wsrep_local_state_comment)"
    else
      echo "node $n: not running"
      rc=3
    fi
  done
  return $rc
}

kill_node() { # node
  local n=$1 pid
  pid=$(live_pid "$n") || die "node $n is not running"
  log "node $n: SIGKILL PID $pid"
  kill -KILL "$pid"
  for _ in $(seq 1 60); do
    [ -d "/proc/$pid" ] || break
    sleep 0.5
  done
  rm -f "$(pid_file "$n")"
}

restart_node() { # node
  local n=$1
  if live_pid "$n" >/dev/null; then
    log "node $n already runs"
    return 0
  fi
  check_tools
  prepare_dirs
  join "$n"
  wait_cluster_size "$n" "$NODES"
}

node_arg() {
  [[ "${1:-}" =~ ^[1-3]$ ]] || die "a node number 1-$NODES is needed"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  kill) node_arg "${2:-}"; kill_node "$2" ;;
  restart) node_arg "${2:-}"; restart_node "$2" ;;
  clean) stop; rm -rf "$BASE" ;;
  dir) echo "$BASE" ;;
  *) echo "usage: $0 start|stop|status|kill N|restart N|clean|dir" >&2; exit 2 ;;
esac
