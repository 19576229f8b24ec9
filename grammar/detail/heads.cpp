// Clause heads (stage 3): adverbs, a verb of the lexicon in the voice asked, adverbs; "We ..." subjects.
#include "grammar/detail/heads.hpp"

#include "grammar/lexicon.hpp"

#include <array>
#include <cctype>
#include <string>

namespace resdraft::grammar::detail {
namespace {

bool form_allowed(verb_form f, position where, bool after_copula) {
    if (after_copula) return f == verb_form::adjective;
    if (where == position::preambular) return f == verb_form::participle || f == verb_form::adjective;
    return f == verb_form::base || f == verb_form::third_person;
}

// Reads adverbs from token i, at most `limit`, into `adverbs` and `raise`; returns the token after them.
// A copula ("are", "remain") is read only when `copula` is given, and sets it.
std::size_t read_adverbs(const tokenizer& tk, std::size_t i, std::size_t end, std::vector<std::string_view>& adverbs,
                         int& raise, int limit, bool* copula = nullptr) {
    for (int n = 0; n < limit && tk.has(i) && tk.at(i).punct == 0; ++n) {
        const auto adverb = match_adverb(tk.entries(i), tk.rest(i, end));
        if (!adverb || (adverb->canonical.empty() && copula == nullptr)) break;
        if (adverb->canonical.empty()) *copula = true;
        else adverbs.push_back(adverb->canonical);
        raise += adverb->raise;
        i = tk.index_at(tk.at(i).begin + adverb->length, i);
    }
    return i;
}

// "Calls once again upon": adverbs inside a multiword verb. When adverbs follow the word at token i and
// the words after them complete a lexicon phrase that starts with that word, the head takes the whole
// phrase; `i` moves past it and the inner adverbs join the head's.
bool match_split_verb(const tokenizer& tk, std::size_t end, position where, bool copula, head& h, std::size_t& i) {
    if (!opens_verb_phrase(tk.entries(i))) return false;  // no phrase of the lexicon to complete
    std::vector<std::string_view> inner;
    int raise = 0;
    const std::size_t j = read_adverbs(tk, i + 1, end, inner, raise, 4);
    if (j == i + 1 || !tk.has(j) || tk.at(j).punct != 0) return false;
    const std::string_view first = tk.text(i);
    const std::string joined = std::string(first) + " " + std::string(tk.rest(j, std::min(end, tk.at(j).begin + 60)));
    const auto verb = match_verb(joined);
    if (!verb || verb->length <= first.size() + 1 || !form_allowed(verb->form, where, copula)) return false;
    h.entry = verb->entry;
    h.form = verb->form;
    h.phrase = {tk.at(i).begin, tk.at(j).begin + (verb->length - first.size() - 1)};
    h.adverbs.insert(h.adverbs.end(), inner.begin(), inner.end());
    h.raise += raise;
    i = tk.index_at(h.phrase.end, j);
    return true;
}

bool is_lower_word(const tokenizer& tk, std::size_t i) {
    return tk.has(i) && tk.at(i).punct == 0 &&
           std::islower(static_cast<unsigned char>(tk.text(i)[0]));
}

}  // namespace

// adverbs* verb adverbs* at token i, within [.., end).
std::optional<head> parse_head(const tokenizer& tk, std::size_t i, std::size_t end, position where) {
    // most words after a clause boundary start no adverb and no verb: one table look-up says so
    if (!tk.has(i) || !may_open_clause_head(tk.entries(i))) return std::nullopt;
    head h;
    h.first = h.head_first = i;
    bool copula = false;
    i = read_adverbs(tk, i, end, h.adverbs, h.raise, 4, &copula);
    if (!tk.has(i) || tk.at(i).punct != 0) return std::nullopt;
    if (!match_split_verb(tk, end, where, copula, h, i)) {
        const auto verb = match_verb(tk.entries(i), tk.rest(i, end));
        if (!verb || !form_allowed(verb->form, where, copula)) return std::nullopt;
        h.entry = verb->entry;
        h.form = verb->form;
        h.phrase = {tk.at(i).begin, tk.at(i).begin + verb->length};
        i = tk.index_at(h.phrase.end, i);
    }
    h.next = read_adverbs(tk, i, end, h.adverbs, h.raise, 2);  // "Recognize also", "Condemns unequivocally"
    return h;
}

// "We [, apposition,] [adverbs] verb": a verb from the lexicon, else the word(s) after "We" as written.
std::optional<head> parse_we_head(const tokenizer& tk, std::size_t we, std::size_t end) {
    std::size_t i = we + 1;
    if (tk.is_punct(i, ',')) {
        // "We, the Heads of State ..., welcome": the head follows the comma closing the apposition
        for (std::size_t j = i + 1; tk.has(j) && !tk.is_punct(j, '.'); ++j) {
            if (!tk.is_punct(j, ',')) continue;
            if (auto h = parse_head(tk, j + 1, end, position::operative)) {
                h->first = we;
                return h;
            }
            static constexpr std::array auxiliaries{std::string_view{"have"}, std::string_view{"will"},
                                                    std::string_view{"are"}, std::string_view{"shall"}};
            for (std::string_view aux : auxiliaries)
                if (tk.is_word(j + 1, aux) && is_lower_word(tk, j + 2)) {
                    i = j + 1;
                    goto fallback;
                }
        }
        return std::nullopt;
    }
    if (auto h = parse_head(tk, i, end, position::operative)) {
        if (h->form == verb_form::base || h->form == verb_form::adjective) {
            h->first = we;
            return h;
        }
    }
fallback:
    // not in the lexicon: "We meet", "We have gathered", "We envisage"
    const std::size_t head_first = i;
    std::vector<std::string_view> adverbs;
    int raise = 0;
    i = read_adverbs(tk, i, end, adverbs, raise, 4);
    if (!is_lower_word(tk, i)) return std::nullopt;
    static constexpr std::array two_word{std::string_view{"will"}, std::string_view{"shall"}, std::string_view{"have"},
                                         std::string_view{"has"},  std::string_view{"must"},  std::string_view{"can"},
                                         std::string_view{"are"},  std::string_view{"remain"}};
    std::size_t last = i;
    for (std::string_view w : two_word)
        if (tk.is_word(i, w) && is_lower_word(tk, i + 1)) last = i + 1;
    head h;
    h.first = we;
    h.head_first = head_first;
    h.adverbs = std::move(adverbs);
    h.raise = raise;
    h.phrase = {tk.at(i).begin, tk.at(last).end};
    h.next = last + 1;
    return h;
}

bool is_we(const tokenizer& tk, std::size_t i) { return tk.is_word(i, "we"); }

// The head's token positions as bytes: a clause is made after the tokenizer that found its head is gone.
head located(head h, const tokenizer& tk) {
    h.first_at = tk.begin_of(h.first);
    h.head_first_at = tk.begin_of(h.head_first);
    h.next_at = tk.begin_of(h.next);
    return h;
}

voice voice_of(const head& h) {
    return h.form == verb_form::third_person ? voice::third_person : voice::base;
}

// A clause head after a boundary, in voice `v`; `semicolon` when the boundary was ";".
std::optional<head> head_after_boundary(const tokenizer& tk, std::size_t j, std::size_t end, voice v, bool strong) {
    if ((v == voice::we || v == voice::unknown) && is_we(tk, j)) return parse_we_head(tk, j, end);
    auto h = parse_head(tk, j, end, position::operative);
    if (!h) return std::nullopt;
    if (v == voice::third_person || v == voice::unknown) {
        if (h->form != verb_form::third_person) return std::nullopt;
        // "... implementation makes a contribution ..., and provides for ...": an action verb describes, after a comma
        if (h->entry != nullptr && h->entry->topical && !strong) return std::nullopt;
        return h;
    }
    // bare voice (and "We welcome ..., reaffirm ..."): "recognize" is also an infinitive in a list; only a strong boundary lets prone verbs open a clause
    if (h->form != verb_form::base && h->form != verb_form::adjective) return std::nullopt;
    if (h->entry != nullptr && h->entry->infinitive_prone && !strong) return std::nullopt;
    return h;
}

// Skips "in this regard", "in this context," or a short comma-closed phrase ("bearing this goal in mind,").
std::size_t skip_linker(const tokenizer& tk, std::size_t j, std::size_t end, bool allow_phrase) {
    if (!tk.has(j)) return j;
    if (const std::size_t n = match_linker(tk.entries(j), tk.rest(j, end))) {
        j = tk.index_at(tk.at(j).begin + n, j);
        if (tk.is_punct(j, ',')) ++j;
        return j;
    }
    if (allow_phrase)
        for (std::size_t k = j; tk.has(k) && k < j + 7; ++k) {
            if (tk.at(k).punct == ',') return k > j ? k + 1 : j;
            if (tk.at(k).punct != 0) break;
        }
    return j;
}

}  // namespace resdraft::grammar::detail
