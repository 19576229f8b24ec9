#include "grammar/parser.hpp"
#include "grammar/source.hpp"

#include <gtest/gtest.h>

#include <string>

namespace resdraft::grammar {
namespace {

TEST(Source, OwnsItsBytesAfterTheCallersCopyIsGone) {
    std::shared_ptr<const source> s;
    {
        std::string text = "1. Decides to remain seized of the matter.\n";
        s = source::owning(text, "A_RES_80_5.md");
        text.assign(text.size(), 'x');
    }
    EXPECT_EQ(s->bytes(), "1. Decides to remain seized of the matter.\n");
    EXPECT_EQ(s->name(), "A_RES_80_5.md");
}

// A short text lives inside std::string itself (small-string buffer): the view must follow the move.
TEST(Source, ViewOfAShortOwnedTextIsItsOwn) {
    const auto s = source::owning("ab", "x");
    EXPECT_EQ(s->bytes(), "ab");
    EXPECT_EQ(s->bytes().size(), 2u);
}

TEST(Source, DocumentKeepsItsSourceAlive) {
    document doc;
    {
        auto result = parse_document(source::owning("1. Urges States to act.\n", "A_RES_80_5.md"));
        ASSERT_TRUE(result.ok());
        doc = std::move(result.value());
    }
    EXPECT_EQ(doc.name(), "A_RES_80_5.md");
    EXPECT_EQ(doc.symbol, "A/RES/80/5");
    EXPECT_EQ(doc.text(doc.paragraphs.at(0).text), "Urges States to act.");
    EXPECT_EQ(normalized_text(doc, doc.paragraphs.at(0).clauses.at(0).addressee.value()), "States");
}

TEST(Source, OriginalOffsetsFollowTheAnchors) {
    const auto text = source::owning("abcdef", "t.txt");
    EXPECT_EQ(text->original_offset(0), 0u);
    EXPECT_EQ(text->original_offset(5), 5u);
    // text [0,3) came from original [100,103), text [3,6) from original [250,253); given out of order
    const auto mapped = source::owning("abcdef", "d.docx", {{3, 250}, {0, 100}});
    EXPECT_EQ(mapped->original_offset(0), 100u);
    EXPECT_EQ(mapped->original_offset(2), 102u);
    EXPECT_EQ(mapped->original_offset(3), 250u);
    EXPECT_EQ(mapped->original_offset(5), 252u);
}

}  // namespace
}  // namespace resdraft::grammar
