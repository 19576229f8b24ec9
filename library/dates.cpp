#include "library/dates.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <optional>

namespace resdraft::library {
namespace {

// "3 December 2025" -> "2025-12-03"; a date not in that form gives nothing.
std::optional<std::string> iso_date(std::string_view date) {
    static constexpr std::array<std::string_view, 12> months{"January", "February", "March",     "April",   "May",      "June",
                                                             "July",    "August",   "September", "October", "November", "December"};
    const auto first = date.find(' '), last = date.rfind(' ');
    if (first == std::string_view::npos || first == last || first > 2 || date.size() - last - 1 != 4) return std::nullopt;
    const auto month = std::find(months.begin(), months.end(), date.substr(first + 1, last - first - 1));
    if (month == months.end()) return std::nullopt;
    int day = 0, year = 0;
    const auto digits = [](std::string_view s, int& n) { return std::from_chars(s.data(), s.data() + s.size(), n).ptr == s.data() + s.size(); };
    if (!digits(date.substr(0, first), day) || !digits(date.substr(last + 1), year) || day < 1 || day > 31) return std::nullopt;
    char iso[40];  // room for any int, which the compiler cannot rule out
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, static_cast<int>(month - months.begin()) + 1, day);
    return std::string(iso);
}

// The year a General Assembly session opened: "A/RES/80/19" and "A/68/L.5" -> 1945 + session.
std::string session_year(std::string_view symbol) {
    if (symbol.starts_with("A/RES/")) symbol.remove_prefix(6);
    else if (symbol.starts_with("A/")) symbol.remove_prefix(2);
    else return "";
    int session = 0;
    std::size_t i = 0;
    for (; i < symbol.size() && i < 3 && symbol[i] >= '0' && symbol[i] <= '9'; ++i) session = session * 10 + (symbol[i] - '0');
    if (i == 0 || (i < symbol.size() && symbol[i] != '/')) return "";
    return std::to_string(1945 + session);
}

}  // namespace

std::string sort_date(std::string_view date, std::string_view symbol) {
    return iso_date(date).value_or(session_year(symbol));
}

}  // namespace resdraft::library
