#!/usr/bin/env bash
# Makes the 1,000,000-row benchmark input if it is missing, then runs the benchmarks:
#   scripts/bench.sh [arguments for tests/AiEtl.Benchmarks, e.g. --filter '*Csv*']
# The input is samples/data/customers.1m.large.csv (gitignored), also exported as AIETL_BENCH_CSV.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export AIETL_BENCH_CSV=$PWD/samples/data/customers.1m.large.csv
if [[ ! -f $AIETL_BENCH_CSV ]]; then
  echo "bench.sh: generating $AIETL_BENCH_CSV" >&2
  dotnet run -c Release --project samples/DataGen -- --rows 1000000 --seed 42 --out "$AIETL_BENCH_CSV"
fi

if compgen -G 'tests/AiEtl.Benchmarks/*.csproj' >/dev/null; then
  exec dotnet run -c Release --project tests/AiEtl.Benchmarks -- "$@"
fi
echo "bench.sh: tests/AiEtl.Benchmarks does not exist yet; nothing to run" >&2
exit 1
