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

struct learned_tfidf;

// Documents as interned terms with their summed weights: the form a TF-IDF space is learned from. A
// weighted_terms list costs a string per occurrence (WordNet expansion makes that tens of kilobytes a
// paragraph); this costs 8 bytes per distinct term of a document.
class term_collection {
public:
    // Appends one document; a term it repeats is one entry with the weights summed in order.
    void add(const weighted_terms& document);
    [[nodiscard]] std::size_t size() const { return begin_.size() - 1; }

private:
    friend learned_tfidf learn_tfidf(term_collection collection);
    std::unordered_map<std::string, int> index_;
    std::vector<std::string> terms_;                // by id, in order of first appearance
    std::vector<std::size_t> begin_{0};             // per document, where its entries start (one past the end too)
    std::vector<std::pair<int, float>> entries_;    // (term id, weight), each document's in first-appearance order
    std::vector<std::size_t> last_entry_;           // per term id: its latest entry, to merge a repeat
};

class tfidf_space {
public:
    tfidf_space() = default;  // no terms; learn_tfidf makes one worth having
    // One L2-normalized row per document: sublinear term frequency (tf up to 1, then 1 + log tf) times
    // smoothed idf. Terms the space has not seen are ignored; a document with no known term is a zero row.
    [[nodiscard]] sparse_rows vectors(const std::vector<weighted_terms>& documents) const;

    // A space whose idf comes from counts made elsewhere (a library's): `df` gives, for each term, how
    // many of `documents` hold it; idf is smoothed as learn_tfidf smooths it.
    static tfidf_space from_frequencies(const std::vector<std::pair<std::string, int>>& df, std::size_t documents);

    [[nodiscard]] std::size_t dimensions() const { return terms_.size(); }
    [[nodiscard]] const std::string& term(int index) const { return terms_[static_cast<std::size_t>(index)]; }
    [[nodiscard]] float idf(int index) const { return idf_[static_cast<std::size_t>(index)]; }
    // The index of `term`; -1 when the space has not seen it.
    [[nodiscard]] int find(const std::string& term) const {
        const auto it = index_.find(term);
        return it == index_.end() ? -1 : it->second;
    }

private:
    friend learned_tfidf learn_tfidf(term_collection collection);
    // the rows of documents given as (term id, summed weight) entries
    sparse_rows rows(const std::vector<std::size_t>& begin, const std::vector<std::pair<int, float>>& entries) const;
    std::unordered_map<std::string, int> index_;
    std::vector<std::string> terms_;
    std::vector<float> idf_;
};

// A space learned from a collection, and the collection's documents as its rows.
struct learned_tfidf {
    tfidf_space space;
    sparse_rows rows;
};

// Learns the vocabulary and inverse document frequencies of `collection` and turns its documents into
// rows (as tfidf_space::vectors would). The collection is consumed: only the vocabulary stays.
learned_tfidf learn_tfidf(term_collection collection);

}  // namespace resdraft::models
