// TF-IDF vectors of term lists as rows of an Eigen sparse matrix, L2-normalized so that a dot
// product is a cosine similarity.
#pragma once

#include <Eigen/SparseCore>

#include <string>
#include <unordered_map>
#include <vector>

namespace resdraft::models {

using sparse_rows = Eigen::SparseMatrix<float, Eigen::RowMajor>;

// A term of a document and how much one occurrence counts (1 for words written, less for terms a
// word brings in from WordNet).
struct weighted_term {
    std::string term;
    float weight = 1.0f;
};
using weighted_terms = std::vector<weighted_term>;

class tfidf_space {
public:
    // Learns the vocabulary and inverse document frequencies from `collection`.
    explicit tfidf_space(const std::vector<weighted_terms>& collection);

    // One L2-normalized row per document: sublinear term frequency (tf up to 1, then 1 + log tf) times
    // smoothed idf. Terms the space has not seen are ignored; a document with no known term is a zero row.
    [[nodiscard]] sparse_rows vectors(const std::vector<weighted_terms>& documents) const;

    [[nodiscard]] std::size_t dimensions() const { return terms_.size(); }
    [[nodiscard]] const std::string& term(int index) const { return terms_[static_cast<std::size_t>(index)]; }
    [[nodiscard]] float idf(int index) const { return idf_[static_cast<std::size_t>(index)]; }

private:
    std::unordered_map<std::string, int> index_;
    std::vector<std::string> terms_;
    std::vector<float> idf_;
};

}  // namespace resdraft::models
