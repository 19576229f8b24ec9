// Statements (stage 3): declarations also state facts ("Progress has been made in ...", "Migration
// remains ...", "States shall take ..."). A paragraph without an operative verb gets its main clause,
// with the verb as written.
#pragma once

#include "grammar/ast.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace resdraft::grammar::detail {

// The main clause of the first sentence of `text`: the first finite verb after a subject ("has been
// made", "remains", "cannot be realized", "shall take"), from an auxiliary or a short list of the verbs
// statements use; the object runs from it to the sentence's end. verb is the phrase as written, strength
// -1, in_lexicon false, statement true. Nothing when the sentence has no such verb ("For the purposes of
// ...": a noun phrase).
std::optional<clause> statement_clause(std::string_view input, span text, const std::vector<span>& excluded);

}  // namespace resdraft::grammar::detail
