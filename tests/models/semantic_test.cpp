// models/semantic: paragraphs as idf-weighted bags of word vectors, compared word by word, on the tiny vectors
// (3 dimensions: money (3,4,0), remittances (0,4,3), g77 (1,1,1), cat (0,0,2)), every expected number computed
// from the stored vectors' cosines by the formulas of semantic.hpp; and the post-processing on the real file.
#include "models/semantic.hpp"
#include "models/tiny_vectors.hpp"
#include "test_support.hpp"

#include <cmath>
#include <filesystem>
#include <optional>
#include <set>

namespace resdraft::models {
namespace {

enum tiny : std::size_t { cat, g77, money, remittances, the };

class Semantic : public ::testing::Test {
protected:
    void SetUp() override {
        bytes_ = testing::converted().bytes;
        auto v = word_vectors::view(bytes_, "tiny.rdvec");
        ASSERT_TRUE(std::holds_alternative<word_vectors>(v));
        vectors_.emplace(std::move(std::get<word_vectors>(v)));
    }
    // A space over `texts` without the post-processing (the tiny file has too few words to learn it from).
    semantic_space space(const std::vector<std::string>& texts) {
        semantic_options o;
        o.post_process = false;
        semantic_space s(*vectors_, o);
        for (const std::string& t : texts) s.add(terms_of(t, stem_));
        s.finish();
        return s;
    }
    double cos(std::size_t a, std::size_t b) const { return vectors_->cosine(a, b); }
    // idf of a stem held by `df` of `n` texts, as semantic_space weighs it
    static double idf(int df, int n) { return std::log((1.0 + n) / (1.0 + df)) + 1.0; }

    std::string bytes_;
    std::optional<word_vectors> vectors_;
    stemmer stem_;
};

TEST_F(Semantic, UnitVectorsAsStoredWithoutPostProcessing) {
    const auto s = space({});
    const Eigen::VectorXf m = s.unit_vector(money);
    EXPECT_NEAR(m(0), 0.6, 0.01);
    EXPECT_NEAR(m(1), 0.8, 0.01);
    EXPECT_FLOAT_EQ(m(2), 0.0f);
    EXPECT_NEAR(m.norm(), 1.0, 1e-6);
}

// No word in common: each word to its closest of the other text, idf weights all equal here.
TEST_F(Semantic, EachWordToItsClosestInBothDirections) {
    const auto s = space({"money and cat", "remittances"});
    ASSERT_EQ(s.size(), 2u);
    EXPECT_EQ(s.words(0), 2u);  // "and" is a function word
    EXPECT_EQ(s.words(1), 1u);
    const double p = (cos(money, remittances) + cos(cat, remittances)) / 2;  // money and cat, each to remittances
    const double r = std::max(cos(remittances, money), cos(remittances, cat));
    const semantic_scores x = s.score(0, 1);
    EXPECT_NEAR(x.similarity, std::min(p, r), 1e-6);
    EXPECT_NEAR(x.beyond_shared, x.similarity, 1e-6);  // nothing shared
    EXPECT_NEAR(x.similarity, 0.62, 0.01);
    EXPECT_NEAR(s.score(1, 0).similarity, x.similarity, 1e-6);  // symmetric
}

// A shared stem counts 1 in the similarity and nothing beyond it; weights are occurrences x idf.
TEST_F(Semantic, SharedWordsCountOnlyInTheSimilarity) {
    const auto s = space({"money remittances", "money cat"});
    const double w_money = idf(2, 2), w_other = idf(1, 2);
    const double total = w_money + w_other;
    const double p = (w_money * 1.0 + w_other * std::max(cos(remittances, money), cos(remittances, cat))) / total;
    const double r = (w_money * 1.0 + w_other * std::max(cos(cat, money), cos(cat, remittances))) / total;
    const semantic_scores x = s.score(0, 1);
    EXPECT_NEAR(x.similarity, std::min(p, r), 1e-6);
    EXPECT_NEAR(x.beyond_shared, w_other * cos(remittances, cat) / total, 1e-6);  // remittances ~ cat, in both directions
    EXPECT_NEAR(s.score(0, 0).similarity, 1.0, 1e-6);
    EXPECT_NEAR(s.score(0, 0).beyond_shared, 0.0, 1e-6);  // all shared: nothing beyond
}

TEST_F(Semantic, TextsWithoutKnownWordsScoreZero) {
    const auto s = space({"zorblat quux", "money", ""});
    EXPECT_EQ(s.words(0), 0u);
    EXPECT_EQ(s.score(0, 1).similarity, 0.0);
    EXPECT_EQ(s.score(1, 2).beyond_shared, 0.0);
    EXPECT_EQ(s.centroid(0).norm(), 0.0f);
    EXPECT_TRUE(s.carrying_pairs(0, 1, 0.0f, 3).empty());
}

// Repeats add weight: "money money cat" leans towards money's neighbours.
TEST_F(Semantic, RepeatedWordsWeighMore) {
    const auto s = space({"money money cat", "remittances", "money cat"});
    const double w = idf(2, 3);  // money and cat are each in two texts
    const double p = (2 * w * cos(money, remittances) + w * cos(cat, remittances)) / (3 * w);
    EXPECT_NEAR(s.score(0, 1).similarity, std::min(p, std::max(cos(remittances, money), cos(remittances, cat))), 1e-6);
}

// The pairs that carried a closeness: words the other text lacks, one pair each, closest first.
TEST_F(Semantic, CarryingPairsOnePerWordClosestFirst) {
    const auto s = space({"money cat", "remittances g77"});
    // money ~ g77 (0.81) first; then cat's closest free partner, remittances (0.60)
    const auto pairs = s.carrying_pairs(0, 1, 0.5f, 3);
    ASSERT_EQ(pairs.size(), 2u);
    std::set<std::pair<std::string, std::string>> got{{pairs[0].a, pairs[0].b}, {pairs[1].a, pairs[1].b}};
    EXPECT_EQ(got, (std::set<std::pair<std::string, std::string>>{{"money", "g77"}, {"cat", "remittances"}}));
    EXPECT_NEAR(pairs[0].share + pairs[1].share, (cos(money, g77) + cos(cat, remittances)) / 2, 1e-6);
    EXPECT_EQ(s.carrying_pairs(0, 1, 0.7f, 3).size(), 1u);  // only money ~ g77 is that close
    EXPECT_EQ(s.carrying_pairs(0, 1, 0.5f, 1).size(), 1u);
    const auto shared = space({"money cat", "money remittances"});
    const auto only = shared.carrying_pairs(0, 1, 0.5f, 3);  // money is shared: only cat ~ remittances
    ASSERT_EQ(only.size(), 1u);
    EXPECT_EQ(only[0].a, "cat");
    EXPECT_EQ(only[0].b, "remittances");
}

TEST_F(Semantic, CentroidIsTheWeightedMeanOfUnitVectors) {
    const auto s = space({"money remittances"});
    const Eigen::VectorXf expected = (s.unit_vector(money) + s.unit_vector(remittances)).normalized();
    EXPECT_NEAR((s.centroid(0) - expected).norm(), 0.0, 1e-6);
}

// The lexicon's verbs and UN terms can be left out of the bags (measured choices, off by default).
TEST_F(Semantic, LeavesOutVerbsAndUnTermsWhenAsked) {
    semantic_options o;
    o.post_process = false;
    o.leave_out_un_terms = true;
    semantic_space s(*vectors_, o);
    s.add(terms_of("money of Member States", stem_));  // "member" and "states" are not in the tiny vectors anyway
    s.finish();
    EXPECT_EQ(s.words(0), 1u);
    EXPECT_THROW(s.add(terms_of("money", stem_)), std::logic_error);  // after finish
}

// The real vectors: after the post-processing, frequent words stop being close to everything.
TEST(SemanticRealVectors, PostProcessingSeparatesFrequentWords) {
    const auto path = testing::real_vectors();
    if (!path) GTEST_SKIP() << "no word vectors in the cache folder (run scripts/setup to fetch and convert them)";
    auto opened = word_vectors::open(path->string());
    ASSERT_TRUE(std::holds_alternative<word_vectors>(opened));
    const auto& v = std::get<word_vectors>(opened);
    semantic_options raw_options;
    raw_options.post_process = false;
    const semantic_space raw(v, raw_options), processed(v);
    const auto cos = [&](const semantic_space& s, const char* a, const char* b) {
        return s.unit_vector(static_cast<std::size_t>(v.find(a))).dot(s.unit_vector(static_cast<std::size_t>(v.find(b))));
    };
    // GloVe puts the frequent "much" and "need" close (0.76); processed, they are not (0.23), while "money" and
    // "remittances" come a little closer
    EXPECT_NEAR(cos(raw, "much", "need"), 0.758, 0.005);
    EXPECT_NEAR(cos(processed, "much", "need"), 0.233, 0.005);
    EXPECT_NEAR(cos(raw, "money", "remittances"), 0.287, 0.005);
    EXPECT_NEAR(cos(processed, "money", "remittances"), 0.323, 0.005);
}

}  // namespace
}  // namespace resdraft::models
