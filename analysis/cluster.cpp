#include "analysis/cluster.hpp"

#include "analysis/check.hpp"
#include "analysis/naming.hpp"
#include "grammar/parser.hpp"
#include "models/lsa.hpp"
#include "models/text_model.hpp"
#include "models/vector_space.hpp"
#include "models/word_vectors.hpp"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <exception>
#include <functional>
#include <numeric>
#include <random>
#include <thread>
#include <unordered_map>

namespace resdraft::analysis {
namespace {

// Row-major: k-means and the silhouette read whole rows (one unit each).
using dense = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// A thread's word lookups for sentence vectors: each word written looked up once, with its SIF-weighted vector,
// and each stem named once.
struct sentence_words {
    std::unordered_map<std::string, std::ptrdiff_t> slot;  // word -> its vector's slot in `weighted`, -1: not in the vectors
    std::vector<float> weighted;                           // SIF weight x vector, dimensions floats per slot
    std::unordered_map<std::string, std::int32_t> stem_id; // stem -> its index in `stems`
    std::vector<std::string> stems;
};

// A unit's content words that the vectors hold, each as (slot, stem index) in its thread's sentence_words: the
// SIF average is taken once each stem's weight by document is known (sentence_vectors).
using unit_words = std::vector<std::pair<std::int32_t, std::int32_t>>;

unit_words known_words(const models::word_vectors& v, const models::term_list& terms, sentence_words& words) {
    const auto dims = static_cast<Eigen::Index>(v.dimensions());
    unit_words out;
    for (std::size_t w = 0; w < terms.surfaces.size(); ++w) {
        auto it = words.slot.find(terms.surfaces[w]);
        if (it == words.slot.end()) {
            const std::ptrdiff_t i = v.find(terms.surfaces[w]);
            std::ptrdiff_t slot = -1;
            if (i >= 0) {
                slot = static_cast<std::ptrdiff_t>(words.weighted.size() / v.dimensions());
                const Eigen::VectorXf x = v.sif_weight(static_cast<std::size_t>(i)) * v.vector(static_cast<std::size_t>(i));
                words.weighted.insert(words.weighted.end(), x.data(), x.data() + dims);
            }
            it = words.slot.emplace(terms.surfaces[w], slot).first;
        }
        if (it->second < 0) continue;
        const auto [stem, added] = words.stem_id.try_emplace(terms.stems[w], static_cast<std::int32_t>(words.stems.size()));
        if (added) words.stems.push_back(terms.stems[w]);
        out.emplace_back(static_cast<std::int32_t>(it->second), stem->second);
    }
    return out;
}

// `count` distinct row indices of [0, n), in increasing order (all of them when count >= n).
std::vector<int> sample_rows(int n, int count, std::uint32_t seed) {
    std::vector<int> rows(static_cast<std::size_t>(n));
    std::iota(rows.begin(), rows.end(), 0);
    if (count >= n) return rows;
    std::mt19937 random(seed);
    std::shuffle(rows.begin(), rows.end(), random);
    rows.resize(static_cast<std::size_t>(count));
    std::sort(rows.begin(), rows.end());
    return rows;
}

models::sparse_rows select_rows(const models::sparse_rows& m, const std::vector<int>& rows) {
    std::vector<Eigen::Triplet<float>> entries;
    for (std::size_t i = 0; i < rows.size(); ++i)
        for (models::sparse_rows::InnerIterator it(m, rows[i]); it; ++it)
            entries.emplace_back(static_cast<int>(i), static_cast<int>(it.col()), it.value());
    models::sparse_rows out(static_cast<Eigen::Index>(rows.size()), m.cols());
    out.setFromTriplets(entries.begin(), entries.end());
    return out;
}

dense select_rows(const dense& m, const std::vector<int>& rows) {
    dense out(static_cast<Eigen::Index>(rows.size()), m.cols());
    for (std::size_t i = 0; i < rows.size(); ++i) out.row(static_cast<Eigen::Index>(i)) = m.row(rows[i]);
    return out;
}

// k-means++: k rows of `x` as first centroids, each drawn with probability growing with its (cosine) distance to
// those drawn before.
void seed_centroids(const dense& x, int k, std::mt19937& random, dense& centroids) {
    const auto n = static_cast<int>(x.rows());
    std::vector<int> chosen{static_cast<int>(random() % static_cast<std::uint32_t>(n))};
    std::vector<double> distance(static_cast<std::size_t>(n), 2.0);
    while (static_cast<int>(chosen.size()) < k) {
        const Eigen::VectorXf last = x.row(chosen.back()).transpose();
        const Eigen::VectorXf sims = x * last;
        double total = 0;
        for (int i = 0; i < n; ++i) {
            distance[static_cast<std::size_t>(i)] = std::min(distance[static_cast<std::size_t>(i)], std::max(0.0, 1.0 - static_cast<double>(sims(i))));
            total += distance[static_cast<std::size_t>(i)] * distance[static_cast<std::size_t>(i)];
        }
        int next = 0;
        if (total > 0) {
            double target = std::uniform_real_distribution<double>(0.0, total)(random);
            for (next = 0; next < n - 1; ++next) {
                target -= distance[static_cast<std::size_t>(next)] * distance[static_cast<std::size_t>(next)];
                if (target <= 0) break;
            }
        } else {
            next = static_cast<int>(chosen.size());  // all points coincide: any distinct index
        }
        chosen.push_back(next);
    }
    centroids.resize(k, x.cols());
    for (int c = 0; c < k; ++c) centroids.row(c) = x.row(chosen[static_cast<std::size_t>(c)]);
}

// Spherical k-means from k-means++ seeding (`seed`), or from `centroids` as they are when `seeded`: rows of `x`
// are unit vectors; returns each row's cluster.
std::vector<int> spherical_kmeans_once(const dense& x, int k, std::uint32_t seed, dense& centroids, bool seeded = false) {
    const auto n = static_cast<int>(x.rows());
    if (!seeded) {
        std::mt19937 random(seed);
        seed_centroids(x, k, random, centroids);
    }
    std::vector<int> assignment(static_cast<std::size_t>(n), -1);
    for (int iteration = 0; iteration < 100; ++iteration) {
        const dense sims = x * centroids.transpose();
        bool changed = false;
        for (int i = 0; i < n; ++i) {
            Eigen::Index best = 0;
            sims.row(i).maxCoeff(&best);
            if (assignment[static_cast<std::size_t>(i)] != static_cast<int>(best)) {
                assignment[static_cast<std::size_t>(i)] = static_cast<int>(best);
                changed = true;
            }
        }
        if (!changed) break;
        dense sums = dense::Zero(k, x.cols());
        for (int i = 0; i < n; ++i) sums.row(assignment[static_cast<std::size_t>(i)]) += x.row(i);
        for (int c = 0; c < k; ++c) {
            const float norm = sums.row(c).norm();
            if (norm > 0) centroids.row(c) = sums.row(c) / norm;  // an emptied cluster keeps its old centroid
        }
    }
    return assignment;
}

// The spherical k-means objective: each row's cosine with its cluster's centroid, summed.
double kmeans_objective(const dense& x, const std::vector<int>& assignment, const dense& centroids) {
    double total = 0;
    for (Eigen::Index i = 0; i < x.rows(); ++i) total += static_cast<double>(x.row(i).dot(centroids.row(assignment[static_cast<std::size_t>(i)])));
    return total;
}

// The best of `restarts` k-means++ starts by the objective (one start's purity moved by 0.1 on 70 units): the
// first from `seed` itself, the others from seeds drawn from it; a tie keeps the earlier start.
std::vector<int> spherical_kmeans(const dense& x, int k, std::uint32_t seed, dense& centroids, int restarts) {
    std::vector<int> best = spherical_kmeans_once(x, k, seed, centroids);
    double best_objective = restarts > 1 ? kmeans_objective(x, best, centroids) : 0;
    std::mt19937 starts(seed);
    for (int r = 1; r < restarts; ++r) {
        dense c;
        std::vector<int> a = spherical_kmeans_once(x, k, static_cast<std::uint32_t>(starts()), c);
        if (const double o = kmeans_objective(x, a, c); o > best_objective + 1e-6) best_objective = o, best = std::move(a), centroids = std::move(c);
    }
    return best;
}

// Silhouettes with cosine distance, over at most 2,000 rows (a sample, fixed seed).
struct silhouettes {
    double mean = 0;                                // over the rows
    std::vector<std::optional<double>> of_cluster;  // over each cluster's rows; none for a cluster without one
};

silhouettes silhouette(const dense& x, const std::vector<int>& assignment, int k, std::uint32_t seed, int sample = 2000) {
    const std::vector<int> rows = sample_rows(static_cast<int>(x.rows()), sample, seed);
    const dense sub = select_rows(x, rows);
    const dense distances = (dense::Ones(sub.rows(), sub.rows()) - sub * sub.transpose()).cwiseMax(0.0f);
    double total = 0;
    std::vector<double> cluster_total(static_cast<std::size_t>(k), 0.0);
    std::vector<int> cluster_rows(static_cast<std::size_t>(k), 0);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::vector<double> sum(static_cast<std::size_t>(k), 0.0);
        std::vector<int> count(static_cast<std::size_t>(k), 0);
        for (std::size_t j = 0; j < rows.size(); ++j) {
            if (i == j) continue;
            const int c = assignment[static_cast<std::size_t>(rows[j])];
            sum[static_cast<std::size_t>(c)] += distances(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j));
            ++count[static_cast<std::size_t>(c)];
        }
        const auto own = static_cast<std::size_t>(assignment[static_cast<std::size_t>(rows[i])]);
        ++cluster_rows[own];
        if (count[own] == 0) continue;  // a singleton scores 0
        const double a = sum[own] / count[own];
        double b = 1e300;
        for (std::size_t c = 0; c < sum.size(); ++c)
            if (c != own && count[c] > 0) b = std::min(b, sum[c] / count[c]);
        const double s = b < 1e300 && std::max(a, b) > 0 ? (b - a) / std::max(a, b) : 0;
        total += s;
        cluster_total[own] += s;
    }
    silhouettes out{rows.empty() ? 0 : total / static_cast<double>(rows.size()), {}};
    for (std::size_t c = 0; c < cluster_total.size(); ++c)
        out.of_cluster.push_back(cluster_rows[c] > 0 ? std::optional(cluster_total[c] / cluster_rows[c]) : std::nullopt);
    return out;
}

// First two principal components of the rows.
std::vector<std::pair<float, float>> pca_map(const dense& x) {
    std::vector<std::pair<float, float>> out(static_cast<std::size_t>(x.rows()), {0.0f, 0.0f});
    if (x.rows() < 2 || x.cols() == 0) return out;  // Eigen's eigensolver fails on an empty matrix
    const dense centered = x.rowwise() - x.colwise().mean();
    dense basis;
    if (x.cols() <= 400) {
        Eigen::SelfAdjointEigenSolver<dense> eig(centered.transpose() * centered);
        const Eigen::Index c = std::min<Eigen::Index>(2, eig.eigenvectors().cols());  // one term gives one axis
        basis = eig.eigenvectors().rightCols(c).rowwise().reverse();
    } else {  // wide: the eigenvectors of the (rows x rows) Gram matrix give the same components
        Eigen::SelfAdjointEigenSolver<dense> eig(centered * centered.transpose());
        basis = centered.transpose() * eig.eigenvectors().rightCols(2).rowwise().reverse();
        for (Eigen::Index c = 0; c < basis.cols(); ++c)
            if (basis.col(c).norm() > 0) basis.col(c).normalize();
    }
    if (basis.cols() == 0) return out;
    const dense projected = centered * basis;
    for (Eigen::Index i = 0; i < x.rows(); ++i)
        out[static_cast<std::size_t>(i)] = {projected(i, 0), projected.cols() > 1 ? projected(i, 1) : 0.0f};
    return out;
}

// What unit_terms reads beside the terms, with word vectors: each unit's words the vectors hold, and each
// thread's lookups they point into.
struct read_words {
    std::vector<unit_words> of_unit;      // per unit
    std::vector<std::size_t> thread_of;   // per unit: the thread (index into `lookups`) that read it
    std::vector<sentence_words> lookups;  // per thread
};

// The terms of each unit, read on every core (word segmentation and stemming are most of the work);
// each thread has its own stemmer and written forms, merged after. With word vectors, each unit's words the
// vectors hold are noted on the same pass (in `words`). The result does not depend on the number of threads.
models::term_collection unit_terms(const std::vector<cluster_unit>& units, models::written_forms& written,
                                   const models::word_vectors* vectors, read_words& words) {
    std::vector<models::weighted_terms> out(units.size());
    const std::size_t threads =
        std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, std::max<std::size_t>(1, units.size() / 1000));
    std::vector<models::written_forms> forms(threads);
    std::vector<std::exception_ptr> failed(threads);  // an exception (out of memory) must not escape a thread
    if (vectors != nullptr) {
        words.of_unit.assign(units.size(), {});
        words.thread_of.assign(units.size(), 0);
        words.lookups.assign(threads, {});
    }
    auto work = [&](std::size_t t) {
        try {
            models::stemmer stem;
            for (std::size_t i = t; i < units.size(); i += threads) {
                const models::term_list terms = models::terms_of(units[i].text, stem);
                forms[t].add(terms);
                out[i] = models::weighted(terms, stem, nullptr);
                if (vectors != nullptr) words.of_unit[i] = known_words(*vectors, terms, words.lookups[t]), words.thread_of[i] = t;
            }
        } catch (...) {
            failed[t] = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work, t);
    work(0);
    for (std::thread& th : pool) th.join();
    for (const std::exception_ptr& e : failed)
        if (e) std::rethrow_exception(e);
    for (const models::written_forms& f : forms) written.merge(f);
    models::term_collection collection;
    for (models::weighted_terms& terms : out) {
        collection.add(terms);
        terms = {};
    }
    return collection;
}

// The document (an index, in order of first appearance) of each of `rows` (indices into `units`), and how many there are.
std::pair<std::vector<int>, int> documents_of(const std::vector<cluster_unit>& units, const std::vector<int>& rows) {
    std::unordered_map<std::string_view, int> index;
    std::vector<int> out(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        out[i] = index.emplace(units[static_cast<std::size_t>(rows[i])].source, static_cast<int>(index.size())).first->second;
    return {out, static_cast<int>(index.size())};
}

// Per column of `rows`, log((D + 1) / d), d of the D documents holding the term: a word every resolution uses
// ("session", "Secretary-General", "report") carries no topic of its own, whatever its idf over paragraphs.
std::vector<float> document_weights(const models::sparse_rows& rows, const std::vector<int>& document, int documents) {
    std::vector<int> order(document.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return document[static_cast<std::size_t>(a)] < document[static_cast<std::size_t>(b)]; });
    std::vector<int> holding(static_cast<std::size_t>(rows.cols()), 0), last(static_cast<std::size_t>(rows.cols()), -1);
    for (const int r : order)  // a document's rows together: a term is counted once per document
        for (models::sparse_rows::InnerIterator it(rows, r); it; ++it) {
            const auto t = static_cast<std::size_t>(it.col());
            if (last[t] != document[static_cast<std::size_t>(r)]) last[t] = document[static_cast<std::size_t>(r)], ++holding[t];
        }
    std::vector<float> out(holding.size(), 0.0f);
    for (std::size_t t = 0; t < holding.size(); ++t)
        if (holding[t] > 0) out[t] = static_cast<float>(std::log((documents + 1.0) / holding[t]));
    return out;
}

// `rows` with each column scaled by its weight, rows L2-normalized again.
void weigh_columns(models::sparse_rows& rows, const std::vector<float>& weight) {
    for (Eigen::Index r = 0; r < rows.outerSize(); ++r) {
        float norm = 0;
        for (models::sparse_rows::InnerIterator it(rows, r); it; ++it) {
            it.valueRef() *= weight[static_cast<std::size_t>(it.col())];
            norm += it.value() * it.value();
        }
        norm = std::sqrt(norm);
        if (norm > 0)
            for (models::sparse_rows::InnerIterator it(rows, r); it; ++it) it.valueRef() /= norm;
    }
}

// The SIF average (Arora, Liang and Ma 2017) of each of `rows`' (units') words the vectors hold, each word also
// weighed by its stem's document weight (none given: 1).
Eigen::MatrixXf sentence_vectors(const read_words& words, const std::vector<int>& rows, std::size_t dimensions,
                                 const models::tfidf_space& space, const std::vector<float>& weight) {
    const auto dims = static_cast<Eigen::Index>(dimensions);
    std::vector<std::vector<float>> stem_weight(words.lookups.size());  // per thread, per stem index
    if (!weight.empty())
        for (std::size_t t = 0; t < words.lookups.size(); ++t)
            for (const std::string& stem : words.lookups[t].stems) {
                const int column = space.find(stem);
                stem_weight[t].push_back(column >= 0 ? weight[static_cast<std::size_t>(column)] : 1.0f);
            }
    Eigen::MatrixXf out = Eigen::MatrixXf::Zero(static_cast<Eigen::Index>(rows.size()), dims);
    Eigen::VectorXf sum(dims);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto unit = static_cast<std::size_t>(rows[i]);
        const sentence_words& lookup = words.lookups[words.thread_of[unit]];
        sum.setZero();
        for (const auto& [slot, stem] : words.of_unit[unit]) {
            const Eigen::Map<const Eigen::VectorXf> v(lookup.weighted.data() + slot * dims, dims);
            if (weight.empty()) sum += v;
            else sum += stem_weight[words.thread_of[unit]][static_cast<std::size_t>(stem)] * v;
        }
        if (!words.of_unit[unit].empty()) out.row(static_cast<Eigen::Index>(i)) = (sum / static_cast<float>(words.of_unit[unit].size())).transpose();
    }
    return out;
}

// Each row moved toward its document's mean direction, `share` of the way (then of unit length again): a
// paragraph is read in the light of the resolution it belongs to ("Requests the Secretary-General to report"
// in a resolution on the Court is about the Court).
void add_document_context(dense& x, const std::vector<int>& document, int documents, double share) {
    dense means = dense::Zero(documents, x.cols());
    for (std::size_t i = 0; i < document.size(); ++i) means.row(document[i]) += x.row(static_cast<Eigen::Index>(i));
    for (Eigen::Index d = 0; d < means.rows(); ++d)
        if (const float norm = means.row(d).norm(); norm > 0) means.row(d) /= norm;
    const auto c = static_cast<float>(share);
    for (std::size_t i = 0; i < document.size(); ++i) {
        const auto r = static_cast<Eigen::Index>(i);
        x.row(r) = (1 - c) * x.row(r) + c * means.row(document[i]);
        if (const float norm = x.row(r).norm(); norm > 0) x.row(r) /= norm;
    }
}

// Each row scaled to unit length and by `share`'s square root, so that two blocks side by side weigh
// `share` and 1 - `share` in a cosine.
dense scaled_rows(const dense& rows, double share) {
    dense out = rows;
    for (Eigen::Index r = 0; r < out.rows(); ++r)
        if (const float norm = out.row(r).norm(); norm > 0) out.row(r) *= static_cast<float>(std::sqrt(share)) / norm;
    return out;
}

// TF-IDF (or LSA) rows beside the units' sentence vectors (common component removed, learned as the LSA basis
// is: from a sample past `sample` units), each block weighed by its share of a unit's squared length; rows of
// unit length (a unit whose words the vectors lack keeps its TF-IDF row alone).
dense with_sentences(const dense& topics, Eigen::MatrixXf sentences, double weight, int sample, std::uint32_t seed) {
    const auto n = static_cast<int>(sentences.rows());
    Eigen::MatrixXf learned;  // past `sample` rows, the component is learned from a sample of them (fixed seed)
    if (n > sample) {
        const std::vector<int> rows = sample_rows(n, sample, seed);
        learned.resize(static_cast<Eigen::Index>(rows.size()), sentences.cols());
        for (std::size_t i = 0; i < rows.size(); ++i) learned.row(static_cast<Eigen::Index>(i)) = sentences.row(rows[i]);
    }
    models::remove_components(sentences, models::common_components(n > sample ? learned : sentences, 1));
    dense out(topics.rows(), topics.cols() + sentences.cols());
    out << scaled_rows(topics, 1 - weight), scaled_rows(dense(sentences), weight);
    for (Eigen::Index r = 0; r < out.rows(); ++r)
        if (const float norm = out.row(r).norm(); norm > 0) out.row(r) /= norm;
    return out;
}

// The vectors k-means works on: TF-IDF rows, reduced by LSA for larger collections (basis learned from a
// sample past options.lsa_sample rows).
dense unit_vectors(const models::sparse_rows& tfidf, const cluster_options& options,
                   const std::function<void(const std::string&)>& say) {
    const auto n = static_cast<int>(tfidf.rows());
    if (n < options.lsa_from) return dense(tfidf);
    say("reducing to 100 dimensions (LSA)");
    const models::lsa_space lsa(n > options.lsa_sample ? select_rows(tfidf, sample_rows(n, options.lsa_sample, options.seed)) : tfidf, 100);
    return lsa.project(tfidf);
}

// An assignment of the rows to k clusters, with its centroids and silhouettes (0 for a single cluster).
struct partition {
    int k = 1;
    silhouettes silhouette{0, {0.0}};
    std::vector<int> assignment;
    dense centroids;
};

// k as asked, or by silhouette over [k_min, k_max], each k the best of options.restarts k-means++ starts; one
// cluster for a single row. Past options.choose_k_sample rows, the starts (and the choice of k) run on a sample,
// and one k-means over all rows starts from the best sample's centroids.
partition choose_partition(const dense& x, const cluster_options& options, const std::function<void(const std::string&)>& say) {
    const int n = static_cast<int>(x.rows());
    partition best;
    best.assignment.assign(static_cast<std::size_t>(n), 0);
    best.centroids = x.colwise().sum();
    if (best.centroids.norm() > 0) best.centroids.row(0).normalize();
    if (n < 2) return best;
    const int k_max = std::min(options.k > 0 ? options.k : options.k_max, n);
    const int k_min = options.k > 0 ? k_max : std::min(std::max(2, options.k_min), k_max);
    const bool sampled = (k_min < k_max || options.restarts > 1) && n > options.choose_k_sample;
    const dense trial = sampled ? select_rows(x, sample_rows(n, options.choose_k_sample, options.seed)) : dense();
    const dense& tried = sampled ? trial : x;
    double best_score = -2;
    for (int k = k_min; k <= k_max; ++k) {
        say("k-means with k = " + std::to_string(k) + (sampled ? " (sample)" : ""));
        partition p{k, {0, {0.0}}, {}, {}};
        p.assignment = spherical_kmeans(tried, k, options.seed, p.centroids, std::max(1, options.restarts));
        if (k >= 2 && k_min < k_max) p.silhouette = silhouette(tried, p.assignment, k, options.seed);
        if (p.silhouette.mean > best_score + 1e-9) best_score = p.silhouette.mean, best = std::move(p);
    }
    if (sampled) {
        say("k-means with k = " + std::to_string(best.k));
        best.assignment = spherical_kmeans_once(x, best.k, options.seed, best.centroids, true);
    }
    if (best.k >= 2 && (sampled || k_min == k_max)) best.silhouette = silhouette(x, best.assignment, best.k, options.seed);
    return best;
}

// Cluster c of the partition: its members (row i is unit units_of_rows[i]) most central first, the most
// central as exemplar, labelled by the heaviest words of its members' mean TF-IDF vector.
cluster labelled_cluster(int c, const partition& p, const dense& x, const models::sparse_rows& tfidf,
                         const std::vector<int>& units_of_rows, const models::tfidf_space& space,
                         const models::written_forms& written) {
    cluster cl;
    Eigen::VectorXf mean = Eigen::VectorXf::Zero(static_cast<Eigen::Index>(space.dimensions()));
    for (int i = 0; i < static_cast<int>(x.rows()); ++i) {
        if (p.assignment[static_cast<std::size_t>(i)] != c) continue;
        cl.members.push_back({static_cast<std::size_t>(units_of_rows[static_cast<std::size_t>(i)]),
                              static_cast<double>(x.row(i).dot(p.centroids.row(c)))});
        mean += tfidf.row(i).transpose();
    }
    if (cl.members.empty()) return cl;
    cl.silhouette = p.silhouette.of_cluster[static_cast<std::size_t>(c)];
    std::stable_sort(cl.members.begin(), cl.members.end(),
                     [](const cluster_member& a, const cluster_member& b) { return a.similarity > b.similarity; });
    cl.exemplar = cl.members.front().unit;
    std::vector<int> order(static_cast<std::size_t>(mean.size()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return mean(a) > mean(b); });
    for (int term : order) {
        if (cl.label.size() == 5 || mean(term) <= 0) break;
        const std::string* word = written.most_written(space.term(term));
        if (word == nullptr) continue;  // bigrams: their words come as unigrams
        if (word->size() < 2) continue;  // "c" of "subparagraph (c)": no word to read a topic by
        cl.label.push_back(*word);
    }
    return cl;
}

}  // namespace

void add_units(const grammar::document& doc, unit_kind kind, std::vector<cluster_unit>& out) {
    const std::string& source = doc.name();
    const std::string document = doc.symbol.value_or(source);
    for (const grammar::paragraph* paragraph : compared_paragraphs(doc)) {
        const grammar::paragraph& p = *paragraph;
        const bool operative = p.kind == grammar::paragraph_kind::operative;
        const std::string& part_name = doc.parts[p.part].name;
        const std::string part = part_name == "body" ? "" : part_name + " ";
        if (kind == unit_kind::clause) {
            if (!operative) continue;
            for (std::size_t c = 0; c < p.clauses.size(); ++c) {
                const std::string id = p.id + "/" + std::to_string(c + 1);
                out.push_back({source, part + id, grammar::normalized_text(doc, p.clauses[c].whole), paragraph_name(document, part_name, id)});
            }
        } else if (operative || kind == unit_kind::all) {
            out.push_back({source, part + p.id, grammar::normalized_text(doc, p.text), paragraph_name(document, part_name, p.id)});
        }
    }
}

cluster_result cluster_units(const std::vector<cluster_unit>& units, const cluster_options& options) {
    const auto say = [&](const std::string& what) { tell(options.progress, what); };
    cluster_result result;
    if (units.empty()) return result;
    say("reading " + std::to_string(units.size()) + " units");
    models::written_forms written;  // for labels: the word most often written for each stem
    read_words words;               // with word vectors: each unit's words they hold
    const auto [space, tfidf] = models::learn_tfidf(unit_terms(units, written, options.vectors, words));
    // a unit without a content word ("Urges", "2.") has no topic: it is listed apart, not clustered
    std::vector<int> clustered;
    for (int i = 0; i < static_cast<int>(units.size()); ++i) (tfidf.row(i).nonZeros() > 0 ? clustered : result.unclustered).push_back(i);
    result.map.assign(units.size(), {0.0f, 0.0f});
    if (clustered.empty()) return result;
    models::sparse_rows rows = result.unclustered.empty() ? tfidf : select_rows(tfidf, clustered);
    // from two documents on, terms are weighed by how many documents hold them, and each unit read with its document
    const auto [document, documents] = documents_of(units, clustered);
    std::vector<float> weight;
    if (documents >= 2) {
        weight = document_weights(rows, document, documents);
        weigh_columns(rows, weight);
    }
    dense x = unit_vectors(rows, options, say);
    if (options.vectors != nullptr) {
        say("adding sentence vectors");
        Eigen::MatrixXf sentences = sentence_vectors(words, clustered, options.vectors->dimensions(), space, weight);
        words = {};  // the word lists are done with: not held through k-means
        x = with_sentences(x, std::move(sentences), options.sentence_weight, options.lsa_sample, options.seed);
    }
    if (documents >= 2 && options.document_context > 0) add_document_context(x, document, documents, options.document_context);
    const partition best = choose_partition(x, options, say);
    say("labelling " + std::to_string(best.k) + " clusters");
    result.k = best.k;
    result.silhouette = best.silhouette.mean;
    for (int c = 0; c < best.k; ++c)
        if (auto cl = labelled_cluster(c, best, x, rows, clustered, space, written); !cl.members.empty()) result.clusters.push_back(std::move(cl));
    std::stable_sort(result.clusters.begin(), result.clusters.end(),
                     [](const cluster& a, const cluster& b) { return a.members.size() > b.members.size(); });
    for (std::size_t c = 0; c < result.clusters.size(); ++c) result.clusters[c].id = static_cast<int>(c);
    result.k = static_cast<int>(result.clusters.size());
    say("mapping");
    const auto map = pca_map(x);
    for (std::size_t i = 0; i < clustered.size(); ++i) result.map[static_cast<std::size_t>(clustered[i])] = map[i];
    return result;
}

}  // namespace resdraft::analysis
