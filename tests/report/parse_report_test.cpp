#include "report/parse_report.hpp"

#include "corpus/embedded.hpp"
#include "test_support.hpp"

#include <nlohmann/json.hpp>

namespace resdraft::report {
namespace {

TEST(ParseJson, FollowsTheContract) {
    const std::string in = testing::read_file(testing::source_dir() / "corpus/ga-draft-migration.txt");
    const auto doc = testing::parse_ok(in, "draft.txt");
    const auto j = nlohmann::json::parse(parse_json(doc));
    EXPECT_EQ(j["source"], "draft.txt");
    EXPECT_TRUE(j["symbol"].is_null());
    EXPECT_EQ(j["title"], "International migration and development");
    ASSERT_EQ(j["paragraphs"].size(), 13u);
    const auto& pp = j["paragraphs"][0];
    EXPECT_EQ(pp["id"], "pp1");
    EXPECT_EQ(pp["part"], "body");
    EXPECT_EQ(pp["kind"], "preambular");
    EXPECT_EQ(pp["clauses"][0]["verb"], "recall");
    EXPECT_EQ(pp["clauses"][0]["phrase"], "Recalling");
    const auto& p3 = j["paragraphs"][8];
    EXPECT_EQ(p3["id"], "3");
    EXPECT_EQ(p3["kind"], "operative");
    const auto& c = p3["clauses"][0];
    EXPECT_EQ(c["verb"], "urge");
    EXPECT_EQ(c["phrase"], "urges");
    EXPECT_EQ(c["adverbs"], nlohmann::json::array({"strongly"}));
    EXPECT_EQ(c["addressee"], "Member States");
    EXPECT_EQ(c["strength"], 5);
    EXPECT_EQ(c["object"], "to cooperate on mobility programmes that facilitate safe, orderly and regular migration, "
                           "including through labour mobility");
    const auto begin = p3["span"][0].get<std::size_t>(), end = p3["span"][1].get<std::size_t>();
    EXPECT_TRUE(in.substr(begin, end - begin).starts_with("3. Strongly urges"));
    const auto& p4 = j["paragraphs"][9];
    EXPECT_EQ(p4["subparagraphs"][1]["id"], "b");
    EXPECT_EQ(p4["subparagraphs"][1]["subparagraphs"][0]["text"], "The contribution of migrants to development;");
    EXPECT_TRUE(j["warnings"].is_array());
    EXPECT_TRUE(j["paragraphs"][12]["clauses"][0]["addressee"].is_null());
}

TEST(ParseOutline, ShowsPartsParagraphsAndClauses) {
    const std::string_view in = corpus::reference_text();
    const auto doc = testing::parse_ok(in, corpus::reference_name());
    const std::string outline = parse_outline(doc);
    EXPECT_TRUE(outline.starts_with("A/68/L.5  Declaration of the High-level Dialogue"));
    EXPECT_NE(outline.find("\nannex: Declaration of the High-level Dialogue"), std::string::npos);
    EXPECT_NE(outline.find("  16. Strongly condemn the acts"), std::string::npos);
    EXPECT_NE(outline.find("      - condemn [5] adverbs: strongly | the acts"), std::string::npos);
    EXPECT_NE(outline.find("      - encourage [3] | to: Member States | to ratify"), std::string::npos);
}

}  // namespace
}  // namespace resdraft::report
