// CSV as the writers produce it, one way for all of them: RFC 4180 fields and rows (CRLF), after a
// byte-order mark so that spreadsheets read the file as UTF-8 (the pilcrow, accented names).
#pragma once

#include <string>
#include <string_view>

namespace resdraft::report {

// Opens every CSV file the writers make.
inline constexpr std::string_view csv_byte_order_mark = "\xEF\xBB\xBF";

// A text field of RFC 4180 CSV: quoted when it holds a comma, quote or line break; a field a spreadsheet
// would run as a formula (= + - @ first, or a tab or carriage return) gets an apostrophe first.
inline std::string csv_field(const std::string& s) {
    const std::string safe = !s.empty() && std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos ? "'" + s : s;
    if (safe.find_first_of(",\"\n\r") == std::string::npos) return safe;
    std::string out = "\"";
    for (char c : safe) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace resdraft::report
