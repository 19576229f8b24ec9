// libFuzzer target: any bytes as a word-vector file (models/word_vectors: an outside file, mapped) and as the
// npm package's JSON (models/vector_convert), see fuzz/targets.hpp. Seeds: a converted file and its JSON.
#include "fuzz/targets.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    resdraft::fuzz::vectors_target({reinterpret_cast<const char*>(data), size});
    return 0;
}
