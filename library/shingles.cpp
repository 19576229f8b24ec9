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

std::vector<std::uint64_t> shingles_of(std::string_view text, models::stemmer& stem, std::size_t n) {
    std::string joined;                // the stems with one space between them
    std::vector<std::size_t> starts;   // where each stem starts in `joined`, and one past the end
    for (const models::word& w : models::words(text)) {
        if (!joined.empty()) joined += ' ';
        starts.push_back(joined.size());
        joined += stem.stem(w.norm);
    }
    std::vector<std::uint64_t> out;
    if (starts.empty()) return out;
    starts.push_back(joined.size() + 1);
    const std::size_t words = starts.size() - 1, width = std::min(n, words);
    for (std::size_t i = 0; i + width <= words; ++i)
        out.push_back(fnv1a(std::string_view(joined).substr(starts[i], starts[i + width] - 1 - starts[i])));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<unsigned char> encode_postings(const std::vector<std::int64_t>& increasing_ids) {
    std::vector<unsigned char> out;
    std::int64_t previous = 0;
    for (std::int64_t id : increasing_ids) {
        auto delta = static_cast<std::uint64_t>(id - previous);
        previous = id;
        while (delta >= 0x80) {
            out.push_back(static_cast<unsigned char>(delta | 0x80));
            delta >>= 7;
        }
        out.push_back(static_cast<unsigned char>(delta));
    }
    return out;
}

bool decode_postings(const std::vector<unsigned char>& bytes, std::vector<std::int64_t>& out) {
    std::uint64_t previous = 0;
    std::size_t i = 0;
    while (i < bytes.size()) {
        std::uint64_t delta = 0;
        for (int shift = 0;; shift += 7) {
            if (i >= bytes.size() || shift > 63) return false;
            const unsigned char b = bytes[i++];
            delta |= static_cast<std::uint64_t>(b & 0x7F) << shift;
            if ((b & 0x80) == 0) break;
        }
        previous += delta;
        out.push_back(static_cast<std::int64_t>(previous));
    }
    return true;
}

}  // namespace resdraft::library
