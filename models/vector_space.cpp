#include "models/vector_space.hpp"

#include <cmath>

namespace resdraft::models {

tfidf_space::tfidf_space(const std::vector<weighted_terms>& collection) {
    std::vector<int> df;
    std::vector<int> seen_in;  // last document that counted each term, so a term counts once per document
    for (std::size_t d = 0; d < collection.size(); ++d) {
        for (const weighted_term& wt : collection[d]) {
            const std::string& t = wt.term;
            auto [it, inserted] = index_.try_emplace(t, static_cast<int>(terms_.size()));
            if (inserted) {
                terms_.push_back(t);
                df.push_back(0);
                seen_in.push_back(-1);
            }
            if (seen_in[static_cast<std::size_t>(it->second)] != static_cast<int>(d)) {
                seen_in[static_cast<std::size_t>(it->second)] = static_cast<int>(d);
                ++df[static_cast<std::size_t>(it->second)];
            }
        }
    }
    const auto n = static_cast<float>(collection.size());
    idf_.reserve(df.size());
    for (int f : df) idf_.push_back(std::log((1.0f + n) / (1.0f + static_cast<float>(f))) + 1.0f);
}

sparse_rows tfidf_space::vectors(const std::vector<weighted_terms>& documents) const {
    sparse_rows out(static_cast<Eigen::Index>(documents.size()), static_cast<Eigen::Index>(terms_.size()));
    std::vector<Eigen::Triplet<float>> entries;
    std::unordered_map<int, float> counts;
    for (std::size_t d = 0; d < documents.size(); ++d) {
        counts.clear();
        for (const weighted_term& t : documents[d])
            if (auto it = index_.find(t.term); it != index_.end()) counts[it->second] += t.weight;
        float norm = 0;
        for (auto& [term, tf] : counts) {
            tf = (tf <= 1.0f ? tf : 1.0f + std::log(tf)) * idf_[static_cast<std::size_t>(term)];
            norm += tf * tf;
        }
        norm = std::sqrt(norm);
        for (const auto& [term, weight] : counts)
            entries.emplace_back(static_cast<int>(d), term, norm > 0 ? weight / norm : 0.0f);
    }
    out.setFromTriplets(entries.begin(), entries.end());
    return out;
}

}  // namespace resdraft::models
