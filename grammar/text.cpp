// Byte-level checks and normalization of the input text.
#include "grammar/parser.hpp"

#include "grammar/detail/bytes.hpp"
#include "grammar/detail/utf8.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace resdraft::grammar {
namespace {


std::string hex_byte(unsigned char c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", c);
    return buf;
}

// Length in bytes of a Unicode space or line-break character at `p` (ASCII blank, NBSP, U+2000-200B,
// U+202F, U+205F, U+3000, U+FEFF), 0 otherwise.
std::size_t space_length(std::string_view s, std::size_t p) {
    const auto c = static_cast<unsigned char>(s[p]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
    if (c == 0xC2 && p + 1 < s.size() && static_cast<unsigned char>(s[p + 1]) == 0xA0) return 2;
    if (p + 2 >= s.size()) return 0;
    const auto c1 = static_cast<unsigned char>(s[p + 1]), c2 = static_cast<unsigned char>(s[p + 2]);
    if (c == 0xE2 && c1 == 0x80 && (c2 <= 0x8B || c2 == 0xAF)) return 3;
    if (c == 0xE2 && c1 == 0x81 && c2 == 0x9F) return 3;
    if (c == 0xE3 && c1 == 0x80 && c2 == 0x80) return 3;
    if (c == 0xEF && c1 == 0xBB && c2 == 0xBF) return 3;
    return 0;
}

bool is_letter_byte(unsigned char c) { return std::isalpha(c) || c >= 0x80; }

// Words after which a hyphen stays detached: "policy- and decision-making".
bool keeps_suspended_hyphen(std::string_view rest) {
    for (std::string_view w : {"and", "or", "to", "nor"})
        if (rest.starts_with(w) && (rest.size() == w.size() || !std::isalpha(static_cast<unsigned char>(rest[w.size()]))))
            return true;
    return false;
}

}  // namespace

namespace detail {

std::string describe(text_fault fault, unsigned char c) {
    switch (fault) {
        case text_fault::none: break;
        case text_fault::nul: return "binary input: NUL byte";
        case text_fault::control: return "binary input: control byte " + hex_byte(c);
        case text_fault::overlong: return "invalid UTF-8 (overlong encoding)";
        case text_fault::surrogate: return "invalid UTF-8 (surrogate code point)";
        case text_fault::above_max: return "invalid UTF-8 (code point above U+10FFFF)";
        case text_fault::truncated: return "invalid UTF-8 (truncated sequence)";
        case text_fault::unexpected: return "invalid UTF-8 (unexpected byte " + hex_byte(c) + ")";
    }
    return "";
}

}  // namespace detail

std::optional<parse_error> check_text_encoding(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        i += detail::printable_ascii_prefix(s.data() + i, s.size() - i);  // the common case, many bytes at a time
        if (i >= s.size()) break;
        const detail::char_check c = detail::check_char(s, i);
        if (c.fault != detail::text_fault::none)
            return parse_error{detail::describe(c.fault, static_cast<unsigned char>(s[i])), i};
        i += c.length;
    }
    return std::nullopt;
}

std::string normalized_text(const document& doc, span s) {
    const std::string_view input = doc.text();
    std::string out;
    out.reserve(s.size());
    auto excluded = std::lower_bound(doc.excluded.begin(), doc.excluded.end(), s.begin,
                                     [](const span& e, std::size_t pos) { return e.end <= pos; });
    bool pending_space = false;
    std::size_t p = s.begin;
    const std::size_t end = std::min(s.end, input.size());
    while (p < end) {
        if (excluded != doc.excluded.end() && p >= excluded->begin) {
            if (p < excluded->end) {
                p = excluded->end;
                continue;
            }
            ++excluded;
            continue;
        }
        if (const std::size_t n = space_length(input, p)) {
            pending_space = !out.empty();
            p += n;
            continue;
        }
        const auto c = static_cast<unsigned char>(input[p]);
        // U+2011 non-breaking hyphen -> '-'; U+00AD soft hyphen -> nothing
        if (c == 0xE2 && p + 2 < end && input.compare(p, 3, "\xE2\x80\x91") == 0) {
            if (pending_space) out += ' ';
            pending_space = false;
            out += '-';
            p += 3;
            continue;
        }
        if (c == 0xC2 && p + 1 < end && static_cast<unsigned char>(input[p + 1]) == 0xAD) {
            p += 2;
            continue;
        }
        if (pending_space) {
            // "Secretary- General", "confidence- building": a word split at a line end
            const bool split_word = out.size() >= 2 && out.back() == '-' &&
                                    is_letter_byte(static_cast<unsigned char>(out[out.size() - 2])) &&
                                    is_letter_byte(c) && !keeps_suspended_hyphen(input.substr(p, 4));
            if (!split_word) out += ' ';
            pending_space = false;
        }
        out += static_cast<char>(c);
        ++p;
    }
    return out;
}

}  // namespace resdraft::grammar
