// Meaning beyond wording: paragraphs as idf-weighted bags of word vectors (models/word_vectors), compared word
// by word. The vectors are post-processed first ("all-but-the-top", Mu and Viswanath 2018: the mean and the
// first principal directions of frequent words removed), because GloVe's raw vectors share a common direction
// that makes frequent words ("need", "much", "made", "work") close to everything ("much" ~ "need" 0.76 as
// stored, 0.23 after): measured with check's decision on the tuning half of corpus/semantic, 4 of 16
// paraphrases were found related to their reference paragraph with the vectors as stored, 10 of 16 after
// (bench/semantic_quality).
#pragma once

#include "models/text_model.hpp"
#include "models/word_vectors.hpp"

#include <Eigen/Dense>

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace resdraft::models {

struct semantic_options {
    bool post_process = true;                // false: GloVe's vectors as stored (measured, worse)
    std::uint32_t frequent_words = 100'000;  // the post-processing learns from the words of these ranks...
    std::size_t sample_words = 10'000;       // ...this many of them, spread evenly over the ranks
    int components = 3;                      // principal directions removed after the mean
    bool leave_out_verbs = false;            // every lexicon verb out of the bags ("strengthen", "promote": measured)
    bool leave_out_un_terms = false;         // the words of "Member States", "High-level Dialogue" ... out of the bags (measured)
};

// How close two texts are in meaning, from their words' vectors.
struct semantic_scores {
    // Each word to its closest word of the other text (cosine of post-processed vectors; 1 for the same
    // stem), averaged with idf weights, in each direction; the lower direction. 1 for texts of the same
    // stems; about 0.25-0.35 for unrelated paragraphs of one domain, 0.35-0.5 for close ones.
    double similarity = 0;
    // The same over the words the other text does not share (by stem), shared words counting 0, so that it
    // measures what the wording does not show: synonyms and paraphrase. Equal to `similarity` for texts
    // that share no stem; low for a text that shares most of its words.
    double beyond_shared = 0;
};

// The texts of one comparison (reference, draft and any background) as bags of word vectors. Add every text,
// then finish(); scores, centroids and pairs are read after. Texts are numbered in the order they are added.
class semantic_space {
public:
    // The post-processing is learned here (about 10 ms: 10,000 vectors); `v` must outlive the space.
    explicit semantic_space(const word_vectors& v, const semantic_options& options = {});

    // Adds a text by its content words (models::terms_of: stems and the words written for them); returns its
    // number. Words the vectors do not hold are left out; a text may end up with none.
    std::size_t add(const term_list& terms);
    // Counts a text's stems for idf only (a background document).
    void add_background(const term_list& terms);
    // Weighs every text's words: occurrences x idf of their stem over all texts added. Call once, after the
    // last add.
    void finish();

    [[nodiscard]] std::size_t size() const { return texts_.size(); }
    [[nodiscard]] std::size_t words(std::size_t text) const { return texts_[text].words.size(); }  // distinct words with a vector

    // The two scores of texts a and b (see semantic_scores); 0 and 0 when either has no word with a vector.
    [[nodiscard]] semantic_scores score(std::size_t a, std::size_t b) const;

    // The idf-weighted mean of a text's unit vectors, normalized (zero without words): a dot product of two
    // centroids finds candidates cheaply before score().
    [[nodiscard]] Eigen::VectorXf centroid(std::size_t text) const;

    // The pairs of different words (one of a, one of b, neither's stem in the other text) that carried a's
    // closeness to b: each word in one pair at most, closest first, cosine at least `min_cosine`; the `limit`
    // with the largest share of a's weight (ties: by the words).
    [[nodiscard]] std::vector<word_pair> carrying_pairs(std::size_t a, std::size_t b, float min_cosine, std::size_t limit) const;

    // The post-processed unit vector of a vocabulary word (tests, measurements).
    [[nodiscard]] Eigen::VectorXf unit_vector(std::size_t vocabulary_index) const;

private:
    // A text: each distinct word once (GloVe holds written forms, not stems), with its stem for identity.
    struct text {
        std::vector<std::uint32_t> words;  // ids into the table of words (word_index_), in order of id
        std::vector<std::uint32_t> stems;  // per word: its stem id
        std::vector<float> weights;        // per word: occurrences, then occurrences x idf after finish()
        std::vector<std::uint32_t> stem_set;  // the stems, sorted and distinct: what "shared" is decided by
        double total = 0;                  // sum of the weights
    };
    text read(const term_list& terms);
    [[nodiscard]] Eigen::Map<const Eigen::VectorXf> column(std::uint32_t word) const;
    [[nodiscard]] Eigen::MatrixXf gather(const text& t) const;  // dimensions x words

    const word_vectors& vectors_;
    semantic_options options_;
    Eigen::VectorXf mean_;               // removed from every vector (zero without post-processing)
    Eigen::MatrixXf directions_;         // dimensions x components, unit columns, removed after the mean
    std::unordered_map<std::string, std::uint32_t> stem_ids_;
    std::vector<std::uint32_t> df_;      // per stem id: texts holding it
    std::vector<float> idf_;             // per stem id, after finish()
    std::unordered_map<std::string, std::int64_t> lookups_;  // written word -> id into the table (-1: no vector)
    std::vector<std::size_t> word_index_;  // per id: the vocabulary index
    std::vector<float> unit_;            // per id: its post-processed unit vector (dimensions floats)
    std::vector<text> texts_;
    std::size_t documents_ = 0;          // texts and background documents, for idf
    bool finished_ = false;
};

}  // namespace resdraft::models
