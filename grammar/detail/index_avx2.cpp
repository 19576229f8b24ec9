// The structural index's kernel with AVX2, 32 bytes at a time. Only this file's functions are compiled
// for AVX2 (the build as a whole is not: no -mavx2), and only a CPU that has it calls them
// (index_path_available in grammar/index.cpp asks __builtin_cpu_supports("avx2")).
#if defined(__x86_64__)
#include "grammar/detail/index_build.hpp"

#include <immintrin.h>

#include <cstddef>
#include <cstdint>

// Everything defined from here on, the shared kernel of index_blocks.hpp included, is compiled for
// AVX2; the headers above (the standard library's among them) are not, and must not be: an inline
// function compiled here for AVX2 could be the copy the linker keeps for every caller.
#if defined(__clang__)
#pragma clang attribute push(__attribute__((target("avx2"))), apply_to = function)
#else
#pragma GCC push_options
#pragma GCC target("avx2")
#endif

#include "grammar/detail/index_blocks.hpp"

namespace resdraft::grammar::detail {
namespace {

struct avx2 {
    using reg = __m256i;
    static constexpr unsigned width = 32;
    static constexpr std::uint64_t all_lanes = (std::uint64_t{1} << width) - 1;
    static reg load(const char* p) { return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p)); }
    static reg eq(reg a, char c) { return _mm256_cmpeq_epi8(a, _mm256_set1_epi8(c)); }
    static reg lt(reg a, char c) { return _mm256_cmpgt_epi8(_mm256_set1_epi8(c), a); }
    static reg gt(reg a, char c) { return _mm256_cmpgt_epi8(a, _mm256_set1_epi8(c)); }
    static reg add(reg a, char c) { return _mm256_add_epi8(a, _mm256_set1_epi8(c)); }
    static reg both(reg a, reg b) { return _mm256_and_si256(a, b); }
    static reg either(reg a, reg b) { return _mm256_or_si256(a, b); }
    static reg but_not(reg a, reg b) { return _mm256_andnot_si256(b, a); }
    static reg with_bits(reg a, char c) { return _mm256_or_si256(a, _mm256_set1_epi8(c)); }
    static std::uint64_t high_bits(reg a) { return static_cast<unsigned>(_mm256_movemask_epi8(a)); }
};

// The byte classes of the first pass from two table look-ups, one by each half of a byte, whose bits
// are and-ed: a class is a set of high halves times a set of low halves, so "(" ")" "," "." (row 2) and
// ":" ";" (row 3) take two bits. Bit 7 is the bytes from 0x10 to 0x1F and from 0x80: with bit 6 (0x00 to
// 0x0F but "\n"), '"', '[' and 0x7F (compared on its own), those classify_common calls rare.
constexpr std::uint8_t digit_bit = 1, row2_punctuation_bit = 2, row3_punctuation_bit = 4, newline_bit = 8,
                       quote_bit = 16, bracket_bit = 32, low_control_bit = 64, high_bit = 128;

constexpr std::uint8_t by_low_half(unsigned low) {
    std::uint8_t bits = high_bit;
    if (low <= 9) bits |= digit_bit;
    if (low == 0x8 || low == 0x9 || low == 0xC || low == 0xE) bits |= row2_punctuation_bit;
    if (low == 0xA || low == 0xB) bits |= row3_punctuation_bit;
    if (low == 0xA) bits |= newline_bit;
    else bits |= low_control_bit;
    if (low == 0x2) bits |= quote_bit;
    if (low == 0xB) bits |= bracket_bit;
    return bits;
}

constexpr std::uint8_t by_high_half(unsigned high) {
    switch (high) {
        case 0x0: return newline_bit | low_control_bit;
        case 0x1: return high_bit;
        case 0x2: return row2_punctuation_bit | quote_bit;
        case 0x3: return digit_bit | row3_punctuation_bit;
        case 0x5: return bracket_bit;
        default: return high >= 0x8 ? high_bit : 0;
    }
}

template <std::uint8_t (*f)(unsigned)>
__m256i half_table() {
    return _mm256_setr_epi8(f(0), f(1), f(2), f(3), f(4), f(5), f(6), f(7), f(8), f(9), f(10), f(11), f(12), f(13),
                            f(14), f(15), f(0), f(1), f(2), f(3), f(4), f(5), f(6), f(7), f(8), f(9), f(10), f(11),
                            f(12), f(13), f(14), f(15));
}

// classify_common (detail/index_blocks.hpp) with the look-ups of vpshufb, which SSE2 lacks.
template <>
inline common_bits classify_common<avx2>(const char* p) {
    const __m256i low_table = half_table<by_low_half>(), high_table = half_table<by_high_half>();
    const __m256i halves = _mm256_set1_epi8(0x0F), zero = _mm256_setzero_si256();
    common_bits out;
    for (unsigned k = 0; k < 64; k += 32) {
        const __m256i v = avx2::load(p + k);
        const __m256i classes =
            _mm256_and_si256(_mm256_shuffle_epi8(low_table, _mm256_and_si256(v, halves)),
                             _mm256_shuffle_epi8(high_table, _mm256_and_si256(_mm256_srli_epi16(v, 4), halves)));
        // a shift of the 16-bit lanes by 7 - b brings bit b of each byte to its top
        const auto bit = [&](int b) { return _mm256_slli_epi16(classes, 7 - b); };
        const auto none_of = [&](std::uint8_t bits) { return _mm256_cmpeq_epi8(_mm256_and_si256(classes, _mm256_set1_epi8(static_cast<char>(bits))), zero); };
        out.digit |= avx2::high_bits(bit(0)) << k;
        out.punctuation |= (avx2::high_bits(none_of(row2_punctuation_bit | row3_punctuation_bit)) ^ avx2::all_lanes) << k;
        out.newline |= avx2::high_bits(bit(3)) << k;
        const __m256i plain = _mm256_andnot_si256(avx2::eq(v, '\x7F'), none_of(quote_bit | bracket_bit | low_control_bit | high_bit));
        out.rare |= (avx2::high_bits(plain) ^ avx2::all_lanes) << k;
    }
    return out;
}

}  // namespace

__attribute__((target("avx2"))) void classify_blocks_avx2(const char* p, std::size_t blocks, const block_sink& sink,
                                                          std::size_t first, std::uint64_t& digit_carry) {
    classify_blocks<avx2>(p, blocks, sink, first, digit_carry);
}

}  // namespace resdraft::grammar::detail

#if defined(__clang__)
#pragma clang attribute pop
#else
#pragma GCC pop_options
#endif
#endif
