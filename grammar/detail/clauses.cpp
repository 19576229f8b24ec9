// Clause splitting. A clause opens at the paragraph start and at each top-level boundary (",", ";",
// "and", ". We") followed by an optional linker ("in this regard", "bearing this goal in mind,") and a
// clause head: adverbs, an operative verb from the lexicon in the paragraph's voice, adverbs.
// The paragraph is not cut into tokens: a byte search (grammar/detail/bytes.hpp) finds the marks that can
// be boundaries or hide them (brackets, quotes), and words (footnote markers skipped) are read as tokens
// only after a mark whose next word may open a head, and at the heads themselves.
#include "grammar/detail/clauses.hpp"

#include "grammar/detail/bytes.hpp"
#include "grammar/lexicon.hpp"

#include <boost/container/small_vector.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <optional>

namespace resdraft::grammar::detail {
namespace {

struct token {
    std::size_t begin = 0, end = 0;
    char punct = 0;  // ',', ';', ':', '.', '(', ')', '"' (any quote), 0 for a word
    mutable bool looked_up = false;                 // `entries` is known
    mutable const lexicon_word* entries = nullptr;  // lexicon entries opening with the word (see tokenizer::entries)
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

// Token t is the word `lower` in any case.
bool word_is(std::string_view input, const token& t, std::string_view lower) {
    return t.punct == 0 && t.end - t.begin == lower.size() &&
           std::equal(lower.begin(), lower.end(), input.begin() + static_cast<std::ptrdiff_t>(t.begin),
                      [](char b, char a) { return lower_ascii(a) == b; });
}

// One paragraph's bytes and the ranges left out of it, with the tests that cut it into tokens: spaces,
// quotes and separators end a word; "1,000" and "10:30" keep their separator, "U.N." its inner dots.
class paragraph_bytes {
public:
    paragraph_bytes(std::string_view input, span text, const std::vector<span>& excluded)
        : input(input), excluded(excluded), begin(text.begin), end(std::min(text.end, input.size())) {}

    std::string_view input;
    const std::vector<span>& excluded;
    std::size_t begin, end;

    // First excluded range that ends after byte `pos`.
    [[nodiscard]] std::vector<span>::const_iterator excluded_after(std::size_t pos) const {
        return std::lower_bound(excluded.begin(), excluded.end(), pos,
                                [](const span& e, std::size_t p) { return e.end <= p; });
    }
    // Byte q ends a word: the text ends, an excluded range (`ex`, the first not behind q) starts, or a
    // space, quote or separator is there.
    [[nodiscard]] bool boundary_at(std::size_t q, std::vector<span>::const_iterator ex) const {
        return q >= end || (ex != excluded.end() && q >= ex->begin && q < ex->end) || is_space(input, q) ||
               quote_length(input, q) > 0;
    }
    // The separator token at q, 0 when the byte there is not one.
    [[nodiscard]] char separator_at(std::size_t q, std::vector<span>::const_iterator ex) const {
        const char c = input[q];
        if (c == ';' || c == '(' || c == ')') return c;
        if (c == ',' || c == ':') {
            const bool digit_around = q > begin && q + 1 < end && is_digit(input[q - 1]) && is_digit(input[q + 1]);
            return digit_around ? 0 : c;
        }
        return c == '.' && boundary_at(q + 1, ex) ? c : 0;
    }
};

// Reading backwards what the tokenizer reads forwards, for the few places that look back from a mark.
// Bytes of the space (ASCII or no-break) that ends at e, 0 if none.
std::size_t space_ending_at(const paragraph_bytes& text, std::size_t e) {
    const std::string_view in = text.input;
    if (e >= text.begin + 2 && static_cast<unsigned char>(in[e - 2]) == 0xC2 && static_cast<unsigned char>(in[e - 1]) == 0xA0)
        return 2;
    const char c = in[e - 1];
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ? 1 : 0;
}

// Where the last token before byte q ends, with the spaces and excluded ranges between skipped; the
// text's beginning when it has no token before q.
std::size_t token_end_before(const paragraph_bytes& text, std::size_t q) {
    std::size_t e = std::min(q, text.end);
    while (e > text.begin) {
        const auto ex = text.excluded_after(e - 1);
        if (ex != text.excluded.end() && ex->begin < e) e = std::max(ex->begin, text.begin);
        else if (const std::size_t n = space_ending_at(text, e)) e -= n;
        else break;
    }
    return e;
}

// Bytes of the quote that ends at e, 0 if none.
std::size_t quote_ending_at(const paragraph_bytes& text, std::size_t e) {
    if (text.input[e - 1] == '"') return 1;
    return e >= text.begin + 3 && quote_length(text.input, e - 3) == 3 ? 3 : 0;
}

// The token that ends at e (a token's end, after text.begin).
token token_ending_at(const paragraph_bytes& text, std::size_t e) {
    if (const std::size_t n = quote_ending_at(text, e)) return token{e - n, e, '"'};
    if (const char c = text.separator_at(e - 1, text.excluded_after(e - 1))) return token{e - 1, e, c};
    // a word: back to a space, quote, separator or excluded range
    const auto ex = text.excluded_after(e - 1);
    const std::size_t floor = ex == text.excluded.begin() ? text.begin : std::max(text.begin, std::prev(ex)->end);
    std::size_t b = e - 1;
    while (b > floor && space_ending_at(text, b) == 0 && quote_ending_at(text, b) == 0 && text.separator_at(b - 1, ex) == 0)
        --b;
    return token{b, e, 0};
}

// The token before byte q, nothing when the text has none.
std::optional<token> token_before(const paragraph_bytes& text, std::size_t q) {
    const std::size_t e = token_end_before(text, q);
    if (e <= text.begin) return std::nullopt;
    return token_ending_at(text, e);
}

// Reads tokens on demand from a byte where one starts: a clause head needs the first few tokens after
// a boundary.
class tokenizer {
public:
    tokenizer(const paragraph_bytes& text, std::size_t start)
        : text_(text), input_(text.input), p_(start), ex_(text.excluded_after(start)) {}

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
    [[nodiscard]] std::string_view text(std::size_t i) const {
        const token& t = at(i);
        return input_.substr(t.begin, t.end - t.begin);
    }
    [[nodiscard]] bool is_word(std::size_t i, std::string_view lower) const {
        return has(i) && word_is(input_, tokens_[i], lower);
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
    [[nodiscard]] std::string_view input() const { return input_; }
    // The lexicon entries opening with token i's word, looked up once per token; null for punctuation
    // and for most words. Requires has(i).
    [[nodiscard]] const lexicon_word* entries(std::size_t i) const {
        const token& t = tokens_[i];
        if (!t.looked_up) {
            t.entries = t.punct == 0 ? find_first_word(input_.substr(t.begin, text_.end - t.begin)) : nullptr;
            t.looked_up = true;
        }
        return t.entries;
    }
    // Where token i begins; the text's end when there is no token i.
    [[nodiscard]] std::size_t begin_of(std::size_t i) const { return has(i) ? tokens_[i].begin : text_.end; }

private:
    const paragraph_bytes& text_;
    std::string_view input_;
    mutable std::size_t p_;                              // where reading goes on
    mutable std::vector<span>::const_iterator ex_;       // first excluded range not yet behind p_
    mutable boost::container::small_vector<token, 24> tokens_;  // a clause head needs a few: no allocation

    // Appends the next token; false at the end of the text.
    bool read_next() const {
        const std::size_t end = text_.end;
        while (p_ < end) {
            while (ex_ != text_.excluded.end() && ex_->end <= p_) ++ex_;
            if (ex_ != text_.excluded.end() && p_ >= ex_->begin) {
                p_ = ex_->end;
                continue;
            }
            const auto first = static_cast<unsigned char>(input_[p_]);
            if (first == ' ') {  // the common case between tokens
                ++p_;
                continue;
            }
            if (may_end_token(first)) {  // a space, quote or separator, or a word after all
                if (is_space(input_, p_)) {
                    p_ += first == 0xC2 ? 2 : 1;
                    continue;
                }
                if (const std::size_t q = quote_length(input_, p_)) {
                    tokens_.push_back({p_, p_ + q, '"'});
                    p_ += q;
                    return true;
                }
                if (const char c = text_.separator_at(p_, ex_)) {
                    tokens_.push_back({p_, p_ + 1, c});
                    ++p_;
                    return true;
                }
            }
            // a word: at least one byte, up to a space, quote, separator or excluded range. Most bytes
            // cannot end a word: skip them many at a time, and look closer only at the rest.
            const std::size_t limit = ex_ != text_.excluded.end() ? std::min(end, ex_->begin) : end;
            const char* const data = input_.data();
            std::size_t q = p_ + 1;
            while (q < limit) {
                q = static_cast<std::size_t>(find_token_end(data + q, data + limit, data + input_.size()) - data);
                if (q >= limit || is_space(input_, q) || quote_length(input_, q) != 0 || text_.separator_at(q, ex_) != 0) break;
                ++q;
            }
            tokens_.push_back({p_, q, 0});
            p_ = q;
            return true;
        }
        return false;
    }
};

// What can split a paragraph into clauses or hide a split, found without cutting the words between
// them into tokens: "(" ")" and quotes (nesting), "," ";" "." and a bare "and" after a word.
struct mark {
    std::size_t begin = 0, end = 0;
    char kind = 0;  // '(', ')', '"', ',', ';', '.', or 'a' for "and"
};

// The marks of a paragraph in order, from a token start on: a mask of candidate bytes for 64 bytes at a
// time, each candidate then judged as the tokenizer would ("1,000", "U.N." and "standard" hold none).
class mark_scanner {
public:
    mark_scanner(const paragraph_bytes& text, std::size_t from) : text_(text) { restart(from); }

    // Goes on from byte `from` (where a token starts).
    void restart(std::size_t from) {
        ahead_.clear();
        ahead_next_ = 0;
        ex_ = text_.excluded_after(from);
        load_block(from);
    }

    // The next mark, nothing at the end of the text.
    std::optional<mark> next() {
        if (ahead_next_ < ahead_.size()) return ahead_[ahead_next_++];
        ahead_.clear();
        ahead_next_ = 0;
        return find();
    }

    // The next mark that is not "and", without moving on: next() returns the marks up to it again.
    std::optional<mark> peek_past_and() {
        for (std::size_t i = ahead_next_; i < ahead_.size(); ++i)
            if (!ahead_[i] || ahead_[i]->kind != 'a') return ahead_[i];
        while (true) {
            const auto m = find();
            ahead_.push_back(m);
            if (!m || m->kind != 'a') return m;
        }
    }

private:
    const paragraph_bytes& text_;
    std::vector<span>::const_iterator ex_;  // first excluded range not behind the block
    std::size_t block_ = 0;                 // the 64 bytes being read start here
    std::size_t block_end_ = 0;             // and end here (or at the next excluded range, or the text's end)
    std::size_t block_limit_ = 0;           // where the words of the block's stretch of text end
    std::uint64_t bits_ = 0;                // marks of the block not yet returned, bit i for byte block_ + i
    boost::container::small_vector<std::optional<mark>, 4> ahead_;  // found by peek_past_and, not yet returned
    std::size_t ahead_next_ = 0;

    std::optional<mark> find() {
        const char* const data = text_.input.data();
        while (true) {
            while (bits_ == 0) {
                if (block_end_ >= text_.end) return std::nullopt;
                load_block(block_end_);
            }
            const std::size_t q = block_ + static_cast<std::size_t>(__builtin_ctzll(bits_));
            bits_ &= bits_ - 1;
            const auto c = static_cast<unsigned char>(data[q]);
            if (c == '(' || c == ')' || c == ';') return mark{q, q + 1, static_cast<char>(c)};
            if (c == '"' || c == 0xE2) {
                if (const std::size_t n = quote_length(text_.input, q)) {
                    skip_to(q + n);
                    return mark{q, q + n, '"'};
                }
                continue;
            }
            if (c == ',' || c == '.') {
                if (text_.separator_at(q, ex_) != 0) return mark{q, q + 1, static_cast<char>(c)};
                continue;
            }
            if (q + 3 <= block_limit_ && bare_and_at(q)) {
                skip_to(q + 3);
                return mark{q, q + 3, 'a'};
            }
        }
    }

    // Reads the marks of the 64 bytes from `from`, after any excluded range there.
    void load_block(std::size_t from) {
        while (true) {
            while (ex_ != text_.excluded.end() && ex_->end <= from) ++ex_;
            if (ex_ == text_.excluded.end() || from < ex_->begin) break;
            from = ex_->end;
        }
        block_ = from;
        block_limit_ = ex_ != text_.excluded.end() ? std::min(text_.end, ex_->begin) : text_.end;
        block_end_ = std::max(from, std::min(block_limit_, from + 64));
        bits_ = 0;
        if (block_ >= block_end_) return;  // the end of the text
        const char* const data = text_.input.data();
        bits_ = clause_mark_mask(data + block_, data + text_.input.size());
        if (block_end_ - block_ < 64) bits_ &= (std::uint64_t{1} << (block_end_ - block_)) - 1;
    }
    // Forgets the marks before byte q (inside a quote or "and" just returned).
    void skip_to(std::size_t q) {
        if (q >= block_end_) {
            bits_ = 0;
            if (q > block_end_) load_block(q);
        } else {
            bits_ &= ~((std::uint64_t{1} << (q - block_)) - 1);
        }
    }

    // The token "and" at q, after a word token (not after punctuation, not the text's first token).
    bool bare_and_at(std::size_t q) const {
        if (!text_.boundary_at(q + 3, ex_) && text_.separator_at(q + 3, ex_) == 0) return false;  // "andante"
        // the word starts at q when spaces or an excluded range lie between it and the token before
        const std::size_t e = token_end_before(text_, q);
        return e > text_.begin && e < q && quote_ending_at(text_, e) == 0 &&
               text_.separator_at(e - 1, text_.excluded_after(e - 1)) == 0;
    }
};

enum class position { operative, preambular };

// Bytes enough for any clause head: four adverbs ("in the strongest terms"), a verb phrase, two adverbs.
constexpr std::size_t head_window = 200;

struct head {
    std::size_t first = 0;     // first token (adverb, "We" or verb)
    std::size_t head_first = 0;// first token of the adverbs and verb (after "We")
    std::size_t next = 0;      // token after the head
    // the same three as bytes, for reading on with another tokenizer (see located())
    std::size_t first_at = 0, head_first_at = 0, next_at = 0;
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

// A lower-case word that may be an infinitive after "to": not "the", "all", "States" ... ("to the").
bool may_be_infinitive(std::string_view input, const token& t) {
    if (t.punct != 0 || !std::islower(static_cast<unsigned char>(input[t.begin]))) return false;
    static constexpr std::array<std::string_view, 47> not_verbs{
        "the", "a", "an", "all", "their", "its", "his", "her", "our", "this", "that", "these", "those", "any",
        "each", "every", "such", "other", "both", "some", "no", "it", "them", "him", "us", "whom", "which",
        "what", "international", "national", "regional", "relevant", "further", "date", "one", "two", "three",
        "whether", "those", "member", "non", "states", "countries", "and", "or"};
    return std::none_of(not_verbs.begin(), not_verbs.end(), [&](std::string_view w) { return word_is(input, t, w); });
}

bool infinitive_after(const tokenizer& tk, std::size_t i) { return tk.has(i) && may_be_infinitive(tk.input(), tk.at(i)); }

// "to assist, protect", "to assist and support": the mark at `boundary` continues a list of infinitives.
bool in_infinitive_list(const paragraph_bytes& text, std::size_t boundary) {
    const auto verb = token_before(text, boundary);
    if (!verb || !may_be_infinitive(text.input, *verb)) return false;
    const auto to = token_before(text, verb->begin);
    return to && word_is(text.input, *to, "to");
}

// Words that open a parenthetical after a comma inside an addressee: "the Secretary-General, in the elaboration ..."
bool opens_parenthetical(const tokenizer& tk, std::size_t i) {
    static constexpr std::array<std::string_view, 22> openers{
        "in",      "within", "at",      "as",         "on",   "through", "where", "when",    "if",       "pending",  "with",
        "inter",   "taking", "bearing", "consistent", "upon", "by",      "for",   "while",   "without", "whenever", "wherever"};
    if (tk.is_word(i, "in") && tk.is_word(i + 1, "particular")) return false;  // "all States, in particular X,"
    return std::any_of(openers.begin(), openers.end(), [&](std::string_view w) { return tk.is_word(i, w); });
}

// Narrows `s` to its words: spaces (no-break ones too) and , ; : off both ends, full stops off the end.
void trim(std::string_view input, span& s) {
    auto junk = [&](std::size_t p) {
        const char c = input[p];
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == ',' || c == ';' || c == ':' || c == '\f';
    };
    auto no_break_space_at = [&](std::size_t p) {
        return p + 1 < s.end && static_cast<unsigned char>(input[p]) == 0xC2 && static_cast<unsigned char>(input[p + 1]) == 0xA0;
    };
    while (s.begin < s.end) {
        if (junk(s.begin)) ++s.begin;
        else if (no_break_space_at(s.begin)) s.begin += 2;
        else break;
    }
    while (s.end > s.begin) {
        if (junk(s.end - 1) || input[s.end - 1] == '.') --s.end;
        else if (s.end >= s.begin + 2 && no_break_space_at(s.end - 2)) s.end -= 2;
        else break;
    }
}

// The token at byte q starts there: only spaces or excluded ranges lie between it and the token before,
// or that token is a quote or a separator (which end where they are, whatever follows).
bool token_starts_at(const paragraph_bytes& text, std::size_t q) {
    const std::size_t e = token_end_before(text, q);
    return e <= text.begin || e < q || quote_ending_at(text, e) != 0 ||
           text.separator_at(e - 1, text.excluded_after(e - 1)) != 0;
}

// A word of two bytes at q ends there: at the text's end, an excluded range, a space, quote or separator.
bool two_byte_word_at(const paragraph_bytes& text, std::size_t q) {
    const auto ex = text.excluded_after(q);
    if (ex != text.excluded.end() && ex->begin < q + 2) return false;  // the word runs into a footnote marker
    return text.boundary_at(q + 2, ex) || text.separator_at(q + 2, ex) != 0;
}

// Where the addressee of a directive verb stops, its object starting at byte `from` (a token start):
// the first "to" before an infinitive ("urge States to apply") outside parentheses, or a colon closing
// the clause at `end` ("Requests the Secretary-General: (a) ..."); the byte where that token starts.
// Reads only the bytes that can matter, and tokens only after a "to".
std::optional<std::size_t> addressee_stop(const paragraph_bytes& text, std::size_t from, std::size_t end) {
    const char* const data = text.input.data();
    const char* const readable_end = data + text.input.size();
    const std::size_t stop_end = std::min(end, text.end);
    int depth = 0;
    auto ex = text.excluded_after(from);
    for (std::size_t q = from; q < stop_end; ++q) {
        const std::size_t limit = ex != text.excluded.end() ? std::min(stop_end, ex->begin) : stop_end;
        q = static_cast<std::size_t>(find_object_mark(data + q, data + limit, readable_end) - data);
        if (q >= limit) {
            if (limit == stop_end) break;
            q = ex->end - 1;  // over the excluded range
            ++ex;
            continue;
        }
        const char c = data[q];
        if (c == '(') ++depth;
        else if (c == ')') depth = std::max(0, depth - 1);
        else if (depth > 0) continue;
        else if (c == ':') {
            if (q + 1 >= end && text.separator_at(q, ex) == ':') return q;
        } else if (token_starts_at(text, q) && two_byte_word_at(text, q)) {
            const tokenizer after(text, q + 2);  // "to" and what follows it
            if (infinitive_after(after, 0)) return q;
        }
    }
    return std::nullopt;
}

// Fills addressee and object of a clause whose head ends where the object's tokens (`object`) start and
// whose text ends at byte `end`.
void fill_object(const paragraph_bytes& text, const tokenizer& object, const head& h, std::size_t end, clause& c) {
    const std::string_view input = text.input;
    std::size_t object_begin = object.has(0) ? object.at(0).begin : end;
    if (h.entry != nullptr && h.entry->directive && object.has(0) && !object.is_word(0, "that")) {
        // the addressee ends at the infinitive ("urge States to apply"), or at the colon before lettered
        // subparagraphs ("Requests the Secretary-General: (a) To continue ...")
        const token& first = object.at(0);
        const auto stop = first.begin < end ? addressee_stop(text, first.begin, end) : std::nullopt;
        if (stop && *stop > first.begin) {
            std::size_t last = *stop;  // where the token one past the addressee starts
            // a comma that opens a parenthetical ends it earlier: "the Secretary-General, in the elaboration ..."
            for (std::size_t q = first.end; q < *stop; ++q) {
                const void* comma = std::memchr(input.data() + q, ',', *stop - q);
                if (comma == nullptr) break;
                q = static_cast<std::size_t>(static_cast<const char*>(comma) - input.data());
                const auto ex = text.excluded_after(q);
                if ((ex != text.excluded.end() && ex->begin <= q) || text.separator_at(q, ex) != ',') continue;
                if (opens_parenthetical(tokenizer(text, q + 1), 0)) {
                    last = q;
                    break;
                }
            }
            span who{first.begin, token_end_before(text, last)};
            trim(input, who);
            if (!who.empty()) {
                c.addressee = who;
                object_begin = last;
            }
        }
    }
    c.object = {object_begin, std::max(object_begin, end)};
    trim(input, c.object);
}

// The head's token positions as bytes: a clause is made after the tokenizer that found its head is gone.
head located(head h, const tokenizer& tk) {
    h.first_at = tk.begin_of(h.first);
    h.head_first_at = tk.begin_of(h.head_first);
    h.next_at = tk.begin_of(h.next);
    return h;
}

// The clause of a located head whose text ends at byte `end`.
clause make_clause(const paragraph_bytes& text, const head& h, std::size_t end) {
    const std::string_view input = text.input;
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
    c.whole = {h.first_at, end};
    c.head = {h.head_first_at, h.phrase.end};
    trim(input, c.whole);
    fill_object(text, tokenizer(text, h.next_at), h, end, c);
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

// First byte of the token that starts at or after byte `pos`; the text's end when there is none.
std::size_t token_start_from(const paragraph_bytes& text, std::size_t pos) {
    auto ex = text.excluded_after(pos);
    while (pos < text.end) {
        if (ex != text.excluded.end() && pos >= ex->begin) {
            pos = ex->end;
            ++ex;
        } else if (is_space(text.input, pos)) {
            pos += static_cast<unsigned char>(text.input[pos]) == 0xC2 ? 2 : 1;
        } else {
            break;
        }
    }
    return std::min(pos, text.end);
}

// "we" in any case opens `rest` (its first two bytes: a test that may pass "well").
bool opens_with_we(std::string_view rest) {
    return rest.size() >= 2 && lower_ascii(rest[0]) == 'w' && lower_ascii(rest[1]) == 'e';
}

// "..., bearing this goal in mind, urges": after a comma, a short phrase closed by the next comma (only
// "and"s between) may come before a head. False when there is no such comma or the word after it can
// open no head in voice `v`.
bool phrase_may_precede_head(const paragraph_bytes& text, std::size_t text_end, mark_scanner& scanner, voice v) {
    const std::optional<mark> next = scanner.peek_past_and();
    if (!next || next->kind != ',') return false;
    const std::size_t start = token_start_from(text, next->end);
    if (start >= text.end) return false;
    const std::string_view rest = text.input.substr(start, text_end - start);
    return may_open_clause_head(rest) || (v == voice::we && opens_with_we(rest));
}

// False when no clause can open after mark `m`, whose following tokens `after` reads: the word after it
// (after "and" when a comma or semicolon precedes it) opens no verb, adverb or linker of the lexicon and
// is not "we" in the voice of "We ..."; nor does a comma soon follow after which such a word comes.
bool may_open_after(const paragraph_bytes& text, std::size_t text_end, const tokenizer& after, mark_scanner& scanner,
                    bool comma, voice v) {
    std::size_t j = 0;
    if (comma && after.is_word(0, "and")) {
        if (after.is_punct(1, ',')) return true;  // ", and, ..." is left to the full reading
        j = 1;
    }
    if (!after.has(j)) return false;
    if (may_open_clause_head(after.entries(j)) || (v == voice::we && after.is_word(j, "we")) ||
        match_linker(after.entries(j), after.rest(j, text_end)) != 0)
        return true;
    return comma && phrase_may_precede_head(text, text_end, scanner, v);
}

// A first look at the bytes after mark `m`, before any token is read (may_open_after decides): false
// when the word there cannot open an entry of the lexicon (a test of four bytes) and is not "and" (after
// a comma or semicolon) or "we" (in voice `v`), and no comma-closed phrase may come before a head.
bool may_be_worth_reading(const paragraph_bytes& text, std::size_t text_end, const mark& m, mark_scanner& scanner,
                          voice v) {
    const std::size_t start = token_start_from(text, m.end);
    if (start >= text.end) return false;
    const std::string_view rest = text.input.substr(start, text_end - start);
    const bool comma = m.kind == ',' || m.kind == ';';
    const bool starts_and = rest.size() >= 2 && lower_ascii(rest[0]) == 'a' && lower_ascii(rest[1]) == 'n';
    if (may_open_entry(rest) || (comma && starts_and) || (v == voice::we && opens_with_we(rest))) return true;
    return comma && phrase_may_precede_head(text, text_end, scanner, v);
}

}  // namespace

std::vector<clause> split_operative(std::string_view input, span text, const std::vector<span>& excluded, voice hint,
                                    voice& found) {
    const paragraph_bytes bytes(input, text, excluded);
    std::vector<clause> clauses;
    found = voice::unknown;
    const std::size_t last_end = token_end_before(bytes, bytes.end);
    if (last_end <= bytes.begin) return clauses;

    std::optional<head> current;
    {
        const tokenizer tk(bytes, bytes.begin);
        if (is_we(tk, 0)) {
            current = parse_we_head(tk, 0, text.end);
            if (current) found = voice::we;
        } else if ((current = parse_head(tk, 0, text.end, position::operative))) {
            found = voice_of(*current);
        }
        if (current) current = located(*current, tk);
    }
    if (!current) {
        // "Pending the total elimination of nuclear weapons, urges ...": a phrase before the first verb;
        // the first comma (inside brackets or not) after which a head opens
        const voice v = hint == voice::base ? voice::base : voice::unknown;
        mark_scanner commas(bytes, bytes.begin);
        while (!current) {
            const auto m = commas.next();
            if (!m) return clauses;
            if (m->kind != ',') continue;
            const tokenizer after(bytes, m->end);
            current = head_after_boundary(after, 0, text.end, v, true);
            if (!current) continue;
            found = current->entry == nullptr || is_we(after, current->first) ? voice::we : voice_of(*current);
            current = located(*current, after);
        }
    }

    // the words between marks are read only when a mark may open a clause: after it, the next head
    mark_scanner marks(bytes, current->next_at);
    int depth = 0;
    while (const auto m = marks.next()) {
        if (m->kind == '(') ++depth;
        if (m->kind == ')') depth = std::max(0, depth - 1);
        if (m->kind == '"') depth = depth > 0 ? depth - 1 : 1;  // quotes toggle; an unbalanced quote only hides boundaries
        if (depth > 0) continue;
        if (m->kind == '.' && found != voice::we) continue;
        const voice v = found == voice::unknown ? voice::third_person : found;
        if (!may_be_worth_reading(bytes, text.end, *m, marks, v)) continue;
        const tokenizer after(bytes, m->end);
        if (!may_open_after(bytes, text.end, after, marks, m->kind == ',' || m->kind == ';', v)) continue;
        std::size_t j = 0;
        bool strong = false, comma = false, bare_and = false;
        if (m->kind == ';') strong = comma = true;
        else if (m->kind == ',') comma = true;
        else if (m->kind == '.' && found == voice::we && is_we(after, j)) strong = true;
        else if (m->kind == 'a') bare_and = true;
        else continue;
        if (comma && after.is_word(j, "and")) {
            ++j;
            if (after.is_punct(j, ',')) ++j;
        }
        auto next = head_after_boundary(after, j, text.end, v, strong);
        if (!next) {
            const std::size_t after_linker = skip_linker(after, j, text.end, comma);
            if (after_linker != j) next = head_after_boundary(after, after_linker, text.end, v, strong);
        }
        if (!next) continue;
        // "to assist and support", "to prevent, protect": a list of infinitives, not a new clause
        if ((comma || bare_and) && found != voice::third_person && in_infinitive_list(bytes, m->begin)) continue;
        clauses.push_back(make_clause(bytes, *current, m->begin));
        current = located(*next, after);
        marks.restart(current->next_at);
    }
    clauses.push_back(make_clause(bytes, *current, last_end));
    return clauses;
}

std::vector<clause> preambular_clauses(std::string_view input, span text, const std::vector<span>& excluded) {
    const paragraph_bytes bytes(input, text, excluded);
    const tokenizer tk(bytes, bytes.begin);
    const auto h = parse_head(tk, 0, text.end, position::preambular);
    if (!h) return {};
    return {make_clause(bytes, located(*h, tk), token_end_before(bytes, bytes.end))};
}

namespace {
std::optional<head> head_of_text(std::string_view text, position where) {
    static const std::vector<span> none;
    const std::size_t end = std::min(text.size(), head_window);
    const paragraph_bytes bytes(text, {0, end}, none);
    const tokenizer tk(bytes, 0);
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
