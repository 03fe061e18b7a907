#!/usr/bin/env bash
# The one test command: restore, build (Release), check formatting, start PostgreSQL, run every
# test project under tests/ (not the benchmarks), and end with one line `N passed, N failed, N skipped`
# summed from each project's xUnit XML report. Exits non-zero when any step or any project failed.
#
#   scripts/test.sh
# Environment:
#   AIETL_TEST_TIMEOUT   time limit for one test project, as for timeout(1) (default 20m); a project
#                        that runs longer is killed, with its test processes, and counts as failed
#   AIETL_TEST_RESULTS   where the per-project reports and logs go (default TestResults/test.sh)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO=$(pwd -P)
SLN=AiEtl.Typed.sln
RESULTS=${AIETL_TEST_RESULTS:-$REPO/TestResults/test.sh}
TIMEOUT=${AIETL_TEST_TIMEOUT:-20m}
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

PASSED=0 FAILED=0 SKIPPED=0
STATUS=0 # becomes 1 when any step or project fails
PROBLEMS=()

say() { printf '\n==> %s\n' "$*"; }
problem() {
  printf 'test.sh: %s\n' "$*" >&2
  PROBLEMS+=("$*")
  STATUS=1
}

stop_postgres() {
  if [[ -n ${AIETL_PG_ROOT:-} ]]; then
    scripts/stop-postgres.sh "$AIETL_PG_ROOT" || true
    unset AIETL_PG_ROOT
  fi
}
CHILD="" # the running `timeout dotnet test`, leader of its own process group
# shellcheck disable=SC2317 # called from the traps below
on_signal() {
  if [[ -n $CHILD ]]; then kill -TERM -- "-$CHILD" 2>/dev/null || true; fi
  exit "$1" # runs the EXIT trap, which stops PostgreSQL
}
trap stop_postgres EXIT
trap 'on_signal 129' HUP
trap 'on_signal 130' INT
trap 'on_signal 143' TERM

# Prints what went wrong, then the summary as the very last line, and exits.
finish() {
  stop_postgres
  if [[ ${#PROBLEMS[@]} -gt 0 ]]; then
    printf '\nProblems:\n'
    printf '  - %s\n' "${PROBLEMS[@]}"
  fi
  printf '%d passed, %d failed, %d skipped\n' "$PASSED" "$FAILED" "$SKIPPED"
  exit "$STATUS"
}

# Sums one attribute over the <assembly ...> elements of an xUnit v2+ XML report.
xml_count() {
  tr '\n' ' ' <"$1" | grep -o '<assembly [^>]*>' | grep -o " $2=\"[0-9]*\"" | tr -dc '0-9\n' |
    awk '{ s += $1 } END { print s + 0 }' || true
}

# Reads `name: N` from the test platform's closing summary (fallback when there is no report).
summary_count() {
  sed -E 's/\x1b\[[0-9;?]*[A-Za-z]//g' "$1" | grep -E "^[[:space:]]*$2:[[:space:]]*[0-9]+[[:space:]]*$" |
    tail -n1 | tr -dc '0-9' || true
}

# 1-3. Restore, build, formatting.
say "dotnet restore $SLN"
dotnet restore "$SLN" || { problem "restore failed"; finish; }

say "dotnet build $SLN -c Release"
dotnet build "$SLN" -c Release --no-restore || { problem "build failed; no tests were run"; finish; }

# dotnet format's workspace loads the generator from its Debug output: without it, code that uses generated types
# (QuickstartPipeline, CompiledPipelines) looks broken and its usings unused.
say "dotnet build generators/AiEtl.Generators -c Debug (for dotnet format)"
dotnet build generators/AiEtl.Generators/AiEtl.Generators.csproj -c Debug --no-restore >/dev/null || problem "the generator's Debug build failed"

say "dotnet format $SLN --verify-no-changes"
if ! dotnet format "$SLN" --verify-no-changes --no-restore; then
  problem "formatting is off: run \`dotnet format $SLN\` and commit the result"
fi

# 4. PostgreSQL for the integration tests.
say "starting PostgreSQL"
if pg_env=$(scripts/start-postgres.sh); then
  eval "$pg_env"
  export AIETL_TEST_POSTGRES AIETL_PG_ROOT
else
  problem "scripts/start-postgres.sh failed; tests that need PostgreSQL cannot pass"
fi

# 5. Every test project under tests/, except the benchmarks.
mapfile -t PROJECTS < <(find tests \( -name bin -o -name obj -o -path tests/AiEtl.Benchmarks \) -prune -o \
  -type f \( -name '*.Tests.csproj' -o -name '*.IntegrationTests.csproj' \) -print | LC_ALL=C sort)
[[ ${#PROJECTS[@]} -gt 0 ]] || { problem "no test projects (*.Tests.csproj, *.IntegrationTests.csproj) under tests/"; finish; }

mkdir -p "$RESULTS"
for proj in "${PROJECTS[@]}"; do
  name=$(basename "$proj" .csproj)
  report_dir=$RESULTS/$name
  report=$report_dir/$name.xml
  log=$report_dir/$name.log
  rm -rf "$report_dir"
  mkdir -p "$report_dir"
  : >"$log" # exists before tail opens it

  say "dotnet test --project $proj"
  # timeout(1) puts the run in its own process group and kills all of it, test host included,
  # when time is up (the test platform's own --timeout only cancels; a blocking test stays).
  # It runs in the background so that a signal reaches the traps above at once; tail shows
  # its output live and ends with it.
  timeout --kill-after=30s "$TIMEOUT" \
    dotnet test --project "$proj" -c Release --no-build --no-ansi --no-progress \
    --results-directory "$report_dir" --report-xunit-xml --report-xunit-xml-filename "$name.xml" \
    >>"$log" 2>&1 </dev/null &
  CHILD=$!
  tail -n +1 -f --pid="$CHILD" "$log" &
  tail_pid=$!
  rc=0
  wait "$CHILD" || rc=$?
  CHILD=""
  wait "$tail_pid" || true

  if [[ -s $report ]] && grep -q '<assembly ' "$report"; then
    p=$(xml_count "$report" passed)
    f=$(($(xml_count "$report" failed) + $(xml_count "$report" errors)))
    s=$(($(xml_count "$report" skipped) + $(xml_count "$report" not-run)))
    source="report"
  else
    # No report: the test process crashed or never started. Take what the summary says it ran.
    p=$(summary_count "$log" succeeded)
    f=$(summary_count "$log" failed)
    s=$(summary_count "$log" skipped)
    p=${p:-0} f=${f:-0} s=${s:-0}
    source="console summary (no XML report)"
  fi

  if [[ $rc -eq 124 || $rc -eq 137 ]]; then
    f=$((f + 1))
    problem "$name did not finish within $TIMEOUT and was killed; counted as 1 more failure"
  elif [[ $rc -ne 0 && $f -eq 0 ]]; then
    # Crashed, ran no test, or failed outside a test: one failure, not zero.
    f=1
    problem "$name exited with code $rc without a failing test (a crash, or no test ran); counted as 1 failure"
  elif [[ $rc -ne 0 ]]; then
    problem "$name: $f failed (exit code $rc)"
  elif [[ $source != report ]]; then
    f=$((f + 1))
    problem "$name exited 0 but wrote no report; counted as 1 failure"
  fi

  printf '%s: %d passed, %d failed, %d skipped (from the %s)\n' "$name" "$p" "$f" "$s" "$source"
  PASSED=$((PASSED + p)) FAILED=$((FAILED + f)) SKIPPED=$((SKIPPED + s))
done

finish
