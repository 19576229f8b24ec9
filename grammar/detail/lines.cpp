// Typed lines (stage 2a): the line grammar and the lexicon asked once per line, then the neighbours.
#include "grammar/detail/lines.hpp"

#include "grammar/detail/clauses.hpp"

#include <algorithm>
#include <cctype>

namespace resdraft::grammar::detail {
namespace {

bool is_blank_byte(std::string_view s, std::size_t p) {
    const auto c = static_cast<unsigned char>(s[p]);
    return c == ' ' || c == '\t' || c == '\f' || c == '\v' ||
           (c == 0xC2 && p + 1 < s.size() && static_cast<unsigned char>(s[p + 1]) == 0xA0) ||
           (c == 0xEF && p + 2 < s.size() && s.compare(p, 3, "\xEF\xBB\xBF") == 0);
}

std::size_t blank_length(std::string_view s, std::size_t p) {
    const auto c = static_cast<unsigned char>(s[p]);
    return c == 0xC2 ? 2 : c == 0xEF ? 3 : 1;
}

// `raw` without blanks around it; a byte order mark counts as a blank before the text only.
span trimmed(std::string_view in, span raw) {
    std::size_t b = raw.begin, t = raw.end;
    while (b < t && is_blank_byte(in, b)) b += blank_length(in, b);
    while (t > b && (in[t - 1] == ' ' || in[t - 1] == '\t' || in[t - 1] == '\f' || in[t - 1] == '\v')) --t;
    while (t > b + 1 && static_cast<unsigned char>(in[t - 2]) == 0xC2 && static_cast<unsigned char>(in[t - 1]) == 0xA0) t -= 2;
    return {b, t};
}

// "...for 2024,1" -> "...for 2024,": a footnote number or marker may follow the closing punctuation.
std::string_view without_trailing_footnote(std::string_view t) {
    if (t.ends_with("]") && t.rfind("[^") != std::string_view::npos) t = t.substr(0, t.rfind("[^"));
    std::size_t digits = 0;
    while (digits < t.size() && std::isdigit(static_cast<unsigned char>(t[t.size() - 1 - digits]))) ++digits;
    if (digits > 0 && digits <= 3 && digits < t.size()) {
        const char before = t[t.size() - 1 - digits];
        if (before == ',' || before == '.' || before == ';' || before == ':' || before == ' ') t.remove_suffix(digits);
    }
    while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
    return t;
}

// The markers a line opens with; they exclude each other by their first byte (a digit, "(", "[", "a").
void type_markers(std::string_view t, typed_line& l) {
    if (const auto n = match_paragraph_number(t)) {
        l.kinds |= typed_line::number;
        l.value = n->number;
        l.marker = static_cast<std::uint32_t>(n->length);
        l.name = n->suffix;
        // "2. Urges", "3. (a)", or a script without case ("2. يرحب"); "2. the" continues a sentence
        const std::string_view rest = t.substr(n->length);
        if (rest.empty() || starts_upper(rest) || static_cast<unsigned char>(rest[0]) >= 0x80) l.kinds |= typed_line::number_opens;
    } else if (const auto label = match_subparagraph_label(t)) {
        l.kinds |= typed_line::label;
        l.marker = static_cast<std::uint32_t>(label->length);
        l.name = label->label;
    } else if (const auto footnote = match_footnote_definition(t)) {
        l.kinds |= typed_line::footnote;
        l.value = *footnote;
    } else if (const auto roman = match_annex_heading(t)) {
        l.kinds |= typed_line::annex;
        l.name = *roman;
    } else if (const auto title = match_annex_with_title(t)) {
        l.kinds |= typed_line::annex;
        l.marker = static_cast<std::uint32_t>(*title);
    } else if (const auto article = match_article_heading(t)) {
        l.kinds |= typed_line::article;
        l.value = *article;
    }
}

// What the line's own bytes make it a candidate for.
typed_line type_line(std::string_view in, span s, std::uint32_t kinds) {
    const std::string_view t = s.of(in);
    typed_line l;
    l.text = s;
    l.kinds = kinds;
    type_markers(t, l);
    const line_openers openers = openers_of_line(t);
    const std::size_t space = t.find(' ');
    const std::pair<bool, typed_line::kind> facts[] = {
        {match_meeting_line(t), typed_line::meeting},
        {match_enacting_formula(t), typed_line::formula},
        {t.starts_with("We,"), typed_line::we_comma},
        {t.starts_with("We "), typed_line::we_space},
        {starts_upper(t), typed_line::upper},
        {openers.preambular, typed_line::preambular},
        {openers.operative, typed_line::operative},
        {space != std::string_view::npos && t.substr(0, space).ends_with("ing"), typed_line::ing_word},
        {t == "---", typed_line::rule},
    };
    for (const auto& [holds, kind] : facts)
        if (holds) l.kinds |= kind;
    const std::string_view core = without_trailing_footnote(t);
    l.last = core.empty() ? 0 : core.back();
    return l;
}

// The kinds that depend on the next line, from the last line back.
void type_from_neighbours(std::vector<typed_line>& lines) {
    for (std::size_t i = lines.size(); i-- > 0;) {
        typed_line& l = lines[i];
        const typed_line* next = i + 1 < lines.size() ? &lines[i + 1] : nullptr;
        // a block runs on over lines without a blank line or a number before them
        const bool continued = next && !next->is(typed_line::blank_before) && !next->is(typed_line::number);
        if (continued ? next->is(typed_line::block_comma) : l.last == ',') l.kinds |= typed_line::block_comma;
        if (continued ? next->is(typed_line::block_colon) : l.last == ':') l.kinds |= typed_line::block_colon;
        const bool alone = !next || next->is(typed_line::blank_before);
        const bool before_paragraph = !next || (next->kinds & opens_paragraph_kinds) != 0;
        const bool unpunctuated = l.last != '.' && l.last != ',' && l.last != ';' && l.last != ':';
        const bool opener = l.is(typed_line::preambular) || l.is(typed_line::operative);
        if (l.is(typed_line::blank_before) && l.text.size() <= 160 && l.is(typed_line::upper) && alone && unpunctuated &&
            !opener && before_paragraph)
            l.kinds |= typed_line::heading_shape;
    }
}

}  // namespace

bool starts_upper(std::string_view t) {
    if (t.empty()) return false;
    const auto c = static_cast<unsigned char>(t[0]);
    return std::isupper(c) || c == '(' || c == '"' || (c == 0xE2 && t.size() > 2 && t.compare(0, 3, "\xE2\x80\x9C") == 0);
}

std::vector<typed_line> type_lines(const structural_index& index) {
    const std::string_view in = index.text();
    std::vector<typed_line> lines;
    lines.reserve(index.line_count());  // at most one typed line per line
    std::uint32_t before = typed_line::blank_before;  // what the blank lines since the last text line were
    bool spaced_blanks = false;                        // whether some blank line of the text holds blanks
    std::vector<std::size_t> form_feeds;               // the lines after a form feed
    for (std::size_t i = 0, count = index.line_count(); i < count; ++i) {
        const span raw = index.line(i);
        const span s = trimmed(in, raw);
        const bool form_feed = s.begin > raw.begin && in.substr(raw.begin, s.begin - raw.begin).find('\f') != std::string_view::npos;
        if (form_feed) form_feeds.push_back(lines.size());
        if (s.empty()) {
            const bool spaced = !raw.empty() && !form_feed;
            spaced_blanks |= spaced;
            before |= typed_line::blank_before | (spaced ? typed_line::spaced_blank : typed_line::page_break);
            continue;
        }
        // the first line of the text has no line end before it: never indented
        const std::uint32_t kinds = before | (i > 0 && s.begin > raw.begin ? typed_line::indented : 0u);
        lines.push_back(type_line(in, s, kinds));
        before = 0;
    }
    // where every blank line is empty (a clean text), an empty line is a paragraph's end, not a page's
    if (!spaced_blanks)
        for (typed_line& l : lines) l.kinds &= ~static_cast<std::uint32_t>(typed_line::page_break);
    for (std::size_t i : form_feeds)
        if (i < lines.size()) lines[i].kinds |= typed_line::page_break;
    type_from_neighbours(lines);
    return lines;
}

footnote_block find_footnote_block(const std::vector<typed_line>& lines, std::size_t first) {
    footnote_block block;
    std::size_t start = lines.size();
    for (std::size_t i = lines.size(); i-- > first;) {
        if (lines[i].is(typed_line::footnote)) {
            block.highest = std::max(block.highest, lines[i].value);
            block.lowest = start == lines.size() ? lines[i].value : std::min(block.lowest, lines[i].value);
            start = i;
            continue;
        }
        if (!lines[i].is(typed_line::indented)) break;  // a definition's continuation is indented in the source
    }
    block.begin = start;
    if (start < lines.size() && start > first && lines[start - 1].is(typed_line::rule)) --block.begin;
    return block;
}

}  // namespace resdraft::grammar::detail
