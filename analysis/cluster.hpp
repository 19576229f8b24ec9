// `resdraft cluster`: paragraphs of one or many documents grouped by topic (spherical k-means on
// TF-IDF or LSA vectors from models/), each group labelled by its centroid's heaviest words.
#pragma once

#include "analysis/progress.hpp"
#include "grammar/ast.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace resdraft::models {
class word_vectors;
}

namespace resdraft::analysis {

// A text to cluster and where it comes from.
struct cluster_unit {
    std::string source;     // file name
    std::string paragraph;  // paragraph id ("12", "pp3"), or "12/2" for the second clause of paragraph 12
    std::string text;
    std::string name = {};  // how reports name it: "A/RES/80/45 ¶3", "A/68/L.5 annex ¶17/2" (the symbol, else `source`)
};

// What a unit is: an operative paragraph, a clause of one, or any paragraph (preambular ones too).
enum class unit_kind { paragraph, clause, all };

// Appends the units of one parsed document, from the paragraphs that hold its substance (as for check:
// a declaration rather than its adopting paragraph); the document's name (a file name) is their source,
// and their name's document when it has no symbol (see paragraph_name).
void add_units(const grammar::document& doc, unit_kind kind, std::vector<cluster_unit>& out);

struct cluster_options {
    int k = 0;                  // clusters wanted; 0 chooses k by silhouette over [k_min, k_max]
    int k_min = 2, k_max = 12;
    std::uint32_t seed = 1;     // k-means++ seeding: the same seed gives the same clusters
    int lsa_from = 200;         // clustered units (those with a content word) from which vectors are reduced by LSA (100 dimensions)
    // Past these sizes, what is learned from the collection is learned from a random sample of it (fixed
    // seed); the clustering itself covers every unit.
    int lsa_sample = 20000;     // units the LSA basis is learned from
    int choose_k_sample = 5000; // units each k is tried on when k is chosen by silhouette
    progress_callback progress;  // told what is being done, when set
    const models::word_vectors* vectors = nullptr;  // word vectors when loaded: SIF sentence vectors beside TF-IDF;
                                                    // null: TF-IDF alone, exactly as before them
    double sentence_weight = 0.25; // with vectors, the share of a unit's squared length given to its sentence vector
    int restarts = 10;             // k-means++ starts per k, the best kept (by the k-means objective); drawn from `seed`
    double document_context = 0.3; // from two documents on, how far each unit is moved toward its document's mean
                                   // direction (0: each unit by its own words alone); see cluster_units
};

struct cluster_member {
    std::size_t unit = 0;       // index into the units
    double similarity = 0;      // cosine with the cluster's centroid
};

struct cluster {
    int id = 0;
    std::vector<std::string> label;      // 3 to 5 readable words
    std::size_t exemplar = 0;            // the most central unit
    std::vector<cluster_member> members; // most central first
    std::optional<double> silhouette;    // mean silhouette of its members (of those in the sample past 2,000 units; none when none is)
};

struct cluster_result {
    int k = 0;                           // 0 when no unit has a content word
    std::vector<int> unclustered;        // units without a content word ("Urges", "2."): no topic to place them by
    double silhouette = 0;               // mean silhouette (cosine distance), on a sample of 2,000 past that size
    std::vector<cluster> clusters;       // largest first
    std::vector<std::pair<float, float>> map;  // 2-D position of each unit (first two principal components)
};

// Clusters `units`. Fewer than 2 units give one cluster; k is capped at the number of units. Units without
// a content word are left out of the clusters and listed in `unclustered`; when that is every unit, there
// is no cluster (k = 0). When the units come from two or more documents (sources), each term (and word of a
// sentence vector) is weighed by log((D + 1) / d), d of the D documents holding it, and each unit is moved
// `document_context` of the way toward its document's mean vector; from one document, neither applies.
cluster_result cluster_units(const std::vector<cluster_unit>& units, const cluster_options& options = {});

}  // namespace resdraft::analysis
