// The iterator every X3 parser in grammar/ reads through. X3's character classes and case folding
// require character values in 0..255 (they assert it); UTF-8 bytes above 127 are negative as char.
// No rule of the grammar matches a non-ASCII byte, so the iterator shows each as SUB (0x1A), a
// control character no rule accepts; base() gives back the position in the real bytes.
#pragma once

#include <boost/iterator/transform_iterator.hpp>

namespace resdraft::grammar::detail {

struct ascii_only {
    char operator()(char c) const { return static_cast<unsigned char>(c) < 0x80 ? c : '\x1A'; }
};

using ascii_iterator = boost::transform_iterator<ascii_only, const char*, char, char>;

}  // namespace resdraft::grammar::detail
