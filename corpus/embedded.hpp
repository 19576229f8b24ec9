// The reference declaration A/68/L.5, embedded in the binary at build time (cmake/embed.cmake).
#pragma once

#include <string_view>

namespace resdraft::corpus {

// The full text of corpus/a-68-l5.txt; never fails.
std::string_view reference_text();

// Its file name ("a-68-l5.txt"), which also names its symbol.
std::string_view reference_name();

}  // namespace resdraft::corpus
