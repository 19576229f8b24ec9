// Writers for `resdraft check --library`: where each draft paragraph's language was agreed before, as
// JSON, text, CSV (one row per precedent, for spreadsheets) and one self-contained HTML page.
#pragma once

#include "analysis/precedents.hpp"

#include <string>

namespace resdraft::report {

// "A/RES/80/19 ¶4 (2025)", "A/68/L.5 annex ¶3 (2013)", "A/RES/80/19 pp2 (2025)": a precedent as delegates cite it.
std::string precedent_name(const library::occurrence& where);

// The result as JSON (field names are a contract, see README), indented by two spaces.
std::string precedents_json(const analysis::precedent_result& r, const analysis::thresholds& limits);

// A readable report; `colour` adds ANSI colours to the redlines.
std::string precedents_text(const analysis::precedent_result& r, bool colour);

// RFC 4180 CSV (UTF-8 with a byte-order mark) with a header row: one row per (draft paragraph, precedent),
// each with the paragraph's earliest and latest agreed precedent; a row with empty precedent fields for a
// paragraph without one.
std::string precedents_csv(const analysis::precedent_result& r);

// One HTML page: each draft paragraph with its redline against the best precedent and its precedents.
std::string precedents_html(const analysis::precedent_result& r);

}  // namespace resdraft::report
