// `check` against the labelled drafts in corpus/drafts/ (labels written by reading how each paragraph
// was made from A/68/L.5), and against an unrelated real resolution.
#include "analysis/check.hpp"

#include "corpus/embedded.hpp"
#include "models/tiny_vectors.hpp"
#include "models/word_vectors.hpp"
#include "models/wordnet.hpp"
#include "report/check_report.hpp"
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

    static check_result run(const grammar::document& doc, const models::word_vectors* vectors = nullptr) {
        check_options options;
        options.wordnet = wordnet_.get();
        options.vectors = vectors;
        return check(reference_, doc, options);
    }

    // A labelled draft of corpus/drafts (or of another folder of the source tree) checked, with or without vectors.
    static labelled_run labelled(const std::string& stem, const models::word_vectors* vectors = nullptr,
                                 const std::string& folder = "corpus/drafts") {
        labelled_run r;
        r.text = testing::read_file(testing::source_dir() / folder / (stem + ".txt"));
        r.doc = testing::parse_ok(r.text, stem + ".txt");
        r.labels = nlohmann::json::parse(testing::read_file(testing::source_dir() / folder / (stem + ".labels.json")));
        r.result = run(r.doc, vectors);
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

// ---- word vectors (issue 12) ----

// The tiny vectors (money, remittances, cat, g77): a reference of eight paragraphs, of which only 1 and 2 have
// words the vectors hold, and a draft paragraph that shares no word with it. Every number of the decision
// follows from two cosines of the stored vectors.
class CheckWithTinyVectors : public ::testing::Test {
protected:
    void SetUp() override {
        bytes_ = testing::converted().bytes;
        auto v = models::word_vectors::view(bytes_, "tiny.rdvec");
        ASSERT_TRUE(std::holds_alternative<models::word_vectors>(v));
        vectors_.emplace(std::move(std::get<models::word_vectors>(v)));
        options_.vectors = &*vectors_;
        options_.semantic.post_process = false;  // five words are too few to learn it from
    }
    static std::string reference_text(int paragraphs) {
        const char* others[] = {"gammathree", "deltafour", "epsilonfive", "zetasix", "etaseven", "thetaeight"};
        std::string text = "1. Recognizes remittances and alphaone;\n\n2. Recognizes cat and betatwo;\n";
        for (int p = 3; p <= paragraphs; ++p) {  // appended piece by piece: g++ 12 warns (-Wrestrict) on "a" + std::string
            text += '\n';
            text += std::to_string(p);
            text += ". Recognizes ";
            text += others[p - 3];
            text += ";\n";
        }
        return text;
    }
    double cos(const char* a, const char* b) const {
        return vectors_->cosine(static_cast<std::size_t>(vectors_->find(a)), static_cast<std::size_t>(vectors_->find(b)));
    }
    // The draft paragraph's standout against the eight-paragraph reference: its row (one value c among eight,
    // the rest 0) gives sqrt(7) standard deviations; the column of paragraph 1 holds cat ~ remittances and six 0.
    double expected_standout() const {
        const double c = cos("money", "remittances"), other = cos("cat", "remittances");
        return std::sqrt(7.0) + (7 * c - other) / (other * std::sqrt(6.0));
    }

    std::string bytes_;
    std::optional<models::word_vectors> vectors_;
    check_options options_;
    const std::string draft_text_ = "1. Welcomes money;\n";
};

TEST_F(CheckWithTinyVectors, AParaphraseThatStandsOutIsRelated) {
    const std::string ref_text = reference_text(8);
    const auto reference = testing::parse_ok(ref_text), draft = testing::parse_ok(draft_text_);
    const auto r = check(reference, draft, options_);
    ASSERT_EQ(r.paragraphs.size(), 1u);
    const paragraph_check& p = r.paragraphs[0];
    EXPECT_TRUE(r.semantic);
    EXPECT_EQ(p.state, status::related);
    ASSERT_TRUE(p.standout.has_value());
    EXPECT_NEAR(*p.standout, expected_standout(), 1e-4);
    EXPECT_GT(*p.standout, options_.limits.semantic_standout);
    ASSERT_EQ(p.matches.size(), 3u);
    EXPECT_EQ(p.matches[0].reference, "1");  // by meaning: remittances
    ASSERT_TRUE(p.matches[0].semantic.has_value());
    EXPECT_NEAR(*p.matches[0].semantic, cos("money", "remittances"), 1e-6);
    EXPECT_EQ(p.matches[0].score, 0.0);  // no shared word
    EXPECT_EQ(p.matches[0].reuse, 0.0);
    EXPECT_EQ(p.matches[1].reference, "2");  // cat: orthogonal to money, a similarity of 0, ahead of paragraphs without words
    EXPECT_FALSE(p.matches[2].semantic.has_value());  // paragraph 3 has no word the vectors hold
    ASSERT_EQ(p.word_pairs.size(), 1u);
    EXPECT_EQ(p.word_pairs[0].draft, "money");
    EXPECT_EQ(p.word_pairs[0].reference, "remittances");
    EXPECT_NEAR(p.word_pairs[0].cosine, cos("money", "remittances"), 1e-6);
    EXPECT_TRUE(p.redline.empty());
    ASSERT_EQ(r.gaps.size(), 8u);
    EXPECT_EQ(r.gaps[0].echoed_by, std::vector<std::string>{"1"});
}

// The threshold decides: just above the standout, the same paragraph is new; without vectors it is new too.
TEST_F(CheckWithTinyVectors, BelowTheThresholdOrWithoutVectorsItIsNew) {
    const std::string ref_text = reference_text(8);
    const auto reference = testing::parse_ok(ref_text), draft = testing::parse_ok(draft_text_);
    options_.limits.semantic_standout = expected_standout() + 1e-3;
    const auto above = check(reference, draft, options_);
    EXPECT_EQ(above.paragraphs[0].state, status::fresh);
    EXPECT_TRUE(above.paragraphs[0].matches.empty());
    EXPECT_TRUE(above.paragraphs[0].word_pairs.empty());
    EXPECT_TRUE(above.paragraphs[0].standout.has_value());
    options_.limits.semantic_standout = expected_standout() - 1e-3;
    EXPECT_EQ(check(reference, draft, options_).paragraphs[0].state, status::related);
    check_options plain;
    const auto without = check(reference, draft, plain);
    EXPECT_FALSE(without.semantic);
    EXPECT_EQ(without.paragraphs[0].state, status::fresh);
    EXPECT_FALSE(without.paragraphs[0].standout.has_value());
}

// Seven reference paragraphs are too few to tell what stands out: no related by meaning, whatever the threshold.
TEST_F(CheckWithTinyVectors, ASmallReferenceDecidesByWordsAlone) {
    const std::string ref_text = reference_text(7);
    const auto reference = testing::parse_ok(ref_text), draft = testing::parse_ok(draft_text_);
    options_.limits.semantic_standout = -100;
    const auto r = check(reference, draft, options_);
    EXPECT_EQ(r.paragraphs[0].state, status::fresh);
    EXPECT_FALSE(r.paragraphs[0].standout.has_value());
}

// The reports say why: the word pairs in text and HTML, the semantic score and the standout in JSON.
TEST_F(CheckWithTinyVectors, ReportsShowTheWordPairs) {
    const std::string ref_text = reference_text(8);
    const auto reference = testing::parse_ok(ref_text), draft = testing::parse_ok(draft_text_);
    const auto r = check(reference, draft, options_);
    const std::string text = report::check_text(r, false);
    EXPECT_NE(text.find("\n1  related  <- 1 (reuse 0.00, score 0.00, semantic 0.64); also 2 3\n    why: money ~ remittances\n    Welcomes money;\n"),
              std::string::npos)
        << text;
    EXPECT_NE(report::check_html(r).find("why: money ~ remittances</div>"), std::string::npos);
    const auto j = nlohmann::json::parse(report::check_json(r, options_.limits));
    const auto& p = j["paragraphs"][0];
    EXPECT_EQ(p["word_pairs"], nlohmann::json::parse(R"([{"draft": "money", "reference": "remittances", "cosine": 0.641}])"));
    EXPECT_DOUBLE_EQ(p["standout"].get<double>(), std::round(expected_standout() * 1000) / 1000);
    EXPECT_EQ(p["matches"][0]["semantic"], 0.641);  // 0.64 stored as int8
    EXPECT_TRUE(p["matches"][2]["semantic"].is_null());
    EXPECT_EQ(j["thresholds"]["semantic"]["standout"], 4.5);
    EXPECT_EQ(j["thresholds"]["semantic"]["least_population"], 8);
}

// The real vectors on the labelled drafts: verbatim, edited, new, gaps and verb changes exactly as without them.
class CheckWithRealVectors : public Check {
protected:
    static void SetUpTestSuite() {
        Check::SetUpTestSuite();
        if (const auto path = testing::real_vectors()) {
            auto opened = models::word_vectors::open(path->string());
            if (std::holds_alternative<models::word_vectors>(opened)) vectors_ = std::make_unique<models::word_vectors>(std::move(std::get<models::word_vectors>(opened)));
        }
    }
    static void TearDownTestSuite() { vectors_.reset(); Check::TearDownTestSuite(); }
    void SetUp() override {
        if (!vectors_) GTEST_SKIP() << "no word vectors in the cache folder (run scripts/setup to fetch and convert them)";
    }

    // What bench/semantic_quality counts over a folder of labelled drafts.
    struct figures {
        int paraphrases = 0, paraphrase_first = 0;  // labelled related; related or edited with the labelled reference first
        int called_related = 0, right_related = 0;  // called related; of them labelled related with the reference first
        int same = 0, same_related = 0, other = 0, other_related = 0;
    };
    static figures count(const std::string& folder, const std::vector<std::string>& stems) {
        figures f;
        for (const std::string& stem : stems) {
            const auto r = labelled(stem, vectors_.get(), folder);
            for (const paragraph_check& p : r.result.paragraphs) {
                const auto& label = r.labels["paragraphs"][p.id];
                const std::string want = label["status"], note = label.value("note", "");
                const std::string first = p.matches.empty() ? "" : p.matches[0].reference;
                const bool related = p.state == status::related;
                f.called_related += related;
                if (want == "related") {
                    ++f.paraphrases;
                    f.paraphrase_first += (related || p.state == status::edited) && first == label["reference"];
                    f.right_related += related && first == label["reference"];
                } else if (note.find("same domain") != std::string::npos) {
                    ++f.same, f.same_related += related;
                } else if (note.find("other domain") != std::string::npos) {
                    ++f.other, f.other_related += related;
                }
            }
        }
        std::cout << "[check] " << folder << " with vectors: paraphrase first " << f.paraphrase_first << "/" << f.paraphrases
                  << ", related precision " << f.right_related << "/" << f.called_related << ", false related: same-domain "
                  << f.same_related << "/" << f.same << ", other " << f.other_related << "/" << f.other << "\n";
        return f;
    }

    static std::unique_ptr<models::word_vectors> vectors_;
};

std::unique_ptr<models::word_vectors> CheckWithRealVectors::vectors_;

TEST_F(CheckWithRealVectors, GaStyleFollowUpMatchesItsLabels) { check_against_labels(labelled("migration-followup", vectors_.get())); }

TEST_F(CheckWithRealVectors, DeclarationStyleDraftMatchesItsLabels) { check_against_labels(labelled("migration-declaration", vectors_.get())); }

// The tuning half, which the threshold was set on (bench/semantic_quality prints the same figures).
TEST_F(CheckWithRealVectors, TuningHalfFigures) {
    const figures f = count("corpus/semantic/tuning", {"tuning-a", "tuning-b"});
    EXPECT_EQ(f.paraphrases, 16);
    EXPECT_EQ(f.paraphrase_first, 10);
    EXPECT_EQ(f.right_related, 10);
    EXPECT_EQ(f.called_related, 13);
    EXPECT_EQ(f.same_related, 1);  // tuning-a 12 (digital identity), by its words: cosine 0.20
    EXPECT_EQ(f.same, 16);
    EXPECT_EQ(f.other_related, 1);  // tuning-b 4 (assessed contributions), by its words: "requests the Secretary-General to report"
    EXPECT_EQ(f.other, 5);
}

// The held-out half, as it came out the one time it was evaluated, after the design and thresholds were frozen
// (commit d3f250f): far below issue 12's target of 80% for paraphrases. Asserted so that a later change that
// moves it is seen; not a figure anything was tuned to.
TEST_F(CheckWithRealVectors, HeldOutHalfFiguresAsEvaluatedOnce) {
    const figures f = count("corpus/semantic/heldout", {"heldout-a", "heldout-b"});
    EXPECT_EQ(f.paraphrases, 16);
    EXPECT_EQ(f.paraphrase_first, 4);
    EXPECT_EQ(f.right_related, 4);
    EXPECT_EQ(f.called_related, 7);
    EXPECT_EQ(f.same_related, 1);
    EXPECT_EQ(f.other_related, 1);
}

}  // namespace
}  // namespace resdraft::analysis
