// A PDF's text layer through poppler-cpp (Debian's libpoppler-cpp-dev): each page's words in poppler's
// reading order (which follows columns and blocks rather than raw drawing order), made into lines by
// their positions, with a blank line where the spacing between lines says a paragraph ends, so that the
// text reads as the PyMuPDF text the parser's PDF repairs were made for.
#include "readers/pdf.hpp"

#include "readers/detail/repair.hpp"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cmath>
#include <memory>
#include <mutex>

namespace resdraft::readers {
namespace {

// poppler prints its complaints about damaged files on standard error; the reader's errors say what matters.
void silence_poppler() {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

// A line of a page: its words joined, where it stands and how tall its words are.
struct page_line {
    std::string text;
    double top = 0, height = 0;  // of its first word, in points from the top of the page
    double tallest = 0;          // the height of its tallest word (a line's type size, a superscript aside)
    double bottom = 0;           // the lowest bottom of its words: its baseline, near enough
    double left = 0, right = 0;  // x of its first word's left end and of its last word's right end
};

// A page's lines, and the note reference marks it holds (raised numbers: "1" in "2013,1").
struct page_text {
    std::vector<page_line> lines;
    std::vector<std::string> marks;
};

// Whether a word is a note's reference mark: in smaller type than its line and raised above the line's
// baseline by a fifth of the line's type size or more. It is written against the word before it ("2013,1"),
// as in the UN's PDFs.
bool raised(const poppler::rectf& box, const page_line& line) {
    return box.height() < 0.9 * line.tallest && box.y() + box.height() < line.bottom - 0.2 * line.tallest;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The words of a page in poppler's reading order, made into lines: a word starts a new line when it does
// not stand on the line's baseline (half a word's height off) or stands left of the word before it.
page_text read_page(const poppler::page& page) {
    page_text out;
    std::vector<page_line>& lines = out.lines;
    double right = 0;  // right end of the last word
    bool space_after = false;
    for (const poppler::text_box& word : page.text_list()) {
        const poppler::rectf box = word.bbox();
        const poppler::byte_array utf8 = word.text().to_utf8();
        if (utf8.empty()) continue;
        const std::string_view text(utf8.data(), utf8.size());
        const bool same_line = !lines.empty() && std::abs(box.y() - lines.back().top) <= 0.5 * std::max(box.height(), lines.back().height) &&
                               box.x() >= right - 0.5;
        if (!same_line) {
            lines.push_back({{}, box.y(), box.height(), 0, 0, box.x(), 0});
        } else if (raised(box, lines.back())) {
            if (all_digits(text)) out.marks.emplace_back(text);
        } else if (space_after || box.x() - right > 0.15 * box.height()) {
            lines.back().text += ' ';
        }
        page_line& line = lines.back();
        line.text += text;
        line.tallest = std::max(line.tallest, box.height());
        line.bottom = std::max(line.bottom, box.y() + box.height());
        right = box.x() + box.width();
        line.right = right;
        space_after = word.has_space_after();
    }
    return out;
}

double width(const page_line& l) { return l.right - l.left; }

// Whether the page sets text in columns (or a table): three or more lines an inch wide or wider stand
// wholly left or right of the page's widest line, whatever their baselines.
bool has_columns(const std::vector<page_line>& lines) {
    const auto widest = std::max_element(lines.begin(), lines.end(), [](const page_line& a, const page_line& b) { return width(a) < width(b); });
    const auto beside = std::count_if(lines.begin(), lines.end(), [&](const page_line& l) {
        return width(l) >= 72 && (l.right <= widest->left || l.left >= widest->right);
    });
    return beside >= 3;
}

// A page read as one column, as a resolution is set: lines on one baseline (a list label and its paragraph's
// text, set apart by a tab; words a justified line spreads wide; the masthead's left and right halves) are
// joined left to right, and the lines read top to bottom: poppler's reading order can put a paragraph's
// wrapped lines before its indented first line. A page in columns keeps poppler's order.
void read_as_one_column(std::vector<page_line>& lines) {
    if (has_columns(lines)) return;
    std::vector<std::size_t> order(lines.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return lines[a].top < lines[b].top; });
    std::vector<std::vector<std::size_t>> rows;  // indices of the lines on each baseline, top to bottom
    for (std::size_t i : order) {
        const page_line& first = rows.empty() ? lines[i] : lines[rows.back().front()];
        if (!rows.empty() && lines[i].top - first.top < 0.5 * std::min(first.height, lines[i].height)) rows.back().push_back(i);
        else rows.push_back({i});
    }
    std::vector<page_line> out;
    for (auto& row : rows) {
        std::sort(row.begin(), row.end(), [&](std::size_t a, std::size_t b) { return lines[a].left < lines[b].left; });
        page_line joined = lines[row.front()];
        for (std::size_t k = 1; k < row.size(); ++k) {
            const page_line& l = lines[row[k]];
            joined.text += ' ' + l.text;
            joined.right = l.right;
            joined.tallest = std::max(joined.tallest, l.tallest);
            joined.bottom = std::max(joined.bottom, l.bottom);
            if (l.top < joined.top) joined.top = l.top, joined.height = l.height;
        }
        out.push_back(std::move(joined));
    }
    lines = std::move(out);
}

// The page's usual type size: the median of its lines' tallest words.
double usual_size(const std::vector<page_line>& lines) {
    std::vector<double> sizes;
    for (const page_line& l : lines) sizes.push_back(l.tallest);
    std::nth_element(sizes.begin(), sizes.begin() + static_cast<std::ptrdiff_t>(sizes.size() / 2), sizes.end());
    return sizes.empty() ? 0 : sizes[sizes.size() / 2];
}

// Where the notes at a page's foot begin: the run of lines in smaller type that ends the page, opening with
// the number of a note the page marks in its text ("1 A/81/100." under "2013,1"; a page number or a date in
// small type is no note); lines.size() when there is none, or when the page writes its own separator (a line
// of underscores, as the UN's PDFs do). A word processor draws that separator as a rule, which has no text:
// the reader writes one in its place.
std::size_t notes_start(const page_text& page) {
    const std::vector<page_line>& lines = page.lines;
    if (std::any_of(lines.begin(), lines.end(), [](const page_line& l) { return l.text.starts_with("__________"); })) return lines.size();
    const double usual = usual_size(lines);
    std::size_t k = lines.size();
    while (k > 0 && lines[k - 1].tallest < 0.9 * usual) --k;
    if (k == 0 || k == lines.size()) return lines.size();
    const std::string_view first = lines[k].text;
    const std::string_view number = first.substr(0, first.find(' '));
    const bool marked = number.size() < first.size() && all_digits(number) &&
                        std::find(page.marks.begin(), page.marks.end(), number) != page.marks.end();
    return marked ? k : lines.size();
}

// The usual step from one line to the next within a paragraph, over the page's lines before `end` (its
// notes) in its usual type size; 0 with fewer than two. The smallest step that recurs (a second step within
// 5% of it), else the median: not the median first, since on a page of one-line paragraphs (a preamble, a
// list) most steps are paragraph steps. Steps under half a line's height (a word a little off its line) do
// not count.
double usual_step(const std::vector<page_line>& lines, std::size_t end) {
    const double usual = usual_size(lines);
    std::vector<double> steps;
    for (std::size_t i = 1; i < end; ++i) {
        const double step = lines[i].top - lines[i - 1].top;
        if (step >= 0.5 * lines[i].height && std::min(lines[i].tallest, lines[i - 1].tallest) >= 0.9 * usual) steps.push_back(step);
    }
    std::sort(steps.begin(), steps.end());
    for (std::size_t i = 1; i < steps.size(); ++i)
        if (steps[i] <= 1.05 * steps[i - 1]) return steps[i - 1];
    return steps.empty() ? 0 : steps[steps.size() / 2];
}

}  // namespace

std::variant<read_document, read_error> read_pdf(std::string_view bytes, std::string name) {
    silence_poppler();
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) return read_error{"PDF larger than 2 GiB, which poppler cannot read", std::nullopt};
    const std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) return read_error{"damaged PDF: poppler cannot open it", std::nullopt};
    if (doc->is_locked()) return read_error{"encrypted PDF: a password is needed to open it", std::nullopt};
    const int pages = doc->pages();
    if (pages <= 0) return read_error{"damaged PDF: it has no pages", std::nullopt};

    std::string text;
    std::vector<grammar::origin_anchor> anchors;
    bool any_text = false;
    for (int i = 0; i < pages; ++i) {
        const std::unique_ptr<poppler::page> page(doc->create_page(i));
        if (!page) continue;
        page_text read = read_page(*page);
        std::vector<page_line>& lines = read.lines;
        if (lines.empty()) continue;
        read_as_one_column(lines);
        any_text = true;
        if (!text.empty()) text += '\n';  // the empty line between pages
        const std::size_t page_start = text.size();
        // a gap well above the usual step between lines (a paragraph's spacing), or a step back up the page
        // (another column or block), is written as a line holding one space: a blank line to the parser,
        // as in PyMuPDF's text, where an empty line is only ever a page break
        const std::size_t notes = notes_start(read);
        const double step = usual_step(lines, notes);
        for (std::size_t l = 0; l < lines.size(); ++l) {
            if (l == notes) text += "__________________\n";
            else if (l > 0) {
                const double gap = lines[l].top - lines[l - 1].top;
                if (gap < 0 || (step > 0 && gap > 1.4 * step)) text += " \n";
            }
            anchors.push_back({text.size(), text.size() - page_start, static_cast<std::size_t>(i) + 1});
            text += lines[l].text;
            text += '\n';
        }
    }
    if (!any_text) return read_error{"no text layer (scanned?): run OCR first", std::nullopt};
    detail::repair_text(text);
    read_document out;
    out.source = grammar::source::owning(std::move(text), std::move(name), std::move(anchors), grammar::origin_kind::pdf);
    out.format = file_format::pdf;
    return out;
}

}  // namespace resdraft::readers
