#include "models/nearest.hpp"

#include <algorithm>
#include <cstring>
#include <numeric>
#include <unordered_map>

namespace resdraft::models {
namespace {

// The distinct rows of a matrix (same terms, same weights to the bit), each with the rows it stands for.
struct distinct_rows {
    std::vector<int> first;         // per distinct row: the first row of the matrix that has it
    std::vector<int> member_begin;  // per distinct row: where its rows start in `members` (one past the end too)
    std::vector<int> members;       // rows of the matrix grouped by distinct row, ascending within a group
    std::vector<int> of_row;        // per row of the matrix: its distinct row
};

std::size_t row_hash(const sparse_rows& m, int r) {
    std::size_t h = 1469598103934665603ull;
    for (sparse_rows::InnerIterator it(m, r); it; ++it) {
        std::uint32_t bits = 0;
        const float value = it.value();
        std::memcpy(&bits, &value, sizeof bits);
        h = (h ^ static_cast<std::size_t>(it.col())) * 1099511628211ull;
        h = (h ^ bits) * 1099511628211ull;
    }
    return h;
}

bool same_row(const sparse_rows& m, int a, int b) {
    sparse_rows::InnerIterator x(m, a), y(m, b);
    for (; x && y; ++x, ++y)
        if (x.col() != y.col() || x.value() != y.value()) return false;
    return !x && !y;
}

distinct_rows group_rows(const sparse_rows& m) {
    distinct_rows d;
    const auto n = static_cast<int>(m.rows());
    d.of_row.resize(static_cast<std::size_t>(n));
    std::unordered_multimap<std::size_t, int> by_hash;  // row hash -> distinct row
    for (int r = 0; r < n; ++r) {
        const std::size_t h = row_hash(m, r);
        auto [it, end] = by_hash.equal_range(h);
        while (it != end && !same_row(m, d.first[static_cast<std::size_t>(it->second)], r)) ++it;
        if (it == end) {
            it = by_hash.emplace(h, static_cast<int>(d.first.size()));
            d.first.push_back(r);
        }
        d.of_row[static_cast<std::size_t>(r)] = it->second;
    }
    d.member_begin.assign(d.first.size() + 1, 0);
    for (int g : d.of_row) ++d.member_begin[static_cast<std::size_t>(g) + 1];
    std::partial_sum(d.member_begin.begin(), d.member_begin.end(), d.member_begin.begin());
    d.members.resize(static_cast<std::size_t>(n));
    std::vector<int> next(d.member_begin.begin(), d.member_begin.end() - 1);
    for (int r = 0; r < n; ++r) d.members[static_cast<std::size_t>(next[static_cast<std::size_t>(d.of_row[static_cast<std::size_t>(r)])]++)] = r;
    return d;
}

// Term -> (distinct corpus row, weight) lists, distinct rows ascending within a term.
struct postings {
    std::vector<int> begin;  // per term, one past the end too
    std::vector<int> row;
    std::vector<float> weight;
};

postings postings_of(const sparse_rows& m, const distinct_rows& d) {
    postings p;
    p.begin.assign(static_cast<std::size_t>(m.cols()) + 1, 0);
    for (int first : d.first)
        for (sparse_rows::InnerIterator it(m, first); it; ++it) ++p.begin[static_cast<std::size_t>(it.col()) + 1];
    std::partial_sum(p.begin.begin(), p.begin.end(), p.begin.begin());
    p.row.resize(static_cast<std::size_t>(p.begin.back()));
    p.weight.resize(p.row.size());
    std::vector<int> next(p.begin.begin(), p.begin.end() - 1);
    for (std::size_t g = 0; g < d.first.size(); ++g)
        for (sparse_rows::InnerIterator it(m, d.first[g]); it; ++it) {
            const auto at = static_cast<std::size_t>(next[static_cast<std::size_t>(it.col())]++);
            p.row[at] = static_cast<int>(g);
            p.weight[at] = it.value();
        }
    return p;
}

// a before b: higher score, then lower row (the order of a stable sort by score)
bool better(const neighbour& a, const neighbour& b) { return a.score != b.score ? a.score > b.score : a.row < b.row; }

// Scores one query at a time against the distinct corpus rows, reusing its accumulators.
class scorer {
public:
    scorer(const sparse_rows& corpus, std::size_t k)
        : groups_(group_rows(corpus)), postings_(postings_of(corpus, groups_)), k_(std::min<std::size_t>(k, static_cast<std::size_t>(corpus.rows()))),
          score_(groups_.first.size(), 0.0f), stamp_(groups_.first.size(), -1) {}

    // The k best corpus rows for row `q` of `queries`.
    std::vector<neighbour> best(const sparse_rows& queries, int q) {
        accumulate(queries, q);
        std::vector<neighbour> heap;  // the worst kept neighbour on top
        heap.reserve(k_);
        for (int g : touched_) keep_members(g, heap);
        pad_with_unscored(heap);
        std::sort(heap.begin(), heap.end(), better);
        return heap;
    }

private:
    // score_[g] = the query's dot product with distinct row g, for each g in touched_ (term order as Eigen's product)
    void accumulate(const sparse_rows& queries, int q) {
        touched_.clear();
        for (sparse_rows::InnerIterator it(queries, q); it; ++it) {
            const auto t = static_cast<std::size_t>(it.col());
            if (t + 1 >= postings_.begin.size()) continue;  // a term the corpus does not have
            for (auto p = static_cast<std::size_t>(postings_.begin[t]); p < static_cast<std::size_t>(postings_.begin[t + 1]); ++p) {
                const auto g = static_cast<std::size_t>(postings_.row[p]);
                if (stamp_[g] != q) {
                    stamp_[g] = q;
                    score_[g] = 0.0f;
                    touched_.push_back(static_cast<int>(g));
                }
                score_[g] += it.value() * postings_.weight[p];
            }
        }
    }

    // Offers the rows of distinct row g, lowest first: once one is not kept, the later ones are not either.
    void keep_members(int g, std::vector<neighbour>& heap) const {
        const float s = score_[static_cast<std::size_t>(g)];
        if (!(s > 0.0f) || k_ == 0) return;  // a zero score ranks by row among the unscored rows
        for (int m = groups_.member_begin[static_cast<std::size_t>(g)]; m < groups_.member_begin[static_cast<std::size_t>(g) + 1]; ++m) {
            const neighbour candidate{groups_.members[static_cast<std::size_t>(m)], s};
            if (heap.size() == k_) {
                if (!better(candidate, heap.front())) return;
                std::pop_heap(heap.begin(), heap.end(), better);
                heap.pop_back();
            }
            heap.push_back(candidate);
            std::push_heap(heap.begin(), heap.end(), better);
        }
    }

    // Fills up to k with score-0 rows, lowest first, as a sort of every row by score would.
    void pad_with_unscored(std::vector<neighbour>& heap) const {
        if (heap.size() == k_) return;
        std::vector<int> kept;
        for (const neighbour& n : heap) kept.push_back(n.row);
        std::sort(kept.begin(), kept.end());
        for (int r = 0; heap.size() < k_; ++r)
            if (!std::binary_search(kept.begin(), kept.end(), r)) heap.push_back({r, 0.0f});
    }

    distinct_rows groups_;
    postings postings_;
    std::size_t k_;
    std::vector<float> score_;
    std::vector<int> stamp_;  // the query that last set score_[g]
    std::vector<int> touched_;
};

}  // namespace

std::vector<std::vector<neighbour>> nearest_rows(const sparse_rows& queries, const sparse_rows& corpus, std::size_t k) {
    std::vector<std::vector<neighbour>> out(static_cast<std::size_t>(queries.rows()));
    if (corpus.rows() == 0) return out;
    scorer score(corpus, k);
    const distinct_rows asked = group_rows(queries);
    for (std::size_t g = 0; g < asked.first.size(); ++g) {
        const std::vector<neighbour> best = score.best(queries, asked.first[g]);
        for (int m = asked.member_begin[g]; m < asked.member_begin[g + 1]; ++m)
            out[static_cast<std::size_t>(asked.members[static_cast<std::size_t>(m)])] = best;
    }
    return out;
}

}  // namespace resdraft::models
