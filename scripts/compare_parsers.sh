#!/bin/bash
# Compares what the parser of the working tree finds with what the parser of BASE (a commit) finds, on
# 3,000 mutated resolutions per SEED (scripts/mutate_resolutions.py): every paragraph, clause span,
# addressee and adverb (bench/dump_document.cpp). The working tree's parser runs under ASan and UBSan.
# Prints the number of differing lines per seed and the first differences; exit 1 when any differ.
#   scripts/compare_parsers.sh BASE [SEED...]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
base=${1:?usage: compare_parsers.sh BASE [SEED...]}; shift
[ -d "$repo/../shared/corpus" ] || { echo "compare_parsers: $repo/../shared/corpus is absent" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build() {  # build DIR SOURCE_ROOT FLAGS...: dump_document against SOURCE_ROOT's grammar/
  local dir=$1 root=$2; shift 2; mkdir -p "$dir"
  for f in "$root"/grammar/*.cpp "$root"/grammar/detail/*.cpp; do
    g++ -std=c++20 -O2 "$@" -I"$root" -c "$f" -o "$dir/$(basename "$(dirname "$f")")_$(basename "$f" .cpp).o"
  done
  g++ -std=c++20 -O2 "$@" -I"$root" "$repo/bench/dump_document.cpp" "$dir"/*.o -o "$dir/dump_document"
}
mkdir -p "$work/base-src" && git -C "$repo" archive "$base" grammar | tar -x -C "$work/base-src"
build "$work/base" "$work/base-src"
build "$work/tree" "$repo" -fsanitize=address,undefined -fno-sanitize-recover=all
status=0
for seed in "${@:-1}"; do
  rm -rf "$work/docs"; python3 "$repo/scripts/mutate_resolutions.py" "$seed" 3000 "$work/docs"
  (cd "$work/docs" && ls | xargs -n 200 "$work/base/dump_document" > "$work/base.txt")
  (cd "$work/docs" && ls | xargs -n 200 "$work/tree/dump_document" > "$work/tree.txt")
  differing=$(diff "$work/base.txt" "$work/tree.txt" | grep -c '^<' || true)
  echo "seed $seed: $(grep -c '^  clause' "$work/base.txt") clauses, $differing differing lines"
  if [ "$differing" != 0 ]; then diff "$work/base.txt" "$work/tree.txt" | head -20; status=1; fi
done
exit $status
