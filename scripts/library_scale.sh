#!/bin/bash
# The library's table in bench/README.md: for each size N (paragraphs), build a library of generated
# paragraphs (bench/library_scale.cpp), then its file size, the time and memory of checking the labelled
# 18-paragraph draft against it in a fresh process, and (for the smallest) recall against brute force.
# Needs build/ configured with -DRESDRAFT_BUILD_BENCH=ON and ../shared beside the repository.
#   scripts/library_scale.sh [N...]     (default: 10000 100000 1000000)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
draft="$repo/corpus/drafts/migration-followup.txt"
sizes=("${@:-10000 100000 1000000}")
for n in ${sizes[@]}; do
  lib="$work/library-$n.db"
  echo "== $n paragraphs"
  /usr/bin/time -f "build: %e s wall, max RSS %M KB" "$repo/build/library_scale" build "$n" "$lib"
  echo "file: $(stat -c %s "$lib") bytes"
  /usr/bin/time -f "query process: %e s wall, max RSS %M KB" "$repo/build/library_scale" query "$lib" "$draft"
  if [ "$n" = "${sizes[0]%% *}" ]; then "$repo/build/library_scale" recall "$lib" "$repo"/corpus/drafts/*.txt; fi
done
