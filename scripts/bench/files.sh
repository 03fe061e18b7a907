#!/usr/bin/env bash
# End-to-end throughput of the file adapters (issue 4): CSV -> JSONL and CSV -> CSV.gz on the
# customer file made by samples/DataGen, typed ([EtlRecord]) and dynamic (Record with an inferred
# schema), each as a JIT build and as a Native AOT publication, side by side with Miller in the same
# run. Each scenario is its own process, timed by /usr/bin/time -v for wall time and peak resident
# memory; the best of REPEAT runs is shown, then each AiEtl run's speed as a multiple of Miller's. The JIT
# build records a multi-core JIT profile per scenario on its first run, which the later runs replay (a batch host
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
# Builds of their own, so a BenchmarkDotNet run elsewhere is not disturbed: the harness as a JIT build (run with
# `dotnet`, tiered compilation off) and the same project published with Native AOT (tests/AiEtl.FileBench).
dotnet build -c Release --artifacts-path "$WORK/build" tests/AiEtl.FileBench -v q -nologo > "$WORK/build.log" || { cat "$WORK/build.log"; exit 1; }
dotnet publish -c Release -r linux-x64 --artifacts-path "$WORK/aot" -o "$WORK/aot/out" tests/AiEtl.FileBench -v q -nologo > "$WORK/publish.log" || { cat "$WORK/publish.log"; exit 1; }
DLL="$WORK/build/bin/AiEtl.FileBench/release/AiEtl.FileBench.dll"
AOT="$WORK/aot/out/AiEtl.FileBench"

declare -A BEST # scenario name -> best wall seconds, for the ratios at the end
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
  BEST[$name]=$best
  awk -v n="$name" -v s="$best" -v k="$rss" -v r="$ROWS" -v c="$cpu" 'BEGIN { printf "| %-34s | %7.2f | %10.0f | %6.2f | %8.0f |\n", n, s, r / s, c, k / 1024 }'
}

echo "input: $INPUT ($ROWS rows, $(du -m "$INPUT" | cut -f1) MB); $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| scenario                           | wall s  | rows/s     | CPU s  | peak MB  |"
echo "|------------------------------------|---------|------------|--------|----------|"
measure "AiEtl typed CSV -> JSONL, JIT" dotnet "$DLL" typed jsonl "$INPUT" "$WORK/typed.jsonl"
measure "AiEtl typed CSV -> JSONL, AOT" "$AOT" typed jsonl "$INPUT" "$WORK/typed-aot.jsonl"
measure "AiEtl dynamic CSV -> JSONL, JIT" dotnet "$DLL" dynamic jsonl "$INPUT" "$WORK/dynamic.jsonl"
measure "AiEtl dynamic CSV -> JSONL, AOT" "$AOT" dynamic jsonl "$INPUT" "$WORK/dynamic-aot.jsonl"
measure "Miller CSV -> JSONL" sh -c "mlr --icsv --ojsonl cat '$INPUT' > '$WORK/mlr.jsonl'"
measure "AiEtl typed CSV -> CSV.gz, JIT" dotnet "$DLL" typed csvgz "$INPUT" "$WORK/typed.csv.gz"
measure "AiEtl typed CSV -> CSV.gz, AOT" "$AOT" typed csvgz "$INPUT" "$WORK/typed-aot.csv.gz"
measure "AiEtl dynamic CSV -> CSV.gz, JIT" dotnet "$DLL" dynamic csvgz "$INPUT" "$WORK/dynamic.csv.gz"
measure "AiEtl dynamic CSV -> CSV.gz, AOT" "$AOT" dynamic csvgz "$INPUT" "$WORK/dynamic-aot.csv.gz"
measure "Miller CSV -> CSV, gzip -1" sh -c "mlr --icsv --ocsv cat '$INPUT' | gzip -1 > '$WORK/mlr.csv.gz'"
ratio() { # AiEtl scenario, Miller scenario
  awk -v n="$1" -v a="${BEST[$1]}" -v m="${BEST[$2]}" 'BEGIN { printf "%-34s %5.2fx Miller\n", n, m / a }'
}
echo
for name in "${!BEST[@]}"; do
  case $name in
    *JSONL,*) ratio "$name" "Miller CSV -> JSONL" ;;
    *CSV.gz,*) ratio "$name" "Miller CSV -> CSV, gzip -1" ;;
  esac
done | sort
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
