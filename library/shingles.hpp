// What the library's candidate search indexes: word n-gram shingles of stemmed words, and posting
// lists of paragraph ids compressed as delta varints.
#pragma once

#include "models/text_model.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

namespace resdraft::library {

// Words per shingle: 4, the shortest run alignment counts as reuse (analysis::align's min_run), so that
// every reused run of a paragraph shares at least one shingle with it (bench/README.md, "Library").
constexpr std::size_t shingle_words = 4;

// 64-bit FNV-1a hash of `bytes`: the library's key for a text and, over stems, for a shingle.
std::uint64_t fnv1a(std::string_view bytes);

// The stem of each word seen before, and whether it is a content word (models::is_content_word): a
// library's vocabulary is small beside its text, so each word is stemmed and looked up once. Not
// thread-safe (nor is a stemmer): one per thread.
class word_stems {
public:
    struct entry {
        std::string stem;
        std::uint64_t hash = 0;  // fnv1a of the stem
        bool content = false;
    };
    // `norm` as models::words gives it.
    const entry& of(const std::string& norm);

private:
    static constexpr std::size_t most_words = 1'000'000;  // past this (random text), it starts again
    models::stemmer stem_;
    std::unordered_map<std::string, entry> seen_;
};

// What the library indexes of a text, from one reading of its words.
struct text_keys {
    std::vector<std::uint64_t> shingles;     // distinct, sorted (see shingles_of)
    std::vector<std::string> content_stems;  // distinct, sorted: the stems models::terms_of keeps
};
text_keys keys_of(std::string_view text, word_stems& stems, std::size_t n = shingle_words);

// The distinct shingles of `text`, sorted: 64-bit hashes of `n` consecutive stems of its words, in order
// (function words included: "the Secretary-General to submit" is wording). A text of fewer than `n`
// words has one shingle of all its words; an empty one has none.
std::vector<std::uint64_t> shingles_of(std::string_view text, word_stems& stems, std::size_t n = shingle_words);

// Increasing ids as deltas in LEB128 varints: 1-2 bytes an id in a dense list.
std::vector<unsigned char> encode_postings(const std::vector<std::int64_t>& increasing_ids);

// The ids of an encoded list, appended to `out`. Returns false (leaving what was read) on a truncated or
// overlong varint, or ids that do not strictly increase from 1: a damaged library.
bool decode_postings(const std::vector<unsigned char>& bytes, std::vector<std::int64_t>& out);

// The index stores shingles in buckets by their top bits: one row per bucket per add, not one per shingle.
constexpr int bucket_bits = 14;
inline std::int64_t bucket_of(std::uint64_t shingle) { return static_cast<std::int64_t>(shingle >> (64 - bucket_bits)); }

// (shingle, text id) pairs of one bucket, sorted (shingles increasing, each one's ids increasing), encoded:
// per shingle, varints of its delta from the one before, its id count, the byte length of its postings,
// then the postings (see encode_postings).
std::vector<unsigned char> encode_bucket(std::span<const std::pair<std::uint64_t, std::int64_t>> pairs);

// How many text ids `shingle` has in an encoded bucket (0 when none), its ids appended to `out` when
// `with_ids`; nothing for a damaged bucket.
std::optional<std::size_t> find_in_bucket(const std::vector<unsigned char>& bytes, std::uint64_t shingle, bool with_ids,
                                          std::vector<std::int64_t>& out);

}  // namespace resdraft::library
