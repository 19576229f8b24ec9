// Writers for `resdraft parse`: the JSON contract and a readable outline.
#pragma once

#include "grammar/ast.hpp"

#include <string>
#include <string_view>

namespace resdraft::report {

// The parse result as JSON (field names are a contract, see README), indented by two spaces.
std::string parse_json(std::string_view input, const grammar::document& doc, std::string_view source);

// The parse result as an outline: parts, paragraphs with their clauses, warnings.
std::string parse_outline(std::string_view input, const grammar::document& doc, std::string_view source);

}  // namespace resdraft::report
