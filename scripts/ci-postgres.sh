#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the store's tests and prints its connection URL on
# standard output (everything else goes to standard error):
#
#   export RASD_TEST_POSTGRES="$(scripts/ci-postgres.sh)"
#
# - installs Debian's `postgresql` package if no server binaries are found (needs root);
# - keeps the cluster in target/pg (override with RASD_PG_DIR), listening on 127.0.0.1
#   only, port 54329 (RASD_PG_PORT), socket in /tmp; trust authentication, which is
#   acceptable only because nothing but loopback can reach it;
# - creates the database `rasd_test` (RASD_PG_DB);
# - is idempotent: a second run finds the cluster running and only prints the URL.
# Stop it with: scripts/ci-postgres.sh stop
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PGDIR="${RASD_PG_DIR:-$ROOT/target/pg}"
PORT="${RASD_PG_PORT:-54329}"
DB="${RASD_PG_DB:-rasd_test}"
PGUSER_NAME=rasd
log() { echo "ci-postgres: $*" >&2; }

find_bindir() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$d" ] && [ -x "$d/initdb" ]; then echo "$d"; return; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; fi
}

BINDIR="$(find_bindir)"
if [ -z "$BINDIR" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    log "PostgreSQL is not installed and this is not root: install the 'postgresql' package"
    exit 1
  fi
  log "installing PostgreSQL from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  BINDIR="$(find_bindir)"
  [ -n "$BINDIR" ] || { log "no initdb after installing postgresql"; exit 1; }
fi

# The server refuses to run as root: use the postgres account the package creates.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

if [ "${1:-}" = "stop" ]; then
  if [ -f "$PGDIR/data/PG_VERSION" ]; then
    as_owner "$BINDIR/pg_ctl" -D "$PGDIR/data" -m fast stop >&2 || true
  fi
  exit 0
fi

psql_() { "$BINDIR/psql" -X -q -h 127.0.0.1 -p "$PORT" -U "$PGUSER_NAME" "$@"; }

start_cluster() {
  mkdir -p "$PGDIR"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
    chown postgres "$PGDIR"
    # The server's account must be able to reach its directory through the tree.
    local d="$PGDIR"
    while [ "$d" != "/" ]; do chmod o+x "$d" 2>/dev/null || true; d="$(dirname "$d")"; done
  fi
  if [ ! -f "$PGDIR/data/PG_VERSION" ]; then
    log "creating a cluster in $PGDIR/data"
    as_owner "$BINDIR/initdb" -D "$PGDIR/data" -U "$PGUSER_NAME" -A trust -E UTF8 \
      --locale=C.UTF-8 >/dev/null 2>&1 ||
      as_owner "$BINDIR/initdb" -D "$PGDIR/data" -U "$PGUSER_NAME" -A trust -E UTF8 --locale=C >&2
  fi
  if ! as_owner "$BINDIR/pg_ctl" -D "$PGDIR/data" status >/dev/null 2>&1; then
    log "starting PostgreSQL on 127.0.0.1:$PORT"
    as_owner "$BINDIR/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 \
      -o "-k /tmp -h 127.0.0.1 -p $PORT" start >&2
  fi
}

# A server already answering on the port (this script's, from this or another checkout)
# is reused as it is.
if ! psql_ -d postgres -tAc "SELECT 1" >/dev/null 2>&1; then
  start_cluster
fi

if [ "$(psql_ -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != "1" ]; then
  log "creating database $DB"
  psql_ -d postgres -c "CREATE DATABASE $DB ENCODING 'UTF8' TEMPLATE template0" >&2
fi

echo "postgres://$PGUSER_NAME@127.0.0.1:$PORT/$DB"
