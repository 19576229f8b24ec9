// corpus/ga-draft-migration.txt, a GA-style draft written for the project, parsed exactly.
#include "grammar/parser.hpp"

#include "test_support.hpp"

namespace resdraft::grammar {
namespace {

using testing::render_clauses;

class GaDraft : public ::testing::Test {
protected:
    std::string in = testing::read_file(testing::source_dir() / "corpus/ga-draft-migration.txt");
    document doc = testing::parse_ok(in, "ga-draft-migration.txt");
};

TEST_F(GaDraft, Header) {
    EXPECT_FALSE(doc.symbol);
    EXPECT_EQ(doc.title->of(in), "International migration and development");
    EXPECT_EQ(doc.date->of(in), "12 October 2026");
    EXPECT_EQ(doc.session->of(in), "Eighty-first session");
    EXPECT_EQ(doc.agenda_item->of(in), "21 (e)");
    ASSERT_EQ(doc.parts.size(), 1u);
    EXPECT_TRUE(doc.warnings.empty());
}

TEST_F(GaDraft, ParagraphsAndClauses) {
    const std::vector<std::pair<std::string, std::string>> expected{
        {"pp1", "recall"},
        {"pp2", "reaffirm +also"},
        {"pp3", "concerned +deeply"},
        {"pp4", "note with appreciation"},
        {"pp5", "bear in mind"},
        {"pp6", "consider"},
        {"1", "recognize"},
        {"2", "condemn | encourage @States"},
        {"3", "urge +strongly @Member States"},
        {"4", "request @the Secretary-General"},
        {"5", "take note of | invite @Member States that have not yet done so"},
        {"6", "request +also @the Secretary-General"},
        {"7", "decide"},
    };
    ASSERT_EQ(doc.paragraphs.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(doc.paragraphs[i].id, expected[i].first);
        EXPECT_EQ(render_clauses(doc, doc.paragraphs[i].clauses), expected[i].second) << expected[i].first;
    }
    EXPECT_EQ(normalized_text(doc, doc.paragraphs[5].clauses[0].object), "the report of the Secretary-General");
    EXPECT_EQ(normalized_text(doc, doc.paragraphs[0].text),
              "Recalling the Declaration of the High-level Dialogue on International Migration and Development, "
              "adopted on 3 October 2013,");
    EXPECT_EQ(doc.paragraphs[8].clauses[0].strength, 5);  // "Strongly urges": urge (4) raised by one
}

TEST_F(GaDraft, Subparagraphs) {
    const paragraph& p = doc.paragraphs.at(9);
    ASSERT_EQ(p.id, "4");
    ASSERT_EQ(p.subparagraphs.size(), 3u);
    EXPECT_EQ(p.subparagraphs[0].id, "a");
    EXPECT_EQ(normalized_text(doc, p.subparagraphs[0].text),
              "To continue assessing the progress made in the field of migration and development;");
    ASSERT_EQ(p.subparagraphs[1].subparagraphs.size(), 2u);
    EXPECT_EQ(p.subparagraphs[1].subparagraphs[0].id, "i");
    EXPECT_EQ(p.subparagraphs[1].subparagraphs[1].id, "ii");
    EXPECT_EQ(normalized_text(doc, p.subparagraphs[1].subparagraphs[1].text),
              "Good practices in lowering the costs of remittances;");
    EXPECT_EQ(p.subparagraphs[2].id, "c");
    EXPECT_TRUE(p.subparagraphs[2].clauses.empty());
    EXPECT_EQ(normalized_text(doc, p.chapeau),
              "Requests the Secretary-General, in collaboration with the International Organization for Migration:");
}

}  // namespace
}  // namespace resdraft::grammar
