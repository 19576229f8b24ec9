// Strict decimal numbers and binary-unit sizes for the command line.
#include "cli/numbers.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>

namespace resdraft::cli {

std::optional<std::uint64_t> parse_whole_number(std::string_view text, std::uint64_t min, std::uint64_t max) {
    // std::from_chars alone would stop at the first non-digit and call "3abc" 3
    if (text.empty() || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < min || value > max) return std::nullopt;
    return value;
}

std::optional<std::size_t> parse_size(std::string_view text) {
    int shift = 0;
    if (!text.empty()) {
        switch (text.back()) {
        case 'K': case 'k': shift = 10; break;
        case 'M': case 'm': shift = 20; break;
        case 'G': case 'g': shift = 30; break;
        default: break;
        }
    }
    if (shift != 0) text.remove_suffix(1);
    const auto n = parse_whole_number(text, 1, std::numeric_limits<std::size_t>::max() >> shift);
    if (!n) return std::nullopt;
    return static_cast<std::size_t>(*n) << shift;
}

std::string format_size(std::size_t bytes) {
    constexpr std::array<std::pair<int, const char*>, 3> units{{{30, " GiB"}, {20, " MiB"}, {10, " KiB"}}};
    for (const auto& [shift, unit] : units)
        if (bytes % (std::size_t{1} << shift) == 0) return std::to_string(bytes >> shift) + unit;
    return std::to_string(bytes) + " B";
}

}  // namespace resdraft::cli
