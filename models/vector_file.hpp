// The binary word-vector file (.rdvec) that tools/convert_vectors writes and models::word_vectors maps
// into memory: what each byte means, shared by the writer and the reader. Little-endian throughout.
//
//   offset  size            field
//   0       8               magic "RDWV\r\n\x1a\n" (a text-mode copy or a truncated download shows in it)
//   8       4               version (1)
//   12      4               dimensions D (1..4096)
//   16      4               words N (at least 1)
//   20      4               source_words: entries of the source's frequency-ordered list (for Zipf)
//   24      4               pool_bytes: size of the string pool
//   28      4               reserved, 0
//   32      4 (N + 1)       string offsets into the pool, non-decreasing from 0 to pool_bytes
//           4 N             rank of each word in the source's list (1 = most frequent)
//           4 N             scale of each word (float32, finite, >= 0): component = scale * int8
//           N D             the vectors, int8, one row of D per word
//           pool_bytes      the words, concatenated, in strictly increasing byte order (for binary search)
//
// Row i of every array is word i of the sorted vocabulary. Every size follows from the header, so the file
// size is checked exactly and no offset but the string offsets is stored.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace resdraft::models::vector_file {

inline constexpr std::array<char, 8> magic{'R', 'D', 'W', 'V', '\r', '\n', '\x1a', '\n'};
inline constexpr std::uint32_t version = 1;
inline constexpr std::size_t header_bytes = 32;
inline constexpr std::uint32_t max_dimensions = 4096;

// The file's name in the cache folder scripts/setup fills (a test holds scripts/setup_vectors to it).
inline constexpr std::string_view default_file_name = "glove-6b-100d.v1.rdvec";

struct header {
    std::uint32_t dimensions = 0;
    std::uint32_t words = 0;
    std::uint32_t source_words = 0;
    std::uint32_t pool_bytes = 0;
};

// Bytes of a file with this header: the header, offsets, ranks, scales, vectors and pool. Never
// overflows: every factor is at most 2^32.
inline std::uint64_t file_bytes(const header& h) {
    const std::uint64_t n = h.words;
    return header_bytes + 4 * (n + 1) + 4 * n + 4 * n + n * h.dimensions + h.pool_bytes;
}

// Where each section starts.
inline std::uint64_t offsets_at(const header&) { return header_bytes; }
inline std::uint64_t ranks_at(const header& h) { return header_bytes + 4 * (std::uint64_t{h.words} + 1); }
inline std::uint64_t scales_at(const header& h) { return ranks_at(h) + 4 * std::uint64_t{h.words}; }
inline std::uint64_t vectors_at(const header& h) { return scales_at(h) + 4 * std::uint64_t{h.words}; }
inline std::uint64_t pool_at(const header& h) { return vectors_at(h) + std::uint64_t{h.words} * h.dimensions; }

}  // namespace resdraft::models::vector_file
