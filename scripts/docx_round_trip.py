#!/usr/bin/env python3
"""The Word report's round trip on any texts: each FILE is checked against the next one (the last against the
first) and against the embedded reference with `resdraft check --format docx`; the report is parsed back with
its changes accepted and rejected, and the compared paragraphs (ids and texts) must be the draft's and the
reference's. Prints each pair that differs and a count. Used on mutated resolutions
(scripts/mutate_resolutions.py SEED N DIR); the tests run the same on the drafts and ga-res-80.

usage: scripts/docx_round_trip.py BINARY FILE...
"""
import json
import os
import subprocess
import sys
import tempfile


def compared(binary, args):
    """(id, text) of the compared paragraphs of `resdraft parse ARGS`: the first annex part, else the body; none
    when parse refuses the file (a report of no paragraphs has no text: the reader says so)."""
    run = subprocess.run([binary, "parse", *args], capture_output=True, text=True)
    if run.returncode != 0:
        return []
    paragraphs = json.loads(run.stdout)["paragraphs"]
    annex = [p for p in paragraphs if p["part"] != "body"]
    chosen = [p for p in annex if p["part"] == annex[0]["part"]] if annex else paragraphs
    return [(p["id"], p["text"]) for p in chosen]


def main():
    binary, files = sys.argv[1], sys.argv[2:]
    ok = differ = refused = 0
    env = dict(os.environ, SOURCE_DATE_EPOCH="0")
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "report.docx")
        for i, draft in enumerate(files):
            for reference in (files[(i + 1) % len(files)], None):
                command = [binary, "check", draft, "--vectors", "none", "--format", "docx", "--output", report]
                if reference:
                    command += ["--reference", reference]
                if subprocess.run(command, capture_output=True, env=env).returncode != 0:
                    refused += 1  # check refuses the pair (no paragraphs): nothing to write
                    continue
                accepted, rejected = compared(binary, [report]), compared(binary, [report, "--tracked", "original"])
                want_draft = compared(binary, [draft])
                want_reference = compared(binary, [reference] if reference else [])
                if accepted == want_draft and rejected == want_reference:
                    ok += 1
                    continue
                differ += 1
                which = "accepted" if accepted != want_draft else "rejected"
                got, want = (accepted, want_draft) if accepted != want_draft else (rejected, want_reference)
                first = next((k for k in range(min(len(got), len(want))) if got[k] != want[k]), min(len(got), len(want)))
                print(f"{draft} against {reference or 'the embedded reference'}: {which} differs at compared paragraph {first + 1} "
                      f"({len(got)} paragraphs read back, {len(want)} expected)")
    print(f"{ok} pairs read back exactly, {differ} differ, {refused} refused by check")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
