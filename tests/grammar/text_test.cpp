#include "grammar/parser.hpp"

#include <gtest/gtest.h>

namespace resdraft::grammar {
namespace {

struct bad_case {
    std::string bytes;
    std::string message;
    std::size_t offset;
};

TEST(TextEncoding, NamesTheProblemAndItsOffset) {
    const std::vector<bad_case> cases{
        {"ok \xC0\x80", "invalid UTF-8 (overlong encoding)", 3},
        {"ab\xE0\x80\xAF", "invalid UTF-8 (overlong encoding)", 2},
        {"x\xED\xA0\x80y", "invalid UTF-8 (surrogate code point)", 1},
        {"end \xE2\x82", "invalid UTF-8 (truncated sequence)", 4},
        {"\xE2\x82z", "invalid UTF-8 (truncated sequence)", 0},
        {"ab\xF5\x80\x80\x80", "invalid UTF-8 (unexpected byte 0xF5)", 2},
        {"lone \x80", "invalid UTF-8 (unexpected byte 0x80)", 5},
        {"\xF4\x90\x80\x80", "invalid UTF-8 (code point above U+10FFFF)", 0},
        {std::string("nul\0here", 8), "binary input: NUL byte", 3},
        {"bell\x07", "binary input: control byte 0x07", 4},
    };
    for (const bad_case& c : cases) {
        const auto error = check_text_encoding(c.bytes);
        ASSERT_TRUE(error) << c.message;
        EXPECT_EQ(error->message, c.message);
        EXPECT_EQ(error->offset, c.offset) << c.message;
    }
}

TEST(TextEncoding, AcceptsValidText) {
    EXPECT_FALSE(check_text_encoding("Recalling \xE2\x80\x9C" "agreed language\xE2\x80\x9D,\r\n\tcaf\xC3\xA9 \xF0\x9F\x98\x80 \xD8\xB3\xD9\x84\xD8\xA7\xD9\x85"));
}

TEST(NormalizedText, CollapsesSpacesAndRepairsSplitWords) {
    document doc;
    const std::string_view in = "the Secretary- General and confidence-\nbuilding,  policy- and decision-making\xC2\xA0now non\xE2\x80\x91nuclear";
    doc.input = source::borrowing(in, "in");
    EXPECT_EQ(normalized_text(doc, {0, in.size()}),
              "the Secretary-General and confidence-building, policy- and decision-making now non-nuclear");
}

TEST(NormalizedText, LeavesOutExcludedRanges) {
    document doc;
    const std::string_view in = "Crime,6 and the Agreement[^9] text";
    doc.input = source::borrowing(in, "in");
    doc.excluded = {{6, 7}, {25, 29}};
    EXPECT_EQ(normalized_text(doc, {0, in.size()}), "Crime, and the Agreement text");
}

}  // namespace
}  // namespace resdraft::grammar
