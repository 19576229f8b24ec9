// nearest_rows against the all-pairs product it replaces: the same neighbours, in the same order
// (score, then lower row), on random sparse rows full of ties and repeated rows.
#include "models/nearest.hpp"

#include <Eigen/Dense>
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>

namespace resdraft::models {
namespace {

sparse_rows rows_of(const std::vector<std::vector<std::pair<int, float>>>& rows, int columns) {
    std::vector<Eigen::Triplet<float>> t;
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (const auto& [c, v] : rows[r]) t.emplace_back(static_cast<int>(r), c, v);
    sparse_rows m(static_cast<Eigen::Index>(rows.size()), columns);
    m.setFromTriplets(t.begin(), t.end());
    return m;
}

// The k best rows of the dense product, sorted as check sorted them before nearest_rows.
std::vector<neighbour> brute_force(const Eigen::MatrixXf& scores, Eigen::Index q, std::size_t k) {
    std::vector<int> order(static_cast<std::size_t>(scores.cols()));
    std::iota(order.begin(), order.end(), 0);
    k = std::min(k, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(),
                      [&](int a, int b) { return scores(q, a) != scores(q, b) ? scores(q, a) > scores(q, b) : a < b; });
    std::vector<neighbour> out;
    for (std::size_t i = 0; i < k; ++i) out.push_back({order[i], scores(q, order[i])});
    return out;
}

TEST(NearestRows, ATableOfTiesZerosAndRepeats) {
    // corpus rows 1 and 3 are the same; row 4 shares nothing with the query
    const sparse_rows corpus = rows_of({{{0, 0.6f}, {1, 0.8f}}, {{0, 1.0f}}, {{1, 1.0f}}, {{0, 1.0f}}, {{2, 1.0f}}}, 3);
    const sparse_rows queries = rows_of({{{0, 1.0f}}, {}, {{0, 1.0f}}}, 3);
    const auto found = nearest_rows(queries, corpus, 4);
    ASSERT_EQ(found.size(), 3u);
    const std::vector<std::pair<int, float>> want{{1, 1.0f}, {3, 1.0f}, {0, 0.6f}, {2, 0.0f}};
    ASSERT_EQ(found[0].size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        EXPECT_EQ(found[0][i].row, want[i].first) << i;
        EXPECT_FLOAT_EQ(found[0][i].score, want[i].second) << i;
    }
    ASSERT_EQ(found[1].size(), 4u);  // no term: the first rows, score 0
    for (int i = 0; i < 4; ++i) EXPECT_EQ(found[1][static_cast<std::size_t>(i)].row, i);
    ASSERT_EQ(found[2].size(), found[0].size());  // a repeated query gets the same answer
    for (std::size_t i = 0; i < found[0].size(); ++i) EXPECT_EQ(found[2][i].row, found[0][i].row);
    EXPECT_EQ(nearest_rows(queries, corpus, 10)[0].size(), 5u);  // k past the corpus: every row
    EXPECT_TRUE(nearest_rows(queries, sparse_rows(0, 3), 3)[0].empty());
}

TEST(NearestRows, AgreesWithTheAllPairsProductOnRandomRows) {
    std::mt19937 random(17);
    for (int trial = 0; trial < 30; ++trial) {
        const int columns = 1 + static_cast<int>(random() % 12);
        auto random_rows = [&](int n) {
            std::vector<std::vector<std::pair<int, float>>> rows;
            for (int r = 0; r < n; ++r) {
                if (!rows.empty() && random() % 4 == 0) {
                    rows.push_back(rows[random() % rows.size()]);  // a repeated row
                    continue;
                }
                std::vector<std::pair<int, float>> row;
                for (int c = 0; c < columns; ++c)
                    if (random() % 3 == 0)  // half the rows few values (ties), half real ones (sums in Eigen's order)
                        row.emplace_back(c, trial % 2 ? static_cast<float>(1 + random() % 3) / 4.0f
                                                      : std::uniform_real_distribution<float>(0.01f, 1.0f)(random));
                rows.push_back(row);
            }
            return rows_of(rows, columns);
        };
        const sparse_rows corpus = random_rows(1 + static_cast<int>(random() % 40));
        const sparse_rows queries = random_rows(1 + static_cast<int>(random() % 20));
        const Eigen::MatrixXf scores = Eigen::MatrixXf(queries * corpus.transpose());
        const std::size_t k = 1 + random() % 10;
        const auto found = nearest_rows(queries, corpus, k);
        for (Eigen::Index q = 0; q < queries.rows(); ++q) {
            const auto want = brute_force(scores, q, k);
            const auto& got = found[static_cast<std::size_t>(q)];
            ASSERT_EQ(got.size(), want.size());
            for (std::size_t i = 0; i < want.size(); ++i) {
                EXPECT_EQ(got[i].row, want[i].row) << "trial " << trial << " query " << q << " rank " << i;
                EXPECT_EQ(got[i].score, want[i].score) << "trial " << trial << " query " << q << " rank " << i;
            }
        }
    }
}

}  // namespace
}  // namespace resdraft::models
