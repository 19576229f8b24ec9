// Writers for `resdraft parse`: the JSON contract and a readable outline.
#pragma once

#include "grammar/ast.hpp"

#include <string>
#include <string_view>

namespace resdraft::report {

// The parse result as JSON (field names are a contract, see README), indented by two spaces; "source" is the document's name.
std::string parse_json(const grammar::document& doc);

// The parse result as an outline: parts, paragraphs with their clauses, warnings.
std::string parse_outline(const grammar::document& doc);

}  // namespace resdraft::report
