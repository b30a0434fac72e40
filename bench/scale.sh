#!/usr/bin/env bash
# Size curve: one article of 1, 2, 5 and 10 MB (English MT articles of ../shared/data/news joined
# into target/scale/<n>mb.txt), linted with the full default rule set; prints wall time, MB/s and
# peak RSS for each. Skips cleanly (exit 0) when ../shared is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d ../shared/data/news ]; then
  echo "skipped: ../shared/data/news not found"
  exit 0
fi
python3 bench/make_corpus.py mt target/corpus > /dev/null
cargo build --release -q
mkdir -p target/scale
for mb in 1 2 5 10; do
  python3 - "$mb" <<'PY'
import glob, sys
mb = int(sys.argv[1])
out, size = [], 0
files = sorted(glob.glob("target/corpus/mt/en/*.txt"))
while size < mb * 1_000_000:
    for name in files:
        text = open(name, encoding="utf-8").read()
        out.append(text)
        size += len(text.encode())
        if size >= mb * 1_000_000:
            break
open(f"target/scale/{mb}mb.txt", "w", encoding="utf-8").write("\n".join(out))
PY
  out=$( { /usr/bin/time -f "%e %M" target/release/translint "target/scale/${mb}mb.txt" --lang en \
    --format json > /dev/null; } 2>&1 | tail -1 || true)
  secs=${out% *}
  rss_kb=${out#* }
  bytes=$(wc -c < "target/scale/${mb}mb.txt")
  python3 -c "
s = max($secs, 0.01)
print(f'{$mb:>2} MB: {s:.2f} s, {$bytes / 1e6 / s:.1f} MB/s, peak RSS {$rss_kb / 1024:.0f} MB')"
done
