#include "report/cluster_report.hpp"

#include "report/csv.hpp"
#include "report/html.hpp"
#include "report/numbers.hpp"
#include "report/shorten.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace resdraft::report {
namespace {

using nlohmann::ordered_json;


std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
    return out;
}

// "0.023"
std::string three_places(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", x);
    return buf;
}

// "9 units, silhouette 0.041": a cluster's size and, when its members were sampled, silhouette.
std::string size_and_silhouette(const analysis::cluster& c) {
    return std::to_string(c.members.size()) + (c.members.size() == 1 ? " unit" : " units") +
           (c.silhouette ? ", silhouette " + three_places(*c.silhouette) : "");
}

// "A/68/L.5 annex ¶20, A/68/L.5 annex ¶7, and 7 more": the first `shown` members of a cluster by name.
std::string member_names(const std::vector<analysis::cluster_unit>& units, const analysis::cluster& c, std::size_t shown) {
    return shorten_list(c.members.size(), shown, ", ", [&](std::size_t i) { return units[c.members[i].unit].name; });
}

// The units without a content word by name, the first 20 and a count of the rest.
std::string unclustered_list(const std::vector<analysis::cluster_unit>& units, const analysis::cluster_result& r) {
    return shorten_list(r.unclustered.size(), 20, ", ",
                        [&](std::size_t i) { return units[static_cast<std::size_t>(r.unclustered[i])].name; });
}

// "6 clusters of 34 units (silhouette 0.023)"
std::string heading(const std::vector<analysis::cluster_unit>& units, const analysis::cluster_result& r) {
    return std::to_string(r.k) + " clusters of " + std::to_string(units.size()) + " units (silhouette " +
           three_places(r.silhouette) + ")";
}

constexpr std::array palette{"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
                              "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939"};

const char* colour_of(const analysis::cluster& c) { return palette[static_cast<std::size_t>(c.id) % palette.size()]; }

// The units on the 2-D map, one circle each, coloured by cluster, name and text on hover.
void html_map(std::ostringstream& out, const std::vector<analysis::cluster_unit>& units, const analysis::cluster_result& r) {
    float min_x = 0, max_x = 1, min_y = 0, max_y = 1;
    if (!r.map.empty()) {
        min_x = max_x = r.map[0].first;
        min_y = max_y = r.map[0].second;
        for (const auto& [x, y] : r.map) {
            min_x = std::min(min_x, x), max_x = std::max(max_x, x);
            min_y = std::min(min_y, y), max_y = std::max(max_y, y);
        }
    }
    auto sx = [&](float x) { return 20.0 + 860.0 * (x - min_x) / std::max(1e-6f, max_x - min_x); };
    auto sy = [&](float y) { return 20.0 + 560.0 * (y - min_y) / std::max(1e-6f, max_y - min_y); };
    out << "<section id=\"map\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"900\" height=\"600\" viewBox=\"0 0 900 600\">\n";
    for (const auto& c : r.clusters) {
        for (const auto& m : c.members) {
            const auto& [x, y] = r.map[m.unit];
            char pos[64];
            std::snprintf(pos, sizeof pos, "cx=\"%.1f\" cy=\"%.1f\"", sx(x), sy(y));
            out << "<circle class=\"unit\" data-cluster=\"" << c.id << "\" " << pos << " r=\"5\" fill=\"" << colour_of(c)
                << "\"><title>" << escape_html(units[m.unit].name + ": " + units[m.unit].text) << "</title></circle>\n";
        }
    }
    out << "</svg>\n</section>\n";
}

// A cluster: its label, size, silhouette and exemplar, then its members by name with their text, the
// first shown_members_html of them and a count of the rest.
void html_cluster(std::ostringstream& out, const std::vector<analysis::cluster_unit>& units, const analysis::cluster& c) {
    out << "<li class=\"cluster\" id=\"cluster-" << c.id << "\"><span style=\"color:" << colour_of(c) << "\">&#9679;</span> <b>"
        << escape_html(joined(c.label)) << "</b> (" << escape_html(size_and_silhouette(c)) << "): "
        << escape_html(units[c.exemplar].text) << "\n<ul class=\"members\">\n";
    for (std::size_t i = 0; i < c.members.size() && i < shown_members_html; ++i) {
        const auto& u = units[c.members[i].unit];
        out << "<li class=\"member\"><b>" << escape_html(u.name) << "</b> " << escape_html(shorten(u.text, 200)) << "</li>\n";
    }
    if (c.members.size() > shown_members_html)
        out << "<li class=\"more\">... and " << c.members.size() - shown_members_html << " more (the JSON report lists every member)</li>\n";
    out << "</ul>\n</li>\n";
}

}  // namespace

std::string cluster_json(const std::vector<analysis::cluster_unit>& units, const analysis::cluster_result& r) {
    ordered_json j;
    j["k"] = r.k;
    j["silhouette"] = rounded(r.silhouette);
    ordered_json clusters = ordered_json::array();
    for (const auto& c : r.clusters) {
        ordered_json members = ordered_json::array();
        for (const auto& m : c.members)
            members.push_back({{"source", units[m.unit].source}, {"paragraph", units[m.unit].paragraph},
                               {"similarity", rounded(m.similarity)}});
        clusters.push_back({{"id", c.id},
                            {"label", c.label},
                            {"silhouette", c.silhouette ? ordered_json(rounded(*c.silhouette)) : ordered_json(nullptr)},
                            {"exemplar", {{"source", units[c.exemplar].source}, {"paragraph", units[c.exemplar].paragraph}}},
                            {"members", members}});
    }
    j["clusters"] = clusters;
    ordered_json unclustered = ordered_json::array();
    for (int u : r.unclustered)
        unclustered.push_back({{"source", units[static_cast<std::size_t>(u)].source}, {"paragraph", units[static_cast<std::size_t>(u)].paragraph}});
    j["unclustered"] = unclustered;
    return j.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

std::string cluster_text(const std::vector<analysis::cluster_unit>& units, const analysis::cluster_result& r) {
    std::ostringstream out;
    out << heading(units, r) << "\n";
    for (const auto& c : r.clusters) {
        out << "\n" << c.id << "  " << joined(c.label) << "  (" << size_and_silhouette(c) << ")\n";
        const auto& ex = units[c.exemplar];
        out << "   exemplar " << ex.name << ": " << shorten(ex.text, 150) << "\n";
        out << "   members: " << member_names(units, c, shown_members_text) << '\n';
    }
    if (!r.unclustered.empty()) out << "\nnot clustered (no content word): " << unclustered_list(units, r) << '\n';
    return out.str();
}

std::string cluster_html(const std::vector<analysis::cluster_unit>& units, const analysis::cluster_result& r) {
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>resdraft cluster</title>\n"
           "<style>body{font-family:Georgia,serif;margin:2em;color:#222}svg{border:1px solid #ddd}"
           "circle{opacity:.75}circle:hover{opacity:1;stroke:#000}li{margin:.3em 0}"
           "ul.members{font-size:.9em}.more{color:#555}</style>\n</head>\n<body>\n";
    out << "<h1>" << escape_html(heading(units, r)) << "</h1>\n";
    html_map(out, units, r);
    out << "<section id=\"clusters\">\n<ul>\n";
    for (const auto& c : r.clusters) html_cluster(out, units, c);
    out << "</ul>\n</section>\n";
    if (!r.unclustered.empty())
        out << "<section id=\"unclustered\">\n<p>Not clustered (no content word): " << escape_html(unclustered_list(units, r))
            << "</p>\n</section>\n";
    out << "</body>\n</html>\n";
    return out.str();
}

std::string cluster_csv(const std::vector<analysis::cluster_unit>& units, const analysis::cluster_result& r) {
    std::ostringstream out;
    out << csv_byte_order_mark << "cluster,label,rank,similarity,name,source,paragraph,text\r\n";
    auto unit_fields = [&](std::size_t i) {
        const analysis::cluster_unit& u = units[i];
        return csv_field(u.name) + "," + csv_field(u.source) + "," + csv_field(u.paragraph) + "," + csv_field(u.text) + "\r\n";
    };
    for (const analysis::cluster& c : r.clusters)
        for (std::size_t rank = 0; rank < c.members.size(); ++rank)
            out << c.id << ',' << csv_field(joined(c.label)) << ',' << rank + 1 << ',' << fixed(c.members[rank].similarity)
                << ',' << unit_fields(c.members[rank].unit);
    for (const int i : r.unclustered) out << ",,,," << unit_fields(static_cast<std::size_t>(i));
    return out.str();
}

}  // namespace resdraft::report
