// Stage 2b of the parser: the typed lines read into the document's tree (header, parts, preambular and
// operative paragraphs, subparagraphs), without clauses (stage 3, detail/clauses.hpp's add_clauses).
#pragma once

#include "grammar/ast.hpp"
#include "grammar/detail/furniture.hpp"
#include "grammar/detail/lines.hpp"
#include "grammar/index.hpp"
#include "grammar/parser.hpp"

#include <memory>
#include <vector>

namespace resdraft::grammar::detail {

// The document of `input`, indexed by `index` (stage 1), whose typed lines (furniture marked, see
// mark_page_furniture) are `lines` and whose pages' footnote blocks define `notes`: its header, parts and
// paragraphs, each paragraph's chapeau set, the excluded ranges sorted; no clauses yet. When no line
// opens a paragraph, the blank-line blocks become operative paragraphs and a warning says so; no
// paragraph at all only when there is no text.
document build_tree(std::shared_ptr<const source> input, const structural_index& index, std::vector<typed_line> lines,
                    page_notes notes);

// Stages 1 to 2b on `input`, building into `index`: its tree without clauses, or why the input is refused
// (as parse_document refuses it). parse_document is this, then add_clauses (stage 3) with the same index.
parse_result parse_tree(std::shared_ptr<const source> input, structural_index& index);

// The heap bytes of the structural index parse_document keeps for this thread between parses: 0 after a
// parse whose index grew past what is kept, and always 0 in sanitizer builds, which index each parse
// afresh (grammar/parser.cpp, index_lease). For tests.
std::size_t kept_index_bytes();

}  // namespace resdraft::grammar::detail
