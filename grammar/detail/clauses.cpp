// Clause splitting. A paragraph is read as tokens (words and punctuation, footnote markers skipped);
// a clause opens at the paragraph start and at each top-level boundary (",", ";", "and", ". We")
// followed by an optional linker ("in this regard", "bearing this goal in mind,") and a clause head:
// adverbs, an operative verb from the lexicon in the paragraph's voice, adverbs.
#include "grammar/detail/clauses.hpp"

#include "grammar/detail/bytes.hpp"
#include "grammar/lexicon.hpp"

#include <boost/container/small_vector.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

namespace resdraft::grammar::detail {
namespace {

struct token {
    std::size_t begin = 0, end = 0;
    char punct = 0;  // ',', ';', ':', '.', '(', ')', '"' (any quote), 0 for a word
};

bool is_space(std::string_view s, std::size_t p) {
    const auto c = static_cast<unsigned char>(s[p]);
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
           (c == 0xC2 && p + 1 < s.size() && static_cast<unsigned char>(s[p + 1]) == 0xA0);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Curly double quotes “ ” (E2 80 9C / 9D) and straight ones.
std::size_t quote_length(std::string_view s, std::size_t p) {
    if (s[p] == '"') return 1;
    if (static_cast<unsigned char>(s[p]) == 0xE2 && p + 2 < s.size() && static_cast<unsigned char>(s[p + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[p + 2]) == 0x9C || static_cast<unsigned char>(s[p + 2]) == 0x9D))
        return 3;
    return 0;
}

// Bytes that never end a word: all but ASCII spaces, quotes, ; ( ) , : . and the lead bytes of NBSP
// (0xC2) and of curly quotes (0xE2).
constexpr auto inside_word = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 256; ++c) t[static_cast<std::size_t>(c)] = true;
    for (unsigned char c : {' ', '\t', '\n', '\r', '\f', '\v', '"', ';', '(', ')', ',', ':', '.'}) t[c] = false;
    t[0xC2] = t[0xE2] = false;
    return t;
}();

// Reads tokens on demand: a clause head needs the first few tokens of a text, a whole paragraph's
// clauses need all of them.
class tokenizer {
public:
    tokenizer(std::string_view input, span text, const std::vector<span>& excluded)
        : input_(input), excluded_(excluded), begin_(text.begin), end_(std::min(text.end, input.size())), p_(text.begin) {
        ex_ = std::lower_bound(excluded.begin(), excluded.end(), text.begin,
                               [](const span& e, std::size_t pos) { return e.end <= pos; });
    }

    // True when the text has a token i.
    [[nodiscard]] bool has(std::size_t i) const {
        while (tokens_.size() <= i && read_next()) {}
        return i < tokens_.size();
    }
    // Token i; requires has(i).
    [[nodiscard]] const token& at(std::size_t i) const {
        (void)has(i);
        return tokens_[i];
    }
    // All tokens of the text.
    [[nodiscard]] const auto& all() const {
        tokens_.reserve((end_ - std::min(p_, end_)) / 5 + tokens_.size() + 4);  // words average about six bytes
        while (read_next()) {}
        return tokens_;
    }
    [[nodiscard]] std::string_view text(std::size_t i) const {
        const token& t = at(i);
        return input_.substr(t.begin, t.end - t.begin);
    }
    [[nodiscard]] bool is_word(std::size_t i, std::string_view lower) const {
        if (!has(i) || tokens_[i].punct != 0) return false;
        const std::string_view w = text(i);
        return w.size() == lower.size() &&
               std::equal(w.begin(), w.end(), lower.begin(), [](char a, char b) { return lower_ascii(a) == b; });
    }
    [[nodiscard]] bool is_punct(std::size_t i, char c) const { return has(i) && tokens_[i].punct == c; }
    // Index of the first token starting at or after byte `pos`.
    [[nodiscard]] std::size_t index_at(std::size_t pos, std::size_t from) const {
        while (has(from) && tokens_[from].begin < pos) ++from;
        return from;
    }
    [[nodiscard]] std::string_view rest(std::size_t i, std::size_t end) const {
        return has(i) ? input_.substr(tokens_[i].begin, end - tokens_[i].begin) : std::string_view{};
    }

private:
    std::string_view input_;
    const std::vector<span>& excluded_;
    std::size_t begin_, end_;
    mutable std::size_t p_;                              // where reading goes on
    mutable std::vector<span>::const_iterator ex_;       // first excluded range not yet behind p_
    mutable boost::container::small_vector<token, 24> tokens_;  // a clause head needs a few: no allocation

    bool in_excluded(std::size_t q) const { return ex_ != excluded_.end() && q >= ex_->begin && q < ex_->end; }
    bool boundary_after(std::size_t q) const {
        return q >= end_ || in_excluded(q) || is_space(input_, q) || quote_length(input_, q) > 0;
    }
    // punctuation that separates tokens; "1,000" and "10:30" stay inside their word
    char separator_at(std::size_t q) const {
        const char c = input_[q];
        if (c == ';' || c == '(' || c == ')') return c;
        if (c == ',' || c == ':') {
            const bool digit_around = q > begin_ && q + 1 < end_ && is_digit(input_[q - 1]) && is_digit(input_[q + 1]);
            return digit_around ? 0 : c;
        }
        return c == '.' && boundary_after(q + 1) ? c : 0;
    }

    // Appends the next token; false at the end of the text.
    bool read_next() const {
        while (p_ < end_) {
            while (ex_ != excluded_.end() && ex_->end <= p_) ++ex_;
            if (ex_ != excluded_.end() && p_ >= ex_->begin) {
                p_ = ex_->end;
                continue;
            }
            const auto first = static_cast<unsigned char>(input_[p_]);
            if (first == ' ') {  // the common case between tokens
                ++p_;
                continue;
            }
            if (!inside_word[first]) {  // a space, quote or separator, or a word after all
                if (is_space(input_, p_)) {
                    p_ += first == 0xC2 ? 2 : 1;
                    continue;
                }
                if (const std::size_t q = quote_length(input_, p_)) {
                    tokens_.push_back({p_, p_ + q, '"'});
                    p_ += q;
                    return true;
                }
                if (const char c = separator_at(p_)) {
                    tokens_.push_back({p_, p_ + 1, c});
                    ++p_;
                    return true;
                }
            }
            // a word: at least one byte, up to a space, quote, separator or excluded range. Most bytes
            // cannot end a word: skip them with a table, and look closer only at the rest.
            const std::size_t limit = ex_ != excluded_.end() ? std::min(end_, ex_->begin) : end_;
            std::size_t q = p_ + 1;
            while (q < limit) {
                if (inside_word[static_cast<unsigned char>(input_[q])]) {
                    ++q;
                    continue;
                }
                if (is_space(input_, q) || quote_length(input_, q) != 0 || separator_at(q) != 0) break;
                ++q;
            }
            tokens_.push_back({p_, q, 0});
            p_ = q;
            return true;
        }
        return false;
    }
};

enum class position { operative, preambular };

// Bytes enough for any clause head: four adverbs ("in the strongest terms"), a verb phrase, two adverbs.
constexpr std::size_t head_window = 200;

struct head {
    std::size_t first = 0;     // first token (adverb, "We" or verb)
    std::size_t head_first = 0;// first token of the adverbs and verb (after "We")
    std::size_t next = 0;      // token after the head
    span phrase;
    std::vector<std::string_view> adverbs;
    int raise = 0;
    const verb_entry* entry = nullptr;  // null for a verb outside the lexicon ("We meet")
    verb_form form = verb_form::base;
};

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
        const auto adverb = match_adverb(tk.rest(i, end));
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

// adverbs* verb adverbs* at token i, within [.., end).
std::optional<head> parse_head(const tokenizer& tk, std::size_t i, std::size_t end, position where) {
    // most words after a clause boundary start no adverb and no verb: one table look-up says so
    if (!may_open_clause_head(tk.rest(i, end))) return std::nullopt;
    head h;
    h.first = h.head_first = i;
    bool copula = false;
    i = read_adverbs(tk, i, end, h.adverbs, h.raise, 4, &copula);
    if (!tk.has(i) || tk.at(i).punct != 0) return std::nullopt;
    if (!match_split_verb(tk, end, where, copula, h, i)) {
        const auto verb = match_verb(tk.rest(i, end));
        if (!verb || !form_allowed(verb->form, where, copula)) return std::nullopt;
        h.entry = verb->entry;
        h.form = verb->form;
        h.phrase = {tk.at(i).begin, tk.at(i).begin + verb->length};
        i = tk.index_at(h.phrase.end, i);
    }
    h.next = read_adverbs(tk, i, end, h.adverbs, h.raise, 2);  // "Recognize also", "Condemns unequivocally"
    return h;
}

bool is_lower_word(const tokenizer& tk, std::size_t i) {
    return tk.has(i) && tk.at(i).punct == 0 &&
           std::islower(static_cast<unsigned char>(tk.text(i)[0]));
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

// Words after "to" that show it is not an infinitive ("to the", "to all").
bool infinitive_after(const tokenizer& tk, std::size_t i) {
    if (!is_lower_word(tk, i)) return false;
    static constexpr std::array not_verbs{
        "the", "a", "an", "all", "their", "its", "his", "her", "our", "this", "that", "these", "those", "any",
        "each", "every", "such", "other", "both", "some", "no", "it", "them", "him", "us", "whom", "which",
        "what", "international", "national", "regional", "relevant", "further", "date", "one", "two", "three",
        "whether", "those", "member", "non", "states", "countries", "and", "or"};
    return std::none_of(not_verbs.begin(), not_verbs.end(), [&](const char* w) { return tk.is_word(i, w); });
}

// Words that open a parenthetical after a comma inside an addressee: "the Secretary-General, in the elaboration ..."
bool opens_parenthetical(const tokenizer& tk, std::size_t i) {
    static constexpr std::array openers{"in", "within", "at", "as", "on", "through", "where", "when", "if",
                                        "pending", "with", "inter", "taking", "bearing", "consistent", "upon",
                                        "by", "for", "while", "without", "whenever", "wherever"};
    if (tk.is_word(i, "in") && tk.is_word(i + 1, "particular")) return false;  // "all States, in particular X,"
    return std::any_of(openers.begin(), openers.end(), [&](const char* w) { return tk.is_word(i, w); });
}

void trim(std::string_view input, span& s) {
    auto junk = [&](std::size_t p) {
        const char c = input[p];
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == ',' || c == ';' || c == ':' || c == '\f';
    };
    while (s.begin < s.end && junk(s.begin)) ++s.begin;
    while (s.end > s.begin && (junk(s.end - 1) || input[s.end - 1] == '.')) --s.end;
}

// Fills addressee and object of a clause whose head ends before token `from` and whose text ends at byte `end`.
void fill_object(const tokenizer& tk, std::string_view input, const head& h, std::size_t end, clause& c) {
    std::size_t object_begin = tk.has(h.next) ? tk.at(h.next).begin : end;
    if (h.entry != nullptr && h.entry->directive && tk.has(h.next) && !tk.is_word(h.next, "that")) {
        // the addressee ends at the infinitive ("urge States to apply"), or at the colon before lettered
        // subparagraphs ("Requests the Secretary-General: (a) To continue ...")
        std::optional<std::size_t> stop;
        int depth = 0;
        for (std::size_t i = h.next; tk.has(i) && tk.at(i).begin < end && !stop; ++i) {
            if (tk.at(i).punct == '(') ++depth;
            if (tk.at(i).punct == ')') depth = std::max(0, depth - 1);
            if (depth > 0) continue;
            if ((tk.is_word(i, "to") && infinitive_after(tk, i + 1)) || (tk.at(i).punct == ':' && tk.at(i).end >= end)) stop = i;
        }
        if (stop && *stop > h.next) {
            std::size_t last = *stop;  // one past the addressee's last token
            for (std::size_t j = h.next + 1; j < *stop; ++j)
                if (tk.is_punct(j, ',') && opens_parenthetical(tk, j + 1)) {
                    last = j;
                    break;
                }
            span who{tk.at(h.next).begin, tk.at(last - 1).end};
            trim(input, who);
            if (!who.empty()) {
                c.addressee = who;
                object_begin = tk.at(last).begin;
            }
        }
    }
    c.object = {object_begin, std::max(object_begin, end)};
    trim(input, c.object);
}

clause make_clause(const tokenizer& tk, std::string_view input, const head& h, std::size_t end) {
    clause c;
    c.phrase = h.phrase;
    c.adverbs = h.adverbs;
    if (h.entry != nullptr) {
        c.verb = h.entry->lemma;
        c.strength = std::min(h.entry->strength + h.raise, 6);
    } else {
        c.verb = h.phrase.of(input);
        c.in_lexicon = false;
        c.strength = -1;
    }
    c.whole = {tk.at(h.first).begin, end};
    c.head = {tk.at(h.head_first).begin, h.phrase.end};
    trim(input, c.whole);
    fill_object(tk, input, h, end, c);
    return c;
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
    if (const std::size_t n = match_linker(tk.rest(j, end))) {
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

}  // namespace

std::vector<clause> split_operative(std::string_view input, span text, const std::vector<span>& excluded, voice hint,
                                    voice& found) {
    const tokenizer tk(input, text, excluded);
    const auto& t = tk.all();
    std::vector<clause> clauses;
    found = voice::unknown;
    if (t.empty()) return clauses;

    std::optional<head> current;
    if (is_we(tk, 0)) {
        current = parse_we_head(tk, 0, text.end);
        if (current) found = voice::we;
    } else if ((current = parse_head(tk, 0, text.end, position::operative))) {
        found = voice_of(*current);
    }
    std::size_t i = current ? current->next : 0;
    if (!current) {
        // "Pending the total elimination of nuclear weapons, urges ...": a phrase before the first verb
        for (; i < t.size() && !current; ++i) {
            if (t[i].punct != ',') continue;
            const voice v = hint == voice::base ? voice::base : voice::unknown;
            current = head_after_boundary(tk, i + 1, text.end, v, true);
            if (current) found = current->entry == nullptr || is_we(tk, current->first) ? voice::we : voice_of(*current);
        }
        if (!current) return clauses;
        i = current->next;
    }

    int depth = 0;
    for (; i < t.size(); ++i) {
        const char p = t[i].punct;
        if (p == '(') ++depth;
        if (p == ')') depth = std::max(0, depth - 1);
        if (p == '"') depth = depth > 0 ? depth - 1 : 1;  // quotes toggle; an unbalanced quote only hides boundaries
        if (depth > 0) continue;
        std::size_t j = i + 1;
        bool strong = false, comma = false, bare_and = false;
        if (p == ';') strong = comma = true;
        else if (p == ',') comma = true;
        else if (p == '.' && found == voice::we && is_we(tk, j)) strong = true;
        else if (p == 0 && tk.is_word(i, "and") && i > 0 && t[i - 1].punct == 0) bare_and = true;
        else continue;
        if (comma && tk.is_word(j, "and")) {
            ++j;
            if (tk.is_punct(j, ',')) ++j;
        }
        if (comma || bare_and) {
            // "to assist and support", "to prevent, protect": a list of infinitives, not a new clause
            const std::size_t before = i >= 2 ? i - 2 : 0;
            if (found != voice::third_person && i >= 2 && tk.is_word(before, "to") && infinitive_after(tk, before + 1))
                continue;
        }
        const voice v = found == voice::unknown ? voice::third_person : found;
        auto next = head_after_boundary(tk, j, text.end, v, strong);
        if (!next) {
            const std::size_t after_linker = skip_linker(tk, j, text.end, comma);
            if (after_linker != j) next = head_after_boundary(tk, after_linker, text.end, v, strong);
        }
        if (!next) continue;
        clauses.push_back(make_clause(tk, input, *current, t[i].begin));
        current = next;
        i = next->next - 1;
    }
    clauses.push_back(make_clause(tk, input, *current, t.back().end));
    return clauses;
}

namespace {
// Where the last token of `text` ends: before trailing spaces and excluded ranges (footnote markers).
std::size_t content_end(std::string_view input, span text, const std::vector<span>& excluded) {
    std::size_t e = std::min(text.end, input.size());
    while (e > text.begin) {
        const auto ex = std::lower_bound(excluded.begin(), excluded.end(), e,
                                         [](const span& s, std::size_t pos) { return s.end < pos; });
        if (ex != excluded.end() && ex->begin < e && e <= ex->end) {
            e = ex->begin;
            continue;
        }
        if (e >= text.begin + 2 && static_cast<unsigned char>(input[e - 2]) == 0xC2 &&
            static_cast<unsigned char>(input[e - 1]) == 0xA0) {
            e -= 2;
            continue;
        }
        if (!is_space(input, e - 1)) break;
        --e;
    }
    return e;
}
}  // namespace

std::vector<clause> preambular_clauses(std::string_view input, span text, const std::vector<span>& excluded) {
    const tokenizer tk(input, text, excluded);
    const auto h = parse_head(tk, 0, text.end, position::preambular);
    if (!h) return {};
    return {make_clause(tk, input, *h, content_end(input, text, excluded))};
}

namespace {
std::optional<head> head_of_text(std::string_view text, position where) {
    static const std::vector<span> none;
    const std::size_t end = std::min(text.size(), head_window);
    const tokenizer tk(text, {0, end}, none);
    return parse_head(tk, 0, end, where);
}
}  // namespace

bool opens_with_preambular(std::string_view text) {
    return !text.empty() && std::isupper(static_cast<unsigned char>(text[0])) &&
           head_of_text(text, position::preambular).has_value();
}

bool opens_with_operative(std::string_view text, std::string_view& lemma) {
    if (text.empty() || !std::isupper(static_cast<unsigned char>(text[0]))) return false;
    const auto h = head_of_text(text, position::operative);
    if (!h) return false;
    lemma = h->entry->lemma;
    return true;
}

}  // namespace resdraft::grammar::detail
