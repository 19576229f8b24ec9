// A text resolution written as a Word .docx the way a drafter's file holds it: one `w:p` per paragraph, the
// "1." / "(a)" / "(i)" openers as Word's automatic list numbering (not in the text), markdown footnotes
// ("[^1]" and "[^1]: ...") as Word footnotes when asked, and tracked changes (a deletion and an insertion
// in one paragraph) when asked. The fixture script (tools/make_fixtures.cpp), the fuzzers' seeds and the
// round-trip tests all write their .docx files with it.
#pragma once

#include "readers/builders.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace resdraft::testing {

// One tracked change: in the paragraph numbered `paragraph` ("3"), the first `from` is deleted and `to`
// inserted in its place, as Word records an edit with Track Changes on.
struct tracked_edit {
    std::string paragraph;
    std::string from, to;
};

struct text_as_docx_options {
    bool notes = false;                // "[^N]" markers and "[^N]: text" lines as Word footnotes (and a "---" rule dropped)
    std::vector<tracked_edit> edits;   // tracked changes to make
};

namespace detail {

inline std::string xml_escaped(std::string_view text) {
    std::string out;
    for (char c : text) out += c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '&' ? "&amp;" : std::string(1, c);
    return out;
}

// Runs of plain text; a line end inside it (a paragraph's lines, as a text wraps them) is a line break, `w:br`.
inline std::string text_runs(std::string_view text) {
    std::string out;
    for (std::size_t at = 0;;) {
        const auto end = std::min(text.find('\n', at), text.size());
        if (end > at) out += "<w:r><w:t xml:space=\"preserve\">" + xml_escaped(text.substr(at, end - at)) + "</w:t></w:r>";
        if (end == text.size()) return out;
        out += "<w:r><w:br/></w:r>";
        at = end + 1;
    }
}

inline bool is_roman(std::string_view s) {
    return !s.empty() && s.find_first_not_of("ivxl") == std::string_view::npos;
}

inline int roman_value(std::string_view s) {
    int total = 0, last = 0;
    for (auto it = s.rbegin(); it != s.rend(); ++it) {
        const int v = *it == 'i' ? 1 : *it == 'v' ? 5 : *it == 'x' ? 10 : 50;
        total += v < last ? -v : v;
        last = std::max(last, v);
    }
    return total;
}

// A list opener at the start of a line: "12." (level 0), "(c)" (level 1) or "(iv)" (level 2), with its value.
struct opener {
    int level = 0, value = 0;
    std::size_t length = 0;  // of the opener and the space after it
};

// The line's opener, if it has one; `after_letter` is the last level-1 value seen in this paragraph's list
// (so "(i)" after "(h)" is the letter i, not the roman one).
inline std::optional<opener> find_opener(std::string_view line, int after_letter, int last_level) {
    const auto space = line.find(' ');
    if (space == std::string_view::npos || space < 2) return std::nullopt;
    const std::string_view head = line.substr(0, space);
    if (head.back() == '.' && head.find_first_not_of("0123456789") == head.size() - 1 && head.size() <= 4)
        return opener{0, std::stoi(std::string(head)), space + 1};  // "12.", not "80/7."
    if (head.front() != '(' || head.back() != ')' || head.size() < 3) return std::nullopt;
    const std::string_view inside = head.substr(1, head.size() - 2);
    if (inside.find_first_not_of("abcdefghijklmnopqrstuvwxyz") != std::string_view::npos) return std::nullopt;
    // "(i)" is roman unless it follows "(h)"; "(v)", "(x)" are roman only inside a roman list
    const bool letter = inside.size() == 1 && (inside == "i" ? after_letter == 8 : !(is_roman(inside) && last_level == 2));
    if (letter) return opener{1, inside[0] - 'a' + 1, space + 1};
    if (is_roman(inside)) return opener{2, roman_value(inside), space + 1};
    return std::nullopt;  // "(aa)" and the like stay text
}

}  // namespace detail

// The list definitions every such .docx uses: one list "1." / "(a)" / "(i)" (numId 1), and one more numId
// per place where the text's numbers jump (`restarts`: the value each starts at), each restarting level 0.
inline std::string numbering_part(const std::vector<int>& restarts) {
    std::string nums = "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";
    for (std::size_t i = 0; i < restarts.size(); ++i)
        nums += "<w:num w:numId=\"" + std::to_string(i + 2) + "\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\">"
                "<w:startOverride w:val=\"" + std::to_string(restarts[i]) + "\"/></w:lvlOverride></w:num>";
    return wordml_part("numbering",
        "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"multilevel\"/>"
        "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/><w:pPr><w:ind w:left=\"0\" w:firstLine=\"720\"/></w:pPr></w:lvl>"
        "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"(%2)\"/><w:pPr><w:ind w:left=\"0\" w:firstLine=\"1440\"/></w:pPr></w:lvl>"
        "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerRoman\"/><w:lvlText w:val=\"(%3)\"/><w:pPr><w:ind w:left=\"0\" w:firstLine=\"2160\"/></w:pPr></w:lvl>"
        "</w:abstractNum>" + nums);
}

namespace detail {

// The paragraphs of a text: runs of lines that are not blank, each run's lines joined by '\n'; a line that
// opens with a list number ("12. ", "(b) ") opens a paragraph of its own.
inline std::vector<std::string> blocks(const std::string& text) {
    std::vector<std::string> out;
    bool open = false;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        if (line.find_first_not_of(' ') == std::string::npos) {
            open = false;
        } else if (open && !find_opener(line, 0, -1)) {
            out.back() += '\n' + line;
        } else {
            out.push_back(line);
            open = true;
        }
    }
    return out;
}

// The runs of a paragraph's text: footnote markers as references when `notes`, the edit (if any) as w:del + w:ins.
inline std::string runs(std::string_view text, bool notes, const tracked_edit* edit, int& change_id) {
    const auto plain = [&](std::string_view t) {
        std::string out;
        while (!t.empty()) {
            const auto mark = notes ? t.find("[^") : std::string_view::npos;
            const auto close = mark == std::string_view::npos ? mark : t.find(']', mark);
            if (close == std::string_view::npos) {
                out += text_runs(t);
                break;
            }
            out += text_runs(t.substr(0, mark));
            out += "<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:footnoteReference w:id=\"" +
                   std::string(t.substr(mark + 2, close - mark - 2)) + "\"/></w:r>";
            t.remove_prefix(close + 1);
        }
        return out;
    };
    const auto at = edit ? text.find(edit->from) : std::string_view::npos;
    if (at == std::string_view::npos) return plain(text);
    const std::string mark = " w:author=\"resdraft fixtures\" w:date=\"2026-11-20T10:00:00Z\"";
    const std::string del_id = std::to_string(change_id++), ins_id = std::to_string(change_id++);
    return plain(text.substr(0, at)) + "<w:del w:id=\"" + del_id + "\"" + mark + "><w:r><w:delText xml:space=\"preserve\">" +
           xml_escaped(edit->from) + "</w:delText></w:r></w:del><w:ins w:id=\"" + ins_id + "\"" + mark +
           "><w:r><w:t xml:space=\"preserve\">" + xml_escaped(edit->to) + "</w:t></w:r></w:ins>" +
           plain(text.substr(at + edit->from.size()));
}

}  // namespace detail

// The parts of the .docx for `text` (a .md file's YAML front matter left out): word/document.xml's body,
// numbering.xml, and footnotes.xml when there are notes.
struct docx_parts {
    std::string body;
    std::map<std::string, std::string> parts;  // name -> XML
};

inline docx_parts text_as_docx_parts(std::string text, const text_as_docx_options& options = {}) {
    if (text.starts_with("---\n"))
        if (const auto end = text.find("\n---\n", 3); end != std::string::npos) text.erase(0, end + 5);
    docx_parts out;
    std::string footnotes;
    std::vector<int> restarts;
    std::array<int, 3> last{0, 0, 0};  // the last value shown at each level
    int num_id = 1, last_level = -1, change_id = 1;
    std::string paragraph;  // the current level-0 number, for the edits
    std::vector<bool> applied(options.edits.size(), false);
    for (std::string line : detail::blocks(text)) {
        if (options.notes && line == "---") continue;
        if (options.notes && line.starts_with("[^"))
            if (const auto close = line.find("]: "); close != std::string::npos) {
                footnotes += "<w:footnote w:id=\"" + line.substr(2, close - 2) + "\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr>"
                             "<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:footnoteRef/></w:r>" +
                             detail::runs(" " + line.substr(close + 3), false, nullptr, change_id) + "</w:p></w:footnote>";
                continue;
            }
        const auto o = detail::find_opener(line, last[1], last_level);
        std::string properties;
        std::string_view rest = line;
        // a number in sequence is list numbering; a level-0 jump starts a list instance at that number; a
        // letter or roman number out of sequence stays typed in the text, as drafters sometimes type them
        if (o && (o->value == last[o->level] + 1 || o->level == 0)) {
            if (o->level == 0 && o->value != last[0] + 1) {
                restarts.push_back(o->value);
                num_id = static_cast<int>(restarts.size()) + 1;
            }
            last[o->level] = o->value;
            for (int l = o->level + 1; l < 3; ++l) last[l] = 0;
            if (o->level == 0) paragraph = std::to_string(o->value);
            last_level = o->level;
            properties = numbered(num_id, o->level);
            rest.remove_prefix(o->length);
        } else if (!o) {
            last_level = -1;
        }
        const tracked_edit* edit = nullptr;
        for (std::size_t e = 0; e < options.edits.size(); ++e)
            if (last_level == 0 && !properties.empty() && options.edits[e].paragraph == paragraph && !applied[e])
                edit = &options.edits[e], applied[e] = true;  // the first paragraph of that number only
        out.body += "<w:p>" + (properties.empty() ? "" : "<w:pPr>" + properties + "</w:pPr>") +
                    detail::runs(rest, options.notes, edit, change_id) + "</w:p>";
    }
    out.parts["word/numbering.xml"] = numbering_part(restarts);
    // the UN's page: Times New Roman 10 pt, paragraphs 10 pt apart, notes in 8 pt
    out.parts["word/styles.xml"] = wordml_part("styles",
        "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\"/>"
        "<w:sz w:val=\"20\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"200\" w:line=\"240\" "
        "w:lineRule=\"auto\"/><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>"
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"FootnoteText\"><w:name w:val=\"footnote text\"/><w:basedOn w:val=\"Normal\"/>"
        "<w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:rPr><w:sz w:val=\"16\"/></w:rPr></w:style>");
    if (!footnotes.empty())
        out.parts["word/footnotes.xml"] = wordml_part("footnotes",
            "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
            "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>" +
            footnotes);
    return out;
}

// `text` as the bytes of a .docx (the same bytes every run).
inline std::string text_as_docx(const std::string& text, const text_as_docx_options& options = {}) {
    const docx_parts p = text_as_docx_parts(text, options);
    return make_docx(p.body, p.parts);
}

}  // namespace resdraft::testing
