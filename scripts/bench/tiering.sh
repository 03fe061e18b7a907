#!/usr/bin/env bash
# What default tiered compilation costs a user's program: tests/AiEtl.TransformBench (a consumer written from the
# README, JIT, default options) on the 1M-row customer file, each scenario run alternately with the host's defaults and
# with DOTNET_TieredCompilation=0 on the same binary, timed as whole processes by /usr/bin/time. The issue's goal: the
# default within 1.2x of tiering off. Every run is printed, then the medians and the ratio per scenario.
#
#   scripts/bench/tiering.sh                    # sqlite, transforms, jsonl, postgres; 3 rounds
#   ROUNDS=5 SCENARIOS="sqlite jsonl" scripts/bench/tiering.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

ROUNDS=${ROUNDS:-3}
SCENARIOS=${SCENARIOS:-sqlite transforms jsonl postgres}
INPUT=$PWD/samples/data/customers.1m.large.csv
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: apt-get install -y time" >&2; exit 1; }
[ -f "$INPUT" ] || dotnet run -c Release --project samples/DataGen -- --rows 1000000 --seed 42 --out "$INPUT"

WORK=$(mktemp -d)
dotnet build -c Release --artifacts-path "$WORK/build" tests/AiEtl.TransformBench -v q -nologo > "$WORK/build.log" || { cat "$WORK/build.log"; exit 1; }
CONSUMER="$WORK/build/bin/AiEtl.TransformBench/release/AiEtl.TransformBench.dll"
PG_ROOT=
trap '[ -n "$PG_ROOT" ] && scripts/stop-postgres.sh "$PG_ROOT" 2> /dev/null; rm -rf "$WORK"' EXIT
if [[ " $SCENARIOS " == *" postgres "* ]]; then
  eval "$(scripts/start-postgres.sh 2> /dev/null)"
  PG_ROOT=$AIETL_PG_ROOT
fi

: > "$WORK/runs.txt"
scenario() { # name -> the consumer's arguments
  case $1 in
    sqlite) echo "$INPUT $WORK/out.db plain" ;;
    transforms) echo "$INPUT $WORK/out.db" ;;
    jsonl) echo "$INPUT $WORK/out.jsonl plain --to jsonl" ;;
    postgres) echo "$INPUT $AIETL_TEST_POSTGRES plain --to postgres" ;;
  esac
}
run() { # label scenario environment...
  local label=$1 name=$2; shift 2
  rm -f "$WORK"/out.*
  # shellcheck disable=SC2046 # the arguments are split on purpose (no spaces in them)
  env "$@" /usr/bin/time -f "$name $label %e %U %M" -a -o "$WORK/runs.txt" dotnet "$CONSUMER" $(scenario "$name") > /dev/null 2> "$WORK/err.txt" || { cat "$WORK/err.txt" >&2; exit 1; }
  tail -1 "$WORK/runs.txt"
}

echo "input: $INPUT; $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "scenario setting wall_s user_s peak_kb"
for _ in $(seq "$ROUNDS"); do
  for name in $SCENARIOS; do
    run default "$name" DOTNET_NOTHING=0
    run tiering-off "$name" DOTNET_TieredCompilation=0
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| scenario | default: median wall s | user CPU s | tiering off: median wall s | user CPU s | default / off (wall) |"
echo "|---|---:|---:|---:|---:|---:|"
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for name in $SCENARIOS; do
  pick() { awk -v n="$name" -v s="$1" -v c="$2" '$1 == n && $2 == s { print $c }' "$WORK/runs.txt" | median; }
  awk -v n="$name" -v dw="$(pick default 3)" -v du="$(pick default 4)" -v ow="$(pick tiering-off 3)" -v ou="$(pick tiering-off 4)" \
    'BEGIN { printf "| %s | %.2f | %.2f | %.2f | %.2f | %.2fx |\n", n, dw, du, ow, ou, dw / ow }'
done
