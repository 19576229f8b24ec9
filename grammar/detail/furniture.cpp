// Page furniture (see furniture.hpp): the first page gives the marks, then heads, loose anchors,
// footnote blocks and single lines are marked in turn.
#include "grammar/detail/furniture.hpp"

#include "grammar/detail/grammar.hpp"

#include <algorithm>
#include <optional>

namespace resdraft::grammar::detail {
namespace {

constexpr std::size_t masthead_lines = 60;   // the first page's masthead lies within its first lines
constexpr std::size_t head_lines = 8;        // a running head: up to three title lines, anchors, blanks
constexpr std::size_t title_line_bytes = 120;  // a running head's title line is short

// What identifies the pages of one document.
struct page_marks {
    std::string_view job;     // "20-14566"; empty when the text has none
    std::string_view symbol;  // "A/RES/75/3" standing alone on a line of the first page; may be empty
    unsigned pages = 0;       // the m of its "n/m" lines; 0 when there are none
};

enum class anchor { none, job, page, symbol };

class furniture_marker {
public:
    furniture_marker(std::string_view in, std::vector<typed_line>& lines) : in_(in), lines_(lines) {}

    page_notes run() {
        read_marks();
        // one look at each line's first byte finds the separators and single lines; the rest needs a job number
        const std::vector<std::size_t> separators = mark_single_lines();
        if (!marks_.job.empty()) {
            marks_.pages = page_count_of_heads();
            mark_heads();
            mark_loose_anchors();
        }
        const page_notes notes = mark_footnote_blocks(separators);
        if (marked_any_) carry_blank_lines();
        carry_bare_page_breaks();
        return notes;
    }

private:
    std::string_view in_;
    std::vector<typed_line>& lines_;
    page_marks marks_;
    bool marked_any_ = false;

    std::string_view text(std::size_t i) const { return lines_[i].text.of(in_); }
    bool marked(std::size_t i) const { return lines_[i].is(typed_line::furniture); }
    void mark(std::size_t first, std::size_t last) {
        for (std::size_t i = first; i <= last; ++i) lines_[i].kinds |= typed_line::furniture;
        marked_any_ = true;
    }

    void read_marks() {
        for (std::size_t i = 0; i < lines_.size() && i < masthead_lines; ++i) {
            const std::string_view t = text(i);
            if (const auto job = match_job_number(t); job && marks_.job.empty()) marks_.job = *job;
            if (const auto symbol = find_symbol(t); symbol && symbol->end == t.size() && marks_.symbol.empty())
                marks_.symbol = t;
        }
    }

    // The m of the "n/m" lines: from one next to the job number, or one that counts the pages as the
    // page breaks do (a head may hold the page alone).
    unsigned page_count_of_heads() const {
        std::size_t breaks = 0;
        for (const typed_line& l : lines_) breaks += l.is(typed_line::page_break) ? 1 : 0;
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            const auto count = match_page_count(text(i));
            if (!count || count->pages < 2) continue;
            if (count->pages == breaks + 1) return count->pages;
            for (std::size_t j = i > 3 ? i - 3 : 0; j < lines_.size() && j <= i + 3; ++j)
                if (text(j) == marks_.job) return count->pages;
        }
        return 0;
    }

    anchor anchor_of(std::size_t i) const {
        const std::string_view t = text(i);
        if (!marks_.job.empty() && t == marks_.job) return anchor::job;
        if (marks_.pages != 0)
            if (const auto count = match_page_count(t); count && count->pages == marks_.pages) return anchor::page;
        if (!marks_.symbol.empty() && t == marks_.symbol) return anchor::symbol;
        return anchor::none;
    }

    // A line that may be a running head's short title: short, and neither a number nor a label.
    bool title_like(std::size_t i) const {
        const typed_line& l = lines_[i];
        return l.text.size() <= title_line_bytes && !l.is(typed_line::number) && !l.is(typed_line::label);
    }

    // The last line of a head of anchors and title lines from line `first` on (within `reach` lines after
    // the last anchor), when it holds a page count or two anchors.
    std::optional<std::size_t> head_end(std::size_t first, std::size_t reach) const {
        std::size_t last = first, anchors = 0;
        bool page = false;
        for (std::size_t i = first; i < lines_.size() && i <= last + reach && !marked(i); ++i) {
            const anchor a = anchor_of(i);
            if (a == anchor::none) {
                if (!title_like(i)) break;
                continue;
            }
            last = i, ++anchors, page |= a == anchor::page;
        }
        if (anchors >= 2 || page) return last;
        return std::nullopt;
    }

    // The head at the top of each page after a page break: its title lines come first on odd pages.
    void mark_heads() {
        for (std::size_t i = 1; i < lines_.size(); ++i) {
            if (!lines_[i].is(typed_line::page_break)) continue;
            if (const auto last = head_end(i, head_lines)) mark(i, *last);
        }
    }

    // Anchors where no page break shows (text without empty lines between pages): the run of anchors
    // and the title lines between them.
    void mark_loose_anchors() {
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            if (marked(i) || anchor_of(i) == anchor::none) continue;
            if (const auto last = head_end(i, 3)) mark(i, *last);
        }
    }

    // A line of underscores followed by a note, and the lines after it up to the page's end.
    page_notes mark_footnote_blocks(const std::vector<std::size_t>& separators) {
        page_notes notes;
        std::size_t done = 0;  // lines before it are in a block already
        for (const std::size_t i : separators) {
            if (i < done || i + 1 >= lines_.size() || !match_page_footnote(text(i + 1))) continue;
            std::size_t j = i + 1;
            unsigned previous = 0;
            for (; j < lines_.size() && !ends_footnote_block(j); ++j) {
                const auto note = match_page_footnote(text(j));
                if (!note || *note <= previous) continue;  // a note's second line may open with digits
                previous = *note;
                notes.lowest = notes.lowest == 0 ? *note : std::min(notes.lowest, *note);
                notes.highest = std::max(notes.highest, *note);
            }
            mark(i, j - 1);
            done = j;
        }
        return notes;
    }

    // A page break, a running head, or a line that opens text (notes never open with "3. " or "(a)").
    bool ends_footnote_block(std::size_t i) const {
        const typed_line& l = lines_[i];
        return l.is(typed_line::page_break) || marked(i) || l.is(typed_line::number) || l.is(typed_line::label) ||
               l.is(typed_line::meeting) || l.is(typed_line::annex);
    }

    // The barcode, the masthead's job number with its stamp, "Please recycle".
    // Marks the barcode, the masthead's job number with its stamp and "Please recycle"; returns the lines
    // of underscores (footnote separators), in order.
    std::vector<std::size_t> mark_single_lines() {
        std::vector<std::size_t> separators;
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            const std::string_view t = text(i);
            bool single = false;
            switch (t[0]) {
                case '_':
                    if (match_footnote_separator(t)) separators.push_back(i);
                    break;
                case '*': single = match_barcode(t); break;
                default:
                    // the masthead's "20-14566 (E)"; a bare "20-14566" belongs to a running head
                    if (t[0] >= '0' && t[0] <= '9' && !marks_.job.empty() && t.size() > marks_.job.size())
                        single = match_job_number(t) == marks_.job;
            }
            if (single || (t.back() == 'e' && t.ends_with("Please recycle"))) mark(i, i);
        }
        return separators;
    }

    // A page break inside a paragraph does not end it: where a run of furniture holds a page break, the
    // line after it is blank_before when the run's first line was for a blank line of its own (not only
    // the page break), or when the text before the run ends a sentence. Elsewhere it keeps its own.
    void carry_blank_lines() {
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            if (!marked(i)) continue;
            const typed_line& first = lines_[i];
            const char before = i > 0 ? lines_[i - 1].last : 0;
            const bool blank = first.is(typed_line::spaced_blank) ||
                               (first.is(typed_line::blank_before) && !first.is(typed_line::page_break)) ||
                               before == '.' || before == ';' || before == ':';
            bool page_break = false;
            for (; i < lines_.size() && marked(i); ++i) page_break |= lines_[i].is(typed_line::page_break);
            if (i == lines_.size()) break;
            if (!page_break && !lines_[i].is(typed_line::page_break)) continue;
            if (blank) lines_[i].kinds |= typed_line::blank_before;
            else lines_[i].kinds &= ~static_cast<std::uint32_t>(typed_line::blank_before);
        }
    }

    // The same for a page break with no furniture around it (a word processor's PDF has no running heads), in a
    // text laid out as the PDF reader and PyMuPDF write one (more blank lines hold blanks than are empty: an
    // empty line is a page's end, a line of blanks a paragraph's): the break falls inside a paragraph unless
    // the text before it ends a sentence (. ; :) or is a formula or a heading, a blank line of its own stood
    // there too, or the line after it opens a paragraph by its shape ("1. ", "(a) ", "Recalling", "Annex").
    void carry_bare_page_breaks() {
        std::size_t spaced = 0, breaks = 0;
        for (const typed_line& l : lines_) spaced += l.is(typed_line::spaced_blank), breaks += l.is(typed_line::page_break);
        if (spaced <= breaks) return;
        constexpr std::uint32_t ends_before = typed_line::formula | typed_line::we_comma | typed_line::heading_shape;
        constexpr std::uint32_t opens = typed_line::number | typed_line::label | typed_line::preambular | typed_line::formula |
                                        typed_line::annex | typed_line::meeting | typed_line::article | typed_line::footnote |
                                        typed_line::spaced_blank;
        for (std::size_t i = 1; i < lines_.size(); ++i) {
            typed_line& l = lines_[i];
            const typed_line& before = lines_[i - 1];
            if (!l.is(typed_line::page_break) || marked(i) || marked(i - 1) || (l.kinds & opens) != 0 || (before.kinds & ends_before) != 0)
                continue;
            if (before.last != '.' && before.last != ';' && before.last != ':') l.kinds &= ~static_cast<std::uint32_t>(typed_line::blank_before);
        }
    }
};

}  // namespace

page_notes mark_page_furniture(std::string_view in, std::vector<typed_line>& lines) {
    return furniture_marker(in, lines).run();
}

}  // namespace resdraft::grammar::detail
