// The iterator every X3 parser in grammar/ reads through. X3's character classes and case folding
// require character values in 0..255 (they assert it); UTF-8 bytes above 127 are negative as char.
// No rule of the grammar matches a non-ASCII byte, so the iterator shows each as SUB (0x1A), a
// control character no rule accepts; base() gives back the position in the real bytes.
#pragma once

#include "grammar/detail/bytes.hpp"

#include <boost/iterator/transform_iterator.hpp>

namespace resdraft::grammar::detail {

struct ascii_only {
    char operator()(char c) const { return static_cast<unsigned char>(c) < 0x80 ? c : '\x1A'; }
};

using ascii_iterator = boost::transform_iterator<ascii_only, const char*, char, char>;

// The same, with ASCII upper case folded to lower: lets a symbol table of lower-case entries match
// case-insensitively without x3::no_case, which folds each character through the C library's locale.
struct ascii_lower {
    char operator()(char c) const { return static_cast<unsigned char>(c) >= 0x80 ? '\x1A' : lower_ascii(c); }
};

using ascii_lower_iterator = boost::transform_iterator<ascii_lower, const char*, char, char>;

}  // namespace resdraft::grammar::detail
