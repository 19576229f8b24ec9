// What the HTML writers share.
#pragma once

#include <string>
#include <string_view>

namespace resdraft::report {

// `s` with &, <, > and " escaped for HTML text and attribute values.
inline std::string escape_html(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace resdraft::report
