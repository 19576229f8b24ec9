// The cluster writers on a result made by hand: members named alike everywhere, large clusters capped,
// each cluster's silhouette shown.
#include "report/cluster_report.hpp"

#include "test_support.hpp"

#include <nlohmann/json.hpp>

namespace resdraft::report {
namespace {

// 105 paragraphs of A/RES/80/1 in one cluster, one of a file without a symbol in another (its silhouette
// not sampled), and one unit of that file not clustered.
struct made_by_hand {
    std::vector<analysis::cluster_unit> units;
    analysis::cluster_result result;

    made_by_hand() {
        analysis::cluster big{0, {"alpha", "beta", "gamma"}, 0, {}, 0.3};
        for (int i = 1; i <= 105; ++i) {
            units.push_back({"a.txt", std::to_string(i), "Text " + std::to_string(i) + ".", "A/RES/80/1 ¶" + std::to_string(i)});
            big.members.push_back({units.size() - 1, 0.5});
        }
        units.push_back({"b.txt", "annex 1", "Other text.", "b.txt annex ¶1"});
        units.push_back({"b.txt", "annex 2", "Decides", "b.txt annex ¶2"});
        result.k = 2;
        result.silhouette = 0.25;
        result.clusters = {big, {1, {"delta", "epsilon", "zeta"}, 105, {{105, 1.0}}, std::nullopt}};
        result.unclustered = {106};
        result.map.assign(units.size(), {0.0f, 0.0f});
    }
};

// "A/RES/80/1 ¶1, A/RES/80/1 ¶2, ..." up to paragraph n.
std::string first_names(int n) {
    std::string out;
    for (int i = 1; i <= n; ++i) out += (i > 1 ? ", " : "") + std::string("A/RES/80/1 ¶") + std::to_string(i);
    return out;
}

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
    return n;
}

TEST(ClusterReport, TextNamesMembersAlikeAndCapsTheList) {
    const made_by_hand r;
    EXPECT_EQ(cluster_text(r.units, r.result),
              "2 clusters of 107 units (silhouette 0.250)\n"
              "\n"
              "0  alpha, beta, gamma  (105 units, silhouette 0.300)\n"
              "   exemplar A/RES/80/1 ¶1: Text 1.\n"
              "   members: " + first_names(20) + ", and 85 more\n"
              "\n"
              "1  delta, epsilon, zeta  (1 unit)\n"
              "   exemplar b.txt annex ¶1: Other text.\n"
              "   members: b.txt annex ¶1\n"
              "\n"
              "not clustered (no content word): b.txt annex ¶2\n");
}

TEST(ClusterReport, HtmlListsEachClustersMembersWithItsSilhouette) {
    const made_by_hand r;
    const std::string html = cluster_html(r.units, r.result);
    EXPECT_EQ(count(html, "<h1>2 clusters of 107 units (silhouette 0.250)</h1>\n"), 1u);
    EXPECT_EQ(count(html, "<b>alpha, beta, gamma</b> (105 units, silhouette 0.300): Text 1.\n<ul class=\"members\">\n"
                          "<li class=\"member\"><b>A/RES/80/1 ¶1</b> Text 1.</li>\n"), 1u);
    EXPECT_EQ(count(html, "<li class=\"member\">"), shown_members_html + 1);
    EXPECT_EQ(count(html, "<li class=\"member\"><b>A/RES/80/1 ¶100</b> Text 100.</li>\n"
                          "<li class=\"more\">... and 5 more (the JSON report lists every member)</li>\n</ul>\n</li>\n"), 1u);
    EXPECT_EQ(count(html, "<b>delta, epsilon, zeta</b> (1 unit): Other text.\n<ul class=\"members\">\n"
                          "<li class=\"member\"><b>b.txt annex ¶1</b> Other text.</li>\n</ul>\n</li>\n"), 1u);
    EXPECT_EQ(count(html, "<title>A/RES/80/1 ¶7: Text 7.</title>"), 1u);  // the map names units alike
    EXPECT_EQ(count(html, "<p>Not clustered (no content word): b.txt annex ¶2</p>"), 1u);
}

TEST(ClusterReport, JsonHasEachClustersSilhouette) {
    const made_by_hand r;
    const auto j = nlohmann::json::parse(cluster_json(r.units, r.result));
    EXPECT_EQ(j["clusters"][0]["silhouette"], 0.3);
    EXPECT_TRUE(j["clusters"][1]["silhouette"].is_null());
    EXPECT_EQ(j["clusters"][0]["members"].size(), 105u);  // every member
    EXPECT_EQ(j["clusters"][1]["exemplar"], nlohmann::json::parse(R"({"source": "b.txt", "paragraph": "annex 1"})"));
}

}  // namespace
}  // namespace resdraft::report
