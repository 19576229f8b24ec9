// Word (.docx) files: the body's paragraphs as text, one per line with a blank line between them, each
// with the number or letter Word's automatic numbering shows ("1. ", "(a) "); tracked changes accepted or
// rejected; footnotes and endnotes listed beside the text, their references left out of it; headers,
// footers, comments, text boxes and hidden text left out.
#pragma once

#include "readers/reader.hpp"

namespace resdraft::readers {

// The text of the .docx held by `bytes`, named `name`; its origin anchors map text offsets to bytes of
// word/document.xml and to the w:p each came from (grammar::origin_kind::docx). Fails, in one line, on: a
// damaged zip archive or entry; an encrypted entry; no word/document.xml ("not a Word document: no
// word/document.xml"); a part that is not UTF-8 or not well-formed XML (naming the part and the byte of it);
// a part past the caps of options.limits (a zip bomb); a document with no text in its paragraphs.
std::variant<read_document, read_error> read_docx(std::string_view bytes, std::string name, const read_options& options);

}  // namespace resdraft::readers
