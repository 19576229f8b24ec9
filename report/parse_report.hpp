// Writers for `resdraft parse`: the JSON contract and a readable outline.
#pragma once

#include "grammar/ast.hpp"
#include "readers/reader.hpp"

#include <string>
#include <string_view>

namespace resdraft::report {

// The parse result as JSON (field names are a contract, see README), indented by two spaces; "source" is the document's name.
// A document read from a .docx or a PDF also has each paragraph's and subparagraph's "origin" ({"paragraph": 12}
// or {"page": 3}); one from a .docx has "notes" (its footnotes and endnotes, `notes`). Text input: neither.
std::string parse_json(const grammar::document& doc, const std::vector<readers::note>& notes = {});

// The parse result as an outline: parts, paragraphs with their clauses, warnings.
std::string parse_outline(const grammar::document& doc);

}  // namespace resdraft::report
