// Clause heads (stage 3): where a clause opens, the words that say what it does: adverbs, a verb of the
// lexicon in the paragraph's voice, adverbs ("Strongly condemns", "Calls once again upon"), and the
// "We ..." subjects of declarations.
#pragma once

#include "grammar/ast.hpp"
#include "grammar/detail/clauses.hpp"
#include "grammar/detail/tokens.hpp"
#include "grammar/lexicon.hpp"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace resdraft::grammar::detail {

// Where a head stands: an operative paragraph wants base or third-person verbs, a preambular one
// participles and adjectives.
enum class position { operative, preambular };

// Bytes enough for any clause head: four adverbs ("in the strongest terms"), a verb phrase, two adverbs.
constexpr std::size_t head_window = 200;

struct head {
    std::size_t first = 0;     // first token (adverb, "We" or verb)
    std::size_t head_first = 0;// first token of the adverbs and verb (after "We")
    std::size_t next = 0;      // token after the head
    // the same three as bytes, for reading on with another tokenizer (see located())
    std::size_t first_at = 0, head_first_at = 0, next_at = 0;
    span phrase;               // the verb words as written
    std::vector<std::string_view> adverbs;  // canonical adverbs, in order
    int raise = 0;             // ranks the adverbs add to the verb's strength
    const verb_entry* entry = nullptr;  // null for a verb outside the lexicon ("We meet")
    verb_form form = verb_form::base;
};

// The head "adverbs* verb adverbs*" at token i of `tk`, reading no further than byte `end`; nothing when
// the words there make none in position `where`.
std::optional<head> parse_head(const tokenizer& tk, std::size_t i, std::size_t end, position where);

// The head after "We" at token `we` ("We, the Heads of State, ... welcome", "We meet"): a verb of the
// lexicon, else the word(s) after "We" as written; nothing when no lower-case word follows.
std::optional<head> parse_we_head(const tokenizer& tk, std::size_t we, std::size_t end);

// Whether token i is "we" in any case.
bool is_we(const tokenizer& tk, std::size_t i);

// `h` with its token positions also as bytes (first_at, head_first_at, next_at), for use after `tk` is gone.
head located(head h, const tokenizer& tk);

// The voice a head's verb sets for the clauses after it: third_person or base.
voice voice_of(const head& h);

// A clause head at token j after a boundary, in voice `v` (`strong` after ";" or ". We", which lets verbs
// often read as infinitives open a clause); nothing when none opens there in that voice.
std::optional<head> head_after_boundary(const tokenizer& tk, std::size_t j, std::size_t end, voice v, bool strong);

// The token after a linker at token j ("in this regard", "in this context,"), or, when `allow_phrase`, after
// a short comma-closed phrase ("bearing this goal in mind,"); j itself when there is neither.
std::size_t skip_linker(const tokenizer& tk, std::size_t j, std::size_t end, bool allow_phrase);

}  // namespace resdraft::grammar::detail
