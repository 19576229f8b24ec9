// Statements: the first finite verb of a sentence that no operative verb opens.
#include "grammar/detail/statements.hpp"

#include "grammar/detail/tokens.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace resdraft::grammar::detail {
namespace {

constexpr std::size_t sentence_tokens = 80;  // the main verb comes early in a sentence

// Take a base verb after them: "shall take", "cannot be realized".
constexpr std::array<std::string_view, 10> modals{"will", "shall", "can", "cannot", "could",
                                                  "may", "might", "must", "should", "would"};
// Finite forms of be, have and do: "has been made", "are launching".
constexpr std::array<std::string_view, 10> auxiliaries{"is", "are", "was", "were", "has", "have", "had", "does", "do", "did"};
// The verbs statements of fact use most, in both numbers ("Migration remains ...", "Challenges remain").
constexpr std::array<std::string_view, 50> statement_verbs{
    "remains",  "remain",   "continues", "continue",  "applies",    "apply",    "constitutes", "constitute",
    "represents", "represent", "requires", "require", "includes",   "include",  "means",       "mean",
    "plays",    "play",     "contributes", "contribute", "depends", "depend",   "affects",     "affect",
    "exists",   "exist",    "becomes",   "become",    "poses",      "pose",     "stands",      "stand",
    "undermines", "undermine", "threatens", "threaten", "hampers",  "hamper",   "reflects",    "reflect",
    "serves",   "serve",    "lies",      "lie",       "consists",   "consist",  "entails",     "entail",
    "governs",  "govern"};
// Participles without -ed.
constexpr std::array<std::string_view, 22> irregular_participles{
    "made", "done", "taken", "given", "seen", "shown", "held", "met", "set", "put", "become",
    "grown", "known", "brought", "built", "left", "kept", "found", "begun", "undertaken", "led", "paid"};

std::string lower_word(std::string_view w) {
    std::string out(w);
    std::transform(out.begin(), out.end(), out.begin(), [](char c) { return lower_ascii(c); });
    return out;
}

template <std::size_t n>
bool one_of(const std::string& w, const std::array<std::string_view, n>& words) {
    return std::find(words.begin(), words.end(), w) != words.end();
}

// Open a clause that is not the sentence's main one: "processes that may affect", "Although ... have been made,".
constexpr std::array<std::string_view, 7> relative_words{"that", "which", "who", "whom", "whose", "where", "when"};
constexpr std::array<std::string_view, 10> subordinators{"although", "though", "while", "whilst", "whereas",
                                                         "if", "unless", "because", "since", "when"};

// The first token after a leading subordinate clause ("If a party ..., " -> after the comma), else 1.
std::size_t main_clause_start(const tokenizer& t) {
    if (!t.has(0) || t.at(0).punct != 0 || !one_of(lower_word(t.text(0)), subordinators)) return 1;
    for (std::size_t i = 1; i < sentence_tokens && t.has(i); ++i)
        if (t.at(i).punct == ',') return i + 2;  // a subject before the verb
    return 1;
}

bool adverb_like(const std::string& w) {
    return w == "not" || w == "never" || w == "also" || w == "further" || w == "still" || w == "already" ||
           w == "now" || w == "long" || w == "yet" || (w.size() > 4 && w.ends_with("ly"));
}

bool participle(const std::string& w) {
    return (w.size() > 3 && (w.ends_with("ed") || w.ends_with("ing"))) || one_of(w, irregular_participles);
}

// The last token of the verb phrase that token i opens: "has been made", "cannot be realized", "remains".
std::size_t phrase_end(const tokenizer& t, std::size_t i, bool modal) {
    std::size_t last = i;
    bool base_verb_next = modal;
    for (std::size_t j = i + 1; t.has(j) && t.at(j).punct == 0; ++j) {
        const std::string w = lower_word(t.text(j));
        if (adverb_like(w)) continue;
        if (w == "be" || w == "been" || w == "being" || w == "have") {
            last = j;
            base_verb_next = false;
            continue;
        }
        if (base_verb_next || participle(w)) last = j;
        break;
    }
    return last;
}

}  // namespace

std::optional<clause> statement_clause(std::string_view input, span text, const std::vector<span>& excluded) {
    const paragraph_bytes bytes(input, text, excluded);
    const tokenizer t(bytes, token_start_from(bytes, text.begin));
    for (std::size_t i = main_clause_start(t); i < sentence_tokens && t.has(i); ++i) {
        const token& tok = t.at(i);
        if (tok.punct == ';' || tok.punct == '.') break;
        if (tok.punct != 0 || t.is_word(i - 1, "to")) continue;
        const std::string w = lower_word(t.text(i));
        const bool modal = one_of(w, modals);
        if (!modal && !one_of(w, auxiliaries) && !one_of(w, statement_verbs)) continue;
        const std::size_t last = phrase_end(t, i, modal);
        // "processes that may affect ...": the relative clause's verb, not the sentence's
        if (t.at(i - 1).punct == 0 && one_of(lower_word(t.text(i - 1)), relative_words)) {
            i = last;
            continue;
        }
        clause c;
        c.phrase = c.head = span{tok.begin, t.at(last).end};
        // the phrase as written, or its first word where a line break or an excluded range splits it
        const std::string_view phrase = input.substr(tok.begin, t.at(last).end - tok.begin);
        const auto ex = bytes.excluded_after(tok.begin);
        const bool one_piece = phrase.find_first_of("\r\n") == std::string_view::npos &&
                               (ex == excluded.end() || ex->begin >= t.at(last).end);
        c.verb = one_piece ? phrase : t.text(i);
        // the object: up to the text's end, without the closing punctuation
        std::size_t end = token_end_before(bytes, text.end);
        if (const auto closing = token_before(bytes, end); closing && closing->punct != 0 && closing->punct != ')' &&
                                                            closing->punct != '"')
            end = token_end_before(bytes, closing->begin);
        c.object = span{token_start_from(bytes, c.phrase.end), std::max(end, c.phrase.end)};
        if (c.object.begin > c.object.end) c.object.begin = c.object.end;
        c.whole = span{c.phrase.begin, c.object.end};
        c.strength = -1;
        c.in_lexicon = false;
        c.statement = true;
        return c;
    }
    return std::nullopt;
}

}  // namespace resdraft::grammar::detail
