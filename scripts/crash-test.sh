#!/usr/bin/env bash
# The kill harness at length: builds tests/AiEtl.IntegrationTests (Release, which builds the crash writer first), starts
# PostgreSQL, and runs the crash trials (tests/AiEtl.IntegrationTests/Crash) with TRIALS random-time kills per case
# (destination x mode) beside the fixed named instants; then prints one row per case and instant: how many trials
# ran, how many ended with the destination exactly the input and each bad row dead-lettered once, how many did not.
#
#   scripts/crash-test.sh [TRIALS]          # default 20 random-time kills per case (CI runs 2)
# Environment:
#   AIETL_TEST_POSTGRES   the server; when unset, scripts/start-postgres.sh starts one (stopped at the end)
#   AIETL_CRASH_OUT       where the report and the log go (default TestResults/crash-test)
#   AIETL_TEST_TIMEOUT    time limit of the test run, as for timeout(1) (default 2h)
# Exits 1 when any trial was not exact.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO=$(pwd -P)
TRIALS=${1:-20}
OUT=${AIETL_CRASH_OUT:-$REPO/TestResults/crash-test}
TIMEOUT=${AIETL_TEST_TIMEOUT:-2h}
PROJECT=tests/AiEtl.IntegrationTests
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log() { printf 'crash-test.sh: %s\n' "$*" >&2; }

[[ $TRIALS =~ ^[0-9]+$ ]] || { log "TRIALS must be a number, not '$TRIALS'"; exit 2; }
command -v python3 >/dev/null || { log "python3 is missing (it reads the test report)"; exit 1; }

if [[ -z ${AIETL_TEST_POSTGRES:-} ]]; then
  eval "$(scripts/start-postgres.sh)"
  trap 'scripts/stop-postgres.sh "$AIETL_PG_ROOT"' EXIT
fi
export AIETL_TEST_POSTGRES AIETL_CRASH_TRIALS=$TRIALS

rm -rf "$OUT"
mkdir -p "$OUT"
log "building $PROJECT (Release)"
dotnet build "$PROJECT" -c Release -v q -nologo >"$OUT/build.log" 2>&1 || { cat "$OUT/build.log"; log "build failed"; exit 1; }

log "running the crash trials with $TRIALS random-time kills per case (log: $OUT/crash-test.log)"
rc=0
timeout --kill-after=30s "$TIMEOUT" \
  dotnet test --project "$PROJECT" -c Release --no-build --no-ansi --no-progress \
  --results-directory "$OUT" --report-xunit-xml --report-xunit-xml-filename crash-test.xml \
  -- --filter-class '*Crash*' >"$OUT/crash-test.log" 2>&1 </dev/null || rc=$?
if [[ ! -s $OUT/crash-test.xml ]]; then
  tail -n 30 "$OUT/crash-test.log" >&2
  log "the test run wrote no report (exit code $rc)"
  exit 1
fi

# One row per destination, mode and instant; the random-time kills of a case are one row.
python3 - "$OUT/crash-test.xml" <<'PY'
import re, sys, xml.etree.ElementTree as ET
rows, first = {}, {}
for test in ET.parse(sys.argv[1]).iter("test"):
    # The name quotes each argument as C# does: destination: \"sqlite\".
    m = re.search(r'destination: \\?"([^"\\]+)\\?", mode: \\?"([^"\\]+)\\?", instant: \\?"([^"\\]+)\\?"', test.get("name", ""))
    if not m:
        continue
    destination, mode, instant = m.groups()
    instant = "random" if instant.startswith("random #") else instant
    key = (destination, mode, instant)
    exact, not_exact = rows.get(key, (0, 0))
    if test.get("result") == "Pass":
        rows[key] = (exact + 1, not_exact)
    else:
        rows[key] = (exact, not_exact + 1)
        message = test.findtext("failure/message") or ""
        first.setdefault(key, message.split("\n")[0].split(": ", 1)[-1][:160])
order = {"sqlite": 0, "postgres": 1, "jsonl": 2, "csv": 3}
print(f"{'case':<58} {'trials':>6} {'exact':>6} {'not exact':>9}  first failure")
bad = 0
for key in sorted(rows, key=lambda k: (order.get(k[0], 9), k[1], k[2])):
    exact, not_exact = rows[key]
    bad += not_exact
    print(f"{' '.join(key):<58} {exact + not_exact:>6} {exact:>6} {not_exact:>9}  {first.get(key, '')}")
total = sum(e + n for e, n in rows.values())
print(f"{total} trials, {total - bad} exact, {bad} not exact")
sys.exit(1 if bad else 0)
PY
