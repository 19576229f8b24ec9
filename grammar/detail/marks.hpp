// The marks of a paragraph for the clause pass (stage 3): what can split it into clauses or hide a split,
// taken 64 bytes at a time from the structural index's bitmaps (stage 1), with "and" found here, without
// cutting the words between them into tokens.
#pragma once

#include "grammar/detail/bytes.hpp"
#include "grammar/detail/tokens.hpp"
#include "grammar/index.hpp"

#include <boost/container/small_vector.hpp>

#include <cstdint>
#include <optional>

namespace resdraft::grammar::detail {

// What can split a paragraph into clauses or hide a split, found without cutting the words between
// them into tokens: "(" ")" and quotes (nesting), "," ";" "." and a bare "and" after a word.
struct mark {
    std::size_t begin = 0, end = 0;
    char kind = 0;  // '(', ')', '"', ',', ';', '.', or 'a' for "and"
};

// The marks of a paragraph in order, from a token start on: a mask of candidate bytes for 64 bytes at a
// time (the index's punctuation and quotes, and "and"), each candidate then judged as the tokenizer would
// ("1,000", "U.N." and "standard" hold none).
class mark_scanner {
public:
    // `index` indexes text.input.
    mark_scanner(const structural_index& index, const paragraph_bytes& text, std::size_t from) : index_(index), text_(text) {
        restart(from);
    }

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
    const structural_index& index_;
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
            if (c == ':') continue;  // the index's punctuation; no clause mark
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
        bits_ = index_.bits_from(byte_class::punctuation, block_) | index_.bits_from(byte_class::quote, block_) |
                and_mask(data + block_, data + text_.input.size());
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

}  // namespace resdraft::grammar::detail
