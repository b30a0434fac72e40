#!/usr/bin/env python3
"""Recall of language.untranslated on planted sentences.

Usage: bench/untranslated_recall.py [--seed N] [--misses N]

Takes the clean articles of ../shared/data/news/wmt21_human_docs.jsonl in en, de, fr and ru, plants
into each one line taken from an article in another of these languages (a segment of 8 to 40 words,
chosen with a fixed seed), writes them under target/corpus/planted/<lang>/, runs the release binary
with `--select language --lang <lang>` (language.untranslated for sentences in a script the document
uses, language.foreign-script for the others), and prints per pair of languages how many planted
lines were flagged (recall) and how many flags fell elsewhere (false positives).

--misses N   print up to N planted lines that were not flagged

Exits 0 with a message, doing nothing, when ../shared/data is absent.
"""
import json
import os
import random
import re
import subprocess
import sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "..", "shared", "data", "news", "wmt21_human_docs.jsonl")
OUT = os.path.join(ROOT, "target", "corpus", "planted")
BINARY = os.path.join(ROOT, "target", "release", "translint")
LANGS = ["en", "de", "fr", "ru"]


def main():
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 1
    show = int(sys.argv[sys.argv.index("--misses") + 1]) if "--misses" in sys.argv else 0
    if not os.path.exists(DATA):
        print(f"skipped: {DATA} not found (../shared/data is not beside this checkout)")
        return 0
    built = subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT)
    if built.returncode != 0:
        return 2
    docs = defaultdict(list)
    with open(DATA, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            if d["lang"] in LANGS:
                docs[d["lang"]].append(d)
    donors = {
        lang: [s for d in docs[lang] for s in d["segments"] if 8 <= len(s.split()) <= 40]
        for lang in LANGS
    }
    rng = random.Random(seed)
    planted = {}
    for lang in LANGS:
        folder = os.path.join(OUT, lang)
        os.makedirs(folder, exist_ok=True)
        for old in os.listdir(folder):
            os.remove(os.path.join(folder, old))
        for i, d in enumerate(docs[lang]):
            if len(d["segments"]) < 3:
                continue
            other = rng.choice([l for l in LANGS if l != lang])
            sentence = rng.choice(donors[other])
            segments = list(d["segments"])
            at = rng.randrange(1, len(segments))
            segments.insert(at, sentence)
            text = "\n".join(segments) + "\n"
            start = len("\n".join(segments[:at]).encode("utf-8")) + 1
            end = start + len(sentence.encode("utf-8"))
            path = os.path.join(folder, f"{i:04d}.{other}.txt")
            with open(path, "w", encoding="utf-8") as g:
                g.write(text)
            planted[os.path.realpath(path)] = (lang, other, start, end, sentence)
    found = defaultdict(list)
    for lang in LANGS:
        run = subprocess.run(
            [BINARY, "--format", "json", "--select", "language", "--lang", lang,
             os.path.join(OUT, lang)],
            cwd=ROOT, capture_output=True, text=True)
        for diag in json.loads(run.stdout)["diagnostics"]:
            path = os.path.realpath(diag["path"] if os.path.isabs(diag["path"])
                                    else os.path.join(ROOT, diag["path"]))
            found[path].append((diag["span"]["start"], diag["span"]["end"]))
    totals = defaultdict(lambda: [0, 0, 0])
    misses = []
    for path, (lang, other, start, end, sentence) in planted.items():
        spans = found.get(path, [])
        hit = any(s < end and start < e for s, e in spans)
        if not hit:
            misses.append(f"{lang} ← {other}: {sentence}")
        elsewhere = sum(1 for s, e in spans if not (s < end and start < e))
        entry = totals[(lang, other)]
        entry[0] += 1
        entry[1] += hit
        entry[2] += elsewhere
    print(f"{'document':9} {'planted':8} {'articles':>8} {'flagged':>8} {'recall':>7} {'other flags':>11}")
    all_n = all_hit = all_other = 0
    for (lang, other), (n, hit, elsewhere) in sorted(totals.items()):
        print(f"{lang:9} {other:8} {n:8} {hit:8} {hit / n:7.2f} {elsewhere:11}")
        all_n, all_hit, all_other = all_n + n, all_hit + hit, all_other + elsewhere
    print(f"{'all':9} {'':8} {all_n:8} {all_hit:8} {all_hit / max(all_n, 1):7.2f} {all_other:11}")
    for miss in misses[:show]:
        print("  missed", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
