// Splitting a paragraph into its top-level verb–object clauses.
#pragma once

#include "grammar/ast.hpp"
#include "grammar/index.hpp"

#include <string_view>
#include <vector>

namespace resdraft::grammar::detail {

// How the operative verbs of a paragraph are inflected; later clauses must agree with the first.
enum class voice {
    unknown,
    base,          // "Recognize ..., and reaffirm ..." (declaration without subject)
    third_person,  // "Recognizes ..., and reaffirms ..." (General Assembly)
    we,            // "We recognize ... We also reaffirm ..."
};

// Stage 3 of the parser: the clauses of every paragraph of `doc` (built by stage 2b, detail/tree.hpp,
// its clause vectors empty): a preambular paragraph's opening phrase, an operative paragraph's top-level
// clauses (a statement's main clause when it has none), and those of its subparagraphs that open with an
// operative verb or "We "; an operative paragraph's voice carries to the next paragraphs of its part.
// `index` (stage 1) indexes doc.text(): the clause marks are taken from it.
void add_clauses(document& doc, const structural_index& index);

// Top-level clauses of the operative text `text` of index.text(). `hint` is the voice of the paragraph
// before, used when the text opens with a phrase rather than a verb ("Pending ..., urges ..."). Sets
// `found` to the voice used.
std::vector<clause> split_operative(const structural_index& index, span text, const std::vector<span>& excluded,
                                    voice hint, voice& found);

// The opening phrase of a preambular paragraph as its one clause ("Recalling" -> recall); empty when
// the paragraph does not open with a known opener.
std::vector<clause> preambular_clauses(std::string_view input, span text, const std::vector<span>& excluded);

// What a line can open with: a preambular opener ("Recalling", "Deeply concerned", "Having considered"),
// an operative verb in base or third-person form ("Adopts", "Recognize").
struct line_openers {
    bool preambular = false;
    bool operative = false;
};

// The openers `line` begins with (each false when it begins lower-case). Never fails.
line_openers openers_of_line(std::string_view line);

// True when `text` opens with an operative verb in base or third-person form ("Adopts", "Recognize").
// Sets `lemma` to the verb's lemma.
bool opens_with_operative(std::string_view text, std::string_view& lemma);

}  // namespace resdraft::grammar::detail
