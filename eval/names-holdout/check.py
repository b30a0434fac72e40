#!/usr/bin/env python3
"""Sanity checks for the name-drift hold-out set (see README.md)."""
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent
LANGS = ["en", "de", "fr", "es", "ru", "pt"]
OPEN, CLOSE = "\u27e6", "\u27e7"
# Stem used to count established mentions including case forms (default: the form itself).
STEMS = {"Шарапова": "Шарапов", "Мезенцева": "Мезенцев", "Голубицкий": "Голубицк"}

errors, warnings = [], []


def err(f, msg):
    errors.append(f"{f}: {msg}")


def parse_table():
    rows = defaultdict(list)
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\|\s*`([a-z]{2}/[^`]+-drift\.txt)`\s*\|([^|]+)\|([^|]+)\|", line)
        if m:
            rows[m.group(1)].append((m.group(2).strip(), m.group(3).strip()))
    return rows


def word_re(w):
    return re.compile(r"(?<!\w)" + re.escape(w) + r"(?!\w)")


def prefix_re(stem):
    return re.compile(r"(?<!\w)" + re.escape(stem) + r"\w*")


def check_layout(f, text):
    lines = text.split("\n")
    if not lines[0].strip() or (len(lines) > 1 and lines[1].strip()):
        err(f, "line 1 must be a one-line headline followed by a blank line")
    body = "\n".join(lines[1:]).strip()
    paras = [p for p in re.split(r"\n\s*\n", body) if p.strip()]
    if not 5 <= len(paras) <= 8:
        err(f, f"{len(paras)} paragraphs (want 5-8)")
    for i, p in enumerate(paras, 1):
        if "\n" in p.strip():
            err(f, f"paragraph {i} spans several lines")
        plain = p.replace(OPEN, "").replace(CLOSE, "")
        n = len(re.findall(r"[.!?…][»\"”“]?(?=\s+[«\"„“—]?\s*[A-ZÀ-ÝА-ЯЁ¿¡]|\s*$)", plain))
        if not 2 <= n <= 4:
            warnings.append(f"{f}: paragraph {i} has ~{n} sentences")


def main():
    table = parse_table()
    seen_table = set()
    total_marks = Counter()
    for lang in LANGS:
        files = sorted((ROOT / lang).glob("*.txt"))
        if len(files) != 4:
            err(lang, f"{len(files)} files (want 4)")
        kinds = Counter("clean" if p.name.endswith("-clean.txt") else
                        "drift" if p.name.endswith("-drift.txt") else "other" for p in files)
        if kinds != Counter(clean=2, drift=2):
            err(lang, f"file kinds {dict(kinds)} (want 2 clean, 2 drift)")
        for p in files:
            f = f"{lang}/{p.name}"
            text = p.read_text(encoding="utf-8")
            check_layout(f, text)
            # Balance: markers alternate and never span whitespace.
            depth = 0
            for ch in text:
                if ch == OPEN:
                    depth += 1
                    if depth > 1:
                        err(f, "nested opening marker")
                elif ch == CLOSE:
                    depth -= 1
                    if depth < 0:
                        err(f, "closing marker without an opening one")
                        depth = 0
            if depth:
                err(f, "unclosed marker")
            marks = re.findall(OPEN + r"([^" + OPEN + CLOSE + r"]*)" + CLOSE, text)
            for m in marks:
                if not re.fullmatch(r"\w+", m):
                    err(f, f"marker content {m!r} is not a single word")
            total_marks[lang] += len(marks)
            if p.name.endswith("-clean.txt"):
                if marks or OPEN in text or CLOSE in text:
                    err(f, "clean file contains markers")
                continue
            if not 2 <= len(marks) <= 3:
                err(f, f"{len(marks)} marked mentions (want 2-3)")
            rows = table.get(f, [])
            seen_table.add(f)
            if Counter(marks) != Counter(d for _, d in rows):
                err(f, f"marked {sorted(marks)} != README table {sorted(d for _, d in rows)}")
            # Unmarked text: marked spans replaced by a neutral placeholder.
            unmarked = re.sub(OPEN + r"[^" + CLOSE + r"]*" + CLOSE, "#", text)
            by_name = defaultdict(list)
            for est, d in rows:
                by_name[est].append(d)
            for est, drifts in by_name.items():
                stem = STEMS.get(est, est)
                for d in set(drifts):
                    if word_re(d).search(unmarked):
                        err(f, f"drifted form {d!r} also appears unmarked")
                    if d.startswith(stem):
                        err(f, f"drifted form {d!r} looks like an inflection of {est!r}")
                est_hits = list(prefix_re(stem).finditer(unmarked))
                if not est_hits:
                    err(f, f"established {est!r} never appears unmarked")
                    continue
                first_drift = min(text.find(OPEN + d + CLOSE) for d in drifts)
                # Positions in `unmarked` are <= positions in `text`, so compare in `text`.
                first_est = prefix_re(stem).search(
                    re.sub(OPEN + r"[^" + CLOSE + r"]*" + CLOSE,
                           lambda m: "#" * len(m.group(0)), text))
                if first_est.start() > first_drift:
                    err(f, f"first mention of {est!r} comes after a drifted form")
                if len(est_hits) <= len(drifts):
                    err(f, f"{est!r} used {len(est_hits)}x, drifted {len(drifts)}x (want more established)")
                print(f"  {f}: {est} x{len(est_hits)}  vs  {', '.join(drifts)}")
    for f in set(table) - seen_table:
        err(f, "listed in README table but file missing")
    print("marked mentions per language:", dict(total_marks), "total", sum(total_marks.values()))
    for w in warnings:
        print("WARN", w)
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
