// PDF files: the text layer, page by page in reading order, laid out as the PyMuPDF text that the
// parser's PDF repairs were made for (../shared/corpus/pdf-text/README.md): a page's lines one per line,
// a line that is blank inside a page written as a single space, and pages separated by one empty line.
#pragma once

#include "readers/reader.hpp"

namespace resdraft::readers {

// The text of the PDF held by `bytes`, named `name`; its origin anchors give each line's page and its byte
// in that page's text as written here (grammar::origin_kind::pdf). Fails on: a file poppler cannot open ("damaged
// PDF: ..."); a PDF that needs a password ("encrypted PDF: a password is needed to open it"); a PDF
// without pages; a PDF whose pages hold no text ("no text layer (scanned?): run OCR first"). A PDF
// encrypted only against copying or printing (an empty user password) is read, as PDF viewers do.
std::variant<read_document, read_error> read_pdf(std::string_view bytes, std::string name);

}  // namespace resdraft::readers
