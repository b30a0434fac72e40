#!/usr/bin/env bash
# Side-by-side throughput: translint next to proselint (PyPI), textlint with textlint-rule-prh (npm)
# and Translate Toolkit's pofilter (PyPI), on the same English machine-translated articles of
# ../shared/data/news. Prints wall time, MB/s and how many times faster translint is (1 thread and
# all cores).
#
# Usage: bench/compare.sh [FILES]   (default 1000 articles; COMPARE_DIR overrides the install folder)
#
# The tools are installed once into a throwaway folder under target/ (a Python venv and an npm
# prefix), never by translint itself. A tool that cannot be installed (no network, no registry,
# no python3/npm) is skipped with a message; without ../shared everything is skipped (exit 0).
# The figures compare speed only: the tools check different things (proselint: English style;
# textlint-rule-prh: a spelling dictionary, here five of translint's substitution rules; pofilter:
# source/translation consistency of PO entries, each paragraph one entry).
set -uo pipefail
cd "$(dirname "$0")/.."
count="${1:-1000}"
work="${COMPARE_DIR:-target/compare}"
if [ ! -d ../shared/data/news ]; then
  echo "skipped: ../shared/data/news not found"
  exit 0
fi
python3 bench/make_corpus.py mt target/corpus > /dev/null
cargo build --release -q || exit 1
mkdir -p "$work"
work=$(cd "$work" && pwd)

# The same files for every tool: the first COUNT English articles, copied into one folder.
files="$work/files"
rm -rf "$files"
mkdir -p "$files"
find target/corpus/mt/en -name '*.txt' | sort | head -n "$count" | xargs -I{} cp {} "$files/"
n=$(find "$files" -name '*.txt' | wc -l)
bytes=$(cat "$files"/*.txt | wc -c)
echo "corpus: $n English MT articles, $(python3 -c "print(round($bytes / 1e6, 2))") MB (in $files)"

# Wall time of a command in seconds (output discarded; tools exit non-zero when they find problems).
seconds() {
  local start end
  start=$(date +%s.%N)
  "$@" > /dev/null 2>&1
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.3f}')"
}

# Installs (once) into $work; each returns non-zero when the tool is unavailable.
install_python() {
  [ -x "$work/venv/bin/pofilter" ] && [ -x "$work/venv/bin/proselint" ] && return 0
  python3 -m venv "$work/venv" > /dev/null 2>&1 || return 1
  timeout 600 "$work/venv/bin/pip" install -q proselint translate-toolkit > /dev/null 2>&1
}
install_npm() {
  [ -x "$work/npm/node_modules/.bin/textlint" ] && return 0
  command -v npm > /dev/null || return 1
  timeout 600 npm install --prefix "$work/npm" --silent --no-audit --no-fund \
    textlint textlint-rule-prh > /dev/null 2>&1
}

declare -A times
times[translint-1]=$(RAYON_NUM_THREADS=1 seconds target/release/translint "$files" --format json)
times[translint-1]=$(RAYON_NUM_THREADS=1 seconds target/release/translint "$files" --format json)
times[translint-all]=$(seconds target/release/translint "$files" --format json)

if install_python; then
  times[proselint]=$(seconds "$work/venv/bin/proselint" check "$files")
  # Each paragraph one PO entry, the text as both source and translation.
  po="$work/po"
  rm -rf "$po"
  mkdir -p "$po"
  python3 - "$files" "$po" <<'EOF'
import os, sys
src, out = sys.argv[1], sys.argv[2]
def quote(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'
for name in sorted(os.listdir(src)):
    with open(os.path.join(src, name), encoding="utf-8") as f:
        paragraphs = [p.strip() for p in f.read().split("\n") if p.strip()]
    with open(os.path.join(out, name[:-4] + ".po"), "w", encoding="utf-8") as g:
        g.write('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
        for p in paragraphs:
            g.write(f"msgid {quote(p)}\nmsgstr {quote(p)}\n\n")
EOF
  times[pofilter]=$(seconds "$work/venv/bin/pofilter" "$po" "$work/pofilter-out")
else
  echo "skipped: proselint and pofilter (could not install from PyPI)"
fi

if install_npm; then
  # Five of rules/en/news-en.toml's substitutions as a prh dictionary.
  cat > "$work/prh.yml" <<'EOF'
version: 1
rules:
  - expected: Kyiv
    pattern: /\bKiev\b/
  - expected: Mykolaiv
    pattern: /\bNikolaye?v\b/
  - expected: Dnipro
    pattern: /\bDnepropetrovsk\b/
  - expected: Mumbai
    pattern: /\bBombay\b/
  - expected: Eswatini
    pattern: /\bSwaziland\b/
EOF
  printf '{ "rules": { "prh": { "rulePaths": ["%s"] } } }\n' "$work/prh.yml" > "$work/textlintrc.json"
  times[textlint-prh]=$(cd "$work/npm" && seconds node_modules/.bin/textlint \
    --config "$work/textlintrc.json" --format json "$files")
else
  echo "skipped: textlint (could not install from npm)"
fi

python3 - "$bytes" "$n" "${times[translint-1]}" "${times[translint-all]}" \
  "proselint=${times[proselint]:-}" "textlint-prh=${times[textlint-prh]:-}" \
  "pofilter=${times[pofilter]:-}" <<'EOF'
import sys
bytes_, n, one, allc = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
mb = bytes_ / 1e6
print(f"{'tool':16} {'seconds':>8} {'MB/s':>8} {'articles/s':>11} {'translint ×1 thread':>20} {'translint ×all cores':>21}")
print(f"{'translint -j1':16} {one:8.2f} {mb/one:8.2f} {n/one:11.0f}")
print(f"{'translint':16} {allc:8.2f} {mb/allc:8.2f} {n/allc:11.0f}")
for arg in sys.argv[5:]:
    name, _, t = arg.partition("=")
    if not t:
        continue
    t = float(t)
    print(f"{name:16} {t:8.2f} {mb/t:8.2f} {n/t:11.0f} {t/one:19.0f}× {t/allc:20.0f}×")
EOF
