// `check` against the labelled drafts in corpus/drafts/ (labels written by reading how each paragraph
// was made from A/68/L.5), and against an unrelated real resolution.
#include "analysis/check.hpp"

#include "corpus/embedded.hpp"
#include "models/wordnet.hpp"
#include "test_support.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <map>
#include <set>

namespace resdraft::analysis {
namespace {

struct labelled_run {
    std::string text;
    grammar::document doc;
    nlohmann::json labels;
    check_result result;
};

class Check : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        wordnet_ = models::wordnet::load();
        reference_ = testing::parse_ok(corpus::reference_text(), corpus::reference_name());
    }
    static void TearDownTestSuite() { wordnet_.reset(); }

    static check_result run(const grammar::document& doc) {
        check_options options;
        options.wordnet = wordnet_.get();
        return check(reference_, doc, options);
    }

    static labelled_run labelled(const std::string& stem) {
        labelled_run r;
        r.text = testing::read_file(testing::source_dir() / "corpus/drafts" / (stem + ".txt"));
        r.doc = testing::parse_ok(r.text, stem + ".txt");
        r.labels = nlohmann::json::parse(testing::read_file(testing::source_dir() / "corpus/drafts" / (stem + ".labels.json")));
        r.result = run(r.doc);
        return r;
    }

    static void check_against_labels(const labelled_run& r) {
        ASSERT_NE(wordnet_, nullptr) << "WordNet is missing: scripts/setup installs wordnet-base";
        const auto& labels = r.labels["paragraphs"];
        ASSERT_EQ(r.result.paragraphs.size(), labels.size());
        std::map<std::string, std::pair<int, int>> per_class;  // status -> (labelled, found) for recall
        std::map<std::string, int> predicted, correct;
        for (const paragraph_check& p : r.result.paragraphs) {
            SCOPED_TRACE("draft paragraph " + p.id);
            ASSERT_TRUE(labels.contains(p.id));
            const auto& label = labels[p.id];
            const std::string want = label["status"], got(status_name(p.state));
            ++predicted[got];
            per_class[want].first++;
            if (want == got) per_class[want].second++, ++correct[got];
            if (want == "verbatim" || want == "edited") {
                EXPECT_EQ(got, want);
                ASSERT_FALSE(p.matches.empty());
                if (label.contains("merge")) {
                    EXPECT_TRUE(p.merged);
                    ASSERT_GE(p.matches.size(), 2u);
                    const std::set<std::string> pair{p.matches[0].reference, p.matches[1].reference};
                    EXPECT_EQ(pair, (std::set<std::string>{label["merge"][0].get<std::string>(), label["merge"][1].get<std::string>()}));
                } else {
                    EXPECT_EQ(p.matches[0].reference, label["reference"].get<std::string>());
                    EXPECT_FALSE(p.merged);
                }
            } else if (want == "new") {
                EXPECT_EQ(got, "new");
                EXPECT_TRUE(p.matches.empty());
            } else {  // related: paraphrase is partly caught (figures printed below); never taken for reuse
                EXPECT_TRUE(got == "related" || got == "new") << got;
                if (got == "related" && p.matches[0].reference != label["reference"].get<std::string>())
                    std::cout << "[check] " << r.labels["draft"].get<std::string>() << " " << p.id
                              << ": related, but top match " << p.matches[0].reference << "\n";
            }
        }
        // verb changes: every labelled one found with its direction, and no other change of direction
        std::set<std::pair<std::string, std::string>> expected;
        for (const auto& v : r.labels["verb_changes"]) {
            expected.insert({v["paragraph"].get<std::string>(), v["change"].get<std::string>()});
            const auto p = std::find_if(r.result.paragraphs.begin(), r.result.paragraphs.end(),
                                        [&](const paragraph_check& pc) { return pc.id == v["paragraph"].get<std::string>(); });
            ASSERT_NE(p, r.result.paragraphs.end());
            const bool found = std::any_of(p->verb_changes.begin(), p->verb_changes.end(), [&](const verb_change& c) {
                return c.change == v["change"].get<std::string>() && c.reference == v["reference"].get<std::string>() &&
                       c.draft == v["draft"].get<std::string>();
            });
            EXPECT_TRUE(found) << "paragraph " << v["paragraph"] << ": " << v["reference"] << " -> " << v["draft"];
        }
        for (const paragraph_check& p : r.result.paragraphs)
            for (const verb_change& c : p.verb_changes)
                if (c.change != "same") {
                    EXPECT_TRUE(expected.count({p.id, c.change})) << p.id << ": " << c.reference << " -> " << c.draft;
                }
        std::vector<std::string> gaps;
        for (const gap& g : r.result.gaps) gaps.push_back(g.reference);
        EXPECT_EQ(gaps, r.labels["gaps"].get<std::vector<std::string>>());
        for (const auto& [cls, counts] : per_class)
            std::cout << "[check] " << r.labels["draft"].get<std::string>() << " " << cls << ": precision "
                      << correct[cls] << "/" << predicted[cls] << ", recall " << counts.second << "/" << counts.first << "\n";
    }

    static std::unique_ptr<models::wordnet> wordnet_;
    static grammar::document reference_;
};

std::unique_ptr<models::wordnet> Check::wordnet_;
grammar::document Check::reference_;

TEST_F(Check, GaStyleFollowUpMatchesItsLabels) { check_against_labels(labelled("migration-followup")); }

TEST_F(Check, DeclarationStyleDraftMatchesItsLabels) { check_against_labels(labelled("migration-declaration")); }

TEST_F(Check, ComparesTheDeclarationNotTheAdoptingParagraph) {
    const auto r = labelled("migration-followup").result;
    ASSERT_EQ(r.reference_ids.size(), 34u);
    EXPECT_EQ(r.reference_ids.front(), "1");
    EXPECT_EQ(r.reference_ids.back(), "34");
    EXPECT_EQ(r.paragraphs.front().id, "pp1");
    EXPECT_EQ(r.count(status::verbatim) + r.count(status::edited) + r.count(status::related) + r.count(status::fresh),
              r.paragraphs.size());
}

TEST_F(Check, RedlineRebuildsBothTexts) {
    const auto r = labelled("migration-followup").result;
    const paragraph_check& p = r.paragraphs.at(6);  // "2. Condemns the acts ..." from "16. Strongly condemn ..."
    ASSERT_EQ(p.id, "2");
    std::string draft, reference;
    for (const redline_run& run : p.redline) {
        if (run.op != edit_op::remove) draft += run.text;
        if (run.op != edit_op::insert) reference += run.text;
    }
    EXPECT_EQ(draft, p.text);
    EXPECT_EQ(reference, r.reference_texts.at(15));
    ASSERT_GE(p.redline.size(), 3u);
    EXPECT_EQ(p.redline[0].op, edit_op::remove);
    EXPECT_EQ(p.redline[0].text, "Strongly condemn ");
    EXPECT_EQ(p.redline[1].op, edit_op::insert);
    EXPECT_EQ(p.redline[1].text, "Condemns ");
    EXPECT_EQ(p.redline[2].op, edit_op::equal);
}

// Texts without a content word, a background of the same: lsa_space crashed on the empty sketch.
TEST_F(Check, TextsWithoutContentWordsAreAllNewAndAllGaps) {
    const std::string text = "1. Urges\n\n2. Decides\n";
    const grammar::document doc = testing::parse_ok(text);
    check_options options;
    options.background = {"Urges", "Decides"};
    const auto r = check(doc, doc, options);
    EXPECT_EQ(r.count(status::fresh), 2u);
    EXPECT_EQ(r.gaps.size(), 2u);
    for (const auto& p : r.paragraphs) EXPECT_TRUE(p.matches.empty()) << p.id;
}

// Memory grows with the inputs, not their product: the draft x reference matrix is kept only for a
// heatmap of at most heatmap_cells, and a redline shows at most deletion_words deleted words.
TEST_F(Check, KeepsNoAllPairsMatrixPastTheHeatmapLimit) {
    auto r = labelled("migration-followup");
    check_options options;
    options.wordnet = wordnet_.get();
    options.heatmap_cells = 18 * 34;
    EXPECT_EQ(check(reference_, r.doc, options).similarity.size(), 18u);
    options.heatmap_cells = 18 * 34 - 1;
    options.deletion_words = 3;
    const auto small = check(reference_, r.doc, options);
    EXPECT_TRUE(small.similarity.empty());
    ASSERT_EQ(small.paragraphs.size(), r.result.paragraphs.size());
    for (std::size_t d = 0; d < small.paragraphs.size(); ++d) {  // the same findings
        const auto &got = small.paragraphs[d], &want = r.result.paragraphs[d];
        EXPECT_EQ(got.state, want.state);
        ASSERT_EQ(got.matches.size(), want.matches.size());
        for (std::size_t m = 0; m < got.matches.size(); ++m) {
            EXPECT_EQ(got.matches[m].reference, want.matches[m].reference);
            EXPECT_EQ(got.matches[m].score, want.matches[m].score);
        }
    }
    const paragraph_check& p = small.paragraphs.at(6);  // "2. Condemns ..." from "16. Strongly condemn ..."
    std::size_t omitted = 0;
    for (const redline_run& run : p.redline) omitted += run.omitted_words;
    EXPECT_EQ(p.redline[0].text, "Strongly condemn ");  // two of the three deleted words it may show
    EXPECT_GT(omitted, 30u);  // "and urge States to apply ... commit those acts;"
}

TEST_F(Check, IdenticalTextIsAllVerbatimWithNoGaps) {
    const auto r = run(reference_);
    EXPECT_EQ(r.count(status::verbatim), 34u);
    EXPECT_TRUE(r.gaps.empty());
    EXPECT_DOUBLE_EQ(r.reference_covered(), 1.0);
    for (const auto& p : r.paragraphs) {
        EXPECT_EQ(p.matches.at(0).reference, p.id);
        EXPECT_TRUE(p.verb_changes.empty()) << p.id;
    }
}

TEST_F(Check, UnrelatedRealResolutionIsNearlyAllNew) {
    const auto shared = testing::shared_corpus();
    if (!shared) GTEST_SKIP() << "../shared/corpus is absent: the unrelated-resolution check did not run";
    const std::string text = testing::read_file(*shared / "ga-res-80/A_RES_80_39.md");
    const auto doc = testing::parse_ok(text, "A_RES_80_39.md");
    const auto r = run(doc);
    EXPECT_EQ(r.count(status::verbatim), 0u);
    EXPECT_EQ(r.count(status::edited), 0u);
    const double share_new = static_cast<double>(r.count(status::fresh)) / static_cast<double>(r.paragraphs.size());
    EXPECT_GE(share_new, 0.9);
    std::cout << "[check] A/RES/80/39 (nuclear disarmament): " << r.count(status::fresh) << "/" << r.paragraphs.size()
              << " new, " << r.count(status::related) << " related, 0 verbatim, 0 edited\n";
}

TEST_F(Check, BackgroundAddsLsaScoresWithoutChangingReuse) {
    const auto shared = testing::shared_corpus();
    if (!shared) GTEST_SKIP() << "../shared/corpus is absent: the background check did not run";
    std::vector<std::string> keep;  // the background's texts outlive their documents' use
    check_options options;
    options.wordnet = wordnet_.get();
    for (const auto& entry : std::filesystem::directory_iterator(*shared / "ga-res-80")) {
        keep.push_back(testing::read_file(entry.path()));
        const auto doc = testing::parse_ok(keep.back());
        for (const auto* p : compared_paragraphs(doc)) options.background.push_back(grammar::normalized_text(doc, p->text));
    }
    auto r = labelled("migration-followup");
    const auto with = check(reference_, r.doc, options);
    for (const auto& p : with.paragraphs)
        for (const auto& m : p.matches) EXPECT_TRUE(m.lsa.has_value()) << p.id << " <- " << m.reference;
    for (std::size_t d = 0; d < with.paragraphs.size(); ++d) {
        const auto& label = r.labels["paragraphs"][with.paragraphs[d].id];
        const std::string want = label["status"];
        if (want != "verbatim" && want != "edited") continue;
        EXPECT_EQ(status_name(with.paragraphs[d].state), want) << with.paragraphs[d].id;
        ASSERT_TRUE(with.paragraphs[d].matches.at(0).lsa.has_value());
    }
    std::vector<std::string> gaps;
    for (const gap& g : with.gaps) gaps.push_back(g.reference);
    EXPECT_EQ(gaps, r.labels["gaps"].get<std::vector<std::string>>());
}

}  // namespace
}  // namespace resdraft::analysis
