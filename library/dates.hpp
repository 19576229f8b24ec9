// When a document was adopted, as a key that sorts: what orders precedents from the earliest to the latest.
#pragma once

#include <string>
#include <string_view>

namespace resdraft::library {

// "2025-12-03" for a header date written "3 December 2025"; else the year a General Assembly session
// opened for an A/ symbol ("A/RES/80/19", "A/68/L.5": 1945 + session, "2025"); else "" (unknown, which
// reports keep apart rather than call it the earliest).
std::string sort_date(std::string_view date, std::string_view symbol);

}  // namespace resdraft::library
