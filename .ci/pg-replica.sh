#!/usr/bin/env bash
# A PostgreSQL 15 primary with one streaming replica on loopback, for the cluster tests
# (mvn -Pclusters verify).
#
#   .ci/pg-replica.sh start     create (first use) and start both servers, and wait until the
#                               replica streams from the primary
#   .ci/pg-replica.sh stop      stop both servers: pg_ctl stop on their own data directories
#   .ci/pg-replica.sh status    whether each runs (PID) and the replication state
#   .ci/pg-replica.sh clean     stop, then remove the data directories
#
# The primary listens on 127.0.0.1:5441 (VERSIONED_PG_PRIMARY_PORT), the replica on 5442
# (VERSIONED_PG_REPLICA_PORT); user postgres, trust authentication, database postgres. The
# replica is a pg_basebackup -R copy of the primary (hot standby, read-only). The primary names
# it a synchronous standby (synchronous_standby_names = '*'), so that a transaction can wait for
# the replica to apply its commit with SET synchronous_commit = remote_apply; with the default
# (on), commits wait for the replica to store the WAL, not to apply it, so its reads may lag.
#
# initdb refuses to run as root: started by root, the servers run as user postgres. Data, logs
# and sockets live in VERSIONED_PG_REPLICA_DIR, by default a directory under $TMPDIR named after
# this checkout.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CHECKOUT_ID=$(printf %s "$ROOT" | cksum | cut -d' ' -f1)
BASE=${VERSIONED_PG_REPLICA_DIR:-${TMPDIR:-/tmp}/versioned-pg-replica-$CHECKOUT_ID}
PRIMARY_PORT=${VERSIONED_PG_PRIMARY_PORT:-5441}
REPLICA_PORT=${VERSIONED_PG_REPLICA_PORT:-5442}
BIN=${VERSIONED_PG_BIN:-/usr/lib/postgresql/15/bin}
WAIT_SECONDS=${VERSIONED_PG_WAIT_SECONDS:-60}
PRIMARY=$BASE/primary
REPLICA=$BASE/replica

log() { echo "pg-replica: $*" >&2; }
die() { log "$*"; exit 1; }

[ -x "$BIN/initdb" ] || die "no PostgreSQL server programs in $BIN (install postgresql-15)"

if [ "$(id -u)" = 0 ]; then
  RUN_USER=postgres
  as_server() { runuser -u "$RUN_USER" -- "$@"; }
else
  RUN_USER=$(id -un)
  as_server() { "$@"; }
fi

running() { # data dir: whether pg_ctl finds the server of that directory running
  [ -f "$1/PG_VERSION" ] && as_server "$BIN/pg_ctl" -D "$1" status >/dev/null 2>&1
}

pid_of() { # data dir: the postmaster's PID, first line of postmaster.pid
  head -n 1 "$1/postmaster.pid" 2>/dev/null || true
}

psql_on() { # port, sql
  "$BIN/psql" -h 127.0.0.1 -p "$1" -U postgres -d postgres -XtAq -c "$2"
}

start_server() { # data dir
  if running "$1"; then
    log "$(basename "$1") already runs (PID $(pid_of "$1"))"
    return 0
  fi
  as_server "$BIN/pg_ctl" -D "$1" -l "$1.log" -w -t "$WAIT_SECONDS" start >/dev/null \
    || { tail -n 20 "$1.log" >&2; die "$(basename "$1") did not start; see $1.log"; }
  log "$(basename "$1"): started PID $(pid_of "$1")"
}

stop_server() { # data dir
  if running "$1"; then
    log "$(basename "$1"): stopping PID $(pid_of "$1")"
    as_server "$BIN/pg_ctl" -D "$1" -m fast -w -t "$WAIT_SECONDS" stop >/dev/null \
      || as_server "$BIN/pg_ctl" -D "$1" -m immediate -w stop >/dev/null
  fi
}

start() {
  mkdir -p "$BASE"
  chmod 755 "$BASE"
  [ "$(id -u)" = 0 ] && chown "$RUN_USER:" "$BASE"
  STARTING=1
  trap 'if [ "$STARTING" = 1 ]; then log "start failed: stopping both servers"; stop; fi' EXIT
  if [ ! -f "$PRIMARY/PG_VERSION" ]; then
    log "creating the primary in $PRIMARY"
    rm -rf "$PRIMARY" "$REPLICA"
    as_server "$BIN/initdb" -D "$PRIMARY" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
      >"$BASE/initdb.log" 2>&1 || { cat "$BASE/initdb.log" >&2; die "initdb failed"; }
    cat >>"$PRIMARY/postgresql.conf" <<EOF
# Cluster tests: a primary with one streaming replica.
listen_addresses = '127.0.0.1'
port = $PRIMARY_PORT
unix_socket_directories = '$BASE'
wal_level = replica
max_wal_senders = 4
hot_standby = on
synchronous_standby_names = '*'
shared_buffers = 32MB
max_connections = 50
fsync = off
EOF
    echo "host replication postgres 127.0.0.1/32 trust" >>"$PRIMARY/pg_hba.conf"
  fi
  start_server "$PRIMARY"
  if [ ! -f "$REPLICA/PG_VERSION" ]; then
    log "copying the primary to the replica in $REPLICA (pg_basebackup -R)"
    rm -rf "$REPLICA"
    as_server "$BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$REPLICA" \
      -R -X stream -c fast >"$BASE/basebackup.log" 2>&1 \
      || { cat "$BASE/basebackup.log" >&2; die "pg_basebackup failed"; }
    cat >>"$REPLICA/postgresql.conf" <<EOF
# The replica of the cluster tests.
port = $REPLICA_PORT
synchronous_standby_names = ''
EOF
  fi
  start_server "$REPLICA"
  for _ in $(seq 1 "$WAIT_SECONDS"); do
    if [ "$(psql_on "$PRIMARY_PORT" "SELECT state FROM pg_stat_replication LIMIT 1" 2>/dev/null)" \
        = streaming ] \
        && [ "$(psql_on "$REPLICA_PORT" "SELECT pg_is_in_recovery()" 2>/dev/null)" = t ]; then
      STARTING=0
      status
      return 0
    fi
    sleep 1
  done
  die "the replica does not stream from the primary after ${WAIT_SECONDS}s; see $REPLICA.log"
}

stop() {
  stop_server "$REPLICA"
  stop_server "$PRIMARY"
}

status() {
  local rc=0
  if running "$PRIMARY"; then
    echo "primary: PID $(pid_of "$PRIMARY") port $PRIMARY_PORT replication=$(psql_on \
      "$PRIMARY_PORT" "SELECT coalesce(string_agg(state || '/' || sync_state, ','), 'none') \
      FROM pg_stat_replication" 2>/dev/null)"
  else
    echo "primary: not running"
    rc=3
  fi
  if running "$REPLICA"; then
    echo "replica: PID $(pid_of "$REPLICA") port $REPLICA_PORT in_recovery=$(psql_on \
      "$REPLICA_PORT" "SELECT pg_is_in_recovery()" 2>/dev/null)"
  else
    echo "replica: not running"
    rc=3
  fi
  return $rc
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  clean) stop; rm -rf "$BASE" ;;
  dir) echo "$BASE" ;;
  *) echo "usage: $0 start|stop|status|clean|dir" >&2; exit 2 ;;
esac
