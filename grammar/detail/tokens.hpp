// The words of a paragraph for the clause pass (stage 3): one paragraph's bytes with its excluded ranges
// (footnote markers, running heads), a tokenizer that reads tokens forward on demand from a token start,
// and the few readers that look back from a byte. Header-only: the clause pass calls these per mark.
#pragma once

#include "grammar/ast.hpp"
#include "grammar/detail/bytes.hpp"
#include "grammar/lexicon.hpp"

#include <boost/container/small_vector.hpp>

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <optional>
#include <string_view>
#include <vector>

namespace resdraft::grammar::detail {

struct token {
    std::size_t begin = 0, end = 0;
    char punct = 0;  // ',', ';', ':', '.', '(', ')', '"' (any quote), 0 for a word
    mutable bool looked_up = false;                 // `entries` is known
    mutable const lexicon_word* entries = nullptr;  // lexicon entries opening with the word (see tokenizer::entries)
};

inline bool is_space(std::string_view s, std::size_t p) {
    const auto c = static_cast<unsigned char>(s[p]);
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
           (c == 0xC2 && p + 1 < s.size() && static_cast<unsigned char>(s[p + 1]) == 0xA0);
}

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Curly double quotes “ ” (E2 80 9C / 9D) and straight ones.
inline std::size_t quote_length(std::string_view s, std::size_t p) {
    if (s[p] == '"') return 1;
    if (static_cast<unsigned char>(s[p]) == 0xE2 && p + 2 < s.size() && static_cast<unsigned char>(s[p + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[p + 2]) == 0x9C || static_cast<unsigned char>(s[p + 2]) == 0x9D))
        return 3;
    return 0;
}

// Token t is the word `lower` in any case.
inline bool word_is(std::string_view input, const token& t, std::string_view lower) {
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
inline std::size_t space_ending_at(const paragraph_bytes& text, std::size_t e) {
    const std::string_view in = text.input;
    if (e >= text.begin + 2 && static_cast<unsigned char>(in[e - 2]) == 0xC2 && static_cast<unsigned char>(in[e - 1]) == 0xA0)
        return 2;
    const char c = in[e - 1];
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ? 1 : 0;
}

// Where the last token before byte q ends, with the spaces and excluded ranges between skipped; the
// text's beginning when it has no token before q.
inline std::size_t token_end_before(const paragraph_bytes& text, std::size_t q) {
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
inline std::size_t quote_ending_at(const paragraph_bytes& text, std::size_t e) {
    if (text.input[e - 1] == '"') return 1;
    return e >= text.begin + 3 && quote_length(text.input, e - 3) == 3 ? 3 : 0;
}

// The token that ends at e (a token's end, after text.begin).
inline token token_ending_at(const paragraph_bytes& text, std::size_t e) {
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
inline std::optional<token> token_before(const paragraph_bytes& text, std::size_t q) {
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

// First byte of the token that starts at or after byte `pos`; the text's end when there is none.
inline std::size_t token_start_from(const paragraph_bytes& text, std::size_t pos) {
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

}  // namespace resdraft::grammar::detail
