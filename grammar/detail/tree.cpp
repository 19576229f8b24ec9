// Stage 2b of the parser, the tree: reads the typed lines (detail/lines.hpp) in order, decides what each
// opens from what it can be and what came before, and builds parts, paragraphs and subparagraphs,
// repairing PDF damage on the way (page breaks, paragraphs run together, lost subparagraph letters,
// footnotes, running heads). Clauses are stage 3 (detail/clauses.hpp, add_clauses).
#include "grammar/detail/tree.hpp"

#include "grammar/detail/clauses.hpp"
#include "grammar/detail/footnote_markers.hpp"
#include "grammar/detail/grammar.hpp"
#include "grammar/detail/ids.hpp"
#include "grammar/index.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace resdraft::grammar::detail {
namespace {

constexpr std::size_t glued_heading_bytes = 100;  // a heading run together with a paragraph number is short
constexpr std::size_t list_lookahead_lines = 400;  // how far a list inside a paragraph is looked for its end

class assembler {
public:
    assembler(std::shared_ptr<const source> input, const structural_index& index, std::vector<typed_line> lines,
              page_notes notes)
        : in_(input->bytes()), index_(index), lines_(std::move(lines)), page_notes_(notes) {
        doc_.input = std::move(input);
    }

    document run() {
        const std::size_t first = read_front_matter();
        const footnote_block notes = find_footnote_block(lines_, first);
        markers_ = footnote_markers(index_, page_notes_.highest == 0 ? notes.lowest
                                            : notes.highest == 0     ? page_notes_.lowest
                                                                     : std::min(notes.lowest, page_notes_.lowest),
                                    std::max(notes.highest, page_notes_.highest));
        const std::size_t last = notes.begin;
        doc_.parts.push_back({"body", std::nullopt, std::nullopt});
        reserve_paragraphs(first, last);
        for (std::size_t i = first; i < last; ++i) take_line(i);
        if (doc_.paragraphs.empty()) fall_back_to_blocks(first, last);
        name_unnumbered();
        finish_paragraphs();
        if (!doc_.symbol) infer_symbol_from_name();
        return std::move(doc_);
    }

private:
    enum class state { header, part_intro, content, after_meeting };

    std::string_view in_;  // doc_.input's bytes
    const structural_index& index_;  // stage 1's marks of in_
    document doc_;
    std::vector<typed_line> lines_;
    page_notes page_notes_;            // the notes of the pages' footnote blocks (PDF text)
    std::size_t line_index_ = 0;       // line being read
    state state_ = state::header;
    bool title_next_ = false;          // the header line after "Draft resolution ..." is the title
    bool title_open_ = false;          // the last line read was the numbered title's, which may wrap onto the next
    std::optional<std::size_t> current_;  // index of the paragraph being read
    unsigned last_number_ = 0;         // last operative number in the current part
    std::size_t preambular_count_ = 0, operative_count_ = 0;  // in the current part
    bool numbered_part_ = false;       // the current part numbers its operative paragraphs
    std::size_t unnumbered_count_ = 0; // operative paragraphs without a number in the current part
    unsigned article_ = 0;             // the article being read ("Article 3"); 0 outside articles
    bool article_open_ = false;        // an article heading was read and no paragraph of it yet
    bool formula_open_ = false;        // the last line read was the current part's formula, which may go on
    unsigned list_next_ = 0;           // the next item's number of a list inside the current paragraph; 0 if none
    footnote_markers markers_{index_, 1, 0};  // the footnote markers of the text, found line by line
    paragraph_ids ids_;                // the ids taken in the current part

    std::string_view at(span s) const { return s.of(in_); }
    void warn(std::string message, std::size_t offset) { doc_.warnings.push_back({std::move(message), offset}); }

    // YAML front matter: "---" / key: value ... / "---"; returns the first line after it.
    std::size_t read_front_matter() {
        if (lines_.empty() || !lines_[0].is(typed_line::rule)) return 0;
        for (std::size_t i = 1; i < lines_.size() && i < 200; ++i) {
            if (lines_[i].is(typed_line::rule)) return i + 1;
            const std::string_view t = at(lines_[i].text);
            const auto field = match_yaml_field(t);
            if (!field) continue;
            const std::size_t offset = lines_[i].text.begin + static_cast<std::size_t>(field->value.data() - t.data());
            const span value{offset, offset + field->value.size()};
            if (field->key == "symbol" && !value.empty()) doc_.symbol = std::string(field->value);
            if (field->key == "title" && !value.empty()) doc_.title_text = clean_yaml_title(field->value);
        }
        warn("front matter opened with --- is never closed; read as text", lines_[0].text.begin);
        return 0;
    }

    static std::string clean_yaml_title(std::string_view v) {
        std::string out;
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (v[i] == '\\' && i + 1 < v.size()) ++i;
            out += v[i];
        }
        while (!out.empty() && (out.back() == ':' || out.back() == ' ')) out.pop_back();
        return out;
    }

    // Last meaningful byte of the current paragraph's text, skipping footnote markers.
    char last_char() const {
        if (!current_) return 0;
        std::size_t e = doc_.paragraphs[*current_].text.end;
        const std::size_t b = doc_.paragraphs[*current_].text.begin;
        // excluded spans are appended in document order: only the latest can lie inside this paragraph
        auto ex = doc_.excluded.rbegin();
        while (e > b) {
            while (ex != doc_.excluded.rend() && ex->begin >= e) ++ex;
            if (ex != doc_.excluded.rend() && e <= ex->end) {
                e = ex->begin;
                continue;
            }
            if (in_[e - 1] == ' ') {
                --e;
                continue;
            }
            return in_[e - 1];
        }
        return 0;
    }

    // A heading or running head: shaped as one (typed_line::heading_shape), or a repeat of the document's title.
    bool is_heading(const typed_line& l) const {
        return (doc_.title && at(l.text) == at(*doc_.title)) || l.is(typed_line::heading_shape);
    }

    void read_header_line(std::string_view t, span s) {
        if (const auto nt = match_numbered_title(t)) {
            doc_.title = span{s.begin + nt->title_offset, s.end};
            if (!doc_.symbol) doc_.symbol = nt->symbol;
            title_next_ = false;
            title_open_ = true;
            return;
        }
        if (title_next_ && !t.starts_with("[")) {
            title_next_ = false;
            if (!doc_.title) doc_.title = s;
            return;
        }
        if (t.starts_with("Draft resolution") || t.starts_with("Draft decision") || t.starts_with("Resolution adopted"))
            title_next_ = true;
        if (const auto f = find_symbol(t); f && !doc_.symbol) doc_.symbol = std::string(t.substr(f->begin, f->end));
        auto field = [&](std::optional<span>& slot, std::optional<found> f) {
            if (!slot && f) slot = span{s.begin + f->begin, s.begin + f->end};
        };
        field(doc_.date, find_date(t));
        field(doc_.session, find_session(t));
        field(doc_.agenda_item, find_agenda_item(t));
    }

    void take_line(std::size_t i) {
        line_index_ = i;
        const typed_line& l = lines_[i];
        if (take_structure_line(l) || take_intro_line(l)) return;
        state_ = state::content;
        take_content_line(l);
    }

    // Lines that are not text whatever the state: furniture, a formula's next line, meeting lines, annex
    // and article headings. True when `l` was one.
    bool take_structure_line(const typed_line& l) {
        const span s = l.text;
        if (l.is(typed_line::furniture)) {
            doc_.excluded.push_back(s);
            return true;
        }
        if (formula_open_ && continues_formula(l)) {
            doc_.parts.back().formula->end = s.end;
            return true;
        }
        formula_open_ = false;
        if (l.is(typed_line::meeting)) {
            current_.reset();
            state_ = state::after_meeting;
            doc_.excluded.push_back(s);
            return true;
        }
        if (l.is(typed_line::annex) && state_ != state::header && (l.marker == 0 || opens_annex_with_title(l))) {
            start_part(l.name.empty() ? "annex" : "annex " + std::string(l.name));
            if (l.marker != 0) doc_.parts.back().title = span{s.begin + l.marker, s.end};
            doc_.excluded.push_back({s.begin, s.begin + (l.marker != 0 ? l.marker : s.size())});
            return true;
        }
        if (l.is(typed_line::article) && state_ != state::header) {
            open_article(l.value);
            doc_.excluded.push_back(s);
            return true;
        }
        return false;
    }

    // Lines before a part's text: header fields, the formula, an annex's title, what follows the meeting
    // line. True when `l` was one of them.
    bool take_intro_line(const typed_line& l) {
        const span s = l.text;
        const bool number = l.is(typed_line::number);
        // a preambular opener whose block ends with a comma opens the preamble, not a header line
        const bool opens_preamble = l.is(typed_line::preambular) && l.is(typed_line::block_comma);
        switch (state_) {
            case state::after_meeting:
                if (number) return false;
                doc_.excluded.push_back(s);
                return true;
            case state::header:
                if (title_open_ && continues_title(l)) {
                    doc_.title->end = s.end;
                    return true;
                }
                title_open_ = false;
                if (l.is(typed_line::formula) || l.is(typed_line::we_comma)) {
                    open_formula(0, s);
                    state_ = state::content;
                    return true;
                }
                if (number || opens_preamble) return false;
                read_header_line(at(s), s);
                return true;
            case state::part_intro:
                if (l.is(typed_line::we_comma) && !doc_.parts.back().formula) {
                    open_formula(doc_.parts.size() - 1, s);
                    state_ = state::content;
                    return true;
                }
                if (number || opens_preamble) return false;
                if (!doc_.parts.back().title) doc_.parts.back().title = s;
                return true;
            case state::content: return false;
        }
        return false;
    }

    // "Annex Political declaration ...": a line of its own after a blank, not a sentence's line ("Annex A of ...;").
    bool opens_annex_with_title(const typed_line& l) const {
        return l.is(typed_line::blank_before) && l.last != '.' && l.last != ',' && l.last != ';';
    }

    // "Article 3": the paragraphs after it are numbered anew ("3.1", "3.2"), or are one ("3").
    void open_article(unsigned number) {
        current_.reset();
        state_ = state::content;
        article_ = number;
        article_open_ = true;
        last_number_ = 0;
        // its title ("Scope of application"): the next line, unpunctuated and alone, before the article's text
        const std::size_t next = line_index_ + 1;
        if (next < lines_.size() && is_article_title(next)) {
            lines_[next].kinds |= typed_line::furniture;
            doc_.excluded.push_back(lines_[next].text);
        }
    }

    bool is_article_title(std::size_t i) const {
        const typed_line& l = lines_[i];
        const bool alone = i + 1 == lines_.size() || lines_[i + 1].is(typed_line::blank_before) || lines_[i + 1].is(typed_line::number);
        return !l.is(typed_line::blank_before) && !l.is(typed_line::number) && !l.is(typed_line::label) && alone &&
               l.text.size() <= 120 && l.last != '.' && l.last != ',' && l.last != ';' && l.last != ':';
    }

    // "We, Heads of State and Government ..., assembled ..., and in this regard we:" runs over several lines.
    void open_formula(std::size_t part, span s) {
        doc_.parts[part].formula = s;
        formula_open_ = part + 1 == doc_.parts.size();
    }

    // "72/249. International legally binding instrument under the United Nations" / "Convention on the Law
    // of the Sea ...": a PDF's title wraps onto lines of its own, before a blank line or the formula.
    static bool continues_title(const typed_line& l) {
        return !l.is(typed_line::blank_before) && !l.is(typed_line::number) && !l.is(typed_line::formula) &&
               !l.is(typed_line::we_comma) && !l.is(typed_line::preambular) && !l.is(typed_line::operative);
    }

    static bool continues_formula(const typed_line& l) {
        return !l.is(typed_line::blank_before) && !l.is(typed_line::number) && !l.is(typed_line::label);
    }

    void start_part(std::string name) {
        // "Annex I" after a lone "Annex" part renames nothing; each heading opens its own part
        current_.reset();
        doc_.parts.push_back({std::move(name), std::nullopt, std::nullopt});
        state_ = state::part_intro;
        last_number_ = 0;
        ids_.new_part();
        preambular_count_ = operative_count_ = unnumbered_count_ = 0;
        numbered_part_ = false;
        article_ = 0;
        article_open_ = false;
        list_next_ = 0;
    }

    void take_content_line(const typed_line& l) {
        const span s = l.text;
        const char last = last_char();
        const bool closed = !current_ || last == ';' || last == '.' || last == ':' || last == ',';
        if (opens_numbered(l, last, closed)) return;
        if (opens_embedded_declaration(last)) {
            start_part("annex");
            take_line(line_index_);
            return;
        }
        if (current_ && l.is(typed_line::label)) {
            open_subparagraph(s, l.name, l.marker);
            return;
        }
        if (is_heading(l)) {
            doc_.excluded.push_back(s);
            return;
        }
        if (operative_count_ == 0 ? opens_before_operative(l, closed) : opens_after_operative(l, last)) return;
        if (!current_) {
            warn("text outside any paragraph", s.begin);
            doc_.excluded.push_back(s);
            return;
        }
        append(s);
    }

    // A numbered line (a paragraph, a list's item), an article's text, or a heading run together with a
    // number; true when `l` opened one.
    bool opens_numbered(const typed_line& l, char last, bool closed) {
        const span s = l.text;
        const bool number = l.is(typed_line::number);
        if (number && ((current_ && list_next_ != 0 && l.value == list_next_) || opens_numbered_list(l, last))) {
            open_list_item(l);
            return true;
        }
        if (number && accept_number(l, closed)) {
            open_operative(s, l.number_of());
            return true;
        }
        if (article_open_ && !l.is(typed_line::label)) {
            open_operative(s, std::nullopt);
            return true;
        }
        if (!closed || !l.is(typed_line::blank_before) || !l.is(typed_line::upper) || number) return false;
        const auto q = glued_heading_number(s);
        if (!q) return false;
        doc_.excluded.push_back({s.begin, *q});
        open_operative({*q, s.end}, match_paragraph_number(in_.substr(*q, s.end - *q)));
        return true;
    }

    // Before the part's first operative paragraph: its formula, preambular paragraphs, the first
    // unnumbered operative one. True when `l` opened one.
    bool opens_before_operative(const typed_line& l, bool closed) {
        const span s = l.text;
        if (l.is(typed_line::we_comma) && !current_ && !doc_.parts.back().formula) {
            open_formula(doc_.parts.size() - 1, s);
            return true;
        }
        if ((l.is(typed_line::blank_before) || closed) && l.is(typed_line::preambular)) {
            open_preambular(s);
            return true;
        }
        if (closed && l.is(typed_line::operative)) {
            open_operative(s, std::nullopt);
            return true;
        }
        return false;
    }

    // Among operative paragraphs: a subparagraph whose label was lost, an unnumbered paragraph, a lead-in.
    bool opens_after_operative(const typed_line& l, char last) {
        const span s = l.text;
        if (current_ && lost_subparagraph(l, last)) {
            open_subparagraph(s, "", 0);
            return true;
        }
        const bool sentence_ended = last == ';' || last == '.';
        if (sentence_ended && (numbered_part_ ? is_lead_in(l) : l.is(typed_line::operative))) {
            open_operative(s, std::nullopt);
            return true;
        }
        return false;
    }

    // "Regional cooperation 7. We call upon ...": a heading run together with the next paragraph's number;
    // returns where the number starts.
    std::optional<std::size_t> glued_heading_number(span s) const {
        char digits[24];
        char* const digits_end = std::to_chars(digits, digits + sizeof digits - 2, last_number_ + 1).ptr;
        digits_end[0] = '.', digits_end[1] = ' ';
        const std::string_view marker(digits, static_cast<std::size_t>(digits_end + 2 - digits));
        const std::string_view line = at(s);
        const std::size_t q = line.find(marker);
        if (q == std::string_view::npos || q < 2 || q > glued_heading_bytes || line[q - 1] != ' ') return std::nullopt;
        const std::string_view heading = line.substr(0, line.find_last_not_of(' ', q - 1) + 1);
        const char end = heading.back();
        if (!starts_upper(heading) || end == '.' || end == ',' || end == ';' || end == ':' ||
            !starts_upper(line.substr(q + marker.size())))
            return std::nullopt;
        return s.begin + q;
    }

    // "16. ... we commit to the following objectives:" then "1. Collect ...", "2. Minimize ..." and then "17.":
    // a list inside paragraph 16. Its items follow in order, none ends with a semicolon, and the outer
    // numbering goes on after them.
    bool opens_numbered_list(const typed_line& l, char last) const {
        if (!current_ || last != ':' || l.value != 1 || last_number_ < 2 || article_ != 0) return false;
        unsigned item = 1;
        const std::size_t end = std::min(lines_.size(), line_index_ + list_lookahead_lines);
        for (std::size_t i = line_index_ + 1; i < end; ++i) {
            const typed_line& n = lines_[i];
            if (n.is(typed_line::meeting) || n.is(typed_line::annex) || n.is(typed_line::article)) return false;
            if (!n.is(typed_line::number)) continue;
            if (lines_[i - 1].last == ';') return false;
            if (n.value == item + 1) {
                ++item;
                continue;
            }
            return n.value == last_number_ + 1 && item >= 2;
        }
        return false;
    }

    // An item of a list inside the current paragraph: a subparagraph named by its number.
    void open_list_item(const typed_line& l) {
        list_next_ = l.value + 1;
        open_subparagraph(l.text, std::to_string(l.value), l.marker);
    }

    // "We therefore commit to ... the following actions:" between numbered paragraphs: a line of its own,
    // after a blank, that introduces the numbered paragraphs after it.
    bool is_lead_in(const typed_line& l) const {
        if (!l.is(typed_line::blank_before) || !l.is(typed_line::upper) || !l.is(typed_line::block_colon)) return false;
        std::size_t next = line_index_ + 1;
        while (next < lines_.size() && !lines_[next].is(typed_line::blank_before) && !lines_[next].is(typed_line::number))
            ++next;
        return next < lines_.size() && lines_[next].is(typed_line::number);
    }

    // "Adopts the following Declaration:" in the body: what follows is the declaration, a part of its own.
    bool opens_embedded_declaration(char last) const {
        if (!current_ || last != ':' || doc_.parts.size() != 1) return false;
        const paragraph& p = doc_.paragraphs[*current_];
        std::string_view lemma;
        if (p.kind != paragraph_kind::operative || !p.subparagraphs.empty() || !opens_with_operative(at(p.text), lemma))
            return false;
        return lemma == "adopt" || lemma == "endorse" || lemma == "approve" || lemma == "proclaim";
    }

    // A number opens a paragraph when what follows it may ("2. the" continues a sentence) and it comes next,
    // or after a blank line or a closed paragraph.
    bool accept_number(const typed_line& l, bool closed) const {
        if (!l.is(typed_line::number_opens)) return false;
        return l.value == last_number_ + 1 || l.is(typed_line::blank_before) || closed;
    }

    // A subparagraph whose letter was lost in extraction: a capitalized block after "...:" or after a sibling ending ";".
    bool lost_subparagraph(const typed_line& l, char last) const {
        if (!l.is(typed_line::blank_before) || !l.is(typed_line::upper) || l.is(typed_line::we_space)) return false;
        const paragraph& p = doc_.paragraphs[*current_];
        if (p.kind != paragraph_kind::operative) return false;
        if (!p.subparagraphs.empty()) return last == ';' || last == ':';
        if (last == ':') return true;
        // "... including through addressing ... poverty" then "Taking effective measures ...;"
        return last != '.' && l.is(typed_line::ing_word) && l.is(typed_line::preambular);
    }

    void open_operative(span s, std::optional<number_marker> number) {
        paragraph& p = new_paragraph(paragraph_kind::operative);
        p.whole = s;
        const std::string article = article_ != 0 ? std::to_string(article_) : "";
        article_open_ = false;
        list_next_ = 0;
        if (number) {
            warn_on_numbering(number->number, s.begin);
            last_number_ = number->number;
            numbered_part_ = true;
            p.id = article;
            if (!article.empty()) p.id += '.';
            p.id += std::to_string(number->number);
            if (!number->suffix.empty()) (p.id += ' ') += number->suffix;
            p.text = {s.begin + number->length, s.begin + number->length};
        } else {
            // "u1", "u2" until the part proves to number none of its paragraphs (see name_unnumbered)
            if (article.empty()) (p.id = 'u') += std::to_string(++unnumbered_count_);
            else p.id = article;
            p.text = {s.begin, s.begin};
        }
        p.id = ids_.unique(std::move(p.id));
        ++operative_count_;
        append({p.text.begin, s.end});
    }

    // A number one or two past the expected one: the numbers between were lost in extraction.
    void warn_on_numbering(unsigned number, std::size_t offset) {
        const unsigned expected = last_number_ + 1;
        if (number == expected) return;
        if (number == expected + 1)
            warn("paragraph " + std::to_string(expected) + " missing (number lost in extraction?)", offset);
        else if (number == expected + 2)
            warn("paragraphs " + std::to_string(expected) + " and " + std::to_string(expected + 1) +
                     " missing (numbers lost in extraction?)",
                 offset);
        else
            warn("paragraph " + std::to_string(number) + " out of order (expected " + std::to_string(expected) + ")", offset);
    }

    // Unnumbered operative paragraphs are "1", "2" ... in a part that numbers none, "u1", "u2" ... beside numbered ones.
    void name_unnumbered() {
        std::vector<bool> numbered(doc_.parts.size());
        for (const paragraph& p : doc_.paragraphs)
            if (p.kind == paragraph_kind::operative && p.text.begin > p.whole.begin) numbered[p.part] = true;
        for (paragraph& p : doc_.paragraphs)
            if (p.kind == paragraph_kind::operative && !numbered[p.part] && p.id.starts_with('u')) p.id.erase(0, 1);
    }

    void open_preambular(span s) {
        paragraph& p = new_paragraph(paragraph_kind::preambular);
        p.id = ids_.unique("pp" + std::to_string(++preambular_count_));
        p.whole = p.text = {s.begin, s.begin};
        append(s);
    }

    // A paragraph of the current part, made in place at the end of the document and made current.
    paragraph& new_paragraph(paragraph_kind kind) {
        paragraph& p = doc_.paragraphs.emplace_back();
        p.kind = kind;
        p.part = doc_.parts.size() - 1;
        current_ = doc_.paragraphs.size() - 1;
        return p;
    }

    static bool is_roman(std::string_view label) {
        return !label.empty() && label.find_first_not_of("ivxlc") == std::string_view::npos;
    }

    void open_subparagraph(span s, std::string_view label, std::size_t label_length) {
        paragraph& p = doc_.paragraphs[*current_];
        subparagraph sub;
        sub.whole = {s.begin, s.begin};
        sub.text = {s.begin + label_length, s.begin + label_length};
        std::vector<subparagraph>* siblings = &p.subparagraphs;
        // "(i)" after "(h)" is a letter; otherwise roman numerals nest under the last lettered subparagraph
        const bool letter_next = !p.subparagraphs.empty() && p.subparagraphs.back().id.size() == 1 &&
                                 label.size() == 1 && label[0] == p.subparagraphs.back().id[0] + 1;
        const bool lettered = !p.subparagraphs.empty() && !is_roman(p.subparagraphs.front().id);
        if (is_roman(label) && !letter_next && lettered)
            siblings = &p.subparagraphs.back().subparagraphs;
        if (label.empty()) {
            sub.label_missing = true;
            const std::string prev = siblings->empty() ? "" : siblings->back().id;
            sub.id = prev.size() == 1 && prev[0] >= 'a' && prev[0] < 'z' ? std::string(1, prev[0] + 1)
                     : siblings->empty()                                 ? "a"
                                                                          : prev + "+";
            warn("subparagraph label missing; assigned (" + sub.id + ")", s.begin);
        } else {
            sub.id = std::string(label);
        }
        if (p.subparagraphs.empty()) p.chapeau = {p.text.begin, s.begin};
        siblings->push_back(std::move(sub));
        append(s);
    }

    // Extends the current paragraph, and its open subparagraph, over `s`; splits off a next paragraph run into it.
    void append(span s) {
        paragraph& p = doc_.paragraphs[*current_];
        if (p.kind == paragraph_kind::operative && numbered_part_) {
            if (const auto split = run_together_number(s)) {
                extend(p, {s.begin, *split});
                const auto number = match_paragraph_number(in_.substr(*split, s.end - *split));
                open_operative({*split, s.end}, number);
                return;
            }
        }
        extend(p, s);
    }

    void extend(paragraph& p, span s) {
        markers_.scan(s, doc_.excluded);
        p.text.end = p.whole.end = s.end;
        for (auto* subs = &p.subparagraphs; !subs->empty(); subs = &subs->back().subparagraphs)
            subs->back().whole.end = subs->back().text.end = s.end;
    }

    // "...protocols.8 6. We recall ...": the next paragraph's number inside the line, after a sentence end.
    std::optional<std::size_t> run_together_number(span s) const {
        char digits[24];
        char* const digits_end = std::to_chars(digits, digits + sizeof digits - 1, last_number_ + 1).ptr;
        *digits_end = '.';
        const std::string_view marker(digits, static_cast<std::size_t>(digits_end + 1 - digits));
        const std::string_view upto_line_end = in_.substr(0, s.end);  // never search past the line
        std::size_t from = s.begin + 1;
        while (true) {
            const std::size_t q = upto_line_end.find(marker, from);
            if (q == std::string_view::npos) return std::nullopt;
            from = q + 1;
            if (q + marker.size() + 1 >= s.end || in_[q + marker.size()] != ' ' ||
                !starts_upper(in_.substr(q + marker.size() + 1, 3)))
                continue;
            std::size_t b = q;
            if (b == s.begin || in_[b - 1] != ' ') continue;
            while (b > s.begin && in_[b - 1] == ' ') --b;
            // skip a footnote number or marker glued to the sentence end
            if (b > s.begin && in_[b - 1] == ']') {
                const std::size_t open = in_.rfind('[', b);
                if (open != std::string_view::npos && open >= s.begin) b = open;
            }
            while (b > s.begin && std::isdigit(static_cast<unsigned char>(in_[b - 1]))) --b;
            while (b > s.begin && in_[b - 1] == ' ') --b;
            if (b == s.begin) continue;
            const char end = in_[b - 1];
            const bool sentence_end = end == '.' || end == ';' || end == ':' ||
                                      (b >= 3 && in_.compare(b - 3, 3, "\xE2\x80\x9D") == 0);
            if (sentence_end) return q;
        }
    }

    void fall_back_to_blocks(std::size_t first, std::size_t last) {
        doc_.parts.resize(1);
        doc_.excluded.clear();
        state_ = state::content;
        for (std::size_t i = first; i < last; ++i) {
            if (lines_[i].is(typed_line::furniture)) continue;
            const span s = lines_[i].text;
            if (lines_[i].is(typed_line::blank_before) || doc_.paragraphs.empty()) {  // furniture may precede the first block
                paragraph p;
                p.kind = paragraph_kind::operative;
                p.id = std::to_string(doc_.paragraphs.size() + 1);
                p.whole = p.text = s;
                doc_.paragraphs.push_back(std::move(p));
            } else {
                doc_.paragraphs.back().whole.end = doc_.paragraphs.back().text.end = s.end;
            }
        }
        if (!doc_.paragraphs.empty())
            warn("no numbered or preambular paragraphs found; blank-line blocks taken as paragraphs",
                 doc_.paragraphs.front().whole.begin);
    }

    // Room for a paragraph per line that opens one by its shape (a number followed by what may open a
    // paragraph, a preambular opener after a blank line), so that the vector is neither grown nor, mostly,
    // shrunk again (finish_paragraphs fits it); at most one per 16 bytes of text.
    void reserve_paragraphs(std::size_t first, std::size_t last) {
        std::size_t openers = 0;
        for (std::size_t i = first; i < last; ++i) {
            const typed_line& l = lines_[i];
            openers += l.is(typed_line::number_opens) || (l.is(typed_line::preambular) && l.is(typed_line::blank_before));
        }
        doc_.paragraphs.reserve(std::min(openers, in_.size() / 16));
    }

    // Excluded ranges in order, each paragraph's chapeau (all its text when it has no subparagraphs),
    // and the tree's vectors no larger than what they hold (the model's memory: bench/model_bytes).
    void finish_paragraphs() {
        std::sort(doc_.excluded.begin(), doc_.excluded.end(),
                  [](const span& a, const span& b) { return a.begin < b.begin; });
        doc_.paragraphs.shrink_to_fit();
        for (paragraph& p : doc_.paragraphs) {
            if (p.subparagraphs.empty()) p.chapeau = p.text;
            fit(p.subparagraphs);
        }
    }

    static void fit(std::vector<subparagraph>& subs) {
        subs.shrink_to_fit();
        for (subparagraph& s : subs) fit(s.subparagraphs);
    }

    void infer_symbol_from_name() {
        std::string_view name = doc_.name();
        if (const auto slash = name.find_last_of("/\\"); slash != std::string_view::npos) name.remove_prefix(slash + 1);
        if (const auto dot = name.find('.'); dot != std::string_view::npos) name = name.substr(0, dot);
        if (!name.empty()) doc_.symbol = symbol_from_file_stem(name);
    }
};

}  // namespace

document build_tree(std::shared_ptr<const source> input, const structural_index& index, std::vector<typed_line> lines,
                    page_notes notes) {
    return assembler(std::move(input), index, std::move(lines), notes).run();
}

}  // namespace resdraft::grammar::detail
