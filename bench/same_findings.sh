#!/usr/bin/env bash
# Gate for speed-ups: two translint binaries must print byte-identical JSON over the corpus.
# Usage: bench/same_findings.sh OLD_BINARY [NEW_BINARY] [DIR...]
#   NEW_BINARY defaults to target/release/translint, DIR to target/corpus/mt and target/corpus/human
#   (whichever exist; written by bench/make_corpus.py). Exit 0 when identical, 1 with a diff otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
old="${1:?usage: bench/same_findings.sh OLD_BINARY [NEW_BINARY] [DIR...]}"
new="${2:-target/release/translint}"
shift $(( $# < 2 ? $# : 2 ))
dirs=("$@")
if [ ${#dirs[@]} -eq 0 ]; then
  for d in target/corpus/mt target/corpus/human; do [ -d "$d" ] && dirs+=("$d"); done
fi
if [ ${#dirs[@]} -eq 0 ]; then
  echo "skipped: no corpus; run python3 bench/make_corpus.py first"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for dir in "${dirs[@]}"; do
  # Exit status 1 only means "findings"; compare it too.
  "$old" --format json "$dir" > "$tmp/old.json" && a=0 || a=$?
  "$new" --format json "$dir" > "$tmp/new.json" && b=0 || b=$?
  if [ "$a" != "$b" ] || ! cmp -s "$tmp/old.json" "$tmp/new.json"; then
    echo "DIFFERENT on $dir (exit $a vs $b):"
    diff "$tmp/old.json" "$tmp/new.json" | head -40
    exit 1
  fi
  echo "identical on $dir: $(wc -c < "$tmp/new.json") bytes of JSON, exit $b"
done
