// Latent semantic analysis: a truncated SVD of TF-IDF rows (randomized, Halko et al. 2011), so that
// texts that use different words for the same subject come close in a few dense dimensions.
#pragma once

#include "models/vector_space.hpp"

#include <Eigen/Dense>

namespace resdraft::models {

class lsa_space {
public:
    // Learns `rank` dimensions (fewer when the collection is small) from L2-normalized rows.
    // Deterministic: the random projection uses a fixed seed. A collection with no rows, no terms or
    // only zero rows (texts without a content word) has no dimension: rank() is 0 and every projection
    // is a zero row.
    lsa_space(const sparse_rows& collection, int rank = 100);

    // Each row projected and L2-normalized (a zero row stays zero).
    [[nodiscard]] Eigen::MatrixXf project(const sparse_rows& rows) const;

    [[nodiscard]] int rank() const { return static_cast<int>(basis_.cols()); }

private:
    Eigen::MatrixXf basis_;  // terms x rank: the right singular vectors
};

}  // namespace resdraft::models
