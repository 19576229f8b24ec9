#!/usr/bin/env python3
"""How the lexicon covers the verbs that open operative paragraphs and subparagraphs in real text.

usage: scripts/lexicon_coverage.py RESDRAFT FILE_OR_FOLDER...

For every operative paragraph (and lettered or numbered subparagraph) the parser reads, prints the verb
phrase that opens it with how often it does: the lexicon's verb when the parser found one ("in lexicon"),
the verb of a "We ..." sentence or a statement outside the lexicon ("outside"), or, when no clause was
found, the first three words ("no verb"). Sorted by count, then phrase.
"""
import collections
import json
import os
import re
import subprocess
import sys


def files_of(paths):
    for path in paths:
        if os.path.isdir(path):
            for name in sorted(os.listdir(path)):
                if name.endswith((".txt", ".md")) and name != "README.md":
                    yield os.path.join(path, name)
        else:
            yield path


def opening(unit):
    clauses = unit.get("clauses") or []
    if clauses:
        c = clauses[0]
        words = re.sub(r"^We\s+", "", c["phrase"]).lower()
        kind = "in lexicon" if c.get("in_lexicon", True) and not c.get("statement") else "outside"
        return words, kind
    words = re.findall(r"[A-Za-z’'-]+", unit["text"])[:3]
    return " ".join(words).lower(), "no verb"


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary, paths = sys.argv[1], sys.argv[2:]
    counts = collections.Counter()
    for path in files_of(paths):
        run = subprocess.run([binary, "parse", "--format", "json", path], capture_output=True, text=True)
        if run.returncode != 0:
            print(f"skipped {path}: {run.stderr.strip()}", file=sys.stderr)
            continue
        for p in json.loads(run.stdout)["paragraphs"]:
            if p["kind"] != "operative":
                continue
            counts[opening(p)] += 1
            for s in p["subparagraphs"]:
                counts[opening(s)] += 1
    total = sum(counts.values())
    by_kind = collections.Counter()
    for (phrase, kind), n in counts.items():
        by_kind[kind] += n
    print(f"{total} operative paragraphs and subparagraphs: " +
          ", ".join(f"{by_kind[k]} {k}" for k in ("in lexicon", "outside", "no verb")))
    for (phrase, kind), n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        print(f"{n:5d}  {kind:10s}  {phrase}")


if __name__ == "__main__":
    main()
