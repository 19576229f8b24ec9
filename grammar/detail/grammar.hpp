// The line-level X3 grammar of a resolution, behind plain functions: each recognizes one construct
// at the start of a line (or of a piece of text) and reports what it found and how many bytes it
// took. The rules themselves are in grammar_def.hpp and compiled once, in grammar.cpp.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace resdraft::grammar::detail {

// "17. ", "5 bis. ": an operative paragraph number. length covers the number, the dot and the blanks after it.
struct number_marker {
    unsigned number = 0;
    std::string_view suffix; // "bis", "ter", "quater" (static strings) or empty
    std::size_t length = 0;
};
std::optional<number_marker> match_paragraph_number(std::string_view line);

// "(a) ", "(ii) ": a subparagraph label. length covers the label and the blanks after it.
struct label_marker {
    std::string_view label;  // "a", "ii": a view into the line matched
    std::size_t length = 0;
};
std::optional<label_marker> match_subparagraph_label(std::string_view line);

// "[^12]: ..." opening a footnote definition; returns the footnote number.
std::optional<unsigned> match_footnote_definition(std::string_view line);

// "[^12]" inline footnote marker at the start of `text`; returns the number and length.
struct footnote_marker {
    unsigned number = 0;
    std::size_t length = 0;
};
std::optional<footnote_marker> match_inline_footnote(std::string_view text);

// "28th plenary meeting 4 November 2025"
bool match_meeting_line(std::string_view line);

// "Annex", "Annex II" as a line of its own; returns "" or the roman numeral (a view into `line`).
std::optional<std::string_view> match_annex_heading(std::string_view line);

// "Annex Political declaration on ...": "Annex" and the annexed text's title on one line; returns where the title starts.
std::optional<std::size_t> match_annex_with_title(std::string_view line);

// "Article 12" as a line of its own (a convention's or declaration's article); returns its number.
std::optional<unsigned> match_article_heading(std::string_view line);

// "The General Assembly," / "The Security Council," as a line of its own.
bool match_enacting_formula(std::string_view line);

// "80/39. Title": a resolution's number and title line; returns the symbol ("A/RES/80/39") and where the title starts.
struct numbered_title {
    std::string symbol;
    std::size_t title_offset = 0;
};
std::optional<numbered_title> match_numbered_title(std::string_view line);

// Searches a header line for its fields; each result is a [begin, end) within the line.
struct found {
    std::size_t begin = 0, end = 0;
};
std::optional<found> find_date(std::string_view line);         // "1 October 2013"
std::optional<found> find_session(std::string_view line);      // "Sixty-eighth session"
std::optional<found> find_agenda_item(std::string_view line);  // the "21 (e)" of "Agenda item 21 (e)"
std::optional<found> find_symbol(std::string_view line);       // "A/RES/80/9" opening the line

// Page furniture of text extracted from a PDF (a line each):
// "20-14566", "20-14566 (E)    061120": a job number, alone or with its stamp; returns its first 8 bytes.
std::optional<std::string_view> match_job_number(std::string_view line);
// "3/12": a page count, page first; the page is at least 1 and at most the count.
struct page_count {
    unsigned page = 0, pages = 0;
};
std::optional<page_count> match_page_count(std::string_view line);
// "*2014566*": the barcode line of a first page.
bool match_barcode(std::string_view line);
// "__________________": a footnote separator (ten underscores or more, nothing else).
bool match_footnote_separator(std::string_view line);
// "11  United Nations, Treaty Series ...": a footnote of a page's footnote block; returns its number.
std::optional<unsigned> match_page_footnote(std::string_view line);

// A UN symbol from a file name: "a-68-l5" -> "A/68/L.5", "A_RES_80_5" -> "A/RES/80/5".
std::optional<std::string> symbol_from_file_stem(std::string_view stem);

// "key: value" in a YAML front-matter block; value without surrounding quotes.
struct yaml_field {
    std::string_view key, value;
};
std::optional<yaml_field> match_yaml_field(std::string_view line);

}  // namespace resdraft::grammar::detail
