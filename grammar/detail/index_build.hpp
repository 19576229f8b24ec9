// Inside the structural index (grammar/index.hpp): where the SIMD kernels write, the kernels, and the
// choice of memory layout the benchmark compares.
#pragma once

#include "grammar/index.hpp"

#include <cstddef>
#include <cstdint>

namespace resdraft::grammar::detail {

// How the class bitmaps sit in memory. Interleaved: the five words of a 64-byte block side by side (one
// stream to write, and the classes `next` unites share a cache line). Planar: one array per class.
enum class index_layout : std::uint8_t { interleaved, planar };

// The layout build_structural_index uses (the faster to build in bench/index_bench, see bench/README.md).
inline constexpr index_layout default_layout = index_layout::interleaved;

// Where a kernel writes the blocks it classifies.
struct block_sink {
    std::uint64_t* words = nullptr;      // class c of block b at words[c * class_stride + b * block_stride]
    std::size_t class_stride = 0;
    std::size_t block_stride = 0;
    std::uint64_t* attention = nullptr;  // block b: its bytes for which needs_check holds (detail/utf8.hpp)
};

// The signature of a SIMD kernel: classifies `blocks` blocks of 64 bytes from `p` into blocks `first`,
// `first + 1` ... of `sink`. It reads two bytes past the last block (a curly quote is three bytes).
// `digit_carry` is 1 when the byte before `p` is a digit (a digit run does not start at p), and
// comes back as that of the byte after the last block.
using classify_fn = void (*)(const char* p, std::size_t blocks, const block_sink& sink, std::size_t first,
                             std::uint64_t& digit_carry);

#if defined(__x86_64__)
void classify_blocks_sse2(const char* p, std::size_t blocks, const block_sink& sink, std::size_t first,
                          std::uint64_t& digit_carry);
// Only for a CPU with AVX2 (index_path_available(index_path::avx2)).
void classify_blocks_avx2(const char* p, std::size_t blocks, const block_sink& sink, std::size_t first,
                          std::uint64_t& digit_carry);
#endif

// build_structural_index with the layout chosen too: for the benchmark that compares them.
std::optional<parse_error> build_index(std::string_view text, structural_index& out, index_path path, index_layout layout);

}  // namespace resdraft::grammar::detail
