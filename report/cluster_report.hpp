// Writers for `resdraft cluster`: the JSON contract, a text summary, and an HTML map.
#pragma once

#include "analysis/cluster.hpp"

#include <string>

namespace resdraft::report {

// Members a cluster lists by name, with a count of the rest, so that a large cluster stays readable; the
// JSON report lists every member.
constexpr std::size_t shown_members_text = 20;   // on the members line of the text report
constexpr std::size_t shown_members_html = 100;  // in each cluster's list of the HTML page, each with its text

// {"k", "silhouette", "clusters": [{"id", "label", "silhouette", "exemplar": {"source", "paragraph"},
//  "members": [{"source", "paragraph", "similarity"}]}], "unclustered": [{"source", "paragraph"}]}
std::string cluster_json(const std::vector<analysis::cluster_unit>& units, const analysis::cluster_result& r);

// Each cluster: its label, size and silhouette, exemplar text and members, named as "A/RES/80/45 ¶3".
std::string cluster_text(const std::vector<analysis::cluster_unit>& units, const analysis::cluster_result& r);

// One row per unit (RFC 4180, after a byte-order mark): its cluster and the cluster's label, its rank in
// the cluster (1 = the exemplar, most central) and similarity to the centroid, its name, source file,
// paragraph id and text; units without a content word last, with an empty cluster.
std::string cluster_csv(const std::vector<analysis::cluster_unit>& units, const analysis::cluster_result& r);

// One self-contained page: the units on a 2-D map (PCA), coloured by cluster, text on hover; each
// cluster's label, size, silhouette, exemplar and members.
std::string cluster_html(const std::vector<analysis::cluster_unit>& units, const analysis::cluster_result& r);

}  // namespace resdraft::report
