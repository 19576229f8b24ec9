// The language of UN resolutions: operative verbs and phrases, preambular openers, adverbs,
// clause linkers, and the strength of each verb on an ordinal scale.
//
// Strength scale (0-6). There is no official UN definition of these verbs' force; the order follows
// drafting practice and the research cited in ../shared/reference/un-drafting.md (UN Editorial
// Manual; legalresponse.org "Legal interpretation of verbs"; PEMA, Di Salvatore et al. 2022; Wood and
// Sthoeger 2022; D'Acquisto 2017):
//   0  takes note of                                  acknowledges a document, no view
//   1  notes, recalls, recognizes, acknowledges       states a view, binds no one
//   2  welcomes, stresses, reaffirms, supports, expresses concern   expresses a position
//   3  encourages, invites, recommends, appeals to    asks softly, leaves full discretion
//   4  requests, calls upon, urges, condemns          presses hard, leaves some discretion
//   5  decides, demands, commits to, will, adopts     binds or creates a clear duty
// An intensifying adverb ("strongly", "firmly", "in the strongest terms", "unequivocally") raises a
// verb by one rank (so "strongly encourages" ranks with "urges"); "also", "further", "again" do not.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace resdraft::grammar {

enum class verb_form {
    base,         // "recognize", "call upon": declarations after "We" or bare
    third_person, // "recognizes", "calls upon": General Assembly voice
    participle,   // "recognizing", "having considered": preambular openers
    adjective,    // "concerned", "mindful", "aware": preambular openers
    copula,       // "are committed to", "remain concerned": declarations
};

struct verb_entry {
    std::string_view lemma;   // canonical base form ("call upon", "take note of", "concerned")
    int strength = 1;         // rank on the scale above
    bool directive = false;   // addresses someone: "calls upon X to ...", "requests X to ..."
    bool infinitive_prone = false;  // bare form often continues a list of infinitives ("to establish ..., adopt ...")
    bool topical = false;     // an action that also tells what a paragraph is about ("strengthen", "develop")
};

struct lexicon_match {
    const verb_entry* entry = nullptr;
    verb_form form = verb_form::base;
    std::size_t length = 0;   // bytes of the text the match covers
};

struct adverb_match {
    std::string_view canonical;  // "strongly", "in the strongest terms"
    int raise = 0;               // how many ranks it raises the verb
    std::size_t length = 0;
};

// Longest verb or opener at the start of `text` (case-insensitive), ending at a word boundary.
// Returns nothing when no entry matches.
std::optional<lexicon_match> match_verb(std::string_view text);

// Longest adverb at the start of `text`, ending at a word boundary; nothing when none matches.
std::optional<adverb_match> match_adverb(std::string_view text);

// Length of a clause linker at the start of `text` ("in this regard", "in this context"), 0 if none.
std::size_t match_linker(std::string_view text);

// False when no verb, opener, adverb or copula of the lexicon opens with the first word of `text`: lets
// callers skip the work before a full match.
bool may_open_clause_head(std::string_view text);

// False when no entry of the lexicon (verb, opener, adverb, linker) can open `text`: a test of its first
// four bytes that rejects most words before a look-up (it passes a word wrongly a few times in a thousand).
bool may_open_entry(std::string_view text);

// The entries of the lexicon that open with one word: looked up once for a word of a text, then matched
// against the text there by the overloads below (the same answers as those above, without a second look-up).
struct lexicon_word;
// The entries opening with the first word of `text`; null when none does (most words).
const lexicon_word* find_first_word(std::string_view text);
std::optional<lexicon_match> match_verb(const lexicon_word* word, std::string_view text);
std::optional<adverb_match> match_adverb(const lexicon_word* word, std::string_view text);
std::size_t match_linker(const lexicon_word* word, std::string_view text);
bool may_open_clause_head(const lexicon_word* word);
// True when a verb or opener of more than one word ("calls upon") opens with the word.
bool opens_verb_phrase(const lexicon_word* word);

// All forms the lexicon knows (for tests and documentation): lower-case surface form and entry.
struct lexicon_form {
    std::string_view surface;
    verb_form form;
    const verb_entry* entry;
};
const std::vector<lexicon_form>& lexicon_forms();

}  // namespace resdraft::grammar
