// Parser throughput with its floor and baseline measured in the same run: on a shared, noisy machine
// only ratios measured together are trustworthy.
#pragma once

#include "grammar/source.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace resdraft::bench {

// The floor: one pass of memchr over the bytes (counting line ends). Returns the count.
std::size_t floor_scan(std::string_view text);

// The baseline: a straightforward splitter with Boost.Regex, one match per line for "N. Verb"
// (an operative paragraph and its leading verb). Returns the paragraphs found.
std::size_t regex_baseline(std::string_view text);

// The second baseline, with the library a user would pick for speed: RE2 over the whole text in
// multi-line mode, the same "N. Verb" at a line start. Returns the paragraphs found.
std::size_t re2_baseline(std::string_view text);

// Documents adding up to about `target_bytes`, made from the operative paragraphs of `sources` (texts
// of resolutions): paragraphs shuffled with a fixed seed, recombined 40 to a document, renumbered from 1.
std::vector<std::string> generate_corpus(const std::vector<std::string>& sources, std::size_t target_bytes,
                                         std::uint32_t seed = 2013);

// The inputs of the Google Benchmark binaries, by name: "reference" (the text `reference`), "ga-res-80"
// (real_resolutions()) and "generated" (generate_corpus from both, about `generated_bytes`, seed 2013).
// Made at the first call for a name and kept (a later generated_bytes is not looked at); empty when
// ../shared is absent or the name is unknown.
const std::vector<std::string>& benchmark_documents(const std::string& name, std::string_view reference,
                                                    std::size_t generated_bytes = 100'000'000);

// The bytes of a file (empty when it cannot be read).
std::string read_text(const std::filesystem::path& path);

// The texts of the 48 resolutions in ../shared/corpus/ga-res-80 (beside the source tree), in file-name
// order; empty when the folder is absent.
std::vector<std::string> real_resolutions();

// One document of `paragraphs` operative paragraphs drawn from `sources` (shuffled with a fixed seed,
// repeated in that order when more are asked than the sources have), numbered from 1.
std::string generate_document(const std::vector<std::string>& sources, std::size_t paragraphs, std::uint32_t seed = 2013);

// The operative paragraphs of `sources`, as written (without their numbers).
std::vector<std::string> operative_paragraphs(const std::vector<std::string>& sources);

// Each text as a parser source (copied once, so that what is timed after is the parse alone).
std::vector<std::shared_ptr<const grammar::source>> as_sources(const std::vector<std::string>& texts);

// `text` repeated until it holds at least `min_bytes`.
std::string repeated(std::string_view text, std::size_t min_bytes);

struct measurement {
    std::size_t bytes = 0, paragraphs = 0, clauses = 0;
    double parse_mb_per_s = 0, floor_mb_per_s = 0, baseline_mb_per_s = 0, re2_mb_per_s = 0;
    [[nodiscard]] double ratio_to_floor() const { return floor_mb_per_s > 0 ? parse_mb_per_s / floor_mb_per_s : 0; }
    [[nodiscard]] double ratio_to_baseline() const { return baseline_mb_per_s > 0 ? parse_mb_per_s / baseline_mb_per_s : 0; }
    [[nodiscard]] double ratio_to_re2() const { return re2_mb_per_s > 0 ? parse_mb_per_s / re2_mb_per_s : 0; }
};

// Parses each of `documents` (full parse with clauses), and runs the floor and both baselines over the
// same bytes, `repetitions` times each, keeping the fastest of each (MB = 10^6 bytes).
measurement measure(const std::vector<std::string>& documents, int repetitions = 3);

}  // namespace resdraft::bench
