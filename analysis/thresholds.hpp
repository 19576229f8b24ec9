// Every number `check` decides by, in one place: the calibrated thresholds of its statuses, the limits of its
// alignment and candidate search, and the word-vector evidence for `related` (issue 12). The library's
// precedents share the first group.
#pragma once

#include <cstddef>

namespace resdraft::analysis {

// Calibrated on the labelled drafts in corpus/drafts/ and, for the word vectors, on the tuning half of
// corpus/semantic/ (see README, "Calibration"). check's JSON lists the first group, and the word-vector group
// when vectors were used.
struct thresholds {
    double verbatim_reuse = 0.9;   // share of draft words in common runs of 4+ words with one reference paragraph...
    double verbatim_coverage = 0.8;// ...and share of the reference paragraph's words the draft keeps
    double edited_reuse = 0.3;     // below this, a paragraph is at most related
    double edited_score = 0.2;     // an edit also shares vocabulary: a common "of the Secretary-General" is not one
    double related_score = 0.2;    // cosine of TF-IDF vectors for "same topic, little shared wording"...
    double distinct_score = 0.1;   // ...or a lower cosine that stands out: at least this much and
    double distinct_ratio = 2.5;   //    this many times the second best
    double gap_coverage = 0.3;     // a reference paragraph whose words the draft carries over less than this is a gap
    double merge_reuse = 0.3;      // a second reference paragraph reused this much...
    double merge_added = 0.15;     // ...for draft words the first does not supply, makes a merge

    // Alignment and candidates (were bare numbers in alignment.hpp and check.cpp).
    std::size_t reuse_run = 4;                   // words of a common run that count as reuse ("of the Secretary-General" does not)
    std::size_t alignment_cells = 16'000'000;    // past this many word pairs, only the leading words of two texts are aligned
    std::size_t aligned_candidates = 10;         // reference paragraphs aligned per draft paragraph, nearest by cosine
    std::size_t reported_matches = 3;            // matches a paragraph reports, best first
    double rank_reuse_weight = 0.6;              // matches rank by this share of reuse and the rest of cosine
    double clause_overlap = 0.25;                // verb changes: objects sharing less (Jaccard of stems) are other commitments

    // Word vectors (issue 12): a paragraph that is neither verbatim nor edited, nor related by the cosine rules
    // above, is related when its meaning beyond the words it shares (models::semantic_scores::beyond_shared)
    // with its closest reference paragraph stands out both among the paragraph's similarities to the
    // reference and among that reference paragraph's similarities to the rest of the reference: the sum of
    // the two, each in standard deviations, at least `semantic_standout`.
    double semantic_standout = 4.5;
    double semantic_spread_floor = 0.02;         // a standard deviation counts at least this much (a flat row would make any gap huge)
    std::size_t semantic_exhaustive = 64;        // up to this many reference paragraphs, every one is scored and is the population
                                                 // a similarity is set against; past it:
    std::size_t semantic_population = 32;        //   this many reference paragraphs spread evenly over it are the population, and
    std::size_t semantic_candidates = 32;        //   this many are scored per draft paragraph (nearest by cosine, then by centroid)
    std::size_t semantic_least_population = 8;   // a smaller reference is too small to tell what stands out: no word-vector `related`
    std::size_t semantic_centroid_cells = 200'000'000;  // distinct draft x reference paragraphs up to which candidates are also
                                                 // searched by centroid (a dense product); past it, by cosine alone
    double pair_cosine = 0.4;                    // word pairs shown as the reason for `related`: at least this close...
    std::size_t shown_pairs = 3;                 // ...and at most this many
};

}  // namespace resdraft::analysis
