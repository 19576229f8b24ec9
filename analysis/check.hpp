// `resdraft check`: a draft against a reference declaration. Which draft paragraphs reuse reference
// language verbatim, which edit it (with a redline), which only echo it, which are new; where a verb
// got weaker or stronger; which reference paragraphs the draft dropped.
#pragma once

#include "analysis/alignment.hpp"
#include "analysis/progress.hpp"
#include "analysis/thresholds.hpp"
#include "grammar/ast.hpp"
#include "models/semantic.hpp"
#include "models/text_model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace resdraft::analysis {

enum class status { verbatim, edited, related, fresh };  // fresh: "new", a paragraph with no counterpart


// The calibrated rules, shared by check and the library's precedents: reuse of the draft's words and
// coverage of the reference's make a match verbatim; reuse with some shared vocabulary (cosine), edited.
bool is_verbatim(double reuse, double coverage, const thresholds& limits);
bool is_edited(double reuse, double score, const thresholds& limits);
// How matches are ranked: reuse and cosine together.
inline double match_rank(double reuse, double score, const thresholds& limits = {}) {
    return limits.rank_reuse_weight * reuse + (1 - limits.rank_reuse_weight) * score;
}

struct match {
    std::string reference;   // reference paragraph id
    std::size_t index = 0;   // its position in check_result::reference_ids
    double score = 0;        // cosine similarity of TF-IDF vectors
    double reuse = 0;        // share of the draft paragraph's words reused from it
    std::optional<double> lsa;  // cosine in LSA space, when a background was given (reported, not used to decide)
    std::optional<double> semantic;  // models::semantic_scores::similarity, when word vectors were given and both paragraphs
                                     // have a word they hold
};

// Two words, one of the draft paragraph and one of its reference paragraph, that made them close in meaning
// ("money ~ remittances"): the reason a paragraph is `related` when few words are shared.
struct word_pair {
    std::string draft, reference;  // as most often written
    double cosine = 0;             // of their post-processed vectors
};

struct verb_change {
    std::string reference;                 // adverbs and verb as written in the reference ("strongly condemn")
    std::string draft;                     // the same in the draft ("condemns")
    std::string change;                    // "weaker", "stronger", "different" (same rank, other verb), "same"
    int reference_strength = -1, draft_strength = -1;
    std::vector<std::string> adverbs_added, adverbs_dropped;
    std::optional<std::string> reference_addressee, draft_addressee;  // set when the addressee changed
};

struct paragraph_check {
    std::string id;                        // draft paragraph id ("pp3", "12")
    std::string text;                      // normalized draft text
    status state = status::fresh;
    std::vector<match> matches;            // best first, at most 3; empty for new paragraphs
    bool merged = false;                   // the draft paragraph joins the first two matches
    std::vector<verb_change> verb_changes;
    std::vector<redline_run> redline;      // against the first match; empty for new and related paragraphs
    std::vector<word_pair> word_pairs;     // related paragraphs, with word vectors: the pairs that carried the first match
    std::optional<double> standout;        // with word vectors: how far its meaning stands out (thresholds::semantic_standout)
};

struct gap {
    std::string reference;                 // reference paragraph id
    double coverage = 0;                   // best share of its words carried over by one draft paragraph
    std::vector<std::string> keywords;     // readable words saying what it was about
    std::string text;                      // its normalized text
    std::vector<std::string> echoed_by;    // draft paragraphs related to it: the idea survives in other words
};

struct check_result {
    std::string reference_name, reference_symbol, draft_name;
    std::vector<std::string> reference_ids;            // compared reference paragraphs, in order
    std::vector<std::string> reference_texts;
    std::vector<paragraph_check> paragraphs;           // one per compared draft paragraph, in order
    std::vector<std::vector<double>> similarity;       // draft x reference cosine, for the heatmap; empty past check_options::heatmap_cells
    std::vector<gap> gaps;
    bool semantic = false;                             // word vectors informed the decision (matches carry `semantic`)
    std::size_t count(status s) const;
    double reference_covered() const;                  // share of reference paragraphs that are not gaps
};

// The paragraphs that hold a document's substance: its declaration (annex part) when it has one with
// paragraphs, otherwise its body.
std::vector<const grammar::paragraph*> compared_paragraphs(const grammar::document& doc);

struct check_options {
    thresholds limits;
    models::wordnet* wordnet = nullptr;       // synonym-aware similarity when given
    const models::word_vectors* vectors = nullptr;  // word vectors when loaded: `related` by meaning too (thresholds);
                                                    // null: by wording alone, exactly as before them
    models::semantic_options semantic;              // how the vectors are used (measurements compare the choices)
    models::expansion_weights expansion;
    std::vector<std::string> background;       // paragraphs of other resolutions: they only inform term weights
    // What the result keeps, so that it grows with the inputs and not with their product:
    std::size_t heatmap_cells = 40'000;        // check_result::similarity only while draft x reference paragraphs is at most this
    std::size_t deletion_words = 300;          // deleted words a redline shows (shorten_deletions)
    progress_callback progress;                // told each step, and every 1% of the draft paragraphs aligned
};

// Compares `draft` with `reference`. Memory grows with the sizes of both, not their product: each draft
// paragraph is aligned with its 10 nearest reference paragraphs, found without an all-pairs matrix.
check_result check(const grammar::document& reference, const grammar::document& draft, const check_options& options = {});

std::string_view status_name(status s);

}  // namespace resdraft::analysis
