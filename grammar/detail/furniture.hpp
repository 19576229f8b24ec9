// Page furniture of text extracted from a PDF (stage 2a, after the lines are typed): what a page
// carries besides the resolution's text. Recognized by the document's own job number, symbol and page
// count, read from its first page, not from a list:
// - the running head at the top of each later page: symbol, short title (up to three lines), job number
//   and "n/m" page on even pages; short title, symbol, page and job number on odd pages;
// - the footnote block at the foot of a page: a line of underscores, the notes after it, up to the
//   page's end (the next page break or running head, or the end of the text);
// - the barcode line ("*2014566*"), the masthead's job number and "Please recycle".
#pragma once

#include "grammar/detail/lines.hpp"

#include <string_view>
#include <vector>

namespace resdraft::grammar::detail {

// The notes the footnote blocks of the pages define, for tracking markers in the text.
struct page_notes {
    unsigned lowest = 0;   // the lowest note number; 0 when there is no note
    unsigned highest = 0;  // the highest note number; 0 when there is no note
};

// Marks the furniture lines of `lines` (typed from `in`) typed_line::furniture; where a run of furniture
// holds a page break, gives the first text line after it blank_before only where the text before the run
// ended (a page break inside a paragraph does not end it). Running heads are looked for only in a text whose first page
// has a job number. Never fails.
page_notes mark_page_furniture(std::string_view in, std::vector<typed_line>& lines);

}  // namespace resdraft::grammar::detail
