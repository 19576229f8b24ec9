#include "library/shingles.hpp"

#include <algorithm>

namespace resdraft::library {
namespace {

constexpr std::uint64_t fnv_offset = 14695981039346656037ull, fnv_prime = 1099511628211ull;

}  // namespace

std::uint64_t fnv1a(std::string_view bytes) {
    std::uint64_t h = fnv_offset;
    for (char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * fnv_prime;
    return h;
}

const word_stems::entry& word_stems::of(const std::string& norm) {
    if (const auto found = seen_.find(norm); found != seen_.end()) return found->second;
    if (seen_.size() >= most_words) seen_.clear();
    std::string stem = stem_.stem(norm);
    const std::uint64_t hash = fnv1a(stem);
    return seen_.emplace(norm, entry{std::move(stem), hash, models::is_content_word(norm)}).first->second;
}

namespace {

// The hash of `count` words from `first`, order-sensitive: each word's FNV-1a, mixed in turn (the
// 64-bit finalizer of MurmurHash3 after each), so that a shingle costs a few instructions a word.
std::uint64_t shingle_hash(const std::vector<std::uint64_t>& words, std::size_t first, std::size_t count) {
    std::uint64_t h = 0;
    for (std::size_t i = first; i < first + count; ++i) {
        h = (h ^ words[i]) * 0xff51afd7ed558ccdull;
        h ^= h >> 33;
    }
    return h;
}

}  // namespace

text_keys keys_of(std::string_view text, word_stems& stems, std::size_t n) {
    text_keys out;
    std::vector<std::uint64_t> words;  // each word's stem, hashed
    for (const models::word& w : models::words(text)) {
        const word_stems::entry& e = stems.of(w.norm);
        words.push_back(e.hash);
        if (e.content) out.content_stems.push_back(e.stem);
    }
    std::sort(out.content_stems.begin(), out.content_stems.end());
    out.content_stems.erase(std::unique(out.content_stems.begin(), out.content_stems.end()), out.content_stems.end());
    if (words.empty()) return out;
    const std::size_t width = std::min(n, words.size());
    for (std::size_t i = 0; i + width <= words.size(); ++i) out.shingles.push_back(shingle_hash(words, i, width));
    std::sort(out.shingles.begin(), out.shingles.end());
    out.shingles.erase(std::unique(out.shingles.begin(), out.shingles.end()), out.shingles.end());
    return out;
}

std::vector<std::uint64_t> shingles_of(std::string_view text, word_stems& stems, std::size_t n) {
    return keys_of(text, stems, n).shingles;
}

namespace {

void put_varint(std::uint64_t v, std::vector<unsigned char>& out) {
    while (v >= 0x80) {
        out.push_back(static_cast<unsigned char>(v | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<unsigned char>(v));
}

// Reads a varint at `i`, moving past it; false when cut short or longer than 64 bits.
bool get_varint(const std::vector<unsigned char>& bytes, std::size_t& i, std::uint64_t& v) {
    v = 0;
    for (int shift = 0;; shift += 7) {
        if (i >= bytes.size() || shift > 63) return false;
        const unsigned char b = bytes[i++];
        v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
        if ((b & 0x80) == 0) return true;
    }
}

// Appends increasing ids as varint deltas (the first from 0).
void put_postings(const std::int64_t* ids, std::size_t count, std::vector<unsigned char>& out) {
    std::int64_t previous = 0;
    for (std::size_t k = 0; k < count; ++k) {
        put_varint(static_cast<std::uint64_t>(ids[k] - previous), out);
        previous = ids[k];
    }
}

}  // namespace

std::vector<unsigned char> encode_postings(const std::vector<std::int64_t>& increasing_ids) {
    std::vector<unsigned char> out;
    put_postings(increasing_ids.data(), increasing_ids.size(), out);
    return out;
}

bool decode_postings(const std::vector<unsigned char>& bytes, std::vector<std::int64_t>& out) {
    std::uint64_t previous = 0, delta = 0;
    for (std::size_t i = 0; i < bytes.size();) {
        if (!get_varint(bytes, i, delta) || delta == 0) return false;  // ids (from 1) strictly increase
        previous += delta;
        out.push_back(static_cast<std::int64_t>(previous));
    }
    return true;
}

std::vector<unsigned char> encode_bucket(std::span<const std::pair<std::uint64_t, std::int64_t>> pairs) {
    std::vector<unsigned char> out, postings;
    std::vector<std::int64_t> ids;
    std::uint64_t previous = 0;
    for (std::size_t i = 0; i < pairs.size();) {
        const std::uint64_t shingle = pairs[i].first;
        ids.clear();
        for (; i < pairs.size() && pairs[i].first == shingle; ++i) ids.push_back(pairs[i].second);
        postings.clear();
        put_postings(ids.data(), ids.size(), postings);
        put_varint(shingle - previous, out);
        put_varint(ids.size(), out);
        put_varint(postings.size(), out);
        out.insert(out.end(), postings.begin(), postings.end());
        previous = shingle;
    }
    return out;
}

std::optional<std::size_t> find_in_bucket(const std::vector<unsigned char>& bytes, std::uint64_t shingle, bool with_ids,
                                          std::vector<std::int64_t>& out) {
    std::uint64_t current = 0, delta = 0, count = 0, length = 0;
    for (std::size_t i = 0; i < bytes.size();) {
        if (!get_varint(bytes, i, delta) || !get_varint(bytes, i, count) || !get_varint(bytes, i, length) ||
            length > bytes.size() - i)
            return std::nullopt;
        current += delta;
        if (current == shingle) {
            if (!with_ids) return count;
            const std::size_t before = out.size();
            const std::vector<unsigned char> postings(bytes.begin() + static_cast<std::ptrdiff_t>(i),
                                                      bytes.begin() + static_cast<std::ptrdiff_t>(i + length));
            if (!decode_postings(postings, out) || out.size() - before != count) return std::nullopt;
            return count;
        }
        if (current > shingle) return 0;
        i += length;
    }
    return 0;
}

}  // namespace resdraft::library
