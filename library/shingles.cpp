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

text_keys keys_of(std::string_view text, models::stemmer& stem, std::size_t n) {
    text_keys out;
    std::string joined;                // the stems with one space between them
    std::vector<std::size_t> starts;   // where each stem starts in `joined`, and one past the end
    for (const models::word& w : models::words(text)) {
        if (!joined.empty()) joined += ' ';
        starts.push_back(joined.size());
        joined += stem.stem(w.norm);
        if (models::is_content_word(w.norm)) out.content_stems.push_back(joined.substr(starts.back()));
    }
    std::sort(out.content_stems.begin(), out.content_stems.end());
    out.content_stems.erase(std::unique(out.content_stems.begin(), out.content_stems.end()), out.content_stems.end());
    if (starts.empty()) return out;
    starts.push_back(joined.size() + 1);
    const std::size_t words = starts.size() - 1, width = std::min(n, words);
    for (std::size_t i = 0; i + width <= words; ++i)
        out.shingles.push_back(fnv1a(std::string_view(joined).substr(starts[i], starts[i + width] - 1 - starts[i])));
    std::sort(out.shingles.begin(), out.shingles.end());
    out.shingles.erase(std::unique(out.shingles.begin(), out.shingles.end()), out.shingles.end());
    return out;
}

std::vector<std::uint64_t> shingles_of(std::string_view text, models::stemmer& stem, std::size_t n) {
    return keys_of(text, stem, n).shingles;
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

}  // namespace

std::vector<unsigned char> encode_postings(const std::vector<std::int64_t>& increasing_ids) {
    std::vector<unsigned char> out;
    std::int64_t previous = 0;
    for (std::int64_t id : increasing_ids) {
        put_varint(static_cast<std::uint64_t>(id - previous), out);
        previous = id;
    }
    return out;
}

bool decode_postings(const std::vector<unsigned char>& bytes, std::vector<std::int64_t>& out) {
    std::uint64_t previous = 0, delta = 0;
    for (std::size_t i = 0; i < bytes.size();) {
        if (!get_varint(bytes, i, delta)) return false;
        previous += delta;
        out.push_back(static_cast<std::int64_t>(previous));
    }
    return true;
}

std::vector<unsigned char> encode_bucket(const bucket_entries& entries) {
    std::vector<unsigned char> out;
    std::uint64_t previous = 0;
    for (const auto& [shingle, ids] : entries) {
        const std::vector<unsigned char> postings = encode_postings(ids);
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
