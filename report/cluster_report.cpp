#include "report/cluster_report.hpp"

#include "report/html.hpp"
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

double rounded(double x) { return std::round(x * 1000.0) / 1000.0; }


std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
    return out;
}

// "a-68-l5.txt 3, a-68-l5.txt 7": the units without a content word, the first 20 and a count of the rest.
std::string unclustered_list(const std::vector<analysis::cluster_unit>& units, const analysis::cluster_result& r) {
    std::string out;
    for (std::size_t i = 0; i < r.unclustered.size() && i < 20; ++i) {
        const auto& u = units[static_cast<std::size_t>(r.unclustered[i])];
        out += (i ? ", " : "") + u.source + " " + u.paragraph;
    }
    if (r.unclustered.size() > 20) out += " and " + std::to_string(r.unclustered.size() - 20) + " more";
    return out;
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
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3f", r.silhouette);
    out << r.k << " clusters of " << units.size() << " units (silhouette " << buf << ")\n";
    for (const auto& c : r.clusters) {
        out << "\n" << c.id << "  " << joined(c.label) << "  (" << c.members.size() << ")\n";
        const auto& ex = units[c.exemplar];
        const std::string text = shorten(ex.text, 150);
        out << "   exemplar " << ex.source << " " << ex.paragraph << ": " << text << "\n   members:";
        std::size_t shown = 0;
        for (const auto& m : c.members) {
            if (shown++ == 20) {
                out << " ... (" << c.members.size() - 20 << " more)";
                break;
            }
            out << ' ' << (units[m.unit].source == ex.source ? "" : units[m.unit].source + ":") << units[m.unit].paragraph;
        }
        out << '\n';
    }
    if (!r.unclustered.empty()) out << "\nnot clustered (no content word): " << unclustered_list(units, r) << '\n';
    return out.str();
}

std::string cluster_html(const std::vector<analysis::cluster_unit>& units, const analysis::cluster_result& r) {
    static constexpr std::array palette{"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
                                        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939"};
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
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>resdraft cluster</title>\n"
           "<style>body{font-family:Georgia,serif;margin:2em;color:#222}svg{border:1px solid #ddd}"
           "circle{opacity:.75}circle:hover{opacity:1;stroke:#000}li{margin:.3em 0}</style>\n</head>\n<body>\n";
    out << "<h1>" << r.k << " clusters of " << units.size() << " units</h1>\n";
    out << "<section id=\"map\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"900\" height=\"600\" viewBox=\"0 0 900 600\">\n";
    for (const auto& c : r.clusters) {
        const char* colour = palette[static_cast<std::size_t>(c.id) % palette.size()];
        for (const auto& m : c.members) {
            const auto& [x, y] = r.map[m.unit];
            char pos[64];
            std::snprintf(pos, sizeof pos, "cx=\"%.1f\" cy=\"%.1f\"", sx(x), sy(y));
            out << "<circle class=\"unit\" data-cluster=\"" << c.id << "\" " << pos << " r=\"5\" fill=\"" << colour
                << "\"><title>" << escape_html(units[m.unit].source + " " + units[m.unit].paragraph + ": " + units[m.unit].text)
                << "</title></circle>\n";
        }
    }
    out << "</svg>\n</section>\n<section id=\"clusters\">\n<ul>\n";
    for (const auto& c : r.clusters)
        out << "<li class=\"cluster\" id=\"cluster-" << c.id << "\"><span style=\"color:"
            << palette[static_cast<std::size_t>(c.id) % palette.size()] << "\">&#9679;</span> <b>" << escape_html(joined(c.label))
            << "</b> (" << c.members.size() << "): " << escape_html(units[c.exemplar].text) << "</li>\n";
    out << "</ul>\n</section>\n";
    if (!r.unclustered.empty())
        out << "<section id=\"unclustered\">\n<p>Not clustered (no content word): " << escape_html(unclustered_list(units, r))
            << "</p>\n</section>\n";
    out << "</body>\n</html>\n";
    return out.str();
}

}  // namespace resdraft::report
