// Page furniture (stage 2a) as a specification: each PDF-like text with its lines, the furniture among
// them marked, and the notes of its footnote blocks.
#include "grammar/detail/furniture.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace resdraft::grammar::detail {
namespace {

// `"text" F | "text" blank`: each line, "F" when it is furniture, "blank" when a blank line precedes it.
std::string render(std::string_view text, const std::vector<typed_line>& lines) {
    std::string out;
    for (const typed_line& l : lines) {
        if (!out.empty()) out += " | ";
        out.append("\"").append(l.text.of(text)).append("\"");
        if (l.is(typed_line::furniture)) out += " F";
        if (l.is(typed_line::blank_before)) out += " blank";
    }
    return out;
}

struct furniture_case {
    std::string text;
    std::string expected;
    unsigned lowest = 0, highest = 0;  // the notes
};

void expect_case(const furniture_case& c) {
    structural_index index;
    ASSERT_FALSE(build_structural_index(c.text, index));
    std::vector<typed_line> lines = type_lines(index);
    const page_notes notes = mark_page_furniture(c.text, lines);
    EXPECT_EQ(render(c.text, lines), c.expected) << c.text;
    EXPECT_EQ(notes.lowest, c.lowest) << c.text;
    EXPECT_EQ(notes.highest, c.highest) << c.text;
}

// The first page of a PDF text as PyMuPDF gives it: lines end with a space, blank lines in a page hold one.
const std::string masthead = "United Nations \nA/RES/75/3\n \nGeneral Assembly \n20-14566 (E)    061120 \n*2014566* \n \n";

TEST(PageFurniture, RunningHeadsOfEvenAndOddPagesByTheDocumentsOwnMarks) {
    const furniture_case cases[] = {
        // even page: symbol, short title, job number, page; the paragraph runs on across the break
        {masthead + "1. Decides to act on the \n\nA/RES/75/3 \nReport of the Court \n \n20-14566 \n2/3 \n \nmatter; \n",
         "\"United Nations\" blank | \"A/RES/75/3\" | \"General Assembly\" blank | \"20-14566 (E)    061120\" F"
         " | \"*2014566*\" F | \"1. Decides to act on the\" blank | \"A/RES/75/3\" F blank | \"Report of the Court\" F"
         " | \"20-14566\" F blank | \"2/3\" F | \"matter;\""},
        // odd page: short title first, then symbol, page, job number; after ";" the next line opens afresh
        {masthead + "1. Decides to act; \n\nReport of the \nCourt \nA/RES/75/3\n \n3/3\n20-14566 \n \n2. Urges States \n",
         "\"United Nations\" blank | \"A/RES/75/3\" | \"General Assembly\" blank | \"20-14566 (E)    061120\" F"
         " | \"*2014566*\" F | \"1. Decides to act;\" blank | \"Report of the\" F blank | \"Court\" F | \"A/RES/75/3\" F"
         " | \"3/3\" F blank | \"20-14566\" F | \"2. Urges States\" blank"},
        // another document's job number or a wrong page count is text (after a page break inside paragraph 1)
        {masthead + "1. Decides \n\n19-11111 \n4/9 \n",
         "\"United Nations\" blank | \"A/RES/75/3\" | \"General Assembly\" blank | \"20-14566 (E)    061120\" F"
         " | \"*2014566*\" F | \"1. Decides\" blank | \"19-11111\" | \"4/9\""},
        // a bare page break (no furniture: a word processor's PDF) inside a paragraph keeps it open; after a
        // sentence's end, or with a blank line of its own, the next line opens a paragraph
        {"Recalling its resolution \n \n1. Decides to act \n\nin time; \n\nUrges \n \n\nNotes \n \nTakes note \n \nWelcomes \n",
         "\"Recalling its resolution\" blank | \"1. Decides to act\" blank | \"in time;\" | \"Urges\" blank | \"Notes\" blank"
         " | \"Takes note\" blank | \"Welcomes\" blank"},
        // ... and so do a formula or heading before it, and a paragraph's own opening after it
        {"The General Assembly, \n\nRecalling its resolution 68/4, \n \nNoting the report, \n\n1. Urges States \n \n"
         "Regional cooperation \n\nCalls upon States \n \nx \n",
         "\"The General Assembly,\" blank | \"Recalling its resolution 68/4,\" blank | \"Noting the report,\" blank"
         " | \"1. Urges States\" blank | \"Regional cooperation\" blank | \"Calls upon States\" blank | \"x\" blank"},
        // a text whose blank lines are mostly empty (a clean draft with one stray blank) has no page breaks to carry
        {"The General Assembly,\n\nRecalling its resolution 68/4,\n\nNoting the report,\n\n1. Decides to act\n \n2. Requests\n",
         "\"The General Assembly,\" blank | \"Recalling its resolution 68/4,\" blank | \"Noting the report,\" blank"
         " | \"1. Decides to act\" blank | \"2. Requests\" blank"},
        // no empty line between pages: the anchors and the title lines between them
        {masthead + "1. Decides to act on the \nA/RES/75/3 \nReport \n20-14566 \n2/2 \nmatter; \n",
         "\"United Nations\" blank | \"A/RES/75/3\" | \"General Assembly\" blank | \"20-14566 (E)    061120\" F"
         " | \"*2014566*\" F | \"1. Decides to act on the\" blank | \"A/RES/75/3\" F | \"Report\" F | \"20-14566\" F"
         " | \"2/2\" F | \"matter;\""},
    };
    for (const auto& c : cases) expect_case(c);
}

TEST(PageFurniture, FootnoteBlocksUpToThePagesEnd) {
    const furniture_case cases[] = {
        // the separator, the notes (a second line of a note opening with digits is not a note), the page's end
        {masthead + "1. Decides on the Statute,1 \n__________________ \n \n1  United Nations, Treaty Series, \n2187, No. 38544. \n"
                    "2 A/75/324. \n\n20-14566 \n2/2 \n \nand the rest; \n",
         "\"United Nations\" blank | \"A/RES/75/3\" | \"General Assembly\" blank | \"20-14566 (E)    061120\" F"
         " | \"*2014566*\" F | \"1. Decides on the Statute,1\" blank | \"__________________\" F"
         " | \"1  United Nations, Treaty Series,\" F blank | \"2187, No. 38544.\" F | \"2 A/75/324.\" F"
         " | \"20-14566\" F blank | \"2/2\" F | \"and the rest;\"",
         1, 2},
        // the block stops at a numbered paragraph; underscores without a note after them are text
        {"Decides,\n___________\n3  See A/1.\n2. Urges\n\n___________\nwhere\n",
         "\"Decides,\" blank | \"___________\" F | \"3  See A/1.\" F | \"2. Urges\" | \"___________\" blank | \"where\"", 3, 3},
        // a text without a job number has no running heads; "Please recycle" is furniture anywhere
        {"1. Decides\n\n2/2\n\nPlease recycle\n", "\"1. Decides\" blank | \"2/2\" blank | \"Please recycle\" F blank"},
    };
    for (const auto& c : cases) expect_case(c);
}

}  // namespace
}  // namespace resdraft::grammar::detail
