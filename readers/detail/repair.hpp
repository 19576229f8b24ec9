// What a reader does to the text it made before the parser sees it.
#pragma once

#include <string>

namespace resdraft::readers::detail {

// Replaces each byte the parser would refuse (a control byte, a byte of invalid UTF-8, as character
// references or a PDF's text can bring) by one byte: a space for a control byte, '?' for the rest, so that
// offsets and anchors stay as they are.
void repair_text(std::string& text);

}  // namespace resdraft::readers::detail
