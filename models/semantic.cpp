#include "models/semantic.hpp"

#include "grammar/lexicon.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string_view>
#include <tuple>

namespace resdraft::models {
namespace {

// Institutional names whose words mean something else to vectors trained on news ("states" of a federation,
// "general" of an army); as content words in order, function words already left out.
constexpr std::array<std::array<std::string_view, 3>, 14> un_terms{{
    {"high", "level", "dialogue"}, {"global", "migration", "group"}, {"international", "organization", "migration"},
    {"member", "states", ""}, {"united", "nations", ""}, {"general", "assembly", ""}, {"secretary", "general", ""},
    {"high", "level", ""}, {"states", "parties", ""}, {"civil", "society", ""}, {"international", "community", ""},
    {"agreed", "language", ""}, {"special", "representative", ""}, {"global", "forum", ""}}};

// Per word of `surfaces`: inside one of un_terms.
std::vector<bool> in_un_terms(const std::vector<std::string>& surfaces) {
    std::vector<bool> out(surfaces.size(), false);
    for (std::size_t i = 0; i < surfaces.size(); ++i)
        for (const auto& term : un_terms) {
            const std::size_t n = term[2].empty() ? 2 : 3;
            if (i + n > surfaces.size()) continue;
            bool match = true;
            for (std::size_t k = 0; k < n && match; ++k) match = surfaces[i + k] == term[k];
            if (match)
                for (std::size_t k = 0; k < n; ++k) out[i + k] = true;
        }
    return out;
}

bool is_lexicon_verb(std::string_view word) {
    const auto verb = grammar::match_verb(word);
    return verb && verb->length == word.size();
}

}  // namespace

semantic_space::semantic_space(const word_vectors& v, const semantic_options& options)
    : vectors_(v), options_(options), mean_(Eigen::VectorXf::Zero(static_cast<Eigen::Index>(v.dimensions()))),
      directions_(static_cast<Eigen::Index>(v.dimensions()), 0) {
    if (!options.post_process) return;
    // the words of ranks 1..frequent_words, in rank order, then every k-th: a sample over the whole range
    std::vector<std::pair<std::uint32_t, std::size_t>> frequent;  // (rank, index)
    for (std::size_t i = 0; i < v.size(); ++i)
        if (v.rank(i) <= options.frequent_words) frequent.emplace_back(v.rank(i), i);
    std::sort(frequent.begin(), frequent.end());
    const std::size_t step = std::max<std::size_t>(1, frequent.size() / std::max<std::size_t>(1, options.sample_words));
    std::vector<std::size_t> sample;
    for (std::size_t k = 0; k < frequent.size() && sample.size() < options.sample_words; k += step) sample.push_back(frequent[k].second);
    if (sample.size() < 2) return;
    const auto dims = static_cast<Eigen::Index>(v.dimensions());
    Eigen::MatrixXf x(static_cast<Eigen::Index>(sample.size()), dims);
    for (std::size_t r = 0; r < sample.size(); ++r) x.row(static_cast<Eigen::Index>(r)) = v.vector(sample[r]).transpose();
    mean_ = x.colwise().mean().transpose();
    x.rowwise() -= mean_.transpose();
    const Eigen::MatrixXf covariance = x.transpose() * x;
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXf> eig(covariance);
    if (eig.info() != Eigen::Success) return;  // not finite: the mean alone
    const Eigen::Index k = std::min<Eigen::Index>(std::max(0, options.components), dims);
    directions_ = eig.eigenvectors().rightCols(k).rowwise().reverse();  // largest first
}

Eigen::VectorXf semantic_space::unit_vector(std::size_t index) const {
    Eigen::VectorXf x = vectors_.vector(index) - mean_;
    if (directions_.cols() > 0) x -= directions_ * (directions_.transpose() * x);
    const float norm = x.norm();
    return norm > 0 ? Eigen::VectorXf(x / norm) : x;
}

semantic_space::text semantic_space::read(const term_list& terms) {
    const std::vector<bool> un = options_.leave_out_un_terms ? in_un_terms(terms.surfaces) : std::vector<bool>(terms.surfaces.size(), false);
    const std::size_t dims = vectors_.dimensions();
    std::vector<std::tuple<std::uint32_t, std::uint32_t>> seen;  // (word id, stem id), one per occurrence
    for (std::size_t i = 0; i < terms.stems.size(); ++i) {
        const std::string& word = terms.surfaces[i];
        if (un[i] || (options_.leave_out_verbs && is_lexicon_verb(word))) continue;
        auto found = lookups_.find(word);
        if (found == lookups_.end()) {
            const std::ptrdiff_t index = vectors_.find(word);
            std::int64_t id = -1;
            if (index >= 0) {
                id = static_cast<std::int64_t>(word_index_.size());
                word_index_.push_back(static_cast<std::size_t>(index));
                const Eigen::VectorXf u = unit_vector(static_cast<std::size_t>(index));
                unit_.insert(unit_.end(), u.data(), u.data() + dims);
            }
            found = lookups_.emplace(word, id).first;
        }
        if (found->second < 0) continue;
        const auto [stem, added] = stem_ids_.try_emplace(terms.stems[i], static_cast<std::uint32_t>(df_.size()));
        if (added) df_.push_back(0);
        seen.emplace_back(static_cast<std::uint32_t>(found->second), stem->second);
    }
    std::sort(seen.begin(), seen.end());
    text t;
    for (const auto& [word, stem] : seen) {
        if (!t.words.empty() && t.words.back() == word) {
            t.weights.back() += 1;
            continue;
        }
        t.words.push_back(word);
        t.stems.push_back(stem);
        t.weights.push_back(1);
        t.stem_set.push_back(stem);
    }
    std::sort(t.stem_set.begin(), t.stem_set.end());
    t.stem_set.erase(std::unique(t.stem_set.begin(), t.stem_set.end()), t.stem_set.end());
    for (std::uint32_t stem : t.stem_set) ++df_[stem];
    ++documents_;
    return t;
}

std::size_t semantic_space::add(const term_list& terms) {
    if (finished_) throw std::logic_error("semantic_space::add after finish");
    texts_.push_back(read(terms));
    return texts_.size() - 1;
}

void semantic_space::add_background(const term_list& terms) {
    if (finished_) throw std::logic_error("semantic_space::add_background after finish");
    read(terms);
}

void semantic_space::finish() {
    if (finished_) return;
    finished_ = true;
    idf_.resize(df_.size());
    for (std::size_t s = 0; s < df_.size(); ++s)  // smoothed as models' TF-IDF: ln((1 + n) / (1 + df)) + 1
        idf_[s] = static_cast<float>(std::log((1.0 + static_cast<double>(documents_)) / (1.0 + df_[s])) + 1.0);
    for (text& t : texts_) {
        t.total = 0;
        for (std::size_t k = 0; k < t.words.size(); ++k) t.total += t.weights[k] *= idf_[t.stems[k]];
    }
}

Eigen::Map<const Eigen::VectorXf> semantic_space::column(std::uint32_t word) const {
    const std::size_t dims = vectors_.dimensions();
    return {unit_.data() + static_cast<std::size_t>(word) * dims, static_cast<Eigen::Index>(dims)};
}

Eigen::MatrixXf semantic_space::gather(const text& t) const {
    Eigen::MatrixXf out(static_cast<Eigen::Index>(vectors_.dimensions()), static_cast<Eigen::Index>(t.words.size()));
    for (std::size_t k = 0; k < t.words.size(); ++k) out.col(static_cast<Eigen::Index>(k)) = column(t.words[k]);
    return out;
}

semantic_scores semantic_space::score(std::size_t a, std::size_t b) const {
    const text &x = texts_[a], &y = texts_[b];
    if (x.words.empty() || y.words.empty() || !(x.total > 0) || !(y.total > 0)) return {};
    Eigen::MatrixXf c = gather(x).transpose() * gather(y);
    // a stem both texts hold is shared (the wording shows it); the same word is exactly 1, another form of it
    // ("migrant", "migrants") as close as its vector says (measured: counting it 1 let one shared inflection
    // outrank a paraphrase)
    std::vector<bool> shared_x(x.words.size()), shared_y(y.words.size());
    for (std::size_t i = 0; i < x.words.size(); ++i) shared_x[i] = std::binary_search(y.stem_set.begin(), y.stem_set.end(), x.stems[i]);
    for (std::size_t j = 0; j < y.words.size(); ++j) shared_y[j] = std::binary_search(x.stem_set.begin(), x.stem_set.end(), y.stems[j]);
    for (std::size_t i = 0, j = 0; i < x.words.size() && j < y.words.size();) {  // both in order of id
        if (x.words[i] < y.words[j]) ++i;
        else if (y.words[j] < x.words[i]) ++j;
        else c(static_cast<Eigen::Index>(i++), static_cast<Eigen::Index>(j++)) = 1.0f;
    }
    const bool unshared_x = std::find(shared_x.begin(), shared_x.end(), false) != shared_x.end();
    const bool unshared_y = std::find(shared_y.begin(), shared_y.end(), false) != shared_y.end();
    const float lowest = -2.0f;  // below any cosine
    double p = 0, r = 0, p_beyond = 0, r_beyond = 0;
    for (Eigen::Index i = 0; i < c.rows(); ++i) {
        const double w = x.weights[static_cast<std::size_t>(i)];
        p += w * c.row(i).maxCoeff();
        if (shared_x[static_cast<std::size_t>(i)] || !unshared_y) continue;
        float best = lowest;
        for (Eigen::Index j = 0; j < c.cols(); ++j)
            if (!shared_y[static_cast<std::size_t>(j)]) best = std::max(best, c(i, j));
        p_beyond += w * best;
    }
    for (Eigen::Index j = 0; j < c.cols(); ++j) {
        const double w = y.weights[static_cast<std::size_t>(j)];
        r += w * c.col(j).maxCoeff();
        if (shared_y[static_cast<std::size_t>(j)] || !unshared_x) continue;
        float best = lowest;
        for (Eigen::Index i = 0; i < c.rows(); ++i)
            if (!shared_x[static_cast<std::size_t>(i)]) best = std::max(best, c(i, j));
        r_beyond += w * best;
    }
    return {std::min(p / x.total, r / y.total), std::min(p_beyond / x.total, r_beyond / y.total)};
}

Eigen::VectorXf semantic_space::centroid(std::size_t t) const {
    const text& x = texts_[t];
    Eigen::VectorXf sum = Eigen::VectorXf::Zero(static_cast<Eigen::Index>(vectors_.dimensions()));
    for (std::size_t k = 0; k < x.words.size(); ++k) sum += x.weights[k] * column(x.words[k]);
    const float norm = sum.norm();
    return norm > 0 ? Eigen::VectorXf(sum / norm) : sum;
}

std::vector<word_pair> semantic_space::carrying_pairs(std::size_t a, std::size_t b, float min_cosine, std::size_t limit) const {
    std::vector<word_pair> pairs;
    const text &x = texts_[a], &y = texts_[b];
    if (x.words.empty() || y.words.empty() || !(x.total > 0)) return pairs;
    std::vector<std::size_t> only_x, only_y;  // positions of the words whose stem the other text lacks
    for (std::size_t i = 0; i < x.words.size(); ++i)
        if (!std::binary_search(y.stem_set.begin(), y.stem_set.end(), x.stems[i])) only_x.push_back(i);
    for (std::size_t j = 0; j < y.words.size(); ++j)
        if (!std::binary_search(x.stem_set.begin(), x.stem_set.end(), y.stems[j])) only_y.push_back(j);
    std::vector<std::tuple<float, std::size_t, std::size_t>> candidates;  // (cosine, i, j) over only_x x only_y
    for (std::size_t i = 0; i < only_x.size(); ++i)
        for (std::size_t j = 0; j < only_y.size(); ++j) {
            const float cosine = column(x.words[only_x[i]]).dot(column(y.words[only_y[j]]));
            if (cosine >= min_cosine) candidates.emplace_back(cosine, i, j);
        }
    std::sort(candidates.begin(), candidates.end(), [](const auto& p, const auto& q) {
        if (std::get<0>(p) != std::get<0>(q)) return std::get<0>(p) > std::get<0>(q);
        return std::tie(std::get<1>(p), std::get<2>(p)) < std::tie(std::get<1>(q), std::get<2>(q));
    });
    // one word to one word, closest first: a word close to many ("need") pairs once
    std::vector<bool> used_x(only_x.size(), false), used_y(only_y.size(), false);
    for (const auto& [cosine, i, j] : candidates) {
        if (used_x[i] || used_y[j]) continue;
        used_x[i] = used_y[j] = true;
        const std::size_t xi = only_x[i];
        pairs.push_back({std::string(vectors_.word(word_index_[x.words[xi]])), std::string(vectors_.word(word_index_[y.words[only_y[j]]])),
                         cosine, static_cast<float>(x.weights[xi] * cosine / x.total)});
    }
    std::sort(pairs.begin(), pairs.end(), [](const word_pair& p, const word_pair& q) {
        if (p.share != q.share) return p.share > q.share;
        return std::tie(p.a, p.b) < std::tie(q.a, q.b);
    });
    if (pairs.size() > limit) pairs.resize(limit);
    return pairs;
}

}  // namespace resdraft::models
