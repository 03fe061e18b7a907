#!/usr/bin/env bash
# Whole-process loads of the customer file made by samples/DataGen, as a user runs them: tests/AiEtl.TransformBench,
# a consumer program written from the README (JIT, default tiering, default options), beside the peers on the same
# file, alternating run by run:
#   - CSV -> SQLite against `sqlite3 .import --csv --skip 1` into the same typed table (made by AiEtl's first run), and
#     beside it the same import into a file with AiEtl's 16 KB pages (the ratios are against sqlite3's default);
#   - CSV -> JSONL against Miller (`mlr --icsv --ojsonl cat`), and the consumer published with Native AOT (a plain
#     `dotnet publish -p:PublishAot=true`; AOT=0 leaves it out) into SQLite and JSONL;
#   - CSV -> PostgreSQL against `psql \copy ... csv header` into the same table (tags as text: psql cannot read a JSON
#     array into text[]), and AiEtl with --commit-every 10 and 50 beside the default, to measure the commit size.
# Each run is timed by /usr/bin/time (wall, user CPU, peak memory); every run is printed, then the medians and ratios.
#
#   scripts/bench/loads.sh            # 1,000,000 rows, 3 rounds
#   ROWS=100000 ROUNDS=1 AOT=0 scripts/bench/loads.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

ROWS=${ROWS:-1000000}
ROUNDS=${ROUNDS:-3}
AOT=${AOT:-1}
if [ "$ROWS" = 1000000 ]; then INPUT=$PWD/samples/data/customers.1m.large.csv; else INPUT=$PWD/samples/data/customers.$ROWS.large.csv; fi
for tool in sqlite3 mlr; do
  command -v "$tool" > /dev/null || { echo "$tool is missing: apt-get install -y sqlite3 miller" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: apt-get install -y time" >&2; exit 1; }
[ -f "$INPUT" ] || dotnet run -c Release --project samples/DataGen -- --rows "$ROWS" --seed 42 --out "$INPUT"

WORK=$(mktemp -d)
dotnet build -c Release --artifacts-path "$WORK/build" tests/AiEtl.TransformBench -v q -nologo > "$WORK/build.log" || { cat "$WORK/build.log"; exit 1; }
CONSUMER="$WORK/build/bin/AiEtl.TransformBench/release/AiEtl.TransformBench.dll"
if [ "$AOT" = 1 ]; then
  dotnet publish -c Release -r linux-x64 -p:PublishAot=true --artifacts-path "$WORK/aot" tests/AiEtl.TransformBench -v q -nologo > "$WORK/aot.log" || { cat "$WORK/aot.log"; exit 1; }
  NATIVE="$WORK/aot/publish/AiEtl.TransformBench/release_linux-x64/AiEtl.TransformBench"
fi
eval "$(scripts/start-postgres.sh 2> /dev/null)"
trap 'scripts/stop-postgres.sh "$AIETL_PG_ROOT" 2> /dev/null; rm -rf "$WORK"' EXIT
setting() { tr ';' '\n' <<< "$AIETL_TEST_POSTGRES" | awk -F= -v k="$1" 'tolower($1) == tolower(k) { print substr($0, index($0, "=") + 1) }'; }
export PGHOST=$(setting Host) PGPORT=$(setting Port) PGUSER=$(setting Username) PGDATABASE=$(setting Database)

: > "$WORK/runs.txt"
run() { # name command...
  local name=$1; shift
  /usr/bin/time -f "$name %e %U %M" -a -o "$WORK/runs.txt" "$@" > /dev/null 2> "$WORK/err.txt" || { cat "$WORK/err.txt" >&2; exit 1; }
  tail -1 "$WORK/runs.txt"
}

echo "input: $INPUT ($ROWS rows); $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$CONSUMER" "$INPUT" "$WORK/first.db" plain > /dev/null
dotnet "$CONSUMER" "$INPUT" "$AIETL_TEST_POSTGRES" plain --to postgres > /dev/null
TABLE=$(sqlite3 "$WORK/first.db" .schema | grep -v aietl_)
head -11 "$INPUT" > "$WORK/ten.csv" # start-up: a 10-row file end to end
echo "name wall_s user_s peak_kb"
for _ in $(seq "$ROUNDS"); do
  rm -f "$WORK"/s.db*; sqlite3 "$WORK/s.db" "PRAGMA journal_mode=WAL;" "$TABLE" > /dev/null
  run "sqlite3-import" sqlite3 "$WORK/s.db" ".import --csv --skip 1 $INPUT customers"
  # The peer into a file with AiEtl's page size (16 KB), reported beside: the ratios stay against sqlite3's default.
  rm -f "$WORK"/s.db*; sqlite3 "$WORK/s.db" "PRAGMA page_size=16384;" "PRAGMA journal_mode=WAL;" "$TABLE" > /dev/null
  run "sqlite3-import-16k" sqlite3 "$WORK/s.db" ".import --csv --skip 1 $INPUT customers"
  rm -f "$WORK"/p.db*; run "aietl-sqlite" dotnet "$CONSUMER" "$INPUT" "$WORK/p.db" plain
  if [ "$AOT" = 1 ]; then rm -f "$WORK"/p.db*; run "aietl-native-sqlite" "$NATIVE" "$INPUT" "$WORK/p.db" plain; fi
  run "miller-jsonl" sh -c "mlr --icsv --ojsonl cat '$INPUT' > '$WORK/m.jsonl'"
  run "aietl-jsonl" dotnet "$CONSUMER" "$INPUT" "$WORK/a.jsonl" plain --to jsonl
  if [ "$AOT" = 1 ]; then run "aietl-native-jsonl" "$NATIVE" "$INPUT" "$WORK/a.jsonl" plain --to jsonl; fi
  psql -X -q -c 'DROP TABLE IF EXISTS psql_copy; CREATE TABLE psql_copy (LIKE customers INCLUDING ALL); ALTER TABLE psql_copy ALTER COLUMN tags TYPE text'
  run "psql-copy" psql -X -q -c "\\copy psql_copy FROM '$INPUT' csv header"
  run "aietl-postgres" dotnet "$CONSUMER" "$INPUT" "$AIETL_TEST_POSTGRES" plain --to postgres
  run "aietl-postgres-commit10" dotnet "$CONSUMER" "$INPUT" "$AIETL_TEST_POSTGRES" plain --to postgres --commit-every 10
  run "aietl-postgres-commit50" dotnet "$CONSUMER" "$INPUT" "$AIETL_TEST_POSTGRES" plain --to postgres --commit-every 50
  rm -f "$WORK"/t.db*; sqlite3 "$WORK/t.db" "PRAGMA journal_mode=WAL;" "$TABLE" > /dev/null
  run "sqlite3-start" sqlite3 "$WORK/t.db" ".import --csv --skip 1 $WORK/ten.csv customers"
  rm -f "$WORK"/t.db*; run "aietl-start" dotnet "$CONSUMER" "$WORK/ten.csv" "$WORK/t.db" plain
  if [ "$AOT" = 1 ]; then rm -f "$WORK"/t.db*; run "aietl-native-start" "$NATIVE" "$WORK/ten.csv" "$WORK/t.db" plain; fi
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
  case $name in *-start) peer=sqlite3-start ;; sqlite3-import* | *-sqlite) peer=sqlite3-import ;; *-jsonl) peer=miller-jsonl ;; *) peer=psql-copy ;; esac
  peerwall=$(awk -v n="$peer" '$1 == n { print $2 }' "$WORK/runs.txt" | median)
  awk -v n="$name" -v w="$wall" -v u="$user" -v k="$peak" -v p="$peerwall" 'BEGIN { printf "| %s | %.2f | %.2f | %.0f | %s |\n", n, w, u, k / 1024, (p > 0 && w > 0) ? sprintf("%.2fx", p / w) : "-" }'
done
