#!/usr/bin/env python3
"""Sanity checks for the inconsistent-title evaluation set.

Checks: UTF-8; line 1 is a headline followed by a blank line; 5-8 body
paragraphs of one line each, separated by single blank lines; every ⟦ has a
matching ⟧ with no nesting and no empty or multi-line span; files named
*-clean.txt contain no markers; every other file has 1-3 marked titles.
Prints per-language counts and every marked span. Exit status 1 on failure.
"""
import re
import sys
from pathlib import Path

# The set to check: this folder, or a sibling set named on the command line
# (`python3 eval/titles/check.py eval/titles-blind`), which uses the same format.
ROOT = next((Path(a).resolve() for a in sys.argv[1:] if not a.startswith("-")),
            Path(__file__).resolve().parent)
SENT = re.compile(r"[.!?…](?:[»“”\"’)]*)\s+(?=[«„“\"(—A-ZÀ-ÖØ-ÞА-ЯЁ¿¡⟦])")

def spans(text):
    out, depth, start = [], 0, None
    for i, ch in enumerate(text):
        if ch == "⟦":
            if depth:
                raise ValueError(f"nested ⟦ at offset {i}")
            depth, start = 1, i
        elif ch == "⟧":
            if not depth:
                raise ValueError(f"unmatched ⟧ at offset {i}")
            inner = text[start + 1:i]
            if not inner.strip() or "\n" in inner or inner != inner.strip():
                raise ValueError(f"bad span {inner!r}")
            out.append(inner)
            depth = 0
    if depth:
        raise ValueError("unclosed ⟦")
    return out

def main():
    errors, summary, marked = [], {}, []
    files = sorted(ROOT.glob("*/*.txt"))
    for f in files:
        rel = f.relative_to(ROOT)
        try:
            text = f.read_text(encoding="utf-8")
        except UnicodeDecodeError as e:
            errors.append(f"{rel}: not UTF-8 ({e})")
            continue
        lines = text.rstrip("\n").split("\n")
        if len(lines) < 3 or not lines[0].strip() or lines[1] != "":
            errors.append(f"{rel}: expected headline, blank line, body")
            continue
        body = lines[2:]
        paras = body[0::2]
        if any(l != "" for l in body[1::2]) or any(not p.strip() for p in paras):
            errors.append(f"{rel}: paragraphs must be single lines separated by one blank line")
        if not 5 <= len(paras) <= 8:
            errors.append(f"{rel}: {len(paras)} paragraphs (want 5-8)")
        for n, p in enumerate(paras, 1):
            s = len(SENT.split(p.replace("⟦", "").replace("⟧", "")))
            if not 2 <= s <= 4:
                errors.append(f"{rel}: paragraph {n} has ~{s} sentences (want 2-4)")
        try:
            sp = spans(text)
        except ValueError as e:
            errors.append(f"{rel}: {e}")
            continue
        if "⟦" in lines[0]:
            errors.append(f"{rel}: marker in headline")
        clean = f.name.endswith("-clean.txt")
        if clean and sp:
            errors.append(f"{rel}: clean file has {len(sp)} marker(s)")
        if not clean and not 1 <= len(sp) <= 3:
            errors.append(f"{rel}: {len(sp)} markers (want 1-3)")
        lang = rel.parts[0]
        d = summary.setdefault(lang, [0, 0, 0, 0])
        d[0] += 1
        d[1 if not clean else 2] += 1
        d[3] += len(sp)
        marked += [(str(rel), s) for s in sp]
    print("lang  files  conflict  clean  marked")
    tot = [0, 0, 0, 0]
    for lang, d in sorted(summary.items()):
        print(f"{lang:5} {d[0]:5} {d[1]:9} {d[2]:6} {d[3]:7}")
        tot = [a + b for a, b in zip(tot, d)]
    print(f"{'all':5} {tot[0]:5} {tot[1]:9} {tot[2]:6} {tot[3]:7}")
    if "-v" in sys.argv:
        for rel, s in marked:
            print(f"  {rel}: ⟦{s}⟧")
    for e in errors:
        print("ERROR", e)
    return 1 if errors else 0

if __name__ == "__main__":
    sys.exit(main())
