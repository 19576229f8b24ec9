#!/bin/bash
# Compares what two resdraft binaries print without word vectors (--vectors none): check of every labelled
# draft (corpus/drafts, corpus/semantic) and of every resolution of ../shared/corpus/ga-res-80 against the
# embedded reference, one with a background, in each format (docx by the files it holds, `unzip -p`, its
# creation time and its changes' dates left out: they differ run to run); cluster of the embedded reference,
# the drafts and ga-res-80 by paragraph, clause and all, in each format. Byte for byte (cmp), except that the JSON of
# check is compared with its `"semantic": null` fields taken out when --strip-semantic is given (the field
# issue 12 adds to every match: null without vectors). Prints the number of outputs compared and each that
# differs; exit 1 when any does.
#   scripts/compare_outputs.sh BASE_BINARY [NEW_BINARY] [--strip-semantic]
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
base=${1:?usage: compare_outputs.sh BASE_BINARY [NEW_BINARY] [--strip-semantic]}; shift
new="$repo/build/resdraft"
strip=no
for a in "$@"; do
  if [ "$a" = --strip-semantic ]; then strip=yes; else new=$a; fi
done
shared="$repo/../shared/corpus/ga-res-80"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export NO_COLOR=1
compared=0 differing=0
run() {  # run BINARY OUT ARGS...: its output (a docx unpacked), standard error in OUT.err, exit code last
  local binary=$1 out=$2; shift 2
  if [[ " $* " == *" --format docx "* ]]; then
    "$binary" "$@" --vectors none --output "$out.docx" 2> "$out.err"; echo "exit $?" > "$out"
    unzip -p "$out.docx" | sed -e 's#<dcterms:created[^<]*</dcterms:created>##' -e 's# w:date="[^"]*"##g' >> "$out" 2>> "$out.err"; rm -f "$out.docx"
  else
    "$binary" "$@" --vectors none > "$out" 2> "$out.err"; echo "exit $?" >> "$out"
  fi
}
compare() {  # compare NAME ARGS...: runs both binaries with ARGS --vectors none
  local name=$1; shift
  run "$base" "$work/base" "$@"
  run "$new" "$work/new" "$@"
  if [ "$strip" = yes ]; then
    perl -0pi -e 's/,\n\s*"semantic": null(?=\n)//g; s/\n\s*"semantic": null,//g' "$work/new"
  fi
  compared=$((compared + 1))
  if ! cmp -s "$work/base" "$work/new" || ! cmp -s "$work/base.err" "$work/new.err"; then
    differing=$((differing + 1))
    echo "differs: $name"
    diff "$work/base" "$work/new" | head -5
  fi
}
drafts=("$repo"/corpus/drafts/*.txt "$repo"/corpus/semantic/*/*.txt)
[ -d "$shared" ] && drafts+=("$shared"/*.md) || echo "compare_outputs: $shared is absent: checks of the real resolutions skipped" >&2
for f in "${drafts[@]}"; do
  for format in text json html csv docx; do compare "check $(basename "$f") $format" check "$f" --format "$format" --color never; done
done
if [ -d "$shared" ]; then
  compare "check with a background" check "$repo/corpus/drafts/migration-followup.txt" --background "$shared" --format json
fi
inputs=("" "$repo/corpus/drafts")
[ -d "$shared" ] && inputs+=("$shared")
for input in "${inputs[@]}"; do
  for unit in paragraph clause all; do
    for format in text json html csv; do
      compare "cluster ${input:-(embedded)} $unit $format" cluster $input --unit "$unit" --format "$format"
    done
  done
done
compare "cluster --k 6" cluster "$repo/corpus/drafts" --k 6 --format json
echo "$compared outputs compared, $differing differ"
[ "$differing" = 0 ]
