#!/bin/bash
# Instructions that parse_document executes (callgrind, start-up excluded) on the reference, ga-res-80,
# a generated document of 1,000 paragraphs and 2 MB of the benchmark's generated documents, for the
# grammar/ of each COMMIT given (default: HEAD). Needs valgrind; run from the repository with ../shared
# beside it and build/ configured with -DRESDRAFT_BUILD_BENCH=ON (for build/growth_bench). COMMIT must have
# grammar/source.hpp (8440af7 or later): bench/count_parse.cpp parses sources. For a COMMIT with
# bench/stages.cpp naming its stages (the session 9 commit after 8138345, or later) it also counts each run of the parser's stages from the first
# (index; + lines; + tree; + clauses: that commit's bench/stages.hpp) on ga-res-80 and the 2 MB: a stage's
# cost is the difference from the row before.
#   scripts/count_parse_instructions.sh [COMMIT...]
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
shared="$repo/../shared/corpus"
[ -d "$shared" ] || { echo "count_parse_instructions: $shared is absent" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$repo/build/growth_bench" --inputs="$work" >/dev/null  # writes generated-1000.txt among others
for commit in "${@:-HEAD}"; do
  src="$work/src-$commit"; mkdir -p "$src/o"
  git -C "$repo" archive "$commit" grammar | tar -x -C "$src"
  for f in "$src"/grammar/*.cpp "$src"/grammar/detail/*.cpp; do
    g++ -std=c++20 -O3 -I"$src" -c "$f" -o "$src/o/$(basename "$(dirname "$f")")_$(basename "$f" .cpp).o"
  done
  stages=()
  if git -C "$repo" show "$commit:bench/stages.hpp" 2>/dev/null | grep -q stage_named; then  # the commit's own, for its grammar/
    git -C "$repo" archive "$commit" bench/stages.cpp bench/stages.hpp | tar -x -C "$src"
    stages=(-DRESDRAFT_STAGES "$src/bench/stages.cpp")
  fi
  g++ -std=c++20 -O3 -I"$src" -I"$repo" -DRESDRAFT_SOURCE_DIR="\"$repo\"" "$repo/bench/count_parse.cpp" \
    "$repo/bench/throughput.cpp" "${stages[@]}" "$src"/o/*.o -lboost_regex -lre2 -o "$src/count_parse"
  count() { valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/dev/null "$src/count_parse" "$@" 2>&1 |
            sed -n 's/.*I *refs: *//p'; }
  echo "$commit reference=$(count "$shared/a-68-l5.txt") ga-res-80=$(count "$shared"/ga-res-80/*.md)" \
       "generated-1k=$(count "$work/generated-1000.txt") benchmark-docs-2MB=$(count --generated 2000000)"
  [ ${#stages[@]} -gt 0 ] || continue
  for upto in index lines tree clauses; do
    echo "  stages up to $upto: ga-res-80=$(count --upto $upto "$shared"/ga-res-80/*.md)" \
         "benchmark-docs-2MB=$(count --upto $upto --generated 2000000)"
  done
done
