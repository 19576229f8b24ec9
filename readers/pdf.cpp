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
};

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
        if (!same_line) lines.push_back({{}, box.y(), box.height()});
        else if (space_after || box.x() - right > 0.15 * box.height()) lines.back().text += ' ';
        lines.back().text.append(utf8.data(), utf8.size());
        right = box.x() + box.width();
        space_after = word.has_space_after();
    }
    return lines;
}

// The usual step from one line to the next on a page (the median of the downward steps), or 0 with fewer
// than two lines.
double usual_step(const std::vector<page_line>& lines) {
    std::vector<double> steps;
    for (std::size_t i = 1; i < lines.size(); ++i)
        if (lines[i].top > lines[i - 1].top) steps.push_back(lines[i].top - lines[i - 1].top);
    if (steps.empty()) return 0;
    std::nth_element(steps.begin(), steps.begin() + static_cast<std::ptrdiff_t>(steps.size() / 2), steps.end());
    return steps[steps.size() / 2];
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
        const std::vector<page_line> lines = lines_of(*page);
        if (lines.empty()) continue;
        any_text = true;
        if (!text.empty()) text += '\n';  // the empty line between pages
        const std::size_t page_start = text.size();
        // a gap well above the usual step between lines (a paragraph's spacing), or a step back up the page
        // (another column or block), is written as a line holding one space: a blank line to the parser,
        // as in PyMuPDF's text, where an empty line is only ever a page break
        const double step = usual_step(lines);
        for (std::size_t l = 0; l < lines.size(); ++l) {
            if (l > 0) {
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
