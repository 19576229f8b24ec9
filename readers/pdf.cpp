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
    double left = 0, right = 0;  // x of its first word's left end and of its last word's right end
};

// Whether a word stands raised above the line's baseline by a fifth of its type size or more: a note's
// reference mark, written against the word before it ("2013,1"), as in the UN's PDFs.
bool raised(const poppler::rectf& box, const page_line& line) {
    return box.y() + box.height() < line.top + line.tallest - 0.2 * line.tallest;
}

// The words of a page in poppler's reading order, made into lines: a word starts a new line when it does
// not stand on the line's baseline (half a word's height off) or stands left of the word before it.
std::vector<page_line> lines_of(const poppler::page& page) {
    std::vector<page_line> lines;
    double right = 0;  // right end of the last word
    bool space_after = false;
    for (const poppler::text_box& word : page.text_list()) {
        const poppler::rectf box = word.bbox();
        const poppler::byte_array utf8 = word.text().to_utf8();
        if (utf8.empty()) continue;
        const bool same_line = !lines.empty() && std::abs(box.y() - lines.back().top) <= 0.5 * std::max(box.height(), lines.back().height) &&
                               box.x() >= right - 0.5;
        if (!same_line) lines.push_back({{}, box.y(), box.height(), 0, box.x(), 0});
        else if (!raised(box, lines.back()) && (space_after || box.x() - right > 0.15 * box.height())) lines.back().text += ' ';
        lines.back().text.append(utf8.data(), utf8.size());
        lines.back().tallest = std::max(lines.back().tallest, box.height());
        right = box.x() + box.width();
        lines.back().right = right;
        space_after = word.has_space_after();
    }
    return lines;
}

// A page read as one column, as a resolution is set: lines on one baseline (a list label and its paragraph's
// text, set apart by a tab; words a justified line spreads wide; the masthead's left and right halves) are
// joined left to right, and the lines read top to bottom: poppler's reading order can put a paragraph's
// wrapped lines before its indented first line. A page with three or more baselines, and more than one in
// ten, that hold two lines an inch wide or wider side by side (columns, a table) keeps poppler's order.
void read_as_one_column(std::vector<page_line>& lines) {
    std::vector<std::size_t> order(lines.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return lines[a].top < lines[b].top; });
    std::vector<std::vector<std::size_t>> rows;  // indices of the lines on each baseline, top to bottom
    for (std::size_t i : order) {
        const page_line& first = rows.empty() ? lines[i] : lines[rows.back().front()];
        if (!rows.empty() && lines[i].top - first.top < 0.5 * std::min(first.height, lines[i].height)) rows.back().push_back(i);
        else rows.push_back({i});
    }
    std::size_t side_by_side = 0;
    for (const auto& row : rows)
        side_by_side += std::count_if(row.begin(), row.end(), [&](std::size_t i) { return lines[i].right - lines[i].left >= 72; }) >= 2;
    if (side_by_side >= 3 && side_by_side * 10 > rows.size()) return;
    std::vector<page_line> out;
    for (auto& row : rows) {
        std::sort(row.begin(), row.end(), [&](std::size_t a, std::size_t b) { return lines[a].left < lines[b].left; });
        page_line joined = lines[row.front()];
        for (std::size_t k = 1; k < row.size(); ++k) {
            joined.text += ' ' + lines[row[k]].text;
            joined.right = lines[row[k]].right;
            joined.tallest = std::max(joined.tallest, lines[row[k]].tallest);
        }
        out.push_back(std::move(joined));
    }
    lines = std::move(out);
}

// Where the notes at a page's foot begin: the run of lines in smaller type that ends the page, opening with a
// note number ("1 A/81/100."), below text in the page's usual size; lines.size() when there is none, or when
// the page writes its own separator (a line of underscores, as the UN's PDFs do). A word processor draws
// that separator as a rule, which has no text: the reader writes one in its place.
std::size_t notes_start(const std::vector<page_line>& lines) {
    std::vector<double> sizes;
    for (const page_line& l : lines) {
        if (l.text.starts_with("__________")) return lines.size();
        sizes.push_back(l.tallest);
    }
    std::nth_element(sizes.begin(), sizes.begin() + static_cast<std::ptrdiff_t>(sizes.size() / 2), sizes.end());
    const double usual = sizes[sizes.size() / 2];
    std::size_t k = lines.size();
    while (k > 0 && lines[k - 1].tallest < 0.9 * usual) --k;
    const bool numbered = k < lines.size() && std::isdigit(static_cast<unsigned char>(lines[k].text[0]));
    return k > 0 && numbered ? k : lines.size();
}

// The usual step from one line to the next within a paragraph on a page, or 0 with fewer than two lines:
// the smallest step that recurs (a second step within 5% of it). Not the median: on a page of one-line
// paragraphs (a preamble, a list) most steps are paragraph steps. Steps under half a line's height (a
// word a little off its line) do not count.
double usual_step(const std::vector<page_line>& lines) {
    std::vector<double> steps;
    for (std::size_t i = 1; i < lines.size(); ++i)
        if (lines[i].top - lines[i - 1].top >= 0.5 * lines[i].height) steps.push_back(lines[i].top - lines[i - 1].top);
    std::sort(steps.begin(), steps.end());
    for (std::size_t i = 1; i < steps.size(); ++i)
        if (steps[i] <= 1.05 * steps[i - 1]) return steps[i - 1];
    return steps.empty() ? 0 : steps.back();
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
        std::vector<page_line> lines = lines_of(*page);
        if (lines.empty()) continue;
        read_as_one_column(lines);
        any_text = true;
        if (!text.empty()) text += '\n';  // the empty line between pages
        const std::size_t page_start = text.size();
        // a gap well above the usual step between lines (a paragraph's spacing), or a step back up the page
        // (another column or block), is written as a line holding one space: a blank line to the parser,
        // as in PyMuPDF's text, where an empty line is only ever a page break
        const double step = usual_step(lines);
        const std::size_t notes = notes_start(lines);
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
