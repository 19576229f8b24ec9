// bench/throughput: what the floor, the baseline and the ceiling count, the generated corpus, and the
// counts a measurement reports (its rates are timings, checked only for being measured).
#include "bench/stages.hpp"
#include "bench/throughput.hpp"
#include "corpus/embedded.hpp"
#include "test_support.hpp"

#include <string>
#include <vector>

namespace resdraft {
namespace {

TEST(Throughput, FloorCountsLineEnds) {
    EXPECT_EQ(bench::floor_scan(""), 0u);
    EXPECT_EQ(bench::floor_scan("no line end"), 0u);
    EXPECT_EQ(bench::floor_scan("a\nb\n\nc"), 3u);
}

TEST(Throughput, BaselineFindsNumberedLinesWithALeadingWord) {
    const std::string text =
        "The General Assembly,\n\n"
        "1. Decides to act;\n"
        "2. We recall the Declaration.\n"
        "Recalling its resolution 70/1,\n"
        " 3.5 million migrants\n"
        "10.  urges States\n";
    EXPECT_EQ(bench::regex_baseline(text), 3u);  // 1, 2 and 10; "3.5" is no paragraph number
    EXPECT_EQ(bench::re2_baseline(text), 3u);    // the same lines, with RE2 over the whole text
    // RE2's multi-line mode: "^" after each line end, not across it ("1.\n Decides" is no match)
    EXPECT_EQ(bench::re2_baseline("1.\n Decides\n\n2. Urges\n3. urges"), 2u);
    EXPECT_EQ(bench::regex_baseline("1.\n Decides\n\n2. Urges\n3. urges"), 2u);
}

TEST(Throughput, BytePassesCountLineEndsAndClauseMarkCandidates) {
    // one line end; , ( ) . from the structural index and the "a" of "and"
    const std::string line = "Urges States, and calls (upon) them.\n";
    EXPECT_EQ(bench::byte_passes(line), 6u);
    // long enough for the sixteen-bytes-at-a-time masks
    std::string lines;
    for (int i = 0; i < 4; ++i) lines += line;
    EXPECT_EQ(bench::byte_passes(lines), 24u);
    EXPECT_EQ(bench::byte_passes("1. Decides \xC3"), 0u);  // invalid UTF-8 stops at the check
}

TEST(Throughput, GeneratedDocumentsRenumberTheSourcesOperativeParagraphs) {
    const std::vector<std::string> sources{std::string(corpus::reference_text())};
    const std::size_t pool = bench::operative_paragraphs(sources).size();
    ASSERT_EQ(pool, 35u);  // "Adopts the following Declaration:" and the annex's 34
    const auto docs = bench::generate_corpus(sources, 20'000);
    std::size_t total = 0;
    for (const std::string& d : docs) {
        total += d.size();
        const auto doc = testing::parse_ok(d);
        ASSERT_EQ(doc.paragraphs.size(), pool);  // fewer than 40: one document per shuffle
        for (std::size_t i = 0; i < pool; ++i) EXPECT_EQ(doc.paragraphs[i].id, std::to_string(i + 1));
    }
    EXPECT_GE(total, 20'000u);
    EXPECT_LT(total - docs.back().size(), 20'000u);  // stops at the document that reaches the target
    EXPECT_EQ(bench::generate_corpus(sources, 20'000), docs);
    EXPECT_NE(bench::generate_corpus(sources, 20'000, 7), docs);
}

TEST(Throughput, MeasurementCountsWhatTheParserFinds) {
    const std::vector<std::string> docs{std::string(corpus::reference_text()),
                                        "The General Assembly,\n\n1. Urges States to act, and calls upon them to report.\n"};
    std::size_t bytes = 0, paragraphs = 0, clauses = 0;
    for (const std::string& d : docs) {
        const auto doc = testing::parse_ok(d);
        bytes += d.size();
        paragraphs += doc.paragraphs.size();
        for (const auto& p : doc.paragraphs) clauses += p.clauses.size();
    }
    const auto m = bench::measure(docs, 1);
    EXPECT_EQ(m.bytes, bytes);
    EXPECT_EQ(m.paragraphs, paragraphs);
    EXPECT_EQ(m.paragraphs, 36u);
    EXPECT_EQ(m.clauses, clauses);
    EXPECT_GT(m.parse_mb_per_s, 0);
    EXPECT_GT(m.floor_mb_per_s, 0);
    EXPECT_GT(m.baseline_mb_per_s, 0);
    EXPECT_GT(m.re2_mb_per_s, 0);
    EXPECT_DOUBLE_EQ(m.ratio_to_floor(), m.parse_mb_per_s / m.floor_mb_per_s);
    EXPECT_DOUBLE_EQ(m.ratio_to_baseline(), m.parse_mb_per_s / m.baseline_mb_per_s);
    EXPECT_DOUBLE_EQ(m.ratio_to_re2(), m.parse_mb_per_s / m.re2_mb_per_s);
}

}  // namespace
}  // namespace resdraft
