#!/usr/bin/env python3
"""Turns the real articles under ../shared/data/news into one text file per article.

Usage: bench/make_corpus.py [human|mt|all] [OUT_DIR]   (default: all, target/corpus)

Writes OUT_DIR/<kind>/<lang>/<doc_id>[.<system>].txt with the segments joined by newlines, and
exits 0 with a message (writing nothing) when ../shared is absent, so callers can skip cleanly.
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "..", "shared", "data", "news")
SOURCES = {"human": "wmt21_human_docs.jsonl", "mt": "wmt21_mt_docs.jsonl"}


def safe(name):
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name)


def main():
    which = sys.argv[1] if len(sys.argv) > 1 else "all"
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "target", "corpus")
    if not os.path.isdir(DATA):
        print(f"skipped: {DATA} not found (../shared/data is not beside this checkout)")
        return 0
    kinds = SOURCES if which == "all" else {which: SOURCES[which]}
    for kind, filename in kinds.items():
        count = 0
        seen = {}
        with open(os.path.join(DATA, filename), encoding="utf-8") as f:
            for line in f:
                doc = json.loads(line)
                # The same document id recurs across language pairs and test sets: keep them apart.
                name = safe(doc["doc_id"]) + "." + safe(doc.get("lp", "")) + "." + safe(doc.get("testset", ""))
                if "system" in doc:
                    name += "." + safe(doc["system"])
                if doc.get("text_kind"):
                    name += "." + doc["text_kind"]
                # Some documents have two reference translations: number the repeats.
                seen[name] = seen.get(name, 0) + 1
                if seen[name] > 1:
                    name += f".{seen[name]}"
                folder = os.path.join(out, kind, doc["lang"])
                os.makedirs(folder, exist_ok=True)
                with open(os.path.join(folder, name + ".txt"), "w", encoding="utf-8") as g:
                    g.write("\n".join(doc["segments"]) + "\n")
                count += 1
        print(f"{kind}: {count} articles in {os.path.join(out, kind)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
