#include "models/vector_space.hpp"

#include <algorithm>
#include <cmath>

namespace resdraft::models {

void term_collection::add(const weighted_terms& document) {
    const std::size_t first = entries_.size();
    for (const weighted_term& wt : document) {
        auto [it, inserted] = index_.try_emplace(wt.term, static_cast<int>(terms_.size()));
        if (inserted) {
            terms_.push_back(wt.term);
            last_entry_.push_back(0);
        }
        std::size_t& last = last_entry_[static_cast<std::size_t>(it->second)];
        if (!inserted && last >= first) {  // already in this document
            entries_[last].second += wt.weight;
            continue;
        }
        last = entries_.size();
        entries_.emplace_back(it->second, wt.weight);
    }
    begin_.push_back(entries_.size());
}

namespace {
float smoothed_idf(float documents, float holding) { return std::log((1.0f + documents) / (1.0f + holding)) + 1.0f; }
}  // namespace

tfidf_space tfidf_space::from_frequencies(const std::vector<std::pair<std::string, int>>& df, std::size_t documents) {
    tfidf_space space;
    for (const auto& [term, count] : df) {
        if (!space.index_.emplace(term, static_cast<int>(space.terms_.size())).second) continue;
        space.terms_.push_back(term);
        space.idf_.push_back(smoothed_idf(static_cast<float>(documents), static_cast<float>(count)));
    }
    return space;
}

learned_tfidf learn_tfidf(term_collection collection) {
    learned_tfidf out;
    tfidf_space& space = out.space;
    std::vector<int> df(collection.terms_.size(), 0);
    for (const auto& [term, weight] : collection.entries_) ++df[static_cast<std::size_t>(term)];  // once per document
    const auto n = static_cast<float>(collection.size());
    space.idf_.reserve(df.size());
    for (int f : df) space.idf_.push_back(smoothed_idf(n, static_cast<float>(f)));
    space.index_ = std::move(collection.index_);
    space.terms_ = std::move(collection.terms_);
    out.rows = space.rows(collection.begin_, collection.entries_);
    return out;
}

sparse_rows tfidf_space::vectors(const std::vector<weighted_terms>& documents) const {
    std::vector<std::size_t> begin{0};
    std::vector<std::pair<int, float>> entries;
    for (const weighted_terms& d : documents) {
        for (const weighted_term& t : d)
            if (auto it = index_.find(t.term); it != index_.end()) entries.emplace_back(it->second, t.weight);
        begin.push_back(entries.size());
    }
    return rows(begin, entries);
}

sparse_rows tfidf_space::rows(const std::vector<std::size_t>& begin, const std::vector<std::pair<int, float>>& entries) const {
    const std::size_t n = begin.size() - 1;
    sparse_rows out(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(terms_.size()));
    out.reserve(static_cast<Eigen::Index>(entries.size()));
    std::unordered_map<int, float> counts;  // kept across documents: its order fixes the float sums, as it always has
    std::vector<std::pair<int, float>> row;
    for (std::size_t d = 0; d < n; ++d) {
        counts.clear();
        for (std::size_t e = begin[d]; e < begin[d + 1]; ++e) counts[entries[e].first] += entries[e].second;
        float norm = 0;
        for (auto& [term, tf] : counts) {
            tf = (tf <= 1.0f ? tf : 1.0f + std::log(tf)) * idf_[static_cast<std::size_t>(term)];
            norm += tf * tf;
        }
        norm = std::sqrt(norm);
        row.assign(counts.begin(), counts.end());
        std::sort(row.begin(), row.end());
        out.startVec(static_cast<Eigen::Index>(d));
        for (const auto& [term, weight] : row) out.insertBack(static_cast<Eigen::Index>(d), term) = norm > 0 ? weight / norm : 0.0f;
    }
    out.finalize();
    return out;
}

}  // namespace resdraft::models
