// The structural index's kernel with SSE2, which every x86-64 CPU has: no run-time check needed.
#if defined(__x86_64__)
#include <emmintrin.h>

#include "grammar/detail/index_blocks.hpp"

namespace resdraft::grammar::detail {
namespace {

struct sse2 {
    using reg = __m128i;
    static constexpr unsigned width = 16;
    static constexpr std::uint64_t all_lanes = (std::uint64_t{1} << width) - 1;
    static reg load(const char* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }
    static reg eq(reg a, char c) { return _mm_cmpeq_epi8(a, _mm_set1_epi8(c)); }
    static reg lt(reg a, char c) { return _mm_cmplt_epi8(a, _mm_set1_epi8(c)); }
    static reg gt(reg a, char c) { return _mm_cmpgt_epi8(a, _mm_set1_epi8(c)); }
    static reg add(reg a, char c) { return _mm_add_epi8(a, _mm_set1_epi8(c)); }
    static reg both(reg a, reg b) { return _mm_and_si128(a, b); }
    static reg either(reg a, reg b) { return _mm_or_si128(a, b); }
    static reg but_not(reg a, reg b) { return _mm_andnot_si128(b, a); }
    static reg with_bits(reg a, char c) { return _mm_or_si128(a, _mm_set1_epi8(c)); }
    static std::uint64_t high_bits(reg a) { return static_cast<unsigned>(_mm_movemask_epi8(a)); }
};

}  // namespace

void classify_blocks_sse2(const char* p, std::size_t blocks, const block_sink& sink, std::size_t first,
                          std::uint64_t& digit_carry) {
    classify_blocks<sse2>(p, blocks, sink, first, digit_carry);
}

}  // namespace resdraft::grammar::detail
#endif
