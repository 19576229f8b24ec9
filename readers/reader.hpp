// Readers: a file's bytes in, the text the parser reads out, with where each run of it came from.
// Text files pass through; a .docx (Word) and a PDF are turned into text laid out as the parser expects
// (one paragraph per line, a blank line between paragraphs; PDF pages as PyMuPDF lays them out). libzip,
// pugixml and poppler stay inside readers/: nothing here names their types.
#pragma once

#include "grammar/source.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace resdraft::readers {

// The formats a file can hold, told by its first bytes (see detect_format).
enum class file_format {
    text,  // anything else: read as text, checked by the parser
    docx,  // a zip archive ("PK\3\4", or "PK\5\6" for an empty one)
    pdf,   // "%PDF-"
    ole,   // "\xD0\xCF\x11\xE0": a legacy .doc, or a password-protected .docx (both are OLE compound files)
};

// How a Word file's tracked changes are read.
enum class tracked_changes {
    accepted,  // as if every change were accepted: insertions kept, deletions dropped (the default)
    original,  // as if every change were rejected: the text before the changes
};

// The caps a .docx is read under: a zip bomb stops at the first that it passes.
struct zip_limits {
    std::size_t max_unpacked = std::size_t{256} << 20;  // bytes unpacked from all the parts read, together
    std::size_t max_ratio = 200;                        // unpacked / packed size of one part past ratio_floor
    std::size_t ratio_floor = std::size_t{1} << 20;     // parts unpacking to at most this many bytes may have any ratio
};

struct read_options {
    tracked_changes tracked = tracked_changes::accepted;
    zip_limits limits;
};

// A footnote or endnote of a .docx: kept out of the paragraph text, listed here.
struct note {
    std::string kind;         // "footnote" or "endnote"
    std::size_t number = 0;   // its number as Word shows it: the order of its first reference (1-based, per kind)
    std::size_t offset = 0;   // text offset where its reference stood (the reference itself is not in the text)
    std::size_t paragraph = 0;// the w:p that holds the reference (1-based, body order; see grammar::origin_kind)
    std::string text;         // the note's text, its paragraphs joined by a space
};

// What a reader made of a file.
struct read_document {
    std::shared_ptr<const grammar::source> source;  // the text, its name and its origin anchors
    file_format format = file_format::text;
    std::vector<note> notes;                        // .docx footnotes and endnotes, in order of reference
};

// Why a file cannot be read: one line, and the byte of the file it is about when one is.
struct read_error {
    std::string message;                // "not a Word document: no word/document.xml"
    std::optional<std::size_t> offset;  // byte of the file; none when the problem has no place in it
};

// The format of a file from its first bytes (at least 8 when the file has them); text when no magic matches.
file_format detect_format(std::string_view head);

// Whether `head`, the first bytes of a file, could still be the start of a .docx's, a PDF's or an OLE
// file's magic (it is shorter than the magic and a prefix of it), so that more bytes must be seen.
bool may_become_magic(std::string_view head);

// The format a file name's extension claims (".docx", ".pdf", any case), or nothing for any other name.
std::optional<file_format> format_of_name(std::string_view name);

// Reads `bytes` (a whole file named `name`) by its content. Text is taken as it is (the parser checks it);
// a .docx and a PDF are read by read_docx and read_pdf. Fails with their errors, and on an OLE file
// ("a legacy .doc or a password-protected .docx: save it in Word as an unprotected .docx").
std::variant<read_document, read_error> read_bytes(std::string bytes, std::string name, const read_options& options = {});

}  // namespace resdraft::readers
