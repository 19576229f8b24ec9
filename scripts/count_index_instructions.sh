#!/bin/bash
# Instructions the structural index (grammar/index.hpp) executes per byte along each path (callgrind,
# start-up and a warm-up pass excluded) on 2 MB of the benchmark's generated documents and on ga-res-80.
# Needs valgrind and build/ configured with -DRESDRAFT_BUILD_BENCH=ON and built (for its libraries);
# run from the repository with ../shared beside it.
#   scripts/count_index_instructions.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
shared="$repo/../shared/corpus"
[ -d "$shared" ] || { echo "count_index_instructions: $shared is absent" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
g++ -std=c++20 -O3 -I"$repo" -DRESDRAFT_SOURCE_DIR="\"$repo\"" "$repo/bench/count_index.cpp" "$repo/bench/throughput.cpp" \
  "$repo/build/libresdraft_grammar.a" "$repo/build/libresdraft_corpus.a" -lboost_regex -lre2 -o "$work/count_index"
count() { valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/dev/null "$work/count_index" "$@" 2>&1; }
per_byte() { awk '/documents,/ {bytes = $3} /I *refs:/ {gsub(",", "", $NF); refs = $NF} END {printf "%.2f per byte (%d instructions, %d bytes)", refs / bytes, refs, bytes}'; }
for path in scalar sse2 avx2; do
  echo "$path: generated-2MB $(count "$path" --generated 2000000 | per_byte); ga-res-80 $(count "$path" "$shared"/ga-res-80/*.md | per_byte)"
done
