// The one definition of what the parser accepts as text, a character at a time: well-formed UTF-8
// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF) without NUL or control bytes
// other than \t \n \v \f \r. check_text_encoding (grammar/text.cpp) and the structural index
// (grammar/index.cpp) both step through a text with check_char, so their verdicts cannot drift apart.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace resdraft::grammar::detail {

// Why a character is refused; `none` for a good one.
enum class text_fault : std::uint8_t { none, nul, control, overlong, surrogate, above_max, truncated, unexpected };

struct char_check {
    std::size_t length = 1;            // bytes of the character (meaningful when fault is none)
    text_fault fault = text_fault::none;
};

// The ASCII bytes a text may hold besides the printable ones: \t \n \v \f \r.
constexpr bool is_text_control(unsigned char c) { return c >= '\t' && c <= '\r'; }

// A byte check_char must look at: not printable ASCII (0x20..0x7E) and not one of \t \n \v \f \r.
constexpr bool needs_check(unsigned char c) { return (c < 0x20 && !is_text_control(c)) || c >= 0x7F; }

// The character that starts at s[i] (i < s.size()): its length, or why it is refused (reported at i).
// A lead byte whose continuation bytes are missing or not 10xxxxxx is "truncated"; the code point is
// judged only once all its bytes are there.
constexpr char_check check_char(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
        if (c == 0) return {1, text_fault::nul};
        if ((c < 0x20 && !is_text_control(c)) || c == 0x7F) return {1, text_fault::control};
        return {1, text_fault::none};
    }
    std::size_t need = 0;
    std::uint32_t cp = 0, min = 0;
    if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = c & 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { need = 2; cp = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { need = 3; cp = c & 0x07; min = 0x10000; }
    else if (c == 0xC0 || c == 0xC1) return {1, text_fault::overlong};
    else return {1, text_fault::unexpected};
    for (std::size_t k = 1; k <= need; ++k) {
        if (i + k >= s.size()) return {1, text_fault::truncated};
        const auto cc = static_cast<unsigned char>(s[i + k]);
        if ((cc & 0xC0) != 0x80) return {1, text_fault::truncated};
        cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min) return {1, text_fault::overlong};
    if (cp >= 0xD800 && cp <= 0xDFFF) return {1, text_fault::surrogate};
    if (cp > 0x10FFFF) return {1, text_fault::above_max};
    return {need + 1, text_fault::none};
}

// The one-line message for `fault` found at a byte `c` ("invalid UTF-8 (truncated sequence)").
std::string describe(text_fault fault, unsigned char c);

}  // namespace resdraft::grammar::detail
