// Writers for `resdraft cluster`: the JSON contract, a text summary, and an HTML map.
#pragma once

#include "analysis/cluster.hpp"

#include <string>

namespace resdraft::report {

// {"k", "silhouette", "clusters": [{"id", "label", "exemplar": {"source", "paragraph"}, "members": [...]}],
//  "unclustered": [{"source", "paragraph"}]}
std::string cluster_json(const std::vector<analysis::cluster_unit>& units, const analysis::cluster_result& r);

// Each cluster: its label, size, exemplar text and members.
std::string cluster_text(const std::vector<analysis::cluster_unit>& units, const analysis::cluster_result& r);

// One self-contained page: the units on a 2-D map (PCA), coloured by cluster, text on hover.
std::string cluster_html(const std::vector<analysis::cluster_unit>& units, const analysis::cluster_result& r);

}  // namespace resdraft::report
