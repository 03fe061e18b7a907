#!/usr/bin/env bash
# Stops the server that scripts/start-postgres.sh started, and removes its directory when
# start-postgres.sh created it as a temp dir (a directory given as AIETL_PG_ROOT is kept).
#
#   scripts/stop-postgres.sh [ROOT]         # ROOT defaults to $AIETL_PG_ROOT
set -euo pipefail

log() { printf 'stop-postgres: %s\n' "$*" >&2; }

ROOT=${1:-${AIETL_PG_ROOT:-}}
if [[ -z $ROOT ]]; then
  log "nothing to stop: AIETL_PG_ROOT is not set and no directory was given"
  exit 0
fi
if [[ ! -d $ROOT ]]; then
  log "nothing to stop: $ROOT does not exist"
  exit 0
fi
DATA=$ROOT/data

as_pg() {
  if [[ $EUID -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

if [[ -f $DATA/postmaster.pid ]]; then
  PG_CTL=$(dpkg -L postgresql-15 | grep 'bin/pg_ctl$')
  PG_CTL=${PG_CTL%%$'\n'*}
  if as_pg "$PG_CTL" -D "$DATA" status >/dev/null 2>&1; then
    as_pg "$PG_CTL" -D "$DATA" -m fast -w stop >&2
  else
    log "no server is running from $DATA"
  fi
else
  log "no server is running from $DATA"
fi

if [[ -f $ROOT/.aietl-temp ]]; then
  rm -rf "$ROOT"
  log "removed $ROOT"
fi
