#!/usr/bin/env python3
"""Sanity checks for the inconsistent-title hold-out set.

- markers ⟦ ⟧ balance, never nest, never empty
- *-clean.txt files contain no markers; *-conflict.txt files contain 1-2
- line 1 is a headline, then 5-7 paragraphs separated by single blank lines,
  each with 2-4 sentences (rough splitter)
- the conflict table in README.md lists exactly the marked phrases per file
Exit status is non-zero on any problem.
"""
import collections, pathlib, re, sys

ROOT = pathlib.Path(__file__).resolve().parent
OPEN, CLOSE = "\u27e6", "\u27e7"
problems = []

def marks(path, text):
    out, depth, start = [], 0, None
    for i, ch in enumerate(text):
        if ch == OPEN:
            if depth:
                problems.append(f"{path}: nested {OPEN} at offset {i}")
            depth, start = depth + 1, i + 1
        elif ch == CLOSE:
            if not depth:
                problems.append(f"{path}: {CLOSE} without {OPEN} at offset {i}")
                continue
            depth -= 1
            phrase = text[start:i]
            if not phrase.strip() or phrase != phrase.strip():
                problems.append(f"{path}: empty or padded marker {phrase!r}")
            out.append(phrase)
    if depth:
        problems.append(f"{path}: unclosed {OPEN}")
    return out

def sentences(par):
    # split after . ! ? (optionally followed by a closing quote) before an
    # upper-case letter or an opening quote/dash; good enough for this set
    parts = re.split(r'(?<=[.!?])["”»“]?\s+(?=[A-ZÀ-ÖØ-ÞА-ЯЁ«„"¡¿—⟦])', par)
    return [p for p in parts if p.strip()]

files = sorted(ROOT.glob("*/*.txt"))
found = collections.defaultdict(list)
counts = collections.Counter()
for f in files:
    rel = f.relative_to(ROOT).as_posix()
    text = f.read_text(encoding="utf-8")
    m = marks(rel, text)
    found[rel] = m
    lang = rel.split("/")[0]
    if f.name.endswith("-clean.txt"):
        kind = "clean"
        if m or OPEN in text or CLOSE in text:
            problems.append(f"{rel}: clean file has markers")
    elif f.name.endswith("-conflict.txt"):
        kind = "conflict"
        if not 1 <= len(m) <= 2:
            problems.append(f"{rel}: {len(m)} markers (want 1-2)")
    else:
        problems.append(f"{rel}: name must end in -clean.txt or -conflict.txt")
        kind = "?"
    counts[(lang, kind)] += 1
    counts[(lang, "marks")] += len(m)
    if not text.endswith("\n") or text.endswith("\n\n"):
        problems.append(f"{rel}: must end with exactly one newline")
    blocks = text.rstrip("\n").split("\n\n")
    head, pars = blocks[0], blocks[1:]
    if "\n" in head or not head.strip():
        problems.append(f"{rel}: headline must be one line followed by a blank line")
    if not 5 <= len(pars) <= 7:
        problems.append(f"{rel}: {len(pars)} paragraphs (want 5-7)")
    for n, p in enumerate(pars, 1):
        if "\n" in p or not p.strip():
            problems.append(f"{rel}: paragraph {n} is not a single non-empty line")
        s = len(sentences(p))
        if not 2 <= s <= 4:
            problems.append(f"{rel}: paragraph {n} has ~{s} sentences (want 2-4)")

# README conflict table: | `lang/file.txt` | person | established | `conflicting` | kind | position |
table = collections.defaultdict(list)
for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
    m = re.match(r"\|\s*`([^`]+\.txt)`\s*\|([^|]*)\|([^|]*)\|\s*`([^`]+)`\s*\|", line)
    if m:
        table[m.group(1)].append(m.group(4))
for rel in sorted(set(found) | set(table)):
    a, b = sorted(found.get(rel, [])), sorted(table.get(rel, []))
    if a != b:
        problems.append(f"{rel}: README table {b} != marked {a}")

langs = sorted({k[0] for k in counts})
print(f"{'lang':5} {'files':>5} {'conflict':>8} {'clean':>5} {'marks':>5}")
for lang in langs:
    c, k = counts[(lang, "conflict")], counts[(lang, "clean")]
    print(f"{lang:5} {c + k:5} {c:8} {k:5} {counts[(lang, 'marks')]:5}")
print(f"{'total':5} {len(files):5} {sum(counts[(l,'conflict')] for l in langs):8} "
      f"{sum(counts[(l,'clean')] for l in langs):5} {sum(counts[(l,'marks')] for l in langs):5}")
for p in problems:
    print("PROBLEM:", p)
print("OK" if not problems else f"{len(problems)} problem(s)")
sys.exit(1 if problems else 0)
