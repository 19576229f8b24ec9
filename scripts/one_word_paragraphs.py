#!/usr/bin/env python3
"""Writes a text of one-word paragraphs, about SIZE bytes, to standard output: the degenerate input of
the check limits in bench/README.md ("check X --reference X").

usage: one_word_paragraphs.py SIZE same|nouns|verbs [bare|numbered] [SEED]
  same      every paragraph is "word" (every pair of paragraphs has cosine 1)
  nouns     nouns drawn from WordNet's index.noun (Debian's wordnet-base), fixed seed
  verbs     "Urges" (no content word at all)
  bare      "word" and a blank line (the parser reads blank-line blocks: 6 bytes a paragraph), the default
  numbered  "12. word" and a blank line
"""
import random
import sys

size, mode = int(sys.argv[1]), sys.argv[2]
numbered = len(sys.argv) > 3 and sys.argv[3] == "numbered"
random.seed(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
if mode == "nouns":
    with open("/usr/share/wordnet/index.noun", encoding="utf-8") as f:
        nouns = [w for w in (line.split(" ", 1)[0] for line in f) if w.isalpha()]
out, written, n = [], 0, 0
while written < size:
    n += 1
    word = {"same": "word", "verbs": "Urges"}.get(mode) or random.choice(nouns)
    line = f"{n}. {word}\n\n" if numbered else f"{word}\n\n"
    out.append(line)
    written += len(line)
sys.stdout.write("".join(out))
