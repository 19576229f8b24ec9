// What the library's candidate search indexes: word n-gram shingles of stemmed words, and posting
// lists of paragraph ids compressed as delta varints.
#pragma once

#include "models/text_model.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace resdraft::library {

// Words per shingle: 4, the shortest run alignment counts as reuse (analysis::align's min_run), so that
// every reused run of a paragraph shares at least one shingle with it (bench/README.md, "Library").
constexpr std::size_t shingle_words = 4;

// 64-bit FNV-1a hash of `bytes`: the library's key for a text and, over stems, for a shingle.
std::uint64_t fnv1a(std::string_view bytes);

// The distinct shingles of `text`, sorted: 64-bit FNV-1a hashes of `n` consecutive stems of its words
// (function words included: "the Secretary-General to submit" is wording). A text of fewer than `n`
// words has one shingle of all its words; an empty one has none.
std::vector<std::uint64_t> shingles_of(std::string_view text, models::stemmer& stem, std::size_t n = shingle_words);

// Increasing ids as deltas in LEB128 varints: 1-2 bytes an id in a dense list.
std::vector<unsigned char> encode_postings(const std::vector<std::int64_t>& increasing_ids);

// The ids of an encoded list, appended to `out`. Returns false (leaving what was read) on a truncated or
// overlong varint: a damaged library.
bool decode_postings(const std::vector<unsigned char>& bytes, std::vector<std::int64_t>& out);

}  // namespace resdraft::library
