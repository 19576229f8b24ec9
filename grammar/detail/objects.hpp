// Addressees and objects (stage 3): the clause a head opens, with whom a directive verb addresses and
// what the verb governs, and the test that keeps a list of infinitives in one clause.
#pragma once

#include "grammar/ast.hpp"
#include "grammar/detail/heads.hpp"
#include "grammar/detail/tokens.hpp"

#include <cstddef>

namespace resdraft::grammar::detail {

// The clause of a located head (see located()) whose text ends at byte `end`: verb, strength, adverbs,
// spans, and for a directive verb its addressee ("Member States" in "urges Member States to act"). Never fails.
clause make_clause(const paragraph_bytes& text, const head& h, std::size_t end);

// Whether the mark at byte `boundary` continues a list of infinitives ("to assist, protect", "to assist and
// support"): the token before it may be an infinitive, and "to" comes before that.
bool in_infinitive_list(const paragraph_bytes& text, std::size_t boundary);

}  // namespace resdraft::grammar::detail
