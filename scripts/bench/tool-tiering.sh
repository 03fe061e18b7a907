#!/usr/bin/env bash
# Which runtime settings make the framework-dependent aietl tool (AiEtl.Typed.Cli.any, what `dotnet tool install`
# gives every platform without a native package) fastest as a one-shot process: the package installed from a local
# feed (scripts/pack.sh, NATIVE=0), then the 1M-row CSV -> SQLite pipeline of scripts/bench/aietl.sh and its 10-row
# start-up, with each variant's runtime knob set through its DOTNET_ variable (the same knob the csproj property writes
# into the runtimeconfig), alternating variant by variant, timed by /usr/bin/time; every run, then the medians.
#
#   scripts/bench/tool-tiering.sh          # 3 rounds
#   ROUNDS=5 FEED=/tmp/feed scripts/bench/tool-tiering.sh   # FEED: a feed already packed
set -euo pipefail
cd "$(dirname "$0")/../.."

ROUNDS=${ROUNDS:-3}
INPUT=$PWD/samples/data/customers.1m.large.csv
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: apt-get install -y time" >&2; exit 1; }
[ -f "$INPUT" ] || dotnet run -c Release --project samples/DataGen -- --rows 1000000 --seed 42 --out "$INPUT"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
FEED=${FEED:-}
if [ -z "$FEED" ]; then
  FEED=$WORK/feed
  NATIVE=0 scripts/pack.sh "$FEED" -v q -nologo > "$WORK/pack.log" || { cat "$WORK/pack.log"; exit 1; }
fi
VERSION=$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' Directory.Build.props)
cat > "$WORK/NuGet.config" << XML
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><clear /><add key="local" value="$FEED" /></packageSources></configuration>
XML
NUGET_PACKAGES=$WORK/packages dotnet tool install AiEtl.Typed.Cli.any --version "$VERSION" --tool-path "$WORK/jit" \
  --configfile "$WORK/NuGet.config" > "$WORK/install.log" || { cat "$WORK/install.log"; exit 1; }
head -11 "$INPUT" > "$WORK/ten.csv"
printf 'pipeline:\n  name: to-sqlite\n  source:\n    type: csv\n    config:\n      path: ${BENCH_INPUT}\n  destination:\n    type: sqlite\n    config:\n      path: ${BENCH_OUTPUT}\n      table: customers\n    schema_mode: drop_and_create\n' > "$WORK/to-sqlite.yaml"

# name -> the variable that sets it (the csproj property that writes the same runtimeconfig knob)
variants=(
  "default:"                                # nothing set
  "tc-off:DOTNET_TieredCompilation=0"       # <TieredCompilation>false</TieredCompilation>
  "pgo-off:DOTNET_TieredPGO=0"              # <TieredPGO>false</TieredPGO>
  "loops-off:DOTNET_TC_QuickJitForLoops=0"  # <TieredCompilationQuickJitForLoops>false</TieredCompilationQuickJitForLoops>
  "quickjit-off:DOTNET_TC_QuickJit=0"       # <TieredCompilationQuickJit>false</TieredCompilationQuickJit>
  "pgo-loops-off:DOTNET_TieredPGO=0 DOTNET_TC_QuickJitForLoops=0" # both
)
: > "$WORK/runs.txt"
run() { # name input output
  local name=${1%%:*} setting=${1#*:}
  rm -f "$3"*
  /usr/bin/time -f "$name-$4 %e %U %M" -a -o "$WORK/runs.txt" env $setting "BENCH_INPUT=$2" "BENCH_OUTPUT=$3" \
    "$WORK/jit/aietl" run "$WORK/to-sqlite.yaml" > /dev/null 2> "$WORK/err.txt" || { cat "$WORK/err.txt" >&2; exit 1; }
  tail -1 "$WORK/runs.txt"
}
echo "input: $INPUT; $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$WORK/jit/aietl" run "$WORK/to-sqlite.yaml" > /dev/null 2>&1 < /dev/null || true # warm the page cache
for _ in $(seq "$ROUNDS"); do
  for variant in "${variants[@]}"; do run "$variant" "$INPUT" "$WORK/a.db" 1m; done
  for variant in "${variants[@]}"; do run "$variant" "$WORK/ten.csv" "$WORK/t.db" start; done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| variant | 1M rows -> SQLite: median wall s | user CPU s | peak MB | 10 rows: median wall s |"
echo "|---|---:|---:|---:|---:|"
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for variant in "${variants[@]}"; do
  name=${variant%%:*}
  col() { awk -v n="$name-$1" -v c="$2" '$1 == n { print $c }' "$WORK/runs.txt" | median; }
  awk -v n="$name" -v w="$(col 1m 2)" -v u="$(col 1m 3)" -v k="$(col 1m 4)" -v s="$(col start 2)" \
    'BEGIN { printf "| %s | %.2f | %.2f | %.0f | %.2f |\n", n, w, u, k / 1024, s }'
done
