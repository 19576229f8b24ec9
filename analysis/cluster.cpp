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

// A thread's word lookups for sentence vectors: each word written once looked up, with its SIF-weighted vector.
struct sentence_words {
    std::unordered_map<std::string, std::ptrdiff_t> slot;  // word -> its vector's slot in `weighted`, -1: not in the vectors
    std::vector<float> weighted;                           // SIF weight x vector, dimensions floats per slot
};

// The SIF average (Arora, Liang and Ma 2017) of a unit's content words as written.
Eigen::VectorXf sentence_vector(const models::word_vectors& v, const models::term_list& terms, sentence_words& words) {
    const auto dims = static_cast<Eigen::Index>(v.dimensions());
    Eigen::VectorXf sum = Eigen::VectorXf::Zero(dims);
    int known = 0;
    for (const std::string& w : terms.surfaces) {
        auto it = words.slot.find(w);
        if (it == words.slot.end()) {
            const std::ptrdiff_t i = v.find(w);
            std::ptrdiff_t slot = -1;
            if (i >= 0) {
                slot = static_cast<std::ptrdiff_t>(words.weighted.size() / v.dimensions());
                const Eigen::VectorXf x = v.sif_weight(static_cast<std::size_t>(i)) * v.vector(static_cast<std::size_t>(i));
                words.weighted.insert(words.weighted.end(), x.data(), x.data() + dims);
            }
            it = words.slot.emplace(w, slot).first;
        }
        if (it->second < 0) continue;
        sum += Eigen::Map<const Eigen::VectorXf>(words.weighted.data() + it->second * dims, dims);
        ++known;
    }
    return known > 0 ? Eigen::VectorXf(sum / static_cast<float>(known)) : sum;
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

// Spherical k-means with k-means++ seeding: rows of `x` are unit vectors; returns each row's cluster.
std::vector<int> spherical_kmeans(const dense& x, int k, std::uint32_t seed, dense& centroids) {
    const auto n = static_cast<int>(x.rows());
    std::mt19937 random(seed);
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

// The terms of each unit, read on every core (word segmentation and stemming are most of the work);
// each thread has its own stemmer and written forms, merged after. With word vectors, each unit's SIF
// average (models::sif_average of its content words) fills its row of `sentences` on the same pass. The
// result does not depend on the number of threads.
models::term_collection unit_terms(const std::vector<cluster_unit>& units, models::written_forms& written,
                                   const models::word_vectors* vectors, Eigen::MatrixXf& sentences) {
    std::vector<models::weighted_terms> out(units.size());
    const std::size_t threads =
        std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, std::max<std::size_t>(1, units.size() / 1000));
    std::vector<models::written_forms> forms(threads);
    std::vector<std::exception_ptr> failed(threads);  // an exception (out of memory) must not escape a thread
    if (vectors != nullptr) sentences = Eigen::MatrixXf::Zero(static_cast<Eigen::Index>(units.size()), static_cast<Eigen::Index>(vectors->dimensions()));
    auto work = [&](std::size_t t) {
        try {
            models::stemmer stem;
            sentence_words found;  // a collection repeats its words: each looked up once
            for (std::size_t i = t; i < units.size(); i += threads) {
                const models::term_list terms = models::terms_of(units[i].text, stem);
                forms[t].add(terms);
                out[i] = models::weighted(terms, stem, nullptr);
                if (vectors != nullptr) sentences.row(static_cast<Eigen::Index>(i)) = sentence_vector(*vectors, terms, found).transpose();
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

// k as asked, or by silhouette over [k_min, k_max] (on a sample of a large collection, then the chosen k
// over all rows); one cluster for a single row.
partition choose_partition(const dense& x, const cluster_options& options, const std::function<void(const std::string&)>& say) {
    const int n = static_cast<int>(x.rows());
    partition best;
    best.assignment.assign(static_cast<std::size_t>(n), 0);
    best.centroids = x.colwise().sum();
    if (best.centroids.norm() > 0) best.centroids.row(0).normalize();
    if (n < 2) return best;
    const int k_max = std::min(options.k > 0 ? options.k : options.k_max, n);
    const int k_min = options.k > 0 ? k_max : std::min(std::max(2, options.k_min), k_max);
    const bool sampled = k_min < k_max && n > options.choose_k_sample;
    const dense trial = sampled ? select_rows(x, sample_rows(n, options.choose_k_sample, options.seed)) : dense();
    const dense& tried = sampled ? trial : x;
    double best_score = -2;
    for (int k = k_min; k <= k_max; ++k) {
        say("k-means with k = " + std::to_string(k) + (sampled ? " (sample)" : ""));
        partition p{k, {0, {0.0}}, {}, {}};
        p.assignment = spherical_kmeans(tried, k, options.seed, p.centroids);
        if (k >= 2) p.silhouette = silhouette(tried, p.assignment, k, options.seed);
        if (p.silhouette.mean > best_score + 1e-9) best_score = p.silhouette.mean, best = std::move(p);
    }
    if (sampled) {
        say("k-means with k = " + std::to_string(best.k));
        best.assignment = spherical_kmeans(x, best.k, options.seed, best.centroids);
        best.silhouette = silhouette(x, best.assignment, best.k, options.seed);
    }
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
    Eigen::MatrixXf sentences;      // with word vectors: one SIF average per unit
    const auto [space, tfidf] = models::learn_tfidf(unit_terms(units, written, options.vectors, sentences));
    // a unit without a content word ("Urges", "2.") has no topic: it is listed apart, not clustered
    std::vector<int> clustered;
    for (int i = 0; i < static_cast<int>(units.size()); ++i) (tfidf.row(i).nonZeros() > 0 ? clustered : result.unclustered).push_back(i);
    result.map.assign(units.size(), {0.0f, 0.0f});
    if (clustered.empty()) return result;
    const models::sparse_rows rows = result.unclustered.empty() ? tfidf : select_rows(tfidf, clustered);
    dense x = unit_vectors(rows, options, say);
    if (options.vectors != nullptr) {
        say("adding sentence vectors");
        Eigen::MatrixXf kept(static_cast<Eigen::Index>(clustered.size()), sentences.cols());
        for (std::size_t i = 0; i < clustered.size(); ++i) kept.row(static_cast<Eigen::Index>(i)) = sentences.row(clustered[i]);
        x = with_sentences(x, std::move(kept), options.sentence_weight, options.lsa_sample, options.seed);
    }
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
