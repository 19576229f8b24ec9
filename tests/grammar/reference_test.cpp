// The embedded reference, A/68/L.5, against clauses read from its text by hand (tests/data/a-68-l5.clauses).
#include "corpus/embedded.hpp"
#include "grammar/parser.hpp"

#include "test_support.hpp"

#include <map>

namespace resdraft::grammar {
namespace {

using testing::part_paragraphs;
using testing::render_clauses;

std::map<std::string, std::string> expected_clauses() {
    std::map<std::string, std::string> out;
    std::istringstream in(testing::read_file(testing::source_dir() / "tests/data/a-68-l5.clauses"));
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        const auto colon = line.find(": ");
        out[line.substr(0, colon)] = line.substr(colon + 2);
    }
    return out;
}

class Reference : public ::testing::Test {
protected:
    std::string_view in = corpus::reference_text();
    document doc = testing::parse_ok(in, corpus::reference_name());
};

TEST_F(Reference, HeaderAndParts) {
    EXPECT_EQ(*doc.symbol, "A/68/L.5");
    EXPECT_EQ(doc.title->of(in), "Declaration of the High-level Dialogue on International Migration and Development");
    EXPECT_EQ(doc.date->of(in), "1 October 2013");
    EXPECT_EQ(doc.session->of(in), "Sixty-eighth session");
    EXPECT_EQ(doc.agenda_item->of(in), "21 (e)");
    ASSERT_EQ(doc.parts.size(), 2u);
    EXPECT_EQ(doc.parts[1].name, "annex");
    EXPECT_EQ(doc.parts[1].title->of(in), "Declaration of the High-level Dialogue on International Migration and Development");
    EXPECT_TRUE(doc.parts[1].formula->of(in).starts_with("We, representatives of States and Governments, gathered"));
    EXPECT_TRUE(doc.warnings.empty());
}

TEST_F(Reference, BodyOnlyAdoptsTheDeclaration) {
    const auto body = part_paragraphs(doc, "body", paragraph_kind::operative);
    ASSERT_EQ(body.size(), 1u);
    EXPECT_EQ(body[0]->id, "1");
    EXPECT_EQ(normalized_text(doc, body[0]->text), "Adopts the following Declaration:");
    EXPECT_EQ(render_clauses(doc, body[0]->clauses), "adopt");
    EXPECT_TRUE(part_paragraphs(doc, "body", paragraph_kind::preambular).empty());
}

TEST_F(Reference, AnnexHas34ParagraphsWithTheExpectedClauses) {
    const auto annex = part_paragraphs(doc, "annex", paragraph_kind::operative);
    const auto expected = expected_clauses();
    ASSERT_EQ(expected.size(), 34u);
    ASSERT_EQ(annex.size(), 34u);
    for (std::size_t i = 0; i < annex.size(); ++i) {
        EXPECT_EQ(annex[i]->id, std::to_string(i + 1));
        EXPECT_EQ(render_clauses(doc, annex[i]->clauses), expected.at(annex[i]->id)) << "paragraph " << annex[i]->id;
    }
}

TEST_F(Reference, Paragraph17InDetail) {
    const auto annex = part_paragraphs(doc, "annex", paragraph_kind::operative);
    const paragraph& p = *annex.at(16);
    EXPECT_TRUE(p.whole.of(in).starts_with("17. Reiterate our commitment"));
    ASSERT_EQ(p.clauses.size(), 3u);
    EXPECT_EQ(p.clauses[2].phrase.of(in), "encourage");
    EXPECT_EQ(p.clauses[2].strength, 3);
    EXPECT_EQ(normalized_text(doc, p.clauses[2].object),
              "to ratify, accede to and implement relevant international instruments on preventing and combating "
              "trafficking in persons and smuggling of migrants");
    EXPECT_EQ(p.clauses[1].whole.of(in).substr(0, 19), "stress the need to ");
}

TEST_F(Reference, StrengthOfStronglyCondemn) {
    const auto annex = part_paragraphs(doc, "annex", paragraph_kind::operative);
    const clause& c = annex.at(15)->clauses.at(0);
    EXPECT_EQ(c.whole.of(in).substr(0, 15), "Strongly condem");
    EXPECT_EQ(c.strength, 5);  // condemn (4), raised by "strongly"
}

TEST(ReferenceCopy, MatchesTheSharedCorpus) {
    const auto shared = testing::shared_corpus();
    if (!shared) GTEST_SKIP() << "../shared/corpus is absent: cannot compare corpus/a-68-l5.txt with its source";
    EXPECT_EQ(testing::read_file(*shared / "a-68-l5.txt"), std::string(corpus::reference_text()));
}

}  // namespace
}  // namespace resdraft::grammar
