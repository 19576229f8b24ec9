// Byte-level checks and normalization of the input text.
#include "grammar/parser.hpp"

#include "grammar/detail/bytes.hpp"

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

std::optional<parse_error> check_text_encoding(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        i += detail::printable_ascii_prefix(s.data() + i, s.size() - i);  // the common case, many bytes at a time
        if (i >= s.size()) break;
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (c == 0) return parse_error{"binary input: NUL byte", i};
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v')
                return parse_error{"binary input: control byte " + hex_byte(c), i};
            if (c == 0x7F) return parse_error{"binary input: control byte 0x7F", i};
            ++i;
            continue;
        }
        std::size_t need = 0;
        unsigned min = 0;
        unsigned cp = 0;
        if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = c & 0x1F; min = 0x80; }
        else if (c >= 0xE0 && c <= 0xEF) { need = 2; cp = c & 0x0F; min = 0x800; }
        else if (c >= 0xF0 && c <= 0xF4) { need = 3; cp = c & 0x07; min = 0x10000; }
        else if (c == 0xC0 || c == 0xC1) return parse_error{"invalid UTF-8 (overlong encoding)", i};
        else return parse_error{"invalid UTF-8 (unexpected byte " + hex_byte(c) + ")", i};
        for (std::size_t k = 1; k <= need; ++k) {
            if (i + k >= s.size()) return parse_error{"invalid UTF-8 (truncated sequence)", i};
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return parse_error{"invalid UTF-8 (truncated sequence)", i};
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (cp < min) return parse_error{"invalid UTF-8 (overlong encoding)", i};
        if (cp >= 0xD800 && cp <= 0xDFFF) return parse_error{"invalid UTF-8 (surrogate code point)", i};
        if (cp > 0x10FFFF) return parse_error{"invalid UTF-8 (code point above U+10FFFF)", i};
        i += need + 1;
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
