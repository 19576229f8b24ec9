// Stage 1 of the parser (issue 13): one pass over a text's bytes that checks it is text (the verdict of
// check_text_encoding), finds its line ends, and marks, one bit per byte, the bytes its structure hangs
// on, so that later stages jump from mark to mark instead of reading every byte again.
//
// Lines are split as the parser splits them: at "\n", "\r\n" and a lone "\r". A line end is the offset
// of its terminator's last byte (the "\n" of "\r\n"), so the next line always starts one byte after it;
// a last line without a terminator has no line end and runs to the end of the text.
#pragma once

#include "grammar/ast.hpp"
#include "grammar/parser.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace resdraft::grammar {

namespace detail {
struct index_access;
}

// The kinds of bytes the index marks. A byte may be of more than one: the first digit of "6" in
// "Crime,6" is a digit and a footnote candidate.
enum class byte_class : std::uint8_t {
    digit,        // 0-9
    punctuation,  // . , ; : ( )
    quote,        // '"', and the first byte of the curly double quotes “ (E2 80 9C) and ” (E2 80 9D)
    footnote,     // where a footnote marker may start: "[" before "^" ("[^5]"), the first digit of a run of digits
    line_end,     // every "\n", and every "\r" not followed by "\n"
};
inline constexpr std::size_t byte_class_count = 5;

// A set of byte classes (bit c for class c), for structural_index::next.
using class_set = unsigned;

// The set holding only `c`; sets combine with |.
constexpr class_set class_bit(byte_class c) { return 1u << static_cast<unsigned>(c); }

// The three implementations of the pass; all give the same index.
enum class index_path : std::uint8_t { scalar, sse2, avx2 };

// Whether this build on this CPU can run `path`: scalar always, SSE2 on x86-64, AVX2 when the CPU has it.
bool index_path_available(index_path path);

// The fastest available path: AVX2, else SSE2, else scalar.
index_path best_index_path();

// The marks and line ends of one text. It views the text, which must outlive it; building into the
// same index again reuses its memory.
class structural_index {
public:
    // The text indexed.
    [[nodiscard]] std::string_view text() const { return text_; }

    // How many 64-bit words each class's bitmap has: one per 64 bytes of text, rounded up.
    [[nodiscard]] std::size_t word_count() const { return (text_.size() + 63) / 64; }

    // Word w (< word_count()) of class c's bitmap: bit i is set when byte 64 * w + i is of class c.
    // Bits past the end of the text are 0.
    [[nodiscard]] std::uint64_t word(byte_class c, std::size_t w) const {
        return words_[static_cast<std::size_t>(c) * class_stride_ + w * block_stride_];
    }

    // Whether byte `offset` (< text().size()) is of class c.
    [[nodiscard]] bool has(byte_class c, std::size_t offset) const { return (word(c, offset / 64) >> (offset % 64)) & 1; }

    // The first byte at or after `from` of a class in `set`; text().size() when there is none.
    [[nodiscard]] std::size_t next(class_set set, std::size_t from) const;

    // The first byte in [from, limit) of class c; `limit` when there is none (limit <= text().size()).
    // Inline, and bounded: the loop later stages run from mark to mark within a line or paragraph.
    [[nodiscard]] std::size_t next(byte_class c, std::size_t from, std::size_t limit) const {
        if (from >= limit) return limit;
        std::size_t w = from / 64;
        const std::size_t last = (limit - 1) / 64;
        std::uint64_t bits = word(c, w) & (~std::uint64_t{0} << (from % 64));
        while (bits == 0) {
            if (++w > last) return limit;
            bits = word(c, w);
        }
        return std::min(limit, 64 * w + static_cast<std::size_t>(__builtin_ctzll(bits)));
    }

    // The 64 bits of class c's bitmap from byte `from` on (bit i for byte from + i; 0 past the text).
    [[nodiscard]] std::uint64_t bits_from(byte_class c, std::size_t from) const {
        const std::size_t w = from / 64, shift = from % 64;
        if (w >= word_count()) return 0;
        std::uint64_t bits = word(c, w) >> shift;
        if (shift != 0 && w + 1 < word_count()) bits |= word(c, w + 1) << (64 - shift);
        return bits;
    }

    // The line ends in ascending order (the line_end bitmap as offsets).
    [[nodiscard]] const std::vector<std::size_t>& line_ends() const { return line_ends_; }

    // How many lines the text has: one per line end, and one more when the text does not end with one.
    [[nodiscard]] std::size_t line_count() const;

    // Line i (< line_count()) without its terminator, blanks kept. Its begin is always a byte of the
    // text, so "does line i start with a digit" is has(byte_class::digit, line(i).begin).
    [[nodiscard]] span line(std::size_t i) const;

    // The heap bytes the index holds (what building into it again reuses).
    [[nodiscard]] std::size_t capacity_bytes() const {
        return (words_.capacity() + attention_.capacity()) * sizeof(std::uint64_t) + line_ends_.capacity() * sizeof(std::size_t);
    }

    // Whether both index the same bytes with the same marks and line ends (whatever their layouts).
    friend bool operator==(const structural_index& a, const structural_index& b);

private:
    friend struct detail::index_access;

    std::string_view text_;                // the text indexed
    std::vector<std::uint64_t> words_;     // the bitmaps, laid out by the two strides below
    std::size_t class_stride_ = 0;         // words from one class to the next within a block
    std::size_t block_stride_ = 0;         // words from one block of 64 bytes to the next within a class
    std::vector<std::uint64_t> attention_; // per block, the bytes the encoding check must look at (scratch)
    std::vector<std::size_t> line_ends_;   // offsets of the line_end bytes
};

// Indexes `text` into `out` along the fastest path. Returns the first byte that is not text with its
// reason, exactly as check_text_encoding reports it (NUL or control byte, invalid UTF-8), and nothing
// when all of it is text; either way `out` indexes every byte. Empty or blank input is not refused here
// (an empty text has an empty index): parse_document refuses those, before and after this check.
std::optional<parse_error> build_structural_index(std::string_view text, structural_index& out);

// The same along `path`. Throws std::invalid_argument when !index_path_available(path), a caller's bug.
std::optional<parse_error> build_structural_index(std::string_view text, structural_index& out, index_path path);

}  // namespace resdraft::grammar
