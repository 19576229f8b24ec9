// What the XML writers share (the Word report's parts): text made safe for XML 1.0.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace resdraft::report {

// `s` as XML 1.0 character data or a quoted attribute value: &, <, >, " and ' escaped; tab, line feed and
// carriage return as character references (so that an attribute keeps them); the characters XML 1.0 does not
// allow (other C0 control characters, U+FFFE, U+FFFF) dropped; bytes that are not UTF-8 (a stray
// continuation byte, a truncated or overlong sequence, a surrogate) replaced by U+FFFD. Never fails.
inline std::string escape_xml(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            switch (c) {
                case '&': out += "&amp;"; break;
                case '<': out += "&lt;"; break;
                case '>': out += "&gt;"; break;
                case '"': out += "&quot;"; break;
                case '\'': out += "&apos;"; break;
                case '\t': out += "&#9;"; break;
                case '\n': out += "&#10;"; break;
                case '\r': out += "&#13;"; break;
                default:
                    if (c >= 0x20) out += static_cast<char>(c);
            }
            ++i;
            continue;
        }
        // a multi-byte sequence: its length from the lead byte, then its code point, checked as UTF-8 requires
        const std::size_t length = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        std::uint32_t cp = length == 2 ? c & 0x1Fu : length == 3 ? c & 0x0Fu : c & 0x07u;
        bool valid = length != 0 && i + length <= s.size();
        for (std::size_t k = 1; valid && k < length; ++k) {
            const auto b = static_cast<unsigned char>(s[i + k]);
            valid = (b & 0xC0) == 0x80;
            cp = (cp << 6) | (b & 0x3Fu);
        }
        if (valid) valid = !(length == 3 && cp < 0x800) && !(length == 4 && (cp < 0x10000 || cp > 0x10FFFF)) && !(cp >= 0xD800 && cp <= 0xDFFF);
        if (!valid) {
            out += "\xEF\xBF\xBD";  // U+FFFD, for one bad byte
            ++i;
            continue;
        }
        if (cp != 0xFFFE && cp != 0xFFFF) out.append(s.substr(i, length));
        i += length;
    }
    return out;
}

}  // namespace resdraft::report
