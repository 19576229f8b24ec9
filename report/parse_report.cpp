#include "report/parse_report.hpp"

#include "report/json_lists.hpp"
#include "report/shorten.hpp"

#include "grammar/parser.hpp"

#include <nlohmann/json.hpp>

#include <sstream>

namespace resdraft::report {
namespace {

using nlohmann::ordered_json;
using grammar::document;
using grammar::span;

ordered_json span_json(span s) { return ordered_json::array({s.begin, s.end}); }

ordered_json optional_text(const document& doc, const std::optional<span>& s) {
    return s ? ordered_json(grammar::normalized_text(doc, *s)) : ordered_json(nullptr);
}

ordered_json clauses_json(const document& doc, const std::vector<grammar::clause>& clauses) {
    ordered_json out = ordered_json::array();
    for (const grammar::clause& c : clauses) {
        ordered_json adverbs = ordered_json::array();
        for (std::string_view a : c.adverbs) adverbs.push_back(a);
        // a statement's verb is the phrase as a reader sees it ("has been made"), over line breaks
        out.push_back({{"verb", c.statement ? ordered_json(grammar::normalized_text(doc, c.phrase)) : ordered_json(c.verb)},
                       {"phrase", grammar::normalized_text(doc, c.phrase)},
                       {"adverbs", adverbs},
                       {"addressee", optional_text(doc, c.addressee)},
                       {"object", grammar::normalized_text(doc, c.object)},
                       {"strength", c.strength >= 0 ? ordered_json(c.strength) : ordered_json(nullptr)},
                       {"in_lexicon", c.in_lexicon},
                       {"statement", c.statement},
                       {"span", span_json(c.whole)}});
    }
    return out;
}

// Where `s` came from in a .docx ({"paragraph": 12}) or a PDF ({"page": 3, "last_page": 4}); the last one
// only when it ends elsewhere.
ordered_json origin_json(const document& doc, span s) {
    const grammar::source& in = *doc.input;
    const bool pdf = in.kind() == grammar::origin_kind::pdf;
    const std::size_t first = in.place(s.begin), last = in.place(s.empty() ? s.begin : s.end - 1);
    ordered_json o{{pdf ? "page" : "paragraph", first}};
    if (last != first) o[pdf ? "last_page" : "last_paragraph"] = last;
    return o;
}

bool has_origin(const document& doc) { return doc.input->kind() != grammar::origin_kind::text; }

ordered_json subparagraphs_json(const document& doc,
                                const std::vector<grammar::subparagraph>& subs) {
    ordered_json out = ordered_json::array();
    for (const grammar::subparagraph& s : subs) {
        out.push_back({{"id", s.id},
                       {"text", grammar::normalized_text(doc, s.text)},
                       {"span", span_json(s.whole)},
                       {"label_missing", s.label_missing},
                       {"clauses", clauses_json(doc, s.clauses)},
                       {"subparagraphs", subparagraphs_json(doc, s.subparagraphs)}});
        if (has_origin(doc)) out.back()["origin"] = origin_json(doc, s.whole);
    }
    return out;
}

std::optional<std::string> title_of(const document& doc) {
    if (doc.title) return grammar::normalized_text(doc, *doc.title);
    return doc.title_text;
}

void outline_clauses(std::ostringstream& out, const document& doc,
                     const std::vector<grammar::clause>& clauses, const std::string& indent) {
    for (const grammar::clause& c : clauses) {
        out << indent << "- " << (c.statement ? grammar::normalized_text(doc, c.phrase) : std::string(c.verb));
        out << " [" << (c.statement ? std::string("statement") : c.strength >= 0 ? std::to_string(c.strength) : std::string("?")) << "]";
        if (!c.adverbs.empty()) {
            out << " adverbs:";
            for (std::string_view a : c.adverbs) out << ' ' << a;
        }
        if (c.addressee) out << " | to: " << grammar::normalized_text(doc, *c.addressee);
        out << " | " << shorten(grammar::normalized_text(doc, c.object), 73) << '\n';
    }
}

void outline_subparagraphs(std::ostringstream& out, const document& doc,
                           const std::vector<grammar::subparagraph>& subs, const std::string& indent) {
    for (const grammar::subparagraph& s : subs) {
        out << indent << '(' << s.id << ") " << shorten(grammar::normalized_text(doc, s.text), 83) << '\n';
        outline_clauses(out, doc, s.clauses, indent + "    ");
        outline_subparagraphs(out, doc, s.subparagraphs, indent + "    ");
    }
}

}  // namespace

std::string parse_json(const document& doc, const std::vector<readers::note>& notes) {
    ordered_json j;
    j["source"] = doc.name();
    j["symbol"] = doc.symbol ? ordered_json(*doc.symbol) : ordered_json(nullptr);
    const auto title = title_of(doc);
    j["title"] = title ? ordered_json(*title) : ordered_json(nullptr);
    j["date"] = optional_text(doc, doc.date);
    j["session"] = optional_text(doc, doc.session);
    j["agenda_item"] = optional_text(doc, doc.agenda_item);
    ordered_json parts = ordered_json::array();
    for (const grammar::part& p : doc.parts)
        parts.push_back({{"name", p.name},
                         {"title", optional_text(doc, p.title)},
                         {"formula", optional_text(doc, p.formula)}});
    j["parts"] = parts;
    j["paragraphs"] = ordered_json::array();  // written one at a time below: a tree of every paragraph costs ~70 bytes per input byte
    ordered_json warnings = ordered_json::array();
    for (const grammar::warning& w : doc.warnings) warnings.push_back({{"message", w.message}, {"offset", w.offset}});
    j["warnings"] = warnings;
    if (doc.input->kind() == grammar::origin_kind::docx) {
        ordered_json list = ordered_json::array();
        for (const readers::note& n : notes)
            list.push_back({{"kind", n.kind}, {"number", n.number}, {"offset", n.offset}, {"paragraph", n.paragraph}, {"text", n.text}});
        j["notes"] = list;
    }
    const auto paragraph = [&](std::size_t i) {
        const grammar::paragraph& p = doc.paragraphs[i];
        const bool operative = p.kind == grammar::paragraph_kind::operative;
        ordered_json out{{"id", p.id},
                         {"part", doc.parts[p.part].name},
                         {"kind", operative ? "operative" : "preambular"},
                         {"text", grammar::normalized_text(doc, p.text)},
                         {"span", span_json(p.whole)},
                         {"clauses", clauses_json(doc, p.clauses)},
                         {"subparagraphs", subparagraphs_json(doc, p.subparagraphs)}};
        if (has_origin(doc)) out["origin"] = origin_json(doc, p.whole);
        return out;
    };
    return dump_with_lists(j, {{"paragraphs", doc.paragraphs.size(), paragraph}});
}

std::string parse_outline(const document& doc) {
    std::ostringstream out;
    out << (doc.symbol ? *doc.symbol : std::string("(no symbol)"));
    if (const auto title = title_of(doc)) out << "  " << *title;
    out << "\nsource: " << doc.name() << '\n';
    std::size_t part = static_cast<std::size_t>(-1);
    for (const grammar::paragraph& p : doc.paragraphs) {
        if (p.part != part) {
            part = p.part;
            const grammar::part& pt = doc.parts[part];
            out << '\n' << pt.name;
            if (pt.title) out << ": " << grammar::normalized_text(doc, *pt.title);
            out << '\n';
        }
        out << "  " << p.id << ". " << shorten(grammar::normalized_text(doc, p.chapeau), 93) << '\n';
        outline_clauses(out, doc, p.clauses, "      ");
        outline_subparagraphs(out, doc, p.subparagraphs, "      ");
    }
    if (!doc.warnings.empty()) {
        out << "\nwarnings:\n";
        for (const grammar::warning& w : doc.warnings) out << "  byte " << w.offset << ": " << w.message << '\n';
    }
    return out.str();
}

}  // namespace resdraft::report
