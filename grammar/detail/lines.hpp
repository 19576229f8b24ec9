// Stage 2a of the parser (issue 13): typed lines. Each line of the text is typed once, by what its own
// bytes make it a candidate for (a paragraph number, a subparagraph label, a meeting line ...); then one
// pass over the typed lines adds what depends on the lines around. Nothing here depends on what the
// assembler has built: it decides among the candidates with what it knows of the document so far.
#pragma once

#include "grammar/ast.hpp"
#include "grammar/detail/grammar.hpp"
#include "grammar/index.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace resdraft::grammar::detail {

// One non-blank line and what it can be. A line may be several things at once: "Recalling ..." is a
// preambular opener and, short and alone, may also have a heading's shape.
struct typed_line {
    enum kind : std::uint32_t {
        blank_before = 1u << 0,    // a blank line, or the start of the text, precedes it
        indented = 1u << 1,        // blanks precede it on its line of the text (how a footnote definition continues)
        number = 1u << 2,          // opens with a paragraph number ("17. ", "5 bis. "): value, marker, name
        number_opens = 1u << 3,    // after its number: nothing, a capital, "(", a quote, or a script without case
        label = 1u << 4,           // opens with a subparagraph label ("(a) "): marker, name
        footnote = 1u << 5,        // defines a footnote ("[^12]: ..."): value
        meeting = 1u << 6,         // a meeting line ("28th plenary meeting 4 November 2025")
        annex = 1u << 7,           // an annex heading ("Annex", "Annex II"): name; marker, when the title follows on the line
        formula = 1u << 8,         // an enacting formula standing alone ("The General Assembly,")
        we_comma = 1u << 9,        // opens with "We," (a declaration's formula)
        we_space = 1u << 10,       // opens with "We "
        upper = 1u << 11,          // opens with a capital, "(", '"' or a left curly quote
        preambular = 1u << 12,     // opens with a preambular opener ("Recalling", "Deeply concerned")
        operative = 1u << 13,      // opens with an operative verb in base or third-person form ("Decides")
        ing_word = 1u << 14,       // its first word, before a space, ends in "ing"
        rule = 1u << 15,           // is "---" (fences of front matter and of the footnote block)
        // from the lines around (added by type_lines after typing each line)
        block_comma = 1u << 16,    // its block (up to a blank line or a numbered line) ends with a comma
        heading_shape = 1u << 17,  // shaped as a heading or running head: see type_lines
        // how the blank lines before it look, for PDF text (a page ends with an empty line, a paragraph with a line of spaces)
        page_break = 1u << 18,     // a form feed precedes it, or an empty line in a text whose other blank lines hold blanks
        spaced_blank = 1u << 19,   // a line holding only blanks precedes it
        // from the page furniture pass (detail/furniture.hpp)
        furniture = 1u << 20,      // a running head, footnote block, barcode or "Please recycle" line: not text
        article = 1u << 21,        // an article heading ("Article 12"): value
        block_colon = 1u << 22,    // its block (up to a blank line or a numbered line) ends with a colon
    };

    span text;                   // the line without blanks around it (nor a byte order mark before it)
    std::uint32_t kinds = 0;     // the kind bits that hold
    std::uint32_t marker = 0;    // bytes of the number or label marker, or of "Annex " before a title, with the blanks after it
    unsigned value = 0;          // the paragraph number (number), or the footnote defined (footnote)
    char last = 0;               // last byte before a trailing footnote marker or number and blanks; 0 if none
    std::string_view name;       // the number's suffix ("bis"), the label ("ii") or the annex's numeral ("II", "")

    [[nodiscard]] bool is(kind k) const { return (kinds & k) != 0; }
    // The paragraph number as the line grammar gives it; meaningful only when is(number).
    [[nodiscard]] number_marker number_of() const { return {value, name, marker}; }
};

// The kinds that let a line open a paragraph (or a part) after a heading.
inline constexpr std::uint32_t opens_paragraph_kinds = typed_line::number | typed_line::label | typed_line::preambular |
                                                       typed_line::we_comma | typed_line::meeting | typed_line::annex |
                                                       typed_line::article;

// The non-blank lines of the indexed text, typed. Lines are split as the index splits them and trimmed
// of spaces, tabs, form feeds, vertical tabs and no-break spaces (and a byte order mark before). A line
// has heading_shape when it follows a blank line, stands alone before a blank line, holds at most 160
// bytes, opens upper-case with neither a preambular opener nor an operative verb, does not end with
// . , ; or : (a footnote aside), and the next line (if any) may open a paragraph. Never fails.
std::vector<typed_line> type_lines(const structural_index& index);

// The footnote block at the end of a text ("[^1]: Resolution 64/293." lines, maybe after a "---" line).
struct footnote_block {
    std::size_t begin = 0;  // its first line (the "---" before it included); lines.size() when there is none
    unsigned highest = 0;   // the highest footnote it defines; 0 when none
    unsigned lowest = 1;    // the lowest footnote it defines; 1 when none
};

// The footnote block among lines [first, lines.size()): the definitions at the end, and the indented lines
// that continue them. Never fails: a text without one gives begin == lines.size().
footnote_block find_footnote_block(const std::vector<typed_line>& lines, std::size_t first);

// Whether `t` opens as a sentence does: an ASCII capital, "(", '"' or a left curly quote.
bool starts_upper(std::string_view t);

}  // namespace resdraft::grammar::detail
