// Eight bytes at a time (SWAR, portable C++): tests that let the byte loops of the parser skip runs of
// ordinary text. Each says whether a word of eight bytes may hold a byte of interest; the caller then
// looks at the bytes one by one.
#pragma once

#include <cstdint>
#include <cstring>

namespace resdraft::grammar::detail {

constexpr std::uint64_t ones8 = 0x0101010101010101, highs8 = 0x8080808080808080;

// ASCII upper case to lower, other bytes unchanged: case folding for the (ASCII) lexicon without the C
// library's locale look-up.
constexpr char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

inline std::uint64_t load8(const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    return w;
}

// A byte of `w` equals `c`.
constexpr bool has_byte(std::uint64_t w, unsigned char c) {
    const std::uint64_t x = w ^ (ones8 * c);
    return ((x - ones8) & ~x & highs8) != 0;
}

// A byte of `w` is below `n` (n <= 128).
constexpr bool has_byte_below(std::uint64_t w, unsigned char n) { return ((w - ones8 * n) & ~w & highs8) != 0; }

// A byte of `w` is strictly between `m` and `n` (m < 128, n <= 128).
constexpr bool has_byte_between(std::uint64_t w, unsigned char m, unsigned char n) {
    const std::uint64_t low = w & (ones8 * 127);
    return ((ones8 * (127 + n) - low) & ~w & (low + ones8 * (127 - m)) & highs8) != 0;
}

// Every byte of `w` is printable ASCII (0x20..0x7E).
constexpr bool is_printable_ascii(std::uint64_t w) {
    return (w & highs8) == 0 && !has_byte_below(w, 0x20) && !has_byte(w, 0x7F);
}

}  // namespace resdraft::grammar::detail
