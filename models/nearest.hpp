// The rows of one collection closest to each row of another, by dot product of sparse rows (cosine for
// L2-normalized TF-IDF rows), without the all-pairs matrix: memory grows with the inputs, not their
// product.
#pragma once

#include "models/vector_space.hpp"

#include <cstddef>
#include <vector>

namespace resdraft::models {

struct neighbour {
    int row = 0;        // row of the searched collection
    float score = 0;    // dot product with the query row
};

// For each row of `queries`, the `k` rows of `corpus` (fewer when it has fewer) with the highest dot
// product, best first, ties by lower row; rows sharing no term score 0 and fill the list in row order.
// Weights must not be negative (TF-IDF rows): a negative score is taken as 0.
// Identical rows (of either side) are scored once, so a text that repeats one paragraph costs what one
// paragraph costs. Time: the postings of each distinct query's terms; memory: a score per distinct
// corpus row and the k neighbours per query. Never fails; an empty side gives empty lists.
std::vector<std::vector<neighbour>> nearest_rows(const sparse_rows& queries, const sparse_rows& corpus, std::size_t k);

}  // namespace resdraft::models
