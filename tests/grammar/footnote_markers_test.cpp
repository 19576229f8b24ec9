// Footnote markers (part of stage 2b) alone: each text, with the notes it defines, and the markers found
// in it, scanned line by line in order as the tree scans paragraph text.
#include "grammar/detail/footnote_markers.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace resdraft::grammar::detail {
namespace {

// The markers found in each line of `text`, as `"6" "[^7]"`.
std::string markers(const std::string& text, unsigned lowest, unsigned highest) {
    structural_index index;
    EXPECT_FALSE(build_structural_index(text, index));
    footnote_markers tracker(index, lowest, highest);
    std::vector<span> found;
    for (std::size_t i = 0; i < index.line_count(); ++i) tracker.scan(index.line(i), found);
    std::string out;
    for (const span& s : found) out.append(out.empty() ? "\"" : " \"").append(s.of(text)).append("\"");
    return out;
}

TEST(FootnoteMarkers, GluedDetachedAndInline) {
    struct marker_case {
        std::string text;
        unsigned lowest, highest;
        std::string expected;
    };
    const marker_case cases[] = {
        {"the Convention,[^1] and the Protocol[^2]\n", 1, 2, "\"[^1]\" \"[^2]\""},
        // glued to a word or punctuation, in order; a number that is not the next note is a number
        {"against Crime,1 the Protocol.2 Development3 and 4 items\n", 1, 3, "\"1\" \"2\" \"3\""},
        {"resolution 68/4 of 2013, paragraph 12\n", 1, 3, ""},
        // a year with the next note glued to it
        {"on 24 August 20161 it decided\n", 1, 1, "\"1\""},
        // detached: two spaces after, or after a capitalized word before a lower-case one
        {"the Paris Agreement 1  in force, the Social Development 2 and more\n", 1, 2, "\"1\" \"2\""},
        // across lines, the expected number goes on; markers lost in extraction leave a gap
        {"Crime,1 and\nthe Protocol,5 then\n", 1, 5, "\"1\" \"5\""},
        // a note 0: a plain year before a marker "0" is no marker (since f17e056; before, the year took
        // the place of note 0 as an empty range and "0" after it stayed text)
        {"to meet in 2016 on crime,0 and\n", 0, 1, "\"0\""},
        // no notes defined: nothing is a marker
        {"against Crime,1 the Protocol.2\n", 1, 0, ""},
    };
    for (const marker_case& c : cases) EXPECT_EQ(markers(c.text, c.lowest, c.highest), c.expected) << c.text;
}

// A year ends the text, with no byte after it: nothing past the text is read (an exact-size buffer, so
// that ASan sees a read past it; a std::string's terminator would hide one).
TEST(FootnoteMarkers, AYearEndingTheTextIsReadNoFurther) {
    for (const std::string text : {"adopted on 24 August 2016", "adopted on 24 August 20161"}) {
        const std::unique_ptr<char[]> exact(new char[text.size()]);
        std::copy(text.begin(), text.end(), exact.get());
        const std::string_view bytes(exact.get(), text.size());
        structural_index index;
        ASSERT_FALSE(build_structural_index(bytes, index));
        footnote_markers tracker(index, 1, 1);
        std::vector<span> found;
        tracker.scan({0, bytes.size()}, found);
        EXPECT_EQ(found.size(), text.ends_with("20161") ? 1u : 0u) << text;
    }
}

}  // namespace
}  // namespace resdraft::grammar::detail
