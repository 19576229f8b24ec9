#!/usr/bin/env python3
"""Writes N documents made from windows of the real resolutions in ../shared/corpus with random insertions
of what the parser decides on byte by byte: clause marks, "and" in and out of words, quotes, brackets,
no-break spaces, footnote markers and definitions, "to" in and out of words, colons, verbs.
    scripts/mutate_resolutions.py SEED N OUT_DIR"""
import glob
import os
import random
import sys

seed, count, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
random.seed(seed)
corpus = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared', 'corpus')
files = sorted(glob.glob(os.path.join(corpus, 'ga-res-80', '*.md'))) + [os.path.join(corpus, 'a-68-l5.txt')]
sources = [open(f, encoding='utf-8').read() for f in files]
inserts = [
    ", and ", " and ", " And ", " AND ", "; ", ". We ", ". we ", " (", ") ", "(", ")", "\"", "\u201c", "\u201d",
    "\u00a0", "\u00a0and ", "\tand ", " 1,000 and ", " U.N. and ", " to ", " to assist, protect ",
    " to assist and support ", ", in this regard, ", ", bearing this goal in mind, ", ",3 ", ".2 ", " 4 ", "[^2]",
    "\n", "andante ", " stand ", ", and, ", " calls once again upon ", " We, the Heads of State, ", " We ", ":",
    ": ", ", urges ", ", and urges ", " and decides ", "; requests ", ", strongly condemns ", ", reaffirms ",
    ", we reaffirm ", " etc., ", " 2016,8 ", "\u2019", "\u2013", " e.g. ", "...", ", to that end, ", ", including ",
    ", inter alia, ", " to the ", " to all ", "Calls upon", "Requests the Secretary-General to ", ", in particular ",
    "\r\n", "  ", " and,", ",and", "and", "\u00a0\u00a0", " into ", " total ", "to", " TO ", " To ", " to(", "(to ",
    " to:", " to, ", " to. ", "to\u201d", "\u201cto ", ":\n", " 10:30 ", ", in the elaboration ", ", in particular, ",
    ", with ", ", as ", " to apply ", " toward ", "protocol", "[^3] to ", "Urges all States, in particular, to ",
    "Requests the Secretary-General, in consultation with Member States, to ",
]
os.makedirs(out, exist_ok=True)
for n in range(count):
    source = random.choice(sources)
    if random.random() < 0.5:
        start = random.randrange(0, max(1, len(source) - 3000))
        text = source[start:start + random.randrange(500, 6000)]
    else:
        text = source[:random.randrange(2000, 20000)]
    chars = list(text)
    for _ in range(random.randrange(1, 40)):
        chars.insert(random.randrange(0, len(chars) + 1), random.choice(inserts))
    text = ''.join(chars)
    if random.random() < 0.3:
        text += "\n\n---\n[^1]: Resolution 64/293.\n[^2]: A/70/1.\n[^3]: Ibid.\n[^4]: See.\n[^8]: x.\n"
    with open(os.path.join(out, f'm{n:05d}.txt'), 'w', encoding='utf-8') as f:
        f.write(text)
