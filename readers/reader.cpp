// The one place formats are told apart and handed to their readers: a new format is one reader file and
// one line in `readers` below.
#include "readers/reader.hpp"

#include "grammar/parser.hpp"
#include "readers/detail/repair.hpp"
#include "readers/docx.hpp"
#include "readers/pdf.hpp"

#include <algorithm>
#include <cctype>

namespace resdraft::readers {
namespace detail {

void repair_text(std::string& text) {
    std::size_t from = 0;
    while (from < text.size()) {
        const auto bad = grammar::check_text_encoding(std::string_view(text).substr(from));
        if (!bad) break;
        const std::size_t at = from + bad->offset;
        text[at] = static_cast<unsigned char>(text[at]) < 0x80 ? ' ' : '?';
        from = at + 1;
    }
}

}  // namespace detail

namespace {

struct format_entry {
    file_format format;
    std::string_view magic;      // the first bytes of such a file
    std::string_view extension;  // lower case, with the dot; empty when none is claimed
};

// Two magics for zip: a .docx always has entries ("PK\3\4"); an empty archive is only its end record.
constexpr format_entry formats[] = {
    {file_format::docx, std::string_view("PK\x03\x04", 4), ".docx"},
    {file_format::docx, std::string_view("PK\x05\x06", 4), ""},
    {file_format::pdf, "%PDF-", ".pdf"},
    {file_format::ole, std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), ""},
};

}  // namespace

file_format detect_format(std::string_view head) {
    for (const format_entry& f : formats)
        if (head.starts_with(f.magic)) return f.format;
    return file_format::text;
}

bool may_become_magic(std::string_view head) {
    for (const format_entry& f : formats)
        if (head.size() < f.magic.size() && f.magic.starts_with(head)) return true;
    return false;
}

std::optional<file_format> format_of_name(std::string_view name) {
    const auto dot = name.rfind('.');
    if (dot == std::string_view::npos || name.find('/', dot) != std::string_view::npos) return std::nullopt;
    std::string extension(name.substr(dot));
    std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
    for (const format_entry& f : formats)
        if (!f.extension.empty() && extension == f.extension) return f.format;
    return std::nullopt;
}

std::variant<read_document, read_error> read_bytes(std::string bytes, std::string name, const read_options& options) {
    switch (detect_format(bytes)) {
        case file_format::docx: return read_docx(bytes, std::move(name), options);
        case file_format::pdf: return read_pdf(bytes, std::move(name));
        case file_format::ole:
            return read_error{"a legacy .doc or a password-protected .docx (an OLE compound file): save it in Word as an unprotected .docx",
                              std::nullopt};
        case file_format::text: break;
    }
    read_document text;
    text.source = grammar::source::owning(std::move(bytes), std::move(name));
    return text;
}

}  // namespace resdraft::readers
