#!/usr/bin/env bash
# End-to-end throughput of the file adapters (issue 4): CSV -> JSONL and CSV -> CSV.gz on the
# customer file made by samples/DataGen, typed ([EtlRecord]) and dynamic (Record with an inferred
# schema), side by side with Miller in the same run. Each scenario is its own process, timed by
# /usr/bin/time -v for wall time and peak resident memory; the best of REPEAT runs is shown. The harness
# records a multi-core JIT profile per scenario on its first run, which the later runs replay (a batch host
# would keep one beside it the same way; see "Host settings" in docs/benchmarks.md).
#
#   scripts/bench/files.sh                 # 1,000,000 rows, 3 repetitions
#   ROWS=100000 REPEAT=1 scripts/bench/files.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

ROWS=${ROWS:-1000000}
REPEAT=${REPEAT:-3}
if [ "$ROWS" = 1000000 ]; then INPUT=samples/data/customers.1m.large.csv; else INPUT=samples/data/customers.$ROWS.large.csv; fi
command -v mlr > /dev/null || { echo "Miller is missing: apt-get install -y miller" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: apt-get install -y time" >&2; exit 1; }
[ -f "$INPUT" ] || dotnet run -c Release --project samples/DataGen -- --rows "$ROWS" --out "$INPUT"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# A build of its own, so a BenchmarkDotNet run of the same project elsewhere is not disturbed.
dotnet build -c Release --artifacts-path "$WORK/build" tests/AiEtl.Benchmarks -v q -nologo > "$WORK/build.log" || { cat "$WORK/build.log"; exit 1; }
DLL="$WORK/build/bin/AiEtl.Benchmarks/release/AiEtl.Benchmarks.dll"

measure() { # name command... ; prints the best run: wall seconds, rows/s, CPU seconds (user + system), peak RSS
  local name=$1 best="" rss="" cpu=""; shift
  for _ in $(seq "$REPEAT"); do
    /usr/bin/time -v -o "$WORK/time.txt" "$@" > /dev/null 2> "$WORK/err.txt" || { cat "$WORK/err.txt" >&2; exit 1; }
    local wall kib
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$WORK/time.txt")
    kib=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/time.txt")
    used=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$WORK/time.txt")
    if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$wall; rss=$kib; cpu=$used; fi
  done
  awk -v n="$name" -v s="$best" -v k="$rss" -v r="$ROWS" -v c="$cpu" 'BEGIN { printf "| %-34s | %7.2f | %10.0f | %6.2f | %8.0f |\n", n, s, r / s, c, k / 1024 }'
}

echo "input: $INPUT ($ROWS rows, $(du -m "$INPUT" | cut -f1) MB); $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| scenario                           | wall s  | rows/s     | CPU s  | peak MB  |"
echo "|------------------------------------|---------|------------|--------|----------|"
measure "AiEtl typed CSV -> JSONL" dotnet "$DLL" files typed jsonl "$INPUT" "$WORK/typed.jsonl"
measure "AiEtl dynamic CSV -> JSONL" dotnet "$DLL" files dynamic jsonl "$INPUT" "$WORK/dynamic.jsonl"
measure "Miller CSV -> JSONL" sh -c "mlr --icsv --ojsonl cat '$INPUT' > '$WORK/mlr.jsonl'"
measure "AiEtl typed CSV -> CSV.gz" dotnet "$DLL" files typed csvgz "$INPUT" "$WORK/typed.csv.gz"
measure "AiEtl dynamic CSV -> CSV.gz" dotnet "$DLL" files dynamic csvgz "$INPUT" "$WORK/dynamic.csv.gz"
measure "Miller CSV -> CSV, gzip -1" sh -c "mlr --icsv --ocsv cat '$INPUT' | gzip -1 > '$WORK/mlr.csv.gz'"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
