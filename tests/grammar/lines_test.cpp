// Typed lines (stage 2a) as a specification: each input with its exact typed lines, in the notation of
// render() below, and the footnote block found among them.
#include "grammar/detail/lines.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace resdraft::grammar::detail {
namespace {

// `"17. Decides" blank number{17} opens upper | ...`: each line's text, then its kinds in the order
// of typed_line::kind, with the number, label, footnote or numeral they carry.
std::string render(std::string_view text, const std::vector<typed_line>& lines) {
    struct name_of {
        typed_line::kind kind;
        const char* name;
    };
    static const name_of names[] = {
        {typed_line::blank_before, "blank"}, {typed_line::indented, "indented"}, {typed_line::number, "number"},
        {typed_line::number_opens, "opens"}, {typed_line::label, "label"},       {typed_line::footnote, "footnote"},
        {typed_line::meeting, "meeting"},    {typed_line::annex, "annex"},       {typed_line::formula, "formula"},
        {typed_line::we_comma, "we,"},       {typed_line::we_space, "we"},       {typed_line::upper, "upper"},
        {typed_line::preambular, "preambular"}, {typed_line::operative, "operative"}, {typed_line::ing_word, "ing"},
        {typed_line::rule, "rule"},          {typed_line::block_comma, "block_comma"}, {typed_line::heading_shape, "heading"},
        {typed_line::page_break, "page"},    {typed_line::spaced_blank, "spaced"}, {typed_line::article, "article"},
        {typed_line::block_colon, "block_colon"},
    };
    std::string out;
    for (const typed_line& l : lines) {
        if (!out.empty()) out += " | ";
        out.append("\"").append(l.text.of(text)).append("\"");
        for (const auto& [kind, name] : names) {
            if (!l.is(kind)) continue;
            out += ' ';
            out += name;
            // appends: GCC 12 warns (-Wrestrict) on char + std::string here
            const std::string marker = "}+" + std::to_string(l.marker);
            if (kind == typed_line::number)
                out.append("{").append(std::to_string(l.value)).append(l.name.empty() ? "" : " ").append(l.name).append(marker);
            if (kind == typed_line::label) out.append("{").append(l.name).append(marker);
            if (kind == typed_line::footnote) out.append("{").append(std::to_string(l.value)).append("}");
            if (kind == typed_line::annex) out.append("{").append(l.name).append(l.marker ? marker : "}");
            if (kind == typed_line::article) out.append("{").append(std::to_string(l.value)).append("}");
        }
    }
    return out;
}

std::vector<typed_line> typed(const std::string& text) {
    structural_index index;
    EXPECT_FALSE(build_structural_index(text, index));
    return type_lines(index);
}

struct lines_case {
    std::string text;
    std::string expected;
};

TEST(TypedLines, EachLineByItsOwnBytes) {
    const lines_case cases[] = {
        {"", ""},
        {" \n\t\r\n", ""},
        // numbers: the marker covers the blanks after it; "2. the" does not open a paragraph
        {"17. Decides to act;\n5 bis.  Urges States;\n2. the rest\n3. (a) text\n1.1 Decides\n",
         "\"17. Decides to act;\" blank number{17}+4 opens | \"5 bis.  Urges States;\" number{5 bis}+8 opens"
         " | \"2. the rest\" number{2}+3 | \"3. (a) text\" number{3}+3 opens | \"1.1 Decides\""},
        {"2. \xD9\x8A\xD8\xB1\xD8\xAD\xD8\xA8\n",
         "\"2. \xD9\x8A\xD8\xB1\xD8\xAD\xD8\xA8\" blank number{2}+3 opens"},
        // labels, lower case only
        {"(a) To continue;\n(iv) Good practices\n(A) upper\n",
         "\"(a) To continue;\" blank label{a}+4 upper | \"(iv) Good practices\" label{iv}+5 upper"
         " | \"(A) upper\" upper"},
        {"28th plenary meeting\n4 November 2025\n", "\"28th plenary meeting\" blank meeting | \"4 November 2025\""},
        {"Annex\n\nAnnex II\n\nAnnexed to it\n",
         "\"Annex\" blank annex{} upper heading | \"Annex II\" blank annex{II} upper | \"Annexed to it\" blank upper heading"},
        {"The General Assembly,\n\nWe, the Heads of State,\n\nWe recognize that\n",
         "\"The General Assembly,\" blank formula upper block_comma | \"We, the Heads of State,\" blank we, upper block_comma"
         " | \"We recognize that\" blank we upper heading"},
        {"Recalling its resolution 68/4,\n\nDecides to remain seized of the matter.\n\nTaking effective measures;\n",
         "\"Recalling its resolution 68/4,\" blank upper preambular ing block_comma"
         " | \"Decides to remain seized of the matter.\" blank upper operative"
         " | \"Taking effective measures;\" blank upper ing"},
        // openers after adverbs; a capitalized word the lexicon cannot open with
        {"Deeply concerned about it,\n\nStrongly condemns the acts;\n\nUnited Nations\n",
         "\"Deeply concerned about it,\" blank upper preambular block_comma | \"Strongly condemns the acts;\" blank upper operative"
         " | \"United Nations\" blank upper heading"},
        // trimming: a byte order mark, blanks and no-break spaces around; "\r\n" and a lone "\r" end lines
        {"\xEF\xBB\xBF  Title\xC2\xA0\t\r\nnext\rlast", "\"Title\" blank upper | \"next\" | \"last\""},
        // a line of blanks and an empty line: in such a text (PDF text) the empty line ends a page
        {"a\n \xC2\xA0 \n\n  b  \n", "\"a\" blank | \"b\" blank indented page spaced"},
        // where every blank line is empty, none is a page's end; a form feed always is
        {"a\n\nb\n\f\nc\n", "\"a\" blank | \"b\" blank | \"c\" blank page"},
        {"Article 12\nAnnex Political declaration\nAnnex II\nArticle 12 of the Convention\n",
         "\"Article 12\" blank upper article{12} | \"Annex Political declaration\" annex{}+6 upper"
         " | \"Annex II\" annex{II} upper | \"Article 12 of the Convention\" upper"},
        // footnotes and fences
        {"---\n[^12]: Resolution 64/293.\n   continued here\n", "\"---\" blank rule | \"[^12]: Resolution 64/293.\" footnote{12}"
         " | \"continued here\" indented"},
    };
    for (const lines_case& c : cases) EXPECT_EQ(render(c.text, typed(c.text)), c.expected) << c.text;
}

TEST(TypedLines, FromTheLinesAround) {
    const lines_case cases[] = {
        // a block ends with a comma across lines, up to a blank line or a number; a footnote after the comma aside
        {"Recalling its resolution\n68/4,1\n\n1. Decides,\n2. Urges\n",
         "\"Recalling its resolution\" blank upper preambular ing block_comma | \"68/4,1\" block_comma"
         " | \"1. Decides,\" blank number{1}+3 opens block_comma | \"2. Urges\" number{2}+3 opens"},
        // a heading: alone between blank lines, short, upper-case, unpunctuated, before a line that opens a paragraph
        {"Strengthening of coordination\n\n1. Decides;\n",
         "\"Strengthening of coordination\" blank upper ing heading | \"1. Decides;\" blank number{1}+3 opens"},
        {"Strengthening of coordination[^3]\n\nRecalling,\n", "\"Strengthening of coordination[^3]\" blank upper ing heading"
         " | \"Recalling,\" blank upper preambular block_comma"},
        {"Last line of all\n", "\"Last line of all\" blank upper heading"},
        // not headings: continued, punctuated, an opener, before a plain line, lower case, too long
        {"Strengthening\nof coordination\n\n1. Decides;\n",
         "\"Strengthening\" blank upper | \"of coordination\" | \"1. Decides;\" blank number{1}+3 opens"},
        {"Strengthening of coordination:\n\n1. Decides;\n",
         "\"Strengthening of coordination:\" blank upper ing block_colon | \"1. Decides;\" blank number{1}+3 opens"},
        {"Decides so\n\n1. Decides;\n", "\"Decides so\" blank upper operative | \"1. Decides;\" blank number{1}+3 opens"},
        {"Strengthening of coordination\n\nplain text\n", "\"Strengthening of coordination\" blank upper ing | \"plain text\" blank"},
        {"strengthening\n", "\"strengthening\" blank"},
        {"S" + std::string(160, 'a') + "\n\nS" + std::string(159, 'a') + "\n",
         "\"S" + std::string(160, 'a') + "\" blank upper | \"S" + std::string(159, 'a') + "\" blank upper heading"},
    };
    for (const lines_case& c : cases) EXPECT_EQ(render(c.text, typed(c.text)), c.expected) << c.text;
}

// "begin highest lowest": the footnote block's first line (lines.size() when none) and the footnotes it defines.
std::string block_of(const std::string& text, std::size_t first = 0) {
    const std::vector<typed_line> lines = typed(text);
    const footnote_block b = find_footnote_block(lines, first);
    return std::to_string(b.begin) + " " + std::to_string(b.highest) + " " + std::to_string(b.lowest);
}

TEST(TypedLines, FootnoteBlock) {
    EXPECT_EQ(block_of("1. Decides.\n"), "1 0 1");
    EXPECT_EQ(block_of("1. Decides.2\n\n---\n[^2]: Resolution 64/293.\n[^3]: Ibid.\n"), "1 3 2");
    // a definition's continuation is indented; a line that is not stops the block
    EXPECT_EQ(block_of("1. Decides.\n[^4]: See\n  resolution 70/1.\n[^5]: Ibid.\n"), "1 5 4");
    EXPECT_EQ(block_of("1. Decides.\n[^4]: See\nresolution 70/1.\n[^5]: Ibid.\n"), "3 5 5");
    // the "---" before the block belongs to it, but not before `first`
    EXPECT_EQ(block_of("---\n[^1]: Ibid.\n", 1), "1 1 1");
    EXPECT_EQ(block_of("---\n[^1]: Ibid.\n", 0), "0 1 1");
}

}  // namespace
}  // namespace resdraft::grammar::detail
