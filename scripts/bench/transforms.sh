#!/usr/bin/env bash
# The seed's three transforms (null_remover drop -> quality_scorer -> deduplicator on id) into SQLite on the
# customer file made by samples/DataGen, as whole processes with the host's default settings, beside pandas doing
# the same (read_csv, dropna, drop_duplicates, to_sql) in the same run, the scenarios alternating:
#   - typed: tests/AiEtl.TransformBench, a consumer program written from the README (JIT, default tiering);
#   - dynamic: the `aietl` tool running scripts/bench/transforms/three-transforms.yaml (schema inferred);
#   - the typed plain load without the transforms, for their share of the run.
# Each run is timed by /usr/bin/time -v (wall time, peak resident memory); the best of REPEAT rounds is shown.
#
#   scripts/bench/transforms.sh                 # 1,000,000 rows, 3 rounds
#   ROWS=100000 REPEAT=1 scripts/bench/transforms.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

ROWS=${ROWS:-1000000}
REPEAT=${REPEAT:-3}
if [ "$ROWS" = 1000000 ]; then INPUT=samples/data/customers.1m.large.csv; else INPUT=samples/data/customers.$ROWS.large.csv; fi
/usr/bin/python3 -c 'import pandas' 2> /dev/null || { echo "pandas is missing: apt-get install -y python3-pandas" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: apt-get install -y time" >&2; exit 1; }
[ -f "$INPUT" ] || dotnet run -c Release --project samples/DataGen -- --rows "$ROWS" --seed 42 --out "$INPUT"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
dotnet build -c Release --artifacts-path "$WORK/build" tests/AiEtl.TransformBench -v q -nologo > "$WORK/build.log" || { cat "$WORK/build.log"; exit 1; }
dotnet build -c Release --artifacts-path "$WORK/cli" src/AiEtl.Cli -v q -nologo > "$WORK/cli.log" || { cat "$WORK/cli.log"; exit 1; }
TYPED="$WORK/build/bin/AiEtl.TransformBench/release/AiEtl.TransformBench.dll"
AIETL="$WORK/cli/bin/AiEtl.Cli/release/AiEtl.Cli.dll"
export BENCH_INPUT=$PWD/$INPUT

declare -A BEST RSS
run() { # name command...
  local name=$1; shift
  rm -f "$WORK"/*.db
  /usr/bin/time -v -o "$WORK/time.txt" "$@" > "$WORK/out.txt" 2>&1 || { cat "$WORK/out.txt" >&2; exit 1; }
  local wall kib
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$WORK/time.txt")
  kib=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/time.txt")
  if [ -z "${BEST[$name]:-}" ] || awk -v a="$wall" -v b="${BEST[$name]}" 'BEGIN { exit !(a < b) }'; then BEST[$name]=$wall; RSS[$name]=$kib; fi
}

echo "input: $INPUT ($ROWS rows, $(du -m "$INPUT" | cut -f1) MB); $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq "$REPEAT"); do
  run "pandas three transforms -> SQLite" /usr/bin/python3 scripts/bench/transforms/pandas_three.py "$INPUT" "$WORK/pandas.db"
  run "AiEtl typed three transforms, JIT" dotnet "$TYPED" "$INPUT" "$WORK/typed.db"
  BENCH_DATABASE=$WORK/dynamic.db run "aietl dynamic three transforms, JIT" dotnet "$AIETL" run scripts/bench/transforms/three-transforms.yaml
  run "AiEtl typed plain load, JIT" dotnet "$TYPED" "$INPUT" "$WORK/plain.db" plain
done

echo "| scenario                               | wall s  | rows/s     | peak MB  | vs pandas |"
echo "|----------------------------------------|---------|------------|----------|-----------|"
for name in "pandas three transforms -> SQLite" "AiEtl typed three transforms, JIT" "aietl dynamic three transforms, JIT" "AiEtl typed plain load, JIT"; do
  awk -v n="$name" -v s="${BEST[$name]}" -v k="${RSS[$name]}" -v r="$ROWS" -v p="${BEST["pandas three transforms -> SQLite"]}" \
    'BEGIN { printf "| %-38s | %7.2f | %10.0f | %8.0f | %8.2fx |\n", n, s, r / s, k / 1024, p / s }'
done
awk -v t="${BEST["AiEtl typed three transforms, JIT"]}" -v p="${BEST["AiEtl typed plain load, JIT"]}" \
  'BEGIN { printf "the transforms cost %.0f %% of the typed run over the plain load\n", (t - p) / t * 100 }'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
