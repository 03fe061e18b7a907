#!/usr/bin/env bash
# Typed AiEtl loads CSV -> SQLite and CSV -> PostgreSQL beside `sqlite3 .import --csv --skip 1` and
# `psql -c "\copy ... csv header"`, on the same file, into the same typed tables, alternating tool by tool,
# for a number of rounds; prints rows/s, the ratio to the reference tool and peak memory (medians).
#
#   scripts/bench/databases.sh [ROUNDS]        # default 3
# Environment:
#   AIETL_BENCH_CSV       the input (default samples/data/customers.1m.large.csv, made with samples/DataGen when missing)
#   AIETL_TEST_POSTGRES   the server; when unset, scripts/start-postgres.sh starts one (stopped at the end)
#   AIETL_BENCH_OUT       where logs and BenchmarkDotNet artifacts go (default TestResults/bench-databases)
# AiEtl runs in the BenchmarkDotNet process (tests/AiEtl.Benchmarks/Databases, in-process, one warm-up load and
# one measured load per process); its peak memory is that process's maximum RSS (/usr/bin/time -v), so it
# includes BenchmarkDotNet itself, as the CsvOnly row (reading the file into a null destination) shows.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
REPO=$(pwd -P)
ROUNDS=${1:-3}
CSV=${AIETL_BENCH_CSV:-$REPO/samples/data/customers.1m.large.csv}
OUT=${AIETL_BENCH_OUT:-$REPO/TestResults/bench-databases}
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
log() { printf 'databases.sh: %s\n' "$*" >&2; }

command -v sqlite3 >/dev/null || { log "sqlite3 is missing (apt-get install sqlite3)"; exit 1; }
[[ -x /usr/bin/time ]] || { log "/usr/bin/time is missing (apt-get install time)"; exit 1; }
if [[ ! -f $CSV ]]; then
  log "generating $CSV"
  dotnet run -c Release --project samples/DataGen -- --rows 1000000 --seed 42 --out "$CSV"
fi
ROWS=$(($(wc -l <"$CSV") - 1))

if [[ -z ${AIETL_TEST_POSTGRES:-} ]]; then
  eval "$(scripts/start-postgres.sh)"
  trap 'scripts/stop-postgres.sh "$AIETL_PG_ROOT"' EXIT
fi
export AIETL_TEST_POSTGRES AIETL_BENCH_CSV=$CSV AIETL_BENCH_ITERATIONS=1

# psql takes the same server as the connection string (Host=...;Port=...;Username=...;Database=...[;Password=...]).
setting() { tr ';' '\n' <<<"$AIETL_TEST_POSTGRES" | awk -F= -v k="$1" 'tolower($1) == tolower(k) { print substr($0, index($0, "=") + 1) }'; }
export PGHOST=$(setting Host) PGPORT=$(setting Port) PGUSER=$(setting Username) PGDATABASE=$(setting Database)
[[ -z $(setting Password) ]] || export PGPASSWORD=$(setting Password)
psql_() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

rm -rf "$OUT"
mkdir -p "$OUT"
log "building tests/AiEtl.Benchmarks (Release)"
dotnet build -c Release tests/AiEtl.Benchmarks -v q -nologo >"$OUT/build.log"
BENCH=$REPO/tests/AiEtl.Benchmarks/bin/Release/net10.0/AiEtl.Benchmarks.dll
SQLITE_OUT=${TMPDIR:-/tmp}/aietl-bench-databases/bench.db # where DatabaseLoadBenchmarks writes

# One BenchmarkDotNet process for one method; prints "seconds peak_kb" of its measured load.
aietl() {
  local name=$1 dir=$OUT/$1-$2
  /usr/bin/time -v -o "$dir.time" dotnet "$BENCH" --filter "*DatabaseLoadBenchmarks.$name" --artifacts "$dir" >"$dir.log" 2>&1 ||
    { log "$name failed, see $dir.log"; exit 1; }
  python3 - "$dir" <<'PY'
import csv, glob, sys
rows = list(csv.DictReader(open(glob.glob(sys.argv[1] + "/results/*-measurements.csv")[0])))
actual = [r for r in rows if r["Measurement_IterationMode"] == "Workload" and r["Measurement_IterationStage"] == "Actual"]
print(float(actual[-1]["Measurement_Nanoseconds"]) / 1e9)
PY
}
peak() { awk -F': ' '/Maximum resident set size/ { print $2 }' "$1"; }

# The reference tools load into tables made exactly like AiEtl's (taken from AiEtl's own run).
sqlite_import() {
  local db=$OUT/import.db
  rm -f "$db" "$db-wal" "$db-shm"
  sqlite3 "$db" "PRAGMA journal_mode=WAL;" "$(sqlite3 "$SQLITE_OUT" '.schema customers')" >/dev/null
  /usr/bin/time -v -o "$OUT/sqlite3-$1.time" sqlite3 "$db" ".import --csv --skip 1 $CSV customers" >"$OUT/sqlite3-$1.log" 2>&1
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$OUT/sqlite3-$1.time"
}
psql_copy() {
  psql_ -c 'CREATE SCHEMA IF NOT EXISTS psql_bench; DROP TABLE IF EXISTS psql_bench.customers; CREATE TABLE psql_bench.customers (LIKE aietl_bench.customers INCLUDING ALL)'
  /usr/bin/time -v -o "$OUT/psql-$1.time" psql -X -q -v ON_ERROR_STOP=1 -c "\\copy psql_bench.customers FROM '$CSV' csv header" >"$OUT/psql-$1.log" 2>&1
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$OUT/psql-$1.time"
}

: >"$OUT/runs.tsv"
for round in $(seq 1 "$ROUNDS"); do
  log "round $round of $ROUNDS"
  printf 'aietl-csv-only\t%s\t%s\n' "$(aietl CsvOnly "$round")" "$(peak "$OUT/CsvOnly-$round.time")" >>"$OUT/runs.tsv"
  printf 'aietl-sqlite\t%s\t%s\n' "$(aietl CsvToSqlite "$round")" "$(peak "$OUT/CsvToSqlite-$round.time")" >>"$OUT/runs.tsv"
  printf 'sqlite3-import\t%s\t%s\n' "$(sqlite_import "$round")" "$(peak "$OUT/sqlite3-$round.time")" >>"$OUT/runs.tsv"
  printf 'aietl-postgres\t%s\t%s\n' "$(aietl CsvToPostgres "$round")" "$(peak "$OUT/CsvToPostgres-$round.time")" >>"$OUT/runs.tsv"
  printf 'psql-copy\t%s\t%s\n' "$(psql_copy "$round")" "$(peak "$OUT/psql-$round.time")" >>"$OUT/runs.tsv"
done

# The loaded row counts must match the file.
[[ $(sqlite3 "$SQLITE_OUT" 'SELECT count(*) FROM customers') == "$ROWS" ]] || { log "AiEtl SQLite row count differs"; exit 1; }
[[ $(sqlite3 "$OUT/import.db" 'SELECT count(*) FROM customers') == "$ROWS" ]] || { log "sqlite3 row count differs"; exit 1; }
[[ $(psql_ -tAc 'SELECT count(*) FROM aietl_bench.customers') == "$ROWS" ]] || { log "AiEtl PostgreSQL row count differs"; exit 1; }
[[ $(psql_ -tAc 'SELECT count(*) FROM psql_bench.customers') == "$ROWS" ]] || { log "psql row count differs"; exit 1; }

python3 - "$OUT/runs.tsv" "$ROWS" "$ROUNDS" "$(nproc)" <<'PY'
import statistics, sys
runs, rows, rounds, cores = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
by = {}
for line in open(runs):
    name, seconds, kb = line.split("\t")
    by.setdefault(name, []).append((float(seconds), int(kb)))
med = {k: (statistics.median(s for s, _ in v), max(kb for _, kb in v), sorted(s for s, _ in v)) for k, v in by.items()}
ref = {"aietl-sqlite": "sqlite3-import", "aietl-postgres": "psql-copy"}
print(f"{rows:,} rows, {rounds} alternating rounds, {cores} cores; median of the rounds, peak RSS the largest")
print()
print("| run | seconds (median) | all rounds | rows/s | vs reference | peak memory |")
print("|---|---:|---|---:|---:|---:|")
for name in ["aietl-csv-only", "aietl-sqlite", "sqlite3-import", "aietl-postgres", "psql-copy"]:
    seconds, kb, all_ = med[name]
    ratio = f"{med[ref[name]][0] / seconds:.2f}x" if name in ref else ""
    print(f"| {name} | {seconds:.2f} | {', '.join(f'{s:.2f}' for s in all_)} | {rows / seconds:,.0f} | {ratio} | {kb / 1024:.0f} MB |")
PY
