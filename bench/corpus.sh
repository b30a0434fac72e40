#!/usr/bin/env bash
# Corpus benchmark: lints the real articles of ../shared/data/news (one article per file) with the
# full default rule set, on 1 thread and on all cores, and prints MB/s, articles/s and peak RSS.
# Usage: bench/corpus.sh [human|mt|all]   (default: mt, the 26 MB of WMT21 machine translations)
# Skips cleanly (exit 0) when ../shared is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
kind="${1:-mt}"
if [ ! -d ../shared/data/news ]; then
  echo "skipped: ../shared/data/news not found"
  exit 0
fi
python3 bench/make_corpus.py "$kind" target/corpus > /dev/null
cargo build --release -q
dirs=()
if [ "$kind" = all ]; then dirs=(target/corpus/human target/corpus/mt); else dirs=("target/corpus/$kind"); fi
bytes=$(cat $(find "${dirs[@]}" -type f) | wc -c)
files=$(find "${dirs[@]}" -type f | wc -l)
mb=$(python3 -c "print(round($bytes / 1e6, 2))")
echo "corpus: ${dirs[*]}: $files articles, $mb MB"
for threads in 1 "$(nproc)"; do
  # Warm the page cache, then measure.
  RAYON_NUM_THREADS=$threads target/release/translint "${dirs[@]}" --format json > /dev/null || true
  out=$( { RAYON_NUM_THREADS=$threads /usr/bin/time -f "%e %M" target/release/translint "${dirs[@]}" --format json > /dev/null; } 2>&1 | tail -1 || true)
  secs=${out% *}
  rss_kb=${out#* }
  python3 -c "
s=$secs or 0.001
print(f'threads={$threads}: {s:.2f} s, {$bytes/1e6/s:.1f} MB/s, {$files/s:.0f} articles/s, peak RSS {$rss_kb/1024:.0f} MB')"
done
