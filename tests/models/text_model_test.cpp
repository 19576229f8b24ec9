#include "models/text_model.hpp"
#include "test_support.hpp"
#include "models/vector_space.hpp"
#include "models/wordnet.hpp"

#include <Eigen/Dense>
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include <algorithm>
#include <cmath>

namespace resdraft::models {
namespace {

TEST(Words, SegmentsFoldsAndKeepsOffsets) {
    const std::string text = "The Agency\xE2\x80\x99s \xE2\x80\x9C" "Second\xE2\x80\x9D Summit, 2030\xC2\xA0" "Agenda";
    const auto ws = words(text);
    std::vector<std::string> norms;
    for (const auto& w : ws) norms.push_back(w.norm);
    EXPECT_EQ(norms, (std::vector<std::string>{"the", "agency", "second", "summit", "2030", "agenda"}));
    EXPECT_EQ(text.substr(ws[1].begin, ws[1].end - ws[1].begin), "Agency\xE2\x80\x99s");
    EXPECT_EQ(text.substr(ws[5].begin, ws[5].end - ws[5].begin), "Agenda");
}

std::string rendered(const std::vector<word>& ws) {
    std::string out;
    for (const word& w : ws) out += w.norm + "@" + std::to_string(w.begin) + "-" + std::to_string(w.end) + " ";
    return out;
}

// The ASCII path of words() against ICU's word break iterator, case by case where the rules are subtle.
TEST(Words, TheAsciiPathSegmentsAsIcuDoes) {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"U.N. and e.g. 3.5", "u.n@0-3 and@5-8 e.g@9-12 3.5@14-17 "},
        {"1,000;2 1,a a,1 a:b 10:30", "1,000;2@0-7 1@8-9 a@10-11 a@12-13 1@14-15 a@16-17 b@18-19 10@20-22 30@23-25 "},
        {"agency's States' can't 'quoted'", "agency@0-8 states@9-15 can't@17-22 quoted@24-30 "},
        {"Secretary-General A4 4A a_b __ _x x_ ____", "secretary@0-9 general@10-17 a4@18-20 4a@21-23 a_b@24-27 __@28-30 _x@31-33 x_@34-36 ____@37-41 "},
        {"a..b a.'b 1.,2 x. .y", "a@0-1 b@3-4 a@5-6 b@8-9 1@10-11 2@13-14 x@15-16 y@19-20 "},
    };
    for (const auto& [text, want] : cases) {
        EXPECT_EQ(rendered(words(text)), want) << text;
        EXPECT_EQ(rendered(words_by_icu(text)), want) << text;
    }
}

// ... and on random texts of the bytes that take part in word breaks, and on every corpus text.
TEST(Words, TheAsciiPathAgreesWithIcuOnRandomAndRealText) {
    const std::string alphabet = "aZ9_.',;:- \n\"()&";
    std::mt19937 random(2013);
    for (int n = 0; n < 20000; ++n) {
        std::string text;
        for (std::size_t k = random() % 24; k > 0; --k) text += alphabet[random() % alphabet.size()];
        ASSERT_EQ(rendered(words(text)), rendered(words_by_icu(text))) << "\"" << text << "\"";
    }
    std::size_t ascii = 0;
    std::vector<std::filesystem::path> files{resdraft::testing::source_dir() / "corpus/a-68-l5.txt"};
    for (const auto& e : std::filesystem::directory_iterator(resdraft::testing::source_dir() / "corpus/drafts")) files.push_back(e.path());
    if (const auto shared = resdraft::testing::shared_corpus())
        for (const char* dir : {"ga-res-80", "pdf-text"})
            for (const auto& e : std::filesystem::directory_iterator(*shared / dir)) files.push_back(e.path());
    for (const auto& f : files) {
        std::string text = resdraft::testing::read_file(f);
        std::erase_if(text, [](char c) { return static_cast<unsigned char>(c) >= 0x80; });  // the ASCII path's input
        ASSERT_EQ(rendered(words(text)), rendered(words_by_icu(text))) << f;
        ascii += text.size();
    }
    EXPECT_GT(ascii, resdraft::testing::shared_corpus() ? 800'000u : 50'000u);  // the comparison read real text
}

TEST(Terms, StemsOfContentWordsAndBigrams) {
    stemmer s;
    const auto t = terms_of("Recognizes the rights of migrant workers and their families", s);
    EXPECT_EQ(t.stems, (std::vector<std::string>{"right", "migrant", "worker", "famili"}));  // "Recognizes": the verb
    EXPECT_EQ(t.surfaces[3], "families");
    EXPECT_EQ(t.terms.size(), 7u);
    EXPECT_EQ(t.terms[4], "right migrant");
}

term_collection collection_of(const std::vector<weighted_terms>& docs) {
    term_collection out;
    for (const auto& d : docs) out.add(d);
    return out;
}

TEST(TfIdf, RowsAreUnitLengthAndRareTermsWeighMore) {
    const std::vector<weighted_terms> docs{{{"migrant"}, {"remitt"}}, {{"migrant"}, {"traffick"}}, {{"migrant"}}};
    const auto [space, v] = learn_tfidf(collection_of(docs));
    EXPECT_TRUE(Eigen::MatrixXf(v) == Eigen::MatrixXf(space.vectors(docs)));  // what vectors() makes of the same texts, exactly
    for (int r = 0; r < 3; ++r) EXPECT_NEAR(v.row(r).norm(), 1.0f, 1e-6f);
    EXPECT_GT(v.coeff(0, 1), v.coeff(0, 0));  // "remitt" (1 document) outweighs "migrant" (3)
    EXPECT_FLOAT_EQ(v.coeff(2, 0), 1.0f);
    const sparse_rows unknown = space.vectors({{{"nuclear"}}});
    EXPECT_EQ(unknown.nonZeros(), 0);
}

TEST(TfIdf, ARepeatedTermIsOneEntryWithItsWeightsSummed) {
    const std::vector<weighted_terms> docs{{{"migrant"}, {"remitt", 0.5f}, {"migrant", 0.25f}}, {{"remitt"}}};
    const auto [space, rows] = learn_tfidf(collection_of(docs));
    EXPECT_EQ(rows.nonZeros(), 3);
    EXPECT_EQ(space.dimensions(), 2u);
    EXPECT_TRUE(Eigen::MatrixXf(rows) == Eigen::MatrixXf(space.vectors(docs)));
    EXPECT_FLOAT_EQ(space.idf(0), std::log(3.0f / 2.0f) + 1.0f);  // "migrant": one document of two, counted once
    EXPECT_FLOAT_EQ(space.idf(1), 1.0f);                          // "remitt": both
    const float migrant = (1.0f + std::log(1.25f)) * space.idf(0), remitt = 0.5f * space.idf(1);
    EXPECT_FLOAT_EQ(rows.coeff(0, 0), migrant / std::sqrt(migrant * migrant + remitt * remitt));
}

TEST(WordNet, FirstSenseBringsSynonymsRelatedFormsAndGloss) {
    auto wn = wordnet::load();
    ASSERT_NE(wn, nullptr) << "WordNet is missing: scripts/setup installs wordnet-base";
    const auto remittance = wn->first_sense("remittances");
    ASSERT_TRUE(remittance);
    EXPECT_NE(std::find(remittance->gloss.begin(), remittance->gloss.end(), "money"), remittance->gloss.end());
    const auto migration = wn->first_sense("migration");
    ASSERT_TRUE(migration);
    EXPECT_NE(std::find(migration->related.begin(), migration->related.end(), "migrate"), migration->related.end());
    EXPECT_FALSE(wn->first_sense("xqzw"));
    EXPECT_EQ(wordnet::load("/nonexistent"), nullptr);
}

TEST(WordNet, ExpansionAddsWeightedTerms) {
    auto wn = wordnet::load();
    ASSERT_NE(wn, nullptr);
    stemmer s;
    const auto plain = weighted(terms_of("transfers of remittances", s), s, nullptr);
    EXPECT_EQ(plain.size(), 3u);
    const auto expanded = weighted(terms_of("transfers of remittances", s), s, wn.get());
    EXPECT_GT(expanded.size(), plain.size());
    EXPECT_TRUE(std::any_of(expanded.begin(), expanded.end(),
                            [](const weighted_term& t) { return t.term == "money" && t.weight < 1.0f; }));
}

}  // namespace
}  // namespace resdraft::models

#include "models/lsa.hpp"

namespace resdraft::models {
namespace {

TEST(Lsa, BringsTogetherWordsThatShareContexts) {
    const std::vector<weighted_terms> docs{
        {{"remitt"}, {"money"}},  {{"money"}, {"transfer"}}, {{"remitt"}, {"transfer"}}, {{"remitt"}, {"money"}, {"transfer"}},
        {{"nuclear"}, {"weapon"}}, {{"weapon"}, {"treati"}},  {{"nuclear"}, {"treati"}},  {{"nuclear"}, {"weapon"}, {"treati"}}};
    const auto [space, rows] = learn_tfidf(collection_of(docs));
    const lsa_space lsa(rows, 2);
    EXPECT_EQ(lsa.rank(), 2);
    const Eigen::MatrixXf q = lsa.project(space.vectors({{{"remitt"}}, {{"transfer"}}, {{"nuclear"}}}));
    EXPECT_GT(q.row(0).dot(q.row(1)), 0.9f);       // no word in common, same subject
    EXPECT_LT(std::abs(q.row(0).dot(q.row(2))), 0.1f);  // different subjects
    EXPECT_NEAR(q.row(0).norm(), 1.0f, 1e-5f);
    const Eigen::MatrixXf again = lsa_space(space.vectors(docs), 2).project(space.vectors({{{"remitt"}}}));
    EXPECT_TRUE(again.row(0).isApprox(q.row(0)));  // fixed seed: the same numbers every run
}

TEST(Lsa, ACollectionWithoutContentWordsHasNoDimension) {
    // texts of verbs only ("Urges", "Decides") weigh no term: Eigen's SVD of the empty sketch crashed
    for (const sparse_rows& empty : {sparse_rows(3, 0), sparse_rows(0, 0), sparse_rows(200, 5)}) {
        const lsa_space lsa(empty);
        EXPECT_EQ(lsa.rank(), 0);
        const Eigen::MatrixXf projected = lsa.project(empty);
        EXPECT_EQ(projected.rows(), empty.rows());
        EXPECT_EQ(projected.cols(), 0);
    }
}

}  // namespace
}  // namespace resdraft::models
