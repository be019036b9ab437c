#!/usr/bin/env bash
# Starts the database servers the integration tests use, PostgreSQL and MariaDB, when they are
# installed on this machine but not running, and waits until each answers. A server that already
# answers, or is not installed, is left alone (its tests then run, or are skipped or failed as
# VERSIONED_REQUIRE_SERVERS says). Called by .ci/run before the build; safe to run by hand.
#
# Expects the local setup the tests default to: PostgreSQL on 127.0.0.1:5432 with trust auth for
# user postgres, MariaDB on 127.0.0.1:3306 with user root and no password; it creates the database
# "test" on each if missing.
set -uo pipefail

PG_HOST=127.0.0.1 PG_PORT=5432
MARIADB_HOST=127.0.0.1 MARIADB_PORT=3306
WAIT_SECONDS=${VERSIONED_SERVICE_WAIT_SECONDS:-60}
status=0

wait_until() { # description, command...
  local what=$1
  shift
  for _ in $(seq 1 "$WAIT_SECONDS"); do
    if "$@" >/dev/null 2>&1; then
      return 0
    fi
    sleep 1
  done
  echo "start-services: $what does not answer after ${WAIT_SECONDS}s" >&2
  return 1
}

pg_answers() {
  pg_isready -q -h "$PG_HOST" -p "$PG_PORT"
}

mariadb_answers() {
  mariadb-admin --host="$MARIADB_HOST" --port="$MARIADB_PORT" --user=root --connect-timeout=2 \
    ping >/dev/null 2>&1
}

# ---------------------------------------------------------------- PostgreSQL
if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ] \
    && [ -n "$(ls /etc/postgresql 2>/dev/null)" ]; then
  if pg_answers; then
    echo "start-services: PostgreSQL already answers"
  else
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    echo "start-services: starting PostgreSQL $version"
    if [ "$(id -u)" = 0 ]; then
      install -d -o postgres -g postgres -m 2775 /var/run/postgresql
    fi
    pg_ctlcluster --skip-systemctl-redirect "$version" main start \
      || echo "start-services: pg_ctlcluster failed" >&2
    wait_until "PostgreSQL" pg_answers || status=1
  fi
  if pg_answers; then
    if ! psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = 'test'" 2>/dev/null | grep -q 1; then
      createdb -h "$PG_HOST" -p "$PG_PORT" -U postgres test \
        && echo "start-services: created PostgreSQL database test"
    fi
  fi
else
  echo "start-services: PostgreSQL is not installed"
fi

# ---------------------------------------------------------------- MariaDB
if [ -x /usr/sbin/mariadbd ]; then
  if mariadb_answers; then
    echo "start-services: MariaDB already answers"
  else
    echo "start-services: starting MariaDB"
    if [ "$(id -u)" = 0 ] && id mysql >/dev/null 2>&1; then
      install -d -o mysql -g mysql -m 755 /run/mysqld
    fi
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd \
      || echo "start-services: start-stop-daemon failed" >&2
    wait_until "MariaDB" mariadb_answers || status=1
  fi
  if mariadb_answers; then
    mariadb --host="$MARIADB_HOST" --port="$MARIADB_PORT" --user=root \
      -e "CREATE DATABASE IF NOT EXISTS test" || status=1
  fi
else
  echo "start-services: MariaDB is not installed"
fi

exit "$status"
