// Many bytes at a time: tests that let the byte loops of the parser skip runs of ordinary text.
// Eight bytes at a time (SWAR, portable C++): each says whether a word of eight bytes may hold a byte of
// interest; the caller then looks at the bytes one by one. Sixteen at a time (SSE2, part of every
// x86-64 CPU, so no run-time check): the searches below, with a byte loop as the portable fallback.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace resdraft::grammar::detail {

constexpr std::uint64_t ones8 = 0x0101010101010101, highs8 = 0x8080808080808080;

// ASCII upper case to lower, other bytes unchanged: case folding for the (ASCII) lexicon without the C
// library's locale look-up.
constexpr char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

inline std::uint64_t load8(const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    return w;
}

// A byte of `w` equals `c`.
constexpr bool has_byte(std::uint64_t w, unsigned char c) {
    const std::uint64_t x = w ^ (ones8 * c);
    return ((x - ones8) & ~x & highs8) != 0;
}

// A byte of `w` is below `n` (n <= 128).
constexpr bool has_byte_below(std::uint64_t w, unsigned char n) { return ((w - ones8 * n) & ~w & highs8) != 0; }

// A byte of `w` is strictly between `m` and `n` (m < 128, n <= 128).
constexpr bool has_byte_between(std::uint64_t w, unsigned char m, unsigned char n) {
    const std::uint64_t low = w & (ones8 * 127);
    return ((ones8 * (127 + n) - low) & ~w & (low + ones8 * (127 - m)) & highs8) != 0;
}

// Every byte of `w` is printable ASCII (0x20..0x7E).
constexpr bool is_printable_ascii(std::uint64_t w) {
    return (w & highs8) == 0 && !has_byte_below(w, 0x20) && !has_byte(w, 0x7F);
}

// How many bytes from p (of n) are printable ASCII before the first that is not.
inline std::size_t printable_ascii_prefix(const char* p, std::size_t n) {
    std::size_t i = 0;
#if defined(__SSE2__)
    for (; i + 16 <= n; i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
        // signed: bytes from 0x80 are negative, so "below 0x20" takes them too
        const __m128i bad = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
        if (const int mask = _mm_movemask_epi8(bad); mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    }
#endif
    while (i + 8 <= n && is_printable_ascii(load8(p + i))) i += 8;
    while (i < n && static_cast<unsigned char>(p[i]) >= 0x20 && static_cast<unsigned char>(p[i]) < 0x7F) ++i;
    return i;
}

// Bytes of the lexicon's words: ASCII letters, digits, "-", and every byte of a non-ASCII character.
constexpr bool is_word_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c >= 0x80;
}

// How many bytes from p (of n) are word bytes before the first that is not.
inline std::size_t leading_word_bytes(const char* p, std::size_t n) {
    std::size_t i = 0;
#if defined(__SSE2__)
    for (; i + 16 <= n; i += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
        const __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));  // folds only letters into letters
        // signed compares: bytes from 0x80 are negative, below every bound
        const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)),
                                             _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1)));
        const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
        const __m128i other = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('-')), _mm_cmplt_epi8(v, _mm_setzero_si128()));
        const unsigned word = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letter, digit), other)));
        if (word != 0xFFFF) return i + static_cast<std::size_t>(__builtin_ctz(~word));
    }
#endif
    while (i < n && is_word_byte(static_cast<unsigned char>(p[i]))) ++i;
    return i;
}

// Bytes that may end a token of the clause tokenizer: spaces and other bytes below 0x21, quotes ("),
// ; ( ) , : . and the lead bytes of a no-break space (0xC2) and of curly quotes (0xE2). The tokenizer
// looks closer at each.
constexpr bool may_end_token(unsigned char c) {
    return c <= 0x20 || c == '"' || c == ';' || c == '(' || c == ')' || c == ',' || c == ':' || c == '.' || c == 0xC2 ||
           c == 0xE2;
}

// First byte of [p, end) that may end a token; `end` when there is none. Bytes up to `readable_end`
// (>= end) may be read.
inline const char* find_token_end(const char* p, const char* end, const char* readable_end) {
#if defined(__SSE2__)
    for (; p < end && readable_end - p >= 16; p += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x20)), v);  // v <= 0x20
        // "(" ")" differ in their lowest bit, ":" ";" too, "," "." in their second
        const __m128i pairs = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(_mm_or_si128(v, _mm_set1_epi8(1)), _mm_set1_epi8(')')),
                         _mm_cmpeq_epi8(_mm_or_si128(v, _mm_set1_epi8(1)), _mm_set1_epi8(';'))),
            _mm_cmpeq_epi8(_mm_or_si128(v, _mm_set1_epi8(2)), _mm_set1_epi8('.')));
        const __m128i singles = _mm_or_si128(
            _mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
            _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xC2))),
                         _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xE2)))));
        const int mask = _mm_movemask_epi8(_mm_or_si128(low, _mm_or_si128(pairs, singles)));
        if (mask != 0) {
            const char* q = p + __builtin_ctz(static_cast<unsigned>(mask));
            return q < end ? q : end;
        }
    }
    if (p >= end) return end;  // the last block went past `end` without a match
#endif
    while (p < end && !may_end_token(static_cast<unsigned char>(*p))) ++p;
    return p;
}

// Bytes where the addressee of a directive verb may end: "(" ")" ":" and the start of "to" in any case.
inline bool is_object_mark(const char* p, const char* readable_end) {
    const char c = *p;
    return c == '(' || c == ')' || c == ':' ||
           ((c | 0x20) == 't' && readable_end - p >= 2 && (p[1] | 0x20) == 'o');
}

// First byte of [p, end) where is_object_mark holds; `end` when none. Bytes up to `readable_end` (>= end)
// may be read.
inline const char* find_object_mark(const char* p, const char* end, const char* readable_end) {
#if defined(__SSE2__)
    for (; p < end && readable_end - p >= 17; p += 16) {  // the "to" test reads one byte past the block
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i v1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
        const __m128i case_bit = _mm_set1_epi8(0x20);
        const __m128i parens = _mm_cmpeq_epi8(_mm_or_si128(v, _mm_set1_epi8(1)), _mm_set1_epi8(')'));
        const __m128i colon = _mm_cmpeq_epi8(v, _mm_set1_epi8(':'));
        const __m128i to = _mm_and_si128(_mm_cmpeq_epi8(_mm_or_si128(v, case_bit), _mm_set1_epi8('t')),
                                         _mm_cmpeq_epi8(_mm_or_si128(v1, case_bit), _mm_set1_epi8('o')));
        const int mask = _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(parens, colon), to));
        if (mask != 0) {
            const char* q = p + __builtin_ctz(static_cast<unsigned>(mask));
            return q < end ? q : end;
        }
    }
    if (p >= end) return end;  // the last block went past `end` without a match
#endif
    while (p < end && !is_object_mark(p, readable_end)) ++p;
    return p;
}

// "and" in any case at p (the word's end is the caller's to check).
inline bool starts_and(const char* p, const char* readable_end) {
    return readable_end - p >= 3 && (p[0] | 0x20) == 'a' && (p[1] | 0x20) == 'n' && (p[2] | 0x20) == 'd';
}

// Which of the 64 bytes from p (bit i for p[i]) start "and" in any case, the one clause mark the
// structural index does not hold; bytes at or after `readable_end` count as none. The byte loop, for the
// end of a text and for CPUs without SSE2.
inline std::uint64_t and_mask_bytewise(const char* p, const char* readable_end) {
    std::uint64_t mask = 0;
    for (int i = 0; i < 64 && p + i < readable_end; ++i)
        if (starts_and(p + i, readable_end)) mask |= std::uint64_t{1} << i;
    return mask;
}

#if defined(__SSE2__)
// The mask of 16 bytes from p, which has two more bytes readable after them.
inline std::uint64_t and_mask16(const char* p) {
    const __m128i case_bit = _mm_set1_epi8(0x20);
    const auto is = [&](int k, char c) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + k));
        return _mm_cmpeq_epi8(_mm_or_si128(v, case_bit), _mm_set1_epi8(c));
    };
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(_mm_and_si128(is(0, 'a'), is(1, 'n')), is(2, 'd'))));
}
#endif

// The same mask, sixteen bytes at a time where SSE2 is there.
inline std::uint64_t and_mask(const char* p, const char* readable_end) {
#if defined(__SSE2__)
    if (readable_end - p >= 66)  // the test reads two bytes past the block
        return and_mask16(p) | and_mask16(p + 16) << 16 | and_mask16(p + 32) << 32 | and_mask16(p + 48) << 48;
#endif
    return and_mask_bytewise(p, readable_end);
}

}  // namespace resdraft::grammar::detail
