// Writers for `resdraft check`: the JSON contract, a readable text report, a self-contained HTML page.
#pragma once

#include "analysis/check.hpp"

#include <string>

namespace resdraft::report {

// What the text and HTML reports show at most, so that they stay readable, and the HTML page small
// (about 10 MB at most besides the draft's own text), against a reference of any size; the JSON
// report has everything.
constexpr std::size_t shown_gaps = 100;               // gaps listed (text and HTML), with a count of the rest
constexpr std::size_t shown_paragraphs = 1000;        // draft paragraphs in the HTML table
constexpr std::size_t shown_reference_bytes = 3000;   // of a reference paragraph's text in the HTML

// The check result as JSON (field names are a contract, see README), indented by two spaces.
std::string check_json(const analysis::check_result& r, const analysis::thresholds& limits);

// A readable report; `colour` adds ANSI colours (for a terminal). Redlines mark deletions [-so-] and
// insertions {+so+} either way.
std::string check_text(const analysis::check_result& r, bool colour);

// One row per draft paragraph (RFC 4180, after a byte-order mark): its id, status, best reference
// paragraph with the score and reuse, the other matches, whether it merges two, its verb changes, its text.
std::string check_csv(const analysis::check_result& r);

// One HTML file with no external assets: draft and reference side by side, coloured redlines, verb
// changes highlighted, gaps, and a draft x reference similarity heatmap.
std::string check_html(const analysis::check_result& r);

}  // namespace resdraft::report
