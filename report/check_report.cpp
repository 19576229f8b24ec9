#include "report/check_report.hpp"

#include "report/csv.hpp"

#include "report/html.hpp"
#include "report/numbers.hpp"
#include "report/json_lists.hpp"
#include "report/redline.hpp"
#include "report/shorten.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace resdraft::report {
namespace {

using analysis::check_result;
using analysis::edit_op;
using analysis::status;
using nlohmann::ordered_json;

std::string percent(double x) { return std::to_string(static_cast<int>(std::lround(x * 100))) + "%"; }

std::string summary_line(const check_result& r) {
    return std::to_string(r.count(status::verbatim)) + " verbatim, " + std::to_string(r.count(status::edited)) +
           " edited, " + std::to_string(r.count(status::related)) + " related, " +
           std::to_string(r.count(status::fresh)) + " new; " + std::to_string(r.gaps.size()) + " gaps; " +
           percent(r.reference_covered()) + " of the reference carried over";
}

// The draft paragraphs that echo a gap, the first ten of them and a count of the rest.
std::string echoes(const analysis::gap& g, std::string_view separator) {
    return shorten_list(g.echoed_by.size(), 10, separator, [&](std::size_t k) { return g.echoed_by[k]; });
}

std::string describe(const analysis::verb_change& v) {
    std::string out = v.reference + " -> " + v.draft + " (" + v.change + ")";
    for (const auto& a : v.adverbs_added) out += ", adds \"" + a + "\"";
    for (const auto& a : v.adverbs_dropped) out += ", drops \"" + a + "\"";
    if (v.reference_addressee || v.draft_addressee)
        out += ", addressee " + v.reference_addressee.value_or("none") + " -> " + v.draft_addressee.value_or("none");
    return out;
}

// "strongly condemn -> condemns (weaker); encourage -> invite (different)"
std::string verb_changes_line(const analysis::paragraph_check& p) {
    std::string out;
    for (const auto& v : p.verb_changes) out += (out.empty() ? "" : "; ") + describe(v);
    return out;
}

ordered_json verb_change_json(const analysis::verb_change& v) {
    ordered_json addressee = nullptr;
    if (v.reference_addressee || v.draft_addressee)
        addressee = {{"reference", v.reference_addressee ? ordered_json(*v.reference_addressee) : ordered_json(nullptr)},
                     {"draft", v.draft_addressee ? ordered_json(*v.draft_addressee) : ordered_json(nullptr)}};
    return {{"reference", v.reference},
            {"draft", v.draft},
            {"change", v.change},
            {"reference_strength", v.reference_strength},
            {"draft_strength", v.draft_strength},
            {"adverbs_added", v.adverbs_added},
            {"adverbs_dropped", v.adverbs_dropped},
            {"addressee", addressee}};
}

// "money ~ remittances, cost ~ cheaper": the word pairs that carried a related paragraph.
std::string pairs_line(const analysis::paragraph_check& p) {
    std::string out;
    for (const auto& w : p.word_pairs) out += (out.empty() ? "" : ", ") + w.draft + " ~ " + w.reference;
    return out;
}

// With word vectors, each paragraph also has its standout and its word pairs (fields absent without them).
ordered_json paragraph_json(const analysis::paragraph_check& p, bool semantic) {
    ordered_json matches = ordered_json::array();
    for (const auto& m : p.matches) {
        matches.push_back({{"reference", m.reference}, {"score", rounded(m.score)}, {"reuse", rounded(m.reuse)},
                           {"semantic", m.semantic ? ordered_json(rounded(*m.semantic)) : ordered_json(nullptr)}});
        if (m.lsa) matches.back()["lsa"] = rounded(*m.lsa);
    }
    ordered_json changes = ordered_json::array();
    for (const auto& v : p.verb_changes) changes.push_back(verb_change_json(v));
    ordered_json out = {{"id", p.id},
                        {"status", analysis::status_name(p.state)},
                        {"text", p.text},
                        {"matches", matches},
                        {"merged", p.merged},
                        {"verb_changes", changes},
                        {"redline", redline_json(p.redline)}};
    if (!semantic) return out;
    out["standout"] = p.standout ? ordered_json(rounded(*p.standout)) : ordered_json(nullptr);
    out["word_pairs"] = ordered_json::array();
    for (const auto& w : p.word_pairs)
        out["word_pairs"].push_back({{"draft", w.draft}, {"reference", w.reference}, {"cosine", rounded(w.cosine)}});
    return out;
}


}  // namespace

std::string check_json(const check_result& r, const analysis::thresholds& limits) {
    ordered_json j;
    j["reference"] = {{"source", r.reference_name},
                      {"symbol", r.reference_symbol.empty() ? ordered_json(nullptr) : ordered_json(r.reference_symbol)},
                      {"paragraphs", r.reference_ids.size()}};
    j["draft"] = {{"source", r.draft_name}, {"paragraphs", r.paragraphs.size()}};
    j["thresholds"] = {{"verbatim_reuse", limits.verbatim_reuse}, {"verbatim_coverage", limits.verbatim_coverage},
                       {"edited_reuse", limits.edited_reuse}, {"edited_score", limits.edited_score},
                       {"related_score", limits.related_score}, {"distinct_score", limits.distinct_score},
                       {"distinct_ratio", limits.distinct_ratio}, {"gap_coverage", limits.gap_coverage},
                       {"merge_reuse", limits.merge_reuse}, {"merge_added", limits.merge_added}};
    if (r.semantic)
        j["thresholds"]["semantic"] = {{"standout", limits.semantic_standout}, {"spread_floor", limits.semantic_spread_floor},
                                       {"exhaustive", limits.semantic_exhaustive}, {"population", limits.semantic_population},
                                       {"candidates", limits.semantic_candidates}, {"least_population", limits.semantic_least_population},
                                       {"pair_cosine", limits.pair_cosine}, {"shown_pairs", limits.shown_pairs}};
    j["paragraphs"] = ordered_json::array();  // both lists are written one element at a time (json_lists.hpp)
    j["gaps"] = ordered_json::array();
    j["summary"] = {{"verbatim", r.count(status::verbatim)}, {"edited", r.count(status::edited)},
                    {"related", r.count(status::related)},   {"new", r.count(status::fresh)},
                    {"gaps", r.gaps.size()},                 {"reference_covered", rounded(r.reference_covered())}};
    const auto gap = [&](std::size_t i) {
        const auto& g = r.gaps[i];
        return ordered_json{{"reference", g.reference}, {"coverage", rounded(g.coverage)}, {"keywords", g.keywords},
                            {"echoed_by", g.echoed_by}, {"text", g.text}};
    };
    return dump_with_lists(j, {{"paragraphs", r.paragraphs.size(), [&](std::size_t i) { return paragraph_json(r.paragraphs[i], r.semantic); }},
                               {"gaps", r.gaps.size(), gap}});
}

std::string check_text(const check_result& r, bool colour) {
    auto paint = [&](std::string_view code, const std::string& s) { return report::paint(colour, code, s); };
    std::ostringstream out;
    out << "resdraft check: " << r.draft_name << " (" << r.paragraphs.size() << " paragraphs) against "
        << (r.reference_symbol.empty() ? r.reference_name : r.reference_symbol) << " (" << r.reference_ids.size()
        << " paragraphs)\n" << summary_line(r) << "\n";
    for (const auto& p : r.paragraphs) {
        out << '\n' << paint("1", p.id) << "  " << analysis::status_name(p.state);
        if (!p.matches.empty()) {
            out << "  <- " << p.matches[0].reference << (p.merged ? " + " + p.matches[1].reference : "")
                << " (reuse " << fixed(p.matches[0].reuse) << ", score " << fixed(p.matches[0].score)
                << (p.matches[0].semantic ? ", semantic " + fixed(*p.matches[0].semantic) : "") << ")";
            if (p.matches.size() > 1 && !p.merged) {
                out << "; also";
                for (std::size_t k = 1; k < p.matches.size(); ++k) out << ' ' << p.matches[k].reference;
            }
        }
        out << '\n';
        for (const auto& v : p.verb_changes) out << "    " << paint(v.change == "weaker" ? "33" : "36", "verb: " + describe(v)) << '\n';
        if (!p.word_pairs.empty()) out << "    " << paint("35", "why: " + pairs_line(p)) << '\n';
        if (has_changes(p.redline)) out << "    " << redline_text(p.redline, colour) << '\n';
        else if (p.state != status::verbatim) out << "    " << shorten(p.text, 160) << '\n';
    }
    out << "\ngaps (reference paragraphs whose wording the draft does not carry over):\n";
    if (r.gaps.empty()) out << "  none\n";
    for (std::size_t i = 0; i < r.gaps.size() && i < shown_gaps; ++i) {
        const auto& g = r.gaps[i];
        out << "  " << g.reference << "  coverage " << fixed(g.coverage) << "  ";
        for (std::size_t k = 0; k < g.keywords.size(); ++k) out << (k ? ", " : "") << g.keywords[k];
        if (!g.echoed_by.empty()) out << "  (echoed by " << echoes(g, ", ") << ")";
        out << '\n';
    }
    if (r.gaps.size() > shown_gaps) out << "  ... and " << r.gaps.size() - shown_gaps << " more (--format json lists every gap)\n";
    return out.str();
}

}  // namespace resdraft::report

namespace resdraft::report {
namespace {


// White (0) to deep blue (1).
std::string heat_colour(double x) {
    const double t = std::clamp(x, 0.0, 1.0);
    char buf[32];
    std::snprintf(buf, sizeof buf, "rgb(%d,%d,%d)", static_cast<int>(255 - 200 * t), static_cast<int>(255 - 150 * t), 255);
    return buf;
}

constexpr std::string_view style = R"(
body{font-family:Georgia,serif;margin:2em;max-width:1400px;color:#222}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:2em}
table.pairs{border-collapse:collapse;width:100%}
table.pairs td,table.pairs th{border-top:1px solid #ccc;padding:.5em;vertical-align:top;text-align:left}
.status{display:inline-block;padding:0 .4em;border-radius:3px;font:12px sans-serif;color:#fff}
.verbatim{background:#2e7d32}.edited{background:#1565c0}.related{background:#8e24aa}.new{background:#757575}
ins{background:#c8e6c9;text-decoration:none}del{background:#ffcdd2}
.verb-change{font:13px sans-serif;margin:.3em 0;padding:.2em .4em;border-left:4px solid #00838f}
.verb-change.weaker{border-color:#ef6c00;background:#fff3e0}.verb-change.stronger{border-color:#2e7d32;background:#e8f5e9}
.score{font:12px sans-serif;color:#555}
table.heatmap{border-collapse:collapse;font:10px sans-serif}
table.heatmap td{width:14px;height:14px;border:1px solid #eee;padding:0}
table.heatmap th{font-weight:normal;padding:0 3px}
)";

// An HTML id for a paragraph id: no spaces ("5 bis" -> "5-bis"), escaped.
std::string anchor(std::string_view prefix, std::string id) {
    std::replace(id.begin(), id.end(), ' ', '-');
    return std::string(prefix) + escape_html(id);
}


// A draft paragraph beside the reference paragraphs it comes from; a reference paragraph's text is shown
// the first time only (`shown`), later rows link to it.
void html_paragraph_row(std::ostringstream& out, const check_result& r, const analysis::paragraph_check& p,
                        std::vector<bool>& shown) {
    const std::string_view state = analysis::status_name(p.state);
    out << "<tr class=\"paragraph\" id=\"" << anchor("draft-", p.id) << "\" data-status=\"" << state << "\">\n<td><b>"
        << escape_html(p.id) << "</b> <span class=\"status " << state << "\">" << state << "</span>";
    for (const auto& m : p.matches)
        out << " <span class=\"score\">" << escape_html(m.reference) << ": reuse " << fixed(m.reuse) << ", score "
            << fixed(m.score) << (m.semantic ? ", semantic " + fixed(*m.semantic) : "") << "</span>";
    out << "\n";
    if (!p.word_pairs.empty()) out << "<div class=\"why\" style=\"font:13px sans-serif;color:#6a1b9a\">why: " << escape_html(pairs_line(p)) << "</div>\n";
    for (const auto& v : p.verb_changes)
        out << "<div class=\"verb-change " << escape_html(v.change) << "\">" << escape_html(describe(v)) << "</div>\n";
    if (has_changes(p.redline)) out << redline_html(p.redline);
    else out << "<p>" << escape_html(p.text) << "</p>";
    out << "\n</td>\n<td>";
    for (std::size_t k = 0; k < p.matches.size() && k < (p.merged ? 2u : 1u); ++k) {
        const analysis::match& m = p.matches[k];
        if (shown[m.index]) {
            out << "<p><b>" << escape_html(m.reference) << "</b> <a href=\"#" << anchor("reference-", m.reference)
                << "\">(shown above)</a></p>";
            continue;
        }
        shown[m.index] = true;
        out << "<p id=\"" << anchor("reference-", m.reference) << "\"><b>" << escape_html(m.reference) << "</b> "
            << escape_html(shorten(r.reference_texts[m.index], shown_reference_bytes)) << "</p>";
    }
    out << "</td>\n</tr>\n";
}

void html_gaps(std::ostringstream& out, const check_result& r) {
    out << "<section id=\"gaps\">\n<h2>Gaps: reference paragraphs the draft does not carry over</h2>\n<ul>\n";
    for (std::size_t i = 0; i < r.gaps.size() && i < shown_gaps; ++i) {
        const analysis::gap& g = r.gaps[i];
        out << "<li class=\"gap\" id=\"" << anchor("gap-", g.reference) << "\"><b>" << escape_html(g.reference) << "</b> coverage "
            << fixed(g.coverage) << " <i>";
        for (std::size_t k = 0; k < g.keywords.size(); ++k) out << (k ? ", " : "") << escape_html(g.keywords[k]);
        out << "</i>";
        if (!g.echoed_by.empty()) out << " <span class=\"echo\">echoed by " << escape_html(echoes(g, " ")) << "</span>";
        out << "<br/>" << escape_html(shorten(g.text, shown_reference_bytes)) << "</li>\n";
    }
    out << "</ul>\n";
    if (r.gaps.size() > shown_gaps)
        out << "<p class=\"more\">... and " << r.gaps.size() - shown_gaps << " more gaps (the JSON report lists every gap).</p>\n";
    out << "</section>\n";
}

void html_heatmap(std::ostringstream& out, const check_result& r) {
    out << "<section id=\"heatmap\">\n<h2>Similarity: draft paragraphs (rows) against reference paragraphs (columns)</h2>\n";
    if (r.similarity.size() != r.paragraphs.size()) {
        out << "<p class=\"omitted\">Not drawn: " << r.paragraphs.size() << " x " << r.reference_ids.size()
            << " paragraphs is more cells than a page can show. Each draft paragraph's closest reference paragraphs are listed above.</p>\n</section>\n";
        return;
    }
    out << "<table class=\"heatmap\">\n<tr><th></th>";
    for (const auto& id : r.reference_ids) out << "<th>" << escape_html(id) << "</th>";
    out << "</tr>\n";
    for (std::size_t d = 0; d < r.paragraphs.size(); ++d) {
        out << "<tr><th>" << escape_html(r.paragraphs[d].id) << "</th>";
        for (std::size_t c = 0; c < r.reference_ids.size(); ++c) {
            const double v = r.similarity[d][c];
            out << "<td style=\"background:" << heat_colour(v) << "\" title=\"" << escape_html(r.paragraphs[d].id) << " / "
                << escape_html(r.reference_ids[c]) << ": " << fixed(v) << "\"></td>";
        }
        out << "</tr>\n";
    }
    out << "</table>\n</section>\n";
}

}  // namespace

std::string check_html(const check_result& r) {
    std::ostringstream out;
    const std::string ref_name = r.reference_symbol.empty() ? r.reference_name : r.reference_symbol;
    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>resdraft check: "
        << escape_html(r.draft_name) << " against " << escape_html(ref_name) << "</title>\n<style>" << style << "</style>\n</head>\n<body>\n";
    out << "<h1>" << escape_html(r.draft_name) << " against " << escape_html(ref_name) << "</h1>\n";
    out << "<p id=\"summary\">" << escape_html(summary_line(r)) << "</p>\n";
    out << "<section id=\"paragraphs\">\n<h2>Paragraphs</h2>\n<table class=\"pairs\">\n"
           "<tr><th>draft</th><th>reference</th></tr>\n";
    std::vector<bool> shown(r.reference_ids.size(), false);
    for (std::size_t i = 0; i < r.paragraphs.size() && i < shown_paragraphs; ++i) html_paragraph_row(out, r, r.paragraphs[i], shown);
    out << "</table>\n";
    if (r.paragraphs.size() > shown_paragraphs)
        out << "<p class=\"more\">... and " << r.paragraphs.size() - shown_paragraphs
            << " more draft paragraphs (the text and JSON reports list every paragraph).</p>\n";
    out << "</section>\n";
    html_gaps(out, r);
    html_heatmap(out, r);
    out << "</body>\n</html>\n";
    return out.str();
}

std::string check_csv(const analysis::check_result& r) {
    std::ostringstream out;
    out << csv_byte_order_mark
        << "draft_paragraph,status,reference_paragraph,score,reuse,semantic,other_matches,merged,verb_changes,text\r\n";
    for (const analysis::paragraph_check& p : r.paragraphs) {
        out << csv_field(p.id) << ',' << analysis::status_name(p.state) << ',';
        if (p.matches.empty()) out << ",,,";
        else
            out << csv_field(p.matches[0].reference) << ',' << fixed(p.matches[0].score) << ',' << fixed(p.matches[0].reuse) << ','
                << (p.matches[0].semantic ? fixed(*p.matches[0].semantic) : "");  // empty without word vectors
        std::string others;
        for (std::size_t i = 1; i < p.matches.size(); ++i) others += (others.empty() ? "" : " ") + p.matches[i].reference;
        out << ',' << csv_field(others) << ',' << (p.merged ? "yes" : "no") << ',' << csv_field(verb_changes_line(p)) << ','
            << csv_field(p.text) << "\r\n";
    }
    return out.str();
}

}  // namespace resdraft::report
