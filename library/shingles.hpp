// What the library's candidate search indexes: word n-gram shingles of stemmed words, and posting
// lists of paragraph ids compressed as delta varints.
#pragma once

#include "models/text_model.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace resdraft::library {

// Words per shingle: 4, the shortest run alignment counts as reuse (analysis::align's min_run), so that
// every reused run of a paragraph shares at least one shingle with it (bench/README.md, "Library").
constexpr std::size_t shingle_words = 4;

// 64-bit FNV-1a hash of `bytes`: the library's key for a text and, over stems, for a shingle.
std::uint64_t fnv1a(std::string_view bytes);

// What the library indexes of a text, from one reading of its words.
struct text_keys {
    std::vector<std::uint64_t> shingles;     // distinct, sorted (see shingles_of)
    std::vector<std::string> content_stems;  // distinct, sorted: the stems models::terms_of keeps
};
text_keys keys_of(std::string_view text, models::stemmer& stem, std::size_t n = shingle_words);

// The distinct shingles of `text`, sorted: 64-bit FNV-1a hashes of `n` consecutive stems of its words
// (function words included: "the Secretary-General to submit" is wording). A text of fewer than `n`
// words has one shingle of all its words; an empty one has none.
std::vector<std::uint64_t> shingles_of(std::string_view text, models::stemmer& stem, std::size_t n = shingle_words);

// Increasing ids as deltas in LEB128 varints: 1-2 bytes an id in a dense list.
std::vector<unsigned char> encode_postings(const std::vector<std::int64_t>& increasing_ids);

// The ids of an encoded list, appended to `out`. Returns false (leaving what was read) on a truncated or
// overlong varint: a damaged library.
bool decode_postings(const std::vector<unsigned char>& bytes, std::vector<std::int64_t>& out);

// The index stores shingles in buckets by their top bits: one row per bucket per add, not one per shingle.
constexpr int bucket_bits = 16;
inline std::int64_t bucket_of(std::uint64_t shingle) { return static_cast<std::int64_t>(shingle >> (64 - bucket_bits)); }

// One bucket: (shingle, its text ids increasing), shingles increasing.
using bucket_entries = std::vector<std::pair<std::uint64_t, std::vector<std::int64_t>>>;

// Each entry as varints: shingle delta, id count, byte length of its postings, then the postings.
std::vector<unsigned char> encode_bucket(const bucket_entries& entries);

// How many text ids `shingle` has in an encoded bucket (0 when none), its ids appended to `out` when
// `with_ids`; nothing for a damaged bucket.
std::optional<std::size_t> find_in_bucket(const std::vector<unsigned char>& bytes, std::uint64_t shingle, bool with_ids,
                                          std::vector<std::int64_t>& out);

}  // namespace resdraft::library
