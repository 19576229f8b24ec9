#include "report/precedent_report.hpp"

#include "analysis/naming.hpp"
#include "report/csv.hpp"
#include "report/html.hpp"
#include "report/numbers.hpp"
#include "report/json_lists.hpp"
#include "report/redline.hpp"
#include "report/shorten.hpp"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace resdraft::report {
namespace {

using analysis::paragraph_precedents;
using analysis::precedent;
using analysis::status;
using nlohmann::ordered_json;

ordered_json precedent_json(const precedent& p) {
    return {{"name", precedent_name(p.where)},
            {"symbol", p.where.symbol},
            {"date", p.where.date.empty() ? ordered_json(nullptr) : ordered_json(p.where.date)},
            {"part", p.where.part},
            {"paragraph", p.where.paragraph},
            {"status", analysis::status_name(p.state)},
            {"reuse", rounded(p.reuse)},
            {"coverage", rounded(p.coverage)},
            {"score", rounded(p.score)},
            {"occurrences", p.occurrences}};
}

ordered_json optional_precedent(const std::optional<precedent>& p) { return p ? precedent_json(*p) : ordered_json(nullptr); }

ordered_json paragraph_json(const paragraph_precedents& p) {
    ordered_json best = ordered_json::array();
    for (const precedent& b : p.best) best.push_back(precedent_json(b));
    return {{"id", p.id},       {"status", analysis::status_name(p.state)},
            {"text", p.text},   {"precedents", best},
            {"earliest", optional_precedent(p.earliest)}, {"latest", optional_precedent(p.latest)},
            {"verbatim_occurrences", p.verbatim}, {"edited_occurrences", p.edited},
            {"redline", redline_json(p.redline)}};
}

std::string summary_line(const analysis::precedent_result& r) {
    return "verbatim " + std::to_string(r.count(status::verbatim)) + ", edited " + std::to_string(r.count(status::edited)) +
           ", related " + std::to_string(r.count(status::related)) + ", new " + std::to_string(r.count(status::fresh));
}

// "agreed in 12 paragraphs since A/RES/68/... (2013); most recently ...": the history of verbatim and edited language.
std::string history_line(const paragraph_precedents& p) {
    const std::size_t agreed = p.verbatim + p.edited;
    if (agreed == 0) return "";
    std::string line = "agreed language in " + std::to_string(agreed) + " paragraph" + (agreed == 1 ? "" : "s");
    if (!p.earliest) return line + " (none dated)";
    line += ": earliest " + precedent_name(p.earliest->where);
    if (precedent_name(p.latest->where) != precedent_name(p.earliest->where)) line += ", latest " + precedent_name(p.latest->where);
    return line;
}

std::string optional_name(const std::optional<precedent>& p) { return p ? csv_field(precedent_name(p->where)) : ""; }

}  // namespace

std::string precedent_name(const library::occurrence& where) {
    std::string name = analysis::paragraph_name(where.symbol, where.part, where.paragraph);
    if (where.sort_date.size() >= 4) name += " (" + where.sort_date.substr(0, 4) + ")";
    return name;
}

std::string precedents_json(const analysis::precedent_result& r, const analysis::thresholds& limits) {
    ordered_json j;
    j["library"] = {{"source", r.library_name}, {"texts", r.library_texts}};
    j["draft"] = {{"source", r.draft_name}, {"paragraphs", r.paragraphs.size()}};
    j["thresholds"] = {{"verbatim_reuse", limits.verbatim_reuse}, {"verbatim_coverage", limits.verbatim_coverage},
                       {"edited_reuse", limits.edited_reuse},     {"edited_score", limits.edited_score},
                       {"related_score", limits.related_score}};
    j["paragraphs"] = ordered_json::array();
    j["summary"] = {{"verbatim", r.count(status::verbatim)}, {"edited", r.count(status::edited)},
                    {"related", r.count(status::related)},   {"new", r.count(status::fresh)}};
    return dump_with_lists(j, {{"paragraphs", r.paragraphs.size(), [&](std::size_t i) { return paragraph_json(r.paragraphs[i]); }}});
}

std::string precedents_text(const analysis::precedent_result& r, bool colour) {
    std::ostringstream out;
    out << "resdraft check: " << r.draft_name << " (" << r.paragraphs.size() << " paragraphs) against the library "
        << r.library_name << " (" << r.library_texts << " distinct paragraph texts)\n" << summary_line(r) << "\n";
    for (const paragraph_precedents& p : r.paragraphs) {
        out << '\n' << paint(colour, "1", p.id) << "  " << analysis::status_name(p.state);
        for (std::size_t i = 0; i < p.best.size(); ++i) {
            const precedent& b = p.best[i];
            out << (i == 0 ? "  <- " : i == 1 ? "; also " : ", ") << precedent_name(b.where);
            if (i == 0) out << " (reuse " << fixed(b.reuse) << ", score " << fixed(b.score) << ")";
            else out << ' ' << analysis::status_name(b.state);
        }
        out << '\n';
        if (const std::string h = history_line(p); !h.empty()) out << "    " << h << '\n';
        if (!p.redline.empty()) out << "    " << redline_text(p.redline, colour) << '\n';
        else out << "    " << shorten(p.text, 160) << '\n';
    }
    return out.str();
}

std::string precedents_csv(const analysis::precedent_result& r) {
    std::ostringstream out;
    out << csv_byte_order_mark
        << "draft_paragraph,draft_status,earliest,latest,rank,precedent,symbol,part,paragraph,date,status,reuse,coverage,score,"
           "occurrences\r\n";
    for (const paragraph_precedents& p : r.paragraphs) {
        const std::string head = csv_field(p.id) + "," + std::string(analysis::status_name(p.state)) + "," +
                                 optional_name(p.earliest) + "," + optional_name(p.latest) + ",";
        if (p.best.empty()) out << head << ",,,,,,,,,,\r\n";
        for (std::size_t i = 0; i < p.best.size(); ++i) {
            const precedent& b = p.best[i];
            out << head << i + 1 << ',' << csv_field(precedent_name(b.where)) << ',' << csv_field(b.where.symbol) << ','
                << csv_field(b.where.part) << ',' << csv_field(b.where.paragraph) << ',' << csv_field(b.where.date) << ','
                << analysis::status_name(b.state) << ',' << fixed(b.reuse) << ',' << fixed(b.coverage) << ','
                << fixed(b.score) << ',' << b.occurrences << "\r\n";
        }
    }
    return out.str();
}

std::string precedents_html(const analysis::precedent_result& r) {
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>resdraft precedents: "
        << escape_html(r.draft_name) << "</title><style>body{font-family:sans-serif;max-width:60em;margin:auto}"
        << "ins{background:#cfc;text-decoration:none}del{background:#fcc}.status{font-weight:bold}"
        << "li{margin:.2em 0}</style></head><body>\n<h1>Precedents of " << escape_html(r.draft_name) << "</h1>\n<p>Library "
        << escape_html(r.library_name) << " (" << r.library_texts << " distinct paragraph texts): " << summary_line(r) << ".</p>\n";
    for (const paragraph_precedents& p : r.paragraphs) {
        out << "<h2>" << escape_html(p.id) << " <span class=\"status\">" << analysis::status_name(p.state) << "</span></h2>\n";
        out << (p.redline.empty() ? "<p>" + escape_html(p.text) + "</p>" : redline_html(p.redline)) << '\n';
        if (const std::string h = history_line(p); !h.empty()) out << "<p>" << escape_html(h) << "</p>\n";
        if (p.best.empty()) continue;
        out << "<ol>\n";
        for (const precedent& b : p.best)
            out << "<li>" << escape_html(precedent_name(b.where)) << ": " << analysis::status_name(b.state) << ", reuse "
                << fixed(b.reuse) << ", score " << fixed(b.score) << (b.occurrences > 1 ? ", " + std::to_string(b.occurrences) + " paragraphs with this text" : "")
                << "</li>\n";
        out << "</ol>\n";
    }
    out << "</body></html>\n";
    return out.str();
}

}  // namespace resdraft::report
