// A redline (analysis::align's runs) as each writer shows it: JSON runs, marked text, HTML <ins>/<del>.
#pragma once

#include "analysis/alignment.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace resdraft::report {

// Whether the redline changes anything: every format then shows it, a verbatim paragraph's too ("as well
// as" -> "and"); an identical text shows as itself.
bool has_changes(const std::vector<analysis::redline_run>& runs);

// [{"op": "equal"|"insert"|"delete", "text": ..., "omitted_words"?: N}, ...]
nlohmann::ordered_json redline_json(const std::vector<analysis::redline_run>& runs);

// One line: deletions [-so-], insertions {+so+}; `colour` adds ANSI red and green (for a terminal).
std::string redline_text(const std::vector<analysis::redline_run>& runs, bool colour);

// <p class="redline"> with <del> and <ins>, escaped.
std::string redline_html(const std::vector<analysis::redline_run>& runs);

// Wraps `s` in the ANSI colour `code` ("31" red, "1" bold) when `colour`, else returns it as it is.
std::string paint(bool colour, std::string_view code, const std::string& s);

}  // namespace resdraft::report
