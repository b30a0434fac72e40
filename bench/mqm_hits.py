#!/usr/bin/env python3
"""How often translint's flags on MQM-annotated machine translation overlap a rater's error span.

Usage: bench/mqm_hits.py [--rules PATH]... [--all] [--show N]

Reads ../shared/data/mqm/*.jsonl (WMT23 en-de and zh-en news, 10 MT systems, 3 professional raters
per segment), writes each (document, system) as one text file under target/corpus/mqm/<lp>/ with the
segment targets joined by "\\n" (as the data's README says), runs the release binary with
`--format json --lang <target language>` over each language pair, and maps every flag's byte span to
code points of the joined text. A flag is a hit when it overlaps the span of any rater's error on the
target side (errors count code points in each segment's `target`, shifted by the segment's offset).

Printed per rule of category garble or language (all rules with --all): flags, hits, the share of
flags that are hits, and the MQM categories of the errors hit. For comparison, the share of target
characters that lie inside some error span is printed per language pair: a flag of one character
placed at random overlaps an error that often. Raters miss things, so a flag no rater marked is not
always wrong: the share is a conservative precision estimate.

--rules P  also load the rule packs at P (opt-in packs such as extra/)
--all      report every rule, not only garble and language ones
--show N   print up to N flags per rule with their context and whether they hit

Exits 0 with a message, doing nothing, when ../shared/data is absent.
"""
import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "..", "shared", "data", "mqm")
OUT = os.path.join(ROOT, "target", "corpus", "mqm")
BINARY = os.path.join(ROOT, "target", "release", "translint")
FOCUS = {"garble", "language"}


def safe(name):
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name)


def run(args):
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True)


def load_documents():
    """(lp, path) → {"text", "errors": [(start, end, category)]} for every (doc, system)."""
    docs = {}
    for filename in sorted(os.listdir(DATA)):
        if not filename.endswith(".jsonl"):
            continue
        with open(os.path.join(DATA, filename), encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                lp = record["lp"]
                folder = os.path.join(OUT, lp)
                os.makedirs(folder, exist_ok=True)
                path = os.path.join(folder, safe(record["doc"]) + "." + safe(record["system"]) + ".txt")
                offset = 0
                errors = []
                targets = []
                for segment in record["segments"]:
                    target = segment["target"] or ""
                    for e in segment.get("errors", []):
                        if e.get("side") != "target":
                            continue
                        start, end = e.get("span_start"), e.get("span_end")
                        if start is None or end is None or start < 0:
                            continue
                        start, end = min(start, len(target)), min(end, len(target))
                        errors.append((offset + start, offset + max(end, start + 1), e["category"]))
                    targets.append(target)
                    offset += len(target) + 1
                text = "\n".join(targets) + "\n"
                with open(path, "w", encoding="utf-8") as g:
                    g.write(text)
                docs[os.path.realpath(path)] = {"lp": lp, "text": text, "errors": errors}
    return docs


def byte_to_char(text):
    """A function mapping byte offsets of `text` (UTF-8) to code-point offsets."""
    table = []
    for i, c in enumerate(text):
        table.extend([i] * len(c.encode("utf-8")))
    table.append(len(text))
    return lambda b: table[min(b, len(table) - 1)]


def main():
    args = sys.argv[1:]
    show = int(args[args.index("--show") + 1]) if "--show" in args else 0
    every = "--all" in args
    extra = []
    for i, arg in enumerate(args):
        if arg == "--rules" and i + 1 < len(args):
            extra += ["--rules", os.path.abspath(args[i + 1])]
    if not os.path.isdir(DATA):
        print(f"skipped: {DATA} not found (../shared/data is not beside this checkout)")
        return 0
    built = run(["cargo", "build", "--release", "--quiet"])
    if built.returncode != 0:
        sys.stderr.write(built.stderr)
        return 2
    docs = load_documents()
    diagnostics = []
    for lp in sorted({d["lp"] for d in docs.values()}):
        target_language = lp.split("-")[1]
        linted = run([BINARY, "--format", "json", "--lang", target_language] + extra
                     + [os.path.join(OUT, lp)])
        if linted.returncode not in (0, 1):
            sys.stderr.write(linted.stderr)
            return 2
        diagnostics += json.loads(linted.stdout)["diagnostics"]

    for lp in sorted({d["lp"] for d in docs.values()}):
        covered = total = 0
        segments = 0
        for d in docs.values():
            if d["lp"] != lp:
                continue
            inside = set()
            for start, end, _ in d["errors"]:
                inside.update(range(start, end))
            covered += len(inside)
            total += len(d["text"])
            segments += d["text"].count("\n")
        print(f"{lp}: {sum(1 for d in docs.values() if d['lp'] == lp)} documents, {segments} segments; "
              f"{100 * covered / max(total, 1):.1f}% of target characters lie inside a rater's error span")

    per_rule = defaultdict(lambda: {"flags": 0, "hits": 0, "categories": Counter(), "category": "",
                                    "samples": []})
    maps = {}
    for diag in diagnostics:
        path = os.path.realpath(diag["path"] if os.path.isabs(diag["path"]) else os.path.join(ROOT, diag["path"]))
        doc = docs.get(path)
        if doc is None:
            continue
        if path not in maps:
            maps[path] = byte_to_char(doc["text"])
        to_char = maps[path]
        start, end = to_char(diag["span"]["start"]), to_char(diag["span"]["end"])
        end = max(end, start + 1)
        hit = [c for s, e, c in doc["errors"] if s < end and start < e]
        entry = per_rule[diag["rule"]]
        entry["category"] = diag["category"]
        entry["flags"] += 1
        if hit:
            entry["hits"] += 1
            entry["categories"].update(set(hit))
        if len(entry["samples"]) < show:
            text = doc["text"]
            context = (text[max(0, start - 40):start] + "[" + text[start:end] + "]" + text[end:end + 40])
            entry["samples"].append(("HIT " if hit else "miss") + " " + context.replace("\n", "⏎"))

    print(f"\n{'rule':32} {'category':11} {'flags':>6} {'hits':>6} {'share':>6}  MQM categories hit")
    for rule in sorted(per_rule):
        entry = per_rule[rule]
        if not every and entry["category"] not in FOCUS:
            continue
        share = entry["hits"] / entry["flags"] if entry["flags"] else 0.0
        top = ", ".join(f"{c} {n}" for c, n in entry["categories"].most_common(3))
        print(f"{rule:32} {entry['category']:11} {entry['flags']:6} {entry['hits']:6} {share:6.2f}  {top}")
        for sample in entry["samples"]:
            print(f"    {sample}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
