// The parser's stages run one after another up to a given one, as parse_document runs them, for
// measuring what each costs (parse_bench's upto_* rows, count_parse --upto).
#pragma once

#include "grammar/index.hpp"
#include "grammar/source.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>

namespace resdraft::bench {

// The stages of grammar/parser.cpp, by the names the issue gives them.
enum class stage { index, lines, tree, clauses };  // 1, 2a, 2b, 3

// "index", "lines", "tree" or "clauses" as a stage; nothing for any other name.
std::optional<stage> stage_named(std::string_view name);

// The stages up to and including `last`: the structural index (built into `index`, reused from document
// to document), the typed lines and their page furniture, the tree (detail::parse_tree), the clauses (the
// whole parse, as parse_document runs it). Returns the paragraphs of the tree (0 before it).
std::size_t run_stages(const std::shared_ptr<const grammar::source>& input, stage last, grammar::structural_index& index);

// The ceiling of this parser's design, for steering: the whole-input byte passes the parser makes (the
// structural index: the UTF-8 check, line ends, the bitmaps; the clause marks read from it, and the "and"
// masks of grammar/detail/bytes.hpp), with none of the work done per line, paragraph or clause. Returns
// the line ends and clause-mark candidates found; 0 for text that is not UTF-8.
std::size_t byte_passes(std::string_view text);

}  // namespace resdraft::bench
