#!/usr/bin/env python3
"""False positives of every rule on clean, professionally written or translated news.

Usage: bench/false_positives.py [--show N] [--check] [--rules PATH]...

Builds the corpus of ../shared/data/news/wmt21_human_docs.jsonl with `bench/make_corpus.py human`
(target/corpus/human), builds and runs the release binary with `--format json` over it, and prints,
for every loaded rule, its flags and its flags per 10,000 words. Words are whitespace-separated
tokens of the documents the rule applies to (its languages, as detected by translint), so a French
rule is measured on French text only. Almost everything flagged in this corpus is a false positive;
the target is fewer than 1 flag per 10,000 words for every rule that is enabled by default.

--show N   print up to N flagged snippets per rule
--check    exit with status 1 when a default rule is at or above the target
--rules P  also load the rule packs at P (opt-in packs such as extra/), measured the same way

Exits 0 with a message, doing nothing, when ../shared/data is absent.
"""
import json
import os
import subprocess
import sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "..", "shared", "data", "news")
CORPUS = os.path.join(ROOT, "target", "corpus", "human")
BINARY = os.path.join(ROOT, "target", "release", "translint")
TARGET = 1.0


def run(args, **kwargs):
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, **kwargs)


def main():
    show = 0
    check = "--check" in sys.argv
    if "--show" in sys.argv:
        show = int(sys.argv[sys.argv.index("--show") + 1])
    extra = []
    for i, arg in enumerate(sys.argv):
        if arg == "--rules" and i + 1 < len(sys.argv):
            extra += ["--rules", os.path.abspath(sys.argv[i + 1])]
    if not os.path.isdir(DATA):
        print(f"skipped: {DATA} not found (../shared/data is not beside this checkout)")
        return 0
    made = run([sys.executable, os.path.join(ROOT, "bench", "make_corpus.py"), "human"])
    if made.returncode != 0:
        sys.stderr.write(made.stderr)
        return 2
    built = run(["cargo", "build", "--release", "--quiet"])
    if built.returncode != 0:
        sys.stderr.write(built.stderr)
        return 2
    listed = run([BINARY, "rules", "list", "--format", "json"] + extra)
    if listed.returncode != 0:
        sys.stderr.write(listed.stderr)
        return 2
    rules = json.loads(listed.stdout)["rules"]
    linted = run([BINARY, "--format", "json"] + extra + [CORPUS])
    if linted.returncode not in (0, 1):
        sys.stderr.write(linted.stderr)
        return 2
    report = json.loads(linted.stdout)

    words_by_language = defaultdict(int)
    total_words = 0
    for f in report["files"]:
        with open(os.path.join(ROOT, f["path"]) if not os.path.isabs(f["path"]) else f["path"],
                  encoding="utf-8") as g:
            n = len(g.read().split())
        words_by_language[f["language"]] += n
        total_words += n

    flags = defaultdict(list)
    for d in report["diagnostics"]:
        flags[d["rule"]].append(d)

    by_language = ", ".join(
        "%s: %d" % (k or "?", v) for k, v in sorted(words_by_language.items(), key=lambda kv: str(kv[0]))
    )
    print(f"corpus: {len(report['files'])} articles, {total_words} words ({by_language})")
    print(f"{'rule':40} {'severity':8} {'words':>8} {'flags':>6} {'per 10k':>8}")
    failing = []
    for rule in sorted(rules, key=lambda r: r["id"]):
        languages = rule.get("languages") or []
        if languages:
            words = sum(words_by_language.get(lang, 0) for lang in languages)
        else:
            words = total_words
        found = flags.get(rule["id"], [])
        rate = 10000 * len(found) / words if words else 0.0
        mark = "  <-- above target" if rate >= TARGET else ""
        if rate >= TARGET:
            failing.append(rule["id"])
        print(f"{rule['id']:40} {rule['severity']:8} {words:8} {len(found):6} {rate:8.2f}{mark}")
        for d in found[:show]:
            path = d["path"] if os.path.isabs(d["path"]) else os.path.join(ROOT, d["path"])
            with open(path, encoding="utf-8") as g:
                text = g.read().encode("utf-8")
            s, e = d["span"]["start"], d["span"]["end"]
            before = text[max(0, s - 40):s].decode("utf-8", "replace").replace("\n", " ")
            after = text[e:e + 40].decode("utf-8", "replace").replace("\n", " ")
            hit = text[s:e].decode("utf-8", "replace").replace("\n", " ")
            print(f"    {os.path.basename(path)}: …{before}[{hit}]{after}…")
    if failing:
        print(f"\nabove {TARGET} flag per 10k words: {', '.join(failing)}")
    else:
        print(f"\nevery rule is below {TARGET} flag per 10k words")
    return 1 if (check and failing) else 0


if __name__ == "__main__":
    sys.exit(main())
