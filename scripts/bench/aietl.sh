#!/usr/bin/env bash
# The `aietl` tool as a user installs it, beside the peers on the same file, alternating run by run:
#   - the packages made by scripts/pack.sh into a local feed, and installed from it with `dotnet tool install --tool-path`:
#   - native: `AiEtl.Typed.Cli`, which installs AiEtl.Typed.Cli.linux-x64, the Native AOT binary (skip with AOT=0);
#   - JIT: `AiEtl.Typed.Cli.any`, the framework-dependent tool every other platform installs (by its own id: `--arch`
#     cannot choose it on linux-x64);
#   - CSV -> SQLite against `sqlite3 .import --csv --skip 1` into the table aietl made (schema inferred);
#   - CSV -> JSONL against Miller (`mlr --icsv --ojsonl cat`);
#   - CSV -> PostgreSQL against `psql \copy ... csv header` into a copy of aietl's table;
#   - start-up: a 10-row file -> SQLite.
# Every run is timed by /usr/bin/time (wall, user CPU, peak memory) and printed, then the medians and ratios.
#
#   scripts/bench/aietl.sh               # 1,000,000 rows, 3 rounds
#   ROUNDS=1 AOT=0 scripts/bench/aietl.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

ROUNDS=${ROUNDS:-3}
AOT=${AOT:-1}
INPUT=$PWD/samples/data/customers.1m.large.csv
for tool in sqlite3 psql mlr; do
  command -v "$tool" > /dev/null || { echo "$tool is missing: apt-get install -y sqlite3 postgresql-client miller" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: apt-get install -y time" >&2; exit 1; }
[ -f "$INPUT" ] || dotnet run -c Release --project samples/DataGen -- --rows 1000000 --seed 42 --out "$INPUT"

WORK=$(mktemp -d)
NATIVE=$AOT scripts/pack.sh "$WORK/feed" -v q -nologo > "$WORK/pack.log" || { cat "$WORK/pack.log"; exit 1; }
VERSION=$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' Directory.Build.props)
cat > "$WORK/NuGet.config" << XML
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><clear /><add key="local" value="$WORK/feed" /></packageSources></configuration>
XML
install() { # tool-path package
  NUGET_PACKAGES=$WORK/packages dotnet tool install "$2" --version "$VERSION" --tool-path "$WORK/$1" \
    --configfile "$WORK/NuGet.config" > "$WORK/install.log" || { cat "$WORK/install.log"; exit 1; }
}
install jit AiEtl.Typed.Cli.any
TOOLS=(jit)
if [ "$AOT" = 1 ]; then
  install aot AiEtl.Typed.Cli
  [ ! -e "$WORK/aot/.store/aietl.typed.cli/$VERSION/aietl.typed.cli.any" ] || { echo "AiEtl.Typed.Cli installed the JIT tool" >&2; exit 1; }
  TOOLS+=(aot)
fi
eval "$(scripts/start-postgres.sh 2> /dev/null)"
trap 'scripts/stop-postgres.sh "$AIETL_PG_ROOT" 2> /dev/null; rm -rf "$WORK"' EXIT
setting() { tr ';' '\n' <<< "$AIETL_TEST_POSTGRES" | awk -F= -v k="$1" 'tolower($1) == tolower(k) { print substr($0, index($0, "=") + 1) }'; }
export PGHOST=$(setting Host) PGPORT=$(setting Port) PGUSER=$(setting Username) PGDATABASE=$(setting Database)
head -11 "$INPUT" > "$WORK/ten.csv"

# One pipeline file per destination; the input and the output come from the environment.
pipeline() { # name destination-yaml
  printf 'pipeline:\n  name: %s\n  source:\n    type: csv\n    config:\n      path: ${BENCH_INPUT}\n  destination:\n%s\n' "$1" "$2" > "$WORK/$1.yaml"
}
pipeline to-sqlite '    type: sqlite
    config:
      path: ${BENCH_OUTPUT}
      table: customers
    schema_mode: drop_and_create'
pipeline to-jsonl '    type: jsonl
    config:
      path: ${BENCH_OUTPUT}'
pipeline to-postgres "    type: postgres
    config:
      host: $PGHOST
      port: $PGPORT
      username: $PGUSER
      database: $PGDATABASE
      table: customers
    schema_mode: drop_and_create"

: > "$WORK/runs.txt"
run() { # name command...
  local name=$1; shift
  /usr/bin/time -f "$name %e %U %M" -a -o "$WORK/runs.txt" "$@" > /dev/null 2> "$WORK/err.txt" || { cat "$WORK/err.txt" >&2; exit 1; }
  tail -1 "$WORK/runs.txt"
}
aietl() { # tool pipeline input output: the command line of one aietl run, for run() and /usr/bin/time
  echo env "BENCH_INPUT=$3" "BENCH_OUTPUT=$4" "$WORK/$1/aietl" run "$WORK/$2.yaml"
}

echo "input: $INPUT; $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
$(aietl jit to-sqlite "$INPUT" "$WORK/first.db") > /dev/null 2>&1
TABLE=$(sqlite3 "$WORK/first.db" .schema | grep -v aietl_)
$(aietl jit to-postgres "$INPUT" -) > /dev/null 2>&1 # the table psql's copy is made like
echo "name wall_s user_s peak_kb"
for _ in $(seq "$ROUNDS"); do
  rm -f "$WORK"/s.db*; sqlite3 "$WORK/s.db" "PRAGMA journal_mode=WAL;" "$TABLE" > /dev/null
  run sqlite3-import sqlite3 "$WORK/s.db" ".import --csv --skip 1 $INPUT customers"
  # The peer into a file with AiEtl's page size (16 KB), reported beside: the ratios stay against sqlite3's default.
  rm -f "$WORK"/s.db*; sqlite3 "$WORK/s.db" "PRAGMA page_size=16384;" "PRAGMA journal_mode=WAL;" "$TABLE" > /dev/null
  run sqlite3-import-16k sqlite3 "$WORK/s.db" ".import --csv --skip 1 $INPUT customers"
  for tool in "${TOOLS[@]}"; do rm -f "$WORK"/a.db*; run "aietl-$tool-sqlite" $(aietl "$tool" to-sqlite "$INPUT" "$WORK/a.db"); done
  run miller-jsonl mlr --icsv --ojsonl cat "$INPUT"
  for tool in "${TOOLS[@]}"; do run "aietl-$tool-jsonl" $(aietl "$tool" to-jsonl "$INPUT" "$WORK/a.jsonl"); done
  psql -X -q -c 'DROP TABLE IF EXISTS psql_copy' -c 'CREATE TABLE psql_copy (LIKE customers INCLUDING ALL)'
  run psql-copy psql -X -q -c "\\copy psql_copy FROM '$INPUT' csv header"
  for tool in "${TOOLS[@]}"; do run "aietl-$tool-postgres" $(aietl "$tool" to-postgres "$INPUT" -); done
  rm -f "$WORK"/t.db*; sqlite3 "$WORK/t.db" "PRAGMA journal_mode=WAL;" "$TABLE" > /dev/null
  run sqlite3-start sqlite3 "$WORK/t.db" ".import --csv --skip 1 $WORK/ten.csv customers"
  for tool in "${TOOLS[@]}"; do rm -f "$WORK"/t.db*; run "aietl-$tool-start" $(aietl "$tool" to-sqlite "$WORK/ten.csv" "$WORK/t.db"); done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| scenario | median wall s | median user CPU s | peak MB | vs peer (wall) |"
echo "|---|---:|---:|---:|---:|"
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for name in $(awk '{ print $1 }' "$WORK/runs.txt" | awk '!seen[$0]++'); do
  wall=$(awk -v n="$name" '$1 == n { print $2 }' "$WORK/runs.txt" | median)
  user=$(awk -v n="$name" '$1 == n { print $3 }' "$WORK/runs.txt" | median)
  peak=$(awk -v n="$name" '$1 == n { print $4 }' "$WORK/runs.txt" | median)
  case $name in *-sqlite | sqlite3-import*) peer=sqlite3-import ;; *-jsonl) peer=miller-jsonl ;; *-postgres | psql-copy) peer=psql-copy ;; *) peer=sqlite3-start ;; esac
  peerwall=$(awk -v n="$peer" '$1 == n { print $2 }' "$WORK/runs.txt" | median)
  awk -v n="$name" -v w="$wall" -v u="$user" -v k="$peak" -v p="$peerwall" 'BEGIN { printf "| %s | %.2f | %.2f | %.0f | %s |\n", n, w, u, k / 1024, (p > 0 && w > 0) ? sprintf("%.2fx", p / w) : "-" }'
done
