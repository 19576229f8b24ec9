// Shortening text and lists for display, shared by the writers.
#pragma once

#include <string>
#include <string_view>

namespace resdraft::report {

// `s` when it has at most `n` bytes; otherwise its start, cut back to a whole UTF-8 character, and
// "...", in at most `n` bytes (n >= 3).
inline std::string shorten(std::string_view s, std::size_t n) {
    if (s.size() <= n) return std::string(s);
    std::size_t cut = n < 3 ? 0 : n - 3;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
    return std::string(s.substr(0, cut)) + "...";
}

// The first `shown` of `count` items, `item(i)` each, joined by `separator`, then a count of the rest:
// "pp9, pp9, and 2 more".
template <class Item>
std::string shorten_list(std::size_t count, std::size_t shown, std::string_view separator, const Item& item) {
    std::string out;
    for (std::size_t i = 0; i < count && i < shown; ++i) out += (i == 0 ? "" : std::string(separator)) + item(i);
    if (count > shown) out += std::string(separator) + "and " + std::to_string(count - shown) + " more";
    return out;
}

}  // namespace resdraft::report
