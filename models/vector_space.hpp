// TF-IDF vectors of term lists as rows of an Eigen sparse matrix, L2-normalized so that a dot
// product is a cosine similarity.
#pragma once

#include <Eigen/SparseCore>

#include <string>
#include <unordered_map>
#include <vector>

namespace resdraft::models {

using sparse_rows = Eigen::SparseMatrix<float, Eigen::RowMajor>;

class tfidf_space {
public:
    // Learns the vocabulary and inverse document frequencies from `collection` (each a list of terms).
    explicit tfidf_space(const std::vector<std::vector<std::string>>& collection);

    // One L2-normalized row per document: sublinear tf (1 + log tf) times smoothed idf. Terms the
    // space has not seen are ignored; a document with no known term is a zero row.
    [[nodiscard]] sparse_rows vectors(const std::vector<std::vector<std::string>>& documents) const;

    [[nodiscard]] std::size_t dimensions() const { return terms_.size(); }
    [[nodiscard]] const std::string& term(int index) const { return terms_[static_cast<std::size_t>(index)]; }
    [[nodiscard]] float idf(int index) const { return idf_[static_cast<std::size_t>(index)]; }

private:
    std::unordered_map<std::string, int> index_;
    std::vector<std::string> terms_;
    std::vector<float> idf_;
};

}  // namespace resdraft::models
