// The SIMD kernel of the structural index, written once over a vector type V (16 bytes with SSE2, 32
// with AVX2) and compiled once per instruction set: detail/index_sse2.cpp and detail/index_avx2.cpp
// each include this header (and nothing else does). Its functions sit in an anonymous namespace so
// that the AVX2 copy, compiled for AVX2, can never be the one an SSE2 caller links to.
//
// V provides: reg; width; all_lanes (width bits set); load(p) (unaligned); eq(a, byte), lt(a, byte),
// gt(a, byte) (signed, so bytes from 0x80 are below every ASCII bound); add(a, byte) (wrapping);
// both(a, b), either(a, b), but_not(a, b) (a and not b); with_bits(a, byte) (a | byte in every lane);
// high_bits(a) (each lane's top bit, lane 0 in bit 0). A kernel may replace classify_common with an
// explicit specialization for its V before it instantiates classify_blocks (AVX2 does, with vpshufb).
#pragma once

#include "grammar/detail/index_build.hpp"

#include <cstddef>
#include <cstdint>

namespace resdraft::grammar::detail {
namespace {

// The bitmaps of one block of 64 bytes as the first pass sees them.
struct common_bits {
    std::uint64_t digit = 0, punctuation = 0, newline = 0;
    std::uint64_t rare = 0;  // the bytes only the second pass classifies
};

// Digits, punctuation, "\n", and which bytes need a closer look: '"', '[', and every byte but "\n" that
// is not printable ASCII (a few more than those for which needs_check holds: \t \v \f \r).
template <class V>
inline common_bits classify_common(const char* p) {
    using reg = typename V::reg;
    common_bits out;
    for (unsigned k = 0; k < 64; k += V::width) {
        const reg v = V::load(p + k);
        const reg digit = V::both(V::gt(v, '0' - 1), V::lt(v, '9' + 1));
        // "(" ")" differ only in their lowest bit, ":" ";" too, "," "." in their second
        const reg odd = V::with_bits(v, 1);
        const reg punctuation =
            V::either(V::either(V::eq(odd, ')'), V::eq(odd, ';')), V::eq(V::with_bits(v, 2), '.'));
        const reg newline = V::eq(v, '\n');
        // a wrapping add moves printable ASCII, 0x20..0x7E, to 0x21..0x7F, the top of the signed range
        const reg plain = V::but_not(V::either(V::gt(V::add(v, 1), ' '), newline), V::either(V::eq(v, '"'), V::eq(v, '[')));
        out.digit |= V::high_bits(digit) << k;
        out.punctuation |= V::high_bits(punctuation) << k;
        out.newline |= V::high_bits(newline) << k;
        out.rare |= (V::high_bits(plain) ^ V::all_lanes) << k;
    }
    return out;
}

// The bitmaps of a block with rare bytes, as the second pass sees them.
struct rare_bits {
    std::uint64_t quote = 0, caret = 0, lone_cr = 0, attention = 0;
};

template <class V>
inline rare_bits classify_rare(const char* p) {
    using reg = typename V::reg;
    rare_bits out;
    for (unsigned k = 0; k < 64; k += V::width) {
        const reg v = V::load(p + k), v1 = V::load(p + k + 1), v2 = V::load(p + k + 2);
        const reg curly = V::both(V::both(V::eq(v, '\xE2'), V::eq(v1, '\x80')), V::eq(V::with_bits(v2, 1), '\x9D'));
        const reg quote = V::either(V::eq(v, '"'), curly);
        const reg caret = V::both(V::eq(v, '['), V::eq(v1, '^'));
        const reg lone_cr = V::but_not(V::eq(v, '\r'), V::eq(v1, '\n'));
        // as in classify_common; \t..\r (+0x72 -> 0x7B..0x7F) are allowed too
        const reg text = V::either(V::gt(V::add(v, 1), ' '), V::gt(V::add(v, 0x72), 0x7A));
        out.quote |= V::high_bits(quote) << k;
        out.caret |= V::high_bits(caret) << k;
        out.lone_cr |= V::high_bits(lone_cr) << k;
        out.attention |= (V::high_bits(text) ^ V::all_lanes) << k;
    }
    return out;
}

static_assert(static_cast<int>(byte_class::digit) == 0 && static_cast<int>(byte_class::punctuation) == 1 &&
              static_cast<int>(byte_class::quote) == 2 && static_cast<int>(byte_class::footnote) == 3 &&
              static_cast<int>(byte_class::line_end) == 4 && byte_class_count == 5);

// classify_fn (detail/index_build.hpp) for the vector type V. Two passes: every block, then the few with
// rare bytes (one block in eight in ga-res-80). Neither loop has a call or a branch on the data
// in its body's vector code, so each keeps its constants in registers.
template <class V>
inline void classify_blocks(const char* p, std::size_t blocks, const block_sink& sink, std::size_t first,
                            std::uint64_t& digit_carry) {
    // copies: the stores below could alias `sink` and `digit_carry` as far as the compiler knows
    const std::size_t cs = sink.class_stride, bs = sink.block_stride;
    std::uint64_t* const words = sink.words + first * bs;
    std::uint64_t* const attention = sink.attention + first;
    std::uint64_t carry = digit_carry;
    for (std::size_t b = 0; b < blocks; ++b) {
        const common_bits bits = classify_common<V>(p + 64 * b);
        // a run of digits starts at a digit after a byte that is not one
        const std::uint64_t run_starts = bits.digit & ~(bits.digit << 1 | carry);
        carry = bits.digit >> 63;
        std::uint64_t* const w = words + b * bs;
        w[0] = bits.digit;
        w[cs] = bits.punctuation;
        w[2 * cs] = 0;
        w[3 * cs] = run_starts;
        w[4 * cs] = bits.newline;
        attention[b] = bits.rare;  // until the second pass
    }
    digit_carry = carry;
    for (std::size_t b = 0; b < blocks; ++b) {
        if (attention[b] == 0) continue;
        const rare_bits bits = classify_rare<V>(p + 64 * b);
        std::uint64_t* const w = words + b * bs;
        w[2 * cs] = bits.quote;
        w[3 * cs] |= bits.caret;
        w[4 * cs] |= bits.lone_cr;
        attention[b] = bits.attention;
    }
}

}  // namespace
}  // namespace resdraft::grammar::detail
