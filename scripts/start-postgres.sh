#!/usr/bin/env bash
# Starts a private PostgreSQL 15 server on 127.0.0.1 for the tests and benchmarks.
#
#   eval "$(scripts/start-postgres.sh)"     # sets AIETL_TEST_POSTGRES and AIETL_PG_ROOT
#   ...
#   scripts/stop-postgres.sh                # stops that server and removes its temp dir
#
# stdout carries only the two `export` lines; everything else goes to stderr.
# Environment:
#   AIETL_PG_ROOT  directory to keep the server in (default: a new temp dir, removed on stop)
#   AIETL_PG_PORT  first port to try (default 55432); the next free one is taken when it is busy
# The server trusts every loopback connection and runs with fsync off: it is for tests only.
set -euo pipefail

exec 3>&1 1>&2 # fd 3 = the caller's stdout (the exports); our stdout now goes to stderr

log() { printf 'start-postgres: %s\n' "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}

# 1. PostgreSQL 15, installed when missing.
if ! dpkg-query -W -f='${Status}' postgresql-15 2>/dev/null | grep -q 'install ok installed'; then
  [[ $EUID -eq 0 ]] || die "postgresql-15 is not installed and installing it needs root"
  log "installing postgresql-15 with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql-15 >/dev/null
fi
PG_CTL=$(dpkg -L postgresql-15 | grep 'bin/pg_ctl$') || die "pg_ctl not found in postgresql-15"
PG_CTL=${PG_CTL%%$'\n'*}
PGBIN=$(dirname "$PG_CTL")
for tool in initdb pg_ctl pg_isready psql; do
  [[ -x $PGBIN/$tool ]] || die "$PGBIN/$tool is missing"
done

# The server refuses to run as root: as root, run its tools as the postgres user.
as_pg() {
  if [[ $EUID -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

FIRST_PORT=${AIETL_PG_PORT:-55432}
[[ $FIRST_PORT =~ ^[0-9]+$ ]] || die "AIETL_PG_PORT must be a number, got '$FIRST_PORT'"

# 2. Its directory.
if [[ -n ${AIETL_PG_ROOT:-} ]]; then
  ROOT=$AIETL_PG_ROOT
  CREATED_ROOT=false
  # A temp dir of ours (the caller kept AIETL_PG_ROOT after stop-postgres.sh removed it) stays temp.
  if [[ -f $ROOT/.aietl-temp || (! -e $ROOT && $(basename "$ROOT") == aietl-pg.*) ]]; then
    CREATED_ROOT=true
  fi
  mkdir -p "$ROOT"
  ROOT=$(cd "$ROOT" && pwd -P)
  if [[ $CREATED_ROOT == true ]]; then touch "$ROOT/.aietl-temp"; fi
else
  ROOT=$(mktemp -d "${TMPDIR:-/tmp}/aietl-pg.XXXXXX")
  touch "$ROOT/.aietl-temp" # tells stop-postgres.sh that it may remove this directory
  CREATED_ROOT=true
fi
[[ $ROOT != *[[:space:]]* ]] || die "the directory must not contain white space: '$ROOT'"
DATA=$ROOT/data
mkdir -p "$ROOT/sock"
if [[ $EUID -eq 0 ]]; then
  chown -R postgres: "$ROOT"
  runuser -u postgres -- test -w "$ROOT" ||
    die "the postgres user cannot write to $ROOT (is a parent directory closed to it?)"
fi

STARTED=false REUSED=false
cleanup_on_failure() {
  local rc=$?
  [[ $rc -eq 0 ]] && return
  if [[ -f $ROOT/server.log ]]; then
    log "last lines of $ROOT/server.log:"
    tail -n 20 "$ROOT/server.log" >&2 || true
  fi
  if [[ $STARTED == true ]]; then
    as_pg "$PG_CTL" -D "$DATA" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [[ $CREATED_ROOT == true && $REUSED == false ]]; then
    rm -rf "$ROOT"
  fi
}
trap cleanup_on_failure EXIT

port_busy() { (exec 9<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# 3. initdb, once.
if [[ ! -f $DATA/PG_VERSION ]]; then
  log "initdb in $DATA"
  as_pg "$PGBIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi

# 4. Start, unless this directory's server already runs (then it is reused as it is).
if as_pg "$PG_CTL" -D "$DATA" status >/dev/null 2>&1; then
  PORT=$(sed -n 4p "$DATA/postmaster.pid")
  REUSED=true
  log "reusing the server already running from $DATA on port $PORT"
else
  PORT=$FIRST_PORT
  for attempt in $(seq 1 20); do
    if port_busy "$PORT"; then
      log "port $PORT is busy, trying $((PORT + 1))"
    else
      log "starting on 127.0.0.1:$PORT"
      rm -f "$ROOT/server.log" # so that the check below reads this attempt only
      if as_pg "$PG_CTL" -D "$DATA" -l "$ROOT/server.log" -w -t 30 -o \
        "-p $PORT -c listen_addresses=127.0.0.1 -k $ROOT/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null 3>&-; then # 3>&-: the server must not hold the caller's $(...) open
        STARTED=true
        break
      fi
      # Lost a race for the port with another process: try the next one.
      grep -q 'could not bind' "$ROOT/server.log" 2>/dev/null || die "the server did not start"
      log "port $PORT was taken while starting"
    fi
    [[ $attempt -lt 20 ]] || die "no free port found"
    PORT=$((PORT + 1))
  done
fi

# 5. Ready, and the test database there.
for _ in $(seq 1 60); do
  "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -U postgres && break
  sleep 0.5
done
"$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -U postgres || die "the server on port $PORT is not ready"

psql_() { "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres -d postgres "$@"; }
if [[ $(psql_ -tAc "SELECT 1 FROM pg_database WHERE datname = 'aietl_test'") != 1 ]]; then
  psql_ -c 'CREATE DATABASE aietl_test'
fi
log "ready: postgres@127.0.0.1:$PORT/aietl_test, data in $DATA"

printf 'export AIETL_TEST_POSTGRES="Host=127.0.0.1;Port=%s;Username=postgres;Database=aietl_test"\n' "$PORT" >&3
printf 'export AIETL_PG_ROOT=%q\n' "$ROOT" >&3
