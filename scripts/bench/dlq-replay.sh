#!/usr/bin/env bash
# The peak memory of `aietl dlq replay` on a large dead-letter file (docs/configuration.md, "dlq replay"): the case of
# tests/AiEtl.Cli.Tests DlqTests.Replay_of_100k_entries_..., as whole processes timed by /usr/bin/time. 100,000 rows
# with a 400-byte name all fail at extract (qty is text, declared integer) into dlq.jsonl; the pipeline is then fixed
# (qty a string) and replayed: the even ids load, the odd ones fail again at the validator (age 200 > 150) and stay.
#
#   scripts/bench/dlq-replay.sh            # 100,000 entries
#   ROWS=200000 scripts/bench/dlq-replay.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

ROWS=${ROWS:-100000}
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: apt-get install -y time" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
dotnet publish -c Release -o "$WORK/aietl" src/AiEtl.Cli -v q -nologo > "$WORK/publish.log" || { cat "$WORK/publish.log"; exit 1; }
AIETL=$WORK/aietl/AiEtl.Cli

cd "$WORK"
awk -v rows="$ROWS" 'BEGIN {
  pad = sprintf("%400s", ""); gsub(/ /, "x", pad)
  print "id,name,qty,age"
  for (id = 1; id <= rows; id++) printf "%d,%s,q%d,%d\n", id, pad, id, (id % 2 == 0 ? 20 : 200)
}' > in.csv
pipeline() { # qty's type
  cat > p.yaml << EOF
pipeline:
  name: dlq-bench
  source:
    type: csv
    config:
      path: in.csv
    schema:
      name: items
      fields:
        - { name: id, type: integer, primary_key: true }
        - { name: name, type: string }
        - { name: qty, type: $1 }
        - { name: age, type: integer, max_value: 150 }
  destination:
    type: sqlite
    config:
      path: out.db
      table: items
      write_mode: merge
  error_handling:
    on_extract_error: skip
    on_transform_error: skip
    on_load_error: skip
    dead_letter_queue: dlq.jsonl
EOF
}
pipeline integer
/usr/bin/time -f "run: %e s wall, %M KB peak" "$AIETL" run p.yaml > /dev/null
echo "dead-letter file: $(wc -l < dlq.jsonl) entries, $(($(stat -c %s dlq.jsonl) / 1000000)) MB"
pipeline string
/usr/bin/time -f "dlq replay: %e s wall, %M KB peak" "$AIETL" dlq replay p.yaml | tail -4
