// What the fuzz targets do with their input, shared with the test that replays fuzz/regressions/ (every
// input that once crashed or hung stays there and runs in the test suite, under the sanitizers in CI).
// Each must never crash or hang, whatever the bytes.
#pragma once

#include "analysis/check.hpp"
#include "analysis/cluster.hpp"
#include "corpus/embedded.hpp"
#include "grammar/detail/index_build.hpp"
#include "grammar/index.hpp"
#include "grammar/parser.hpp"
#include "models/vector_convert.hpp"
#include "models/word_vectors.hpp"
#include "report/check_report.hpp"
#include "report/cluster_report.hpp"
#include "report/parse_report.hpp"
#include "readers/docx.hpp"
#include "readers/pdf.hpp"
#include "readers/builders.hpp"  // tests/: make_zip

#include <cstdlib>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace resdraft::fuzz {

// Parse, check the spans stay inside the input, write both parse reports.
inline void parse_target(std::string_view input) {
    const auto result = grammar::parse_document(grammar::source::borrowing(input, "fuzz.txt"));
    if (!result.ok()) return;
    const auto& doc = result.value();
    for (const auto& p : doc.paragraphs)
        for (const auto& c : p.clauses)
            if (c.whole.end > input.size() || c.phrase.begin < c.whole.begin) std::abort();
    (void)report::parse_json(doc);
    (void)report::parse_outline(doc);
}

// What a reader made of any bytes, checked: text the parser takes (valid UTF-8 without control bytes),
// notes that point inside it, anchors that answer for every offset; then parsed and written as JSON.
inline void reader_checks(const readers::read_document& d) {
    const std::string_view text = d.source->bytes();
    if (grammar::check_text_encoding(text)) std::abort();
    for (const auto& n : d.notes)
        if (n.offset > text.size() || grammar::check_text_encoding(n.text)) std::abort();
    for (std::size_t at = 0; at < text.size(); at += 61) (void)d.source->place(at), (void)d.source->original_offset(at);
    const auto result = grammar::parse_document(d.source);
    if (!result.ok()) return;
    for (const auto& p : result.value().paragraphs)
        if (p.whole.end > text.size()) std::abort();
    (void)report::parse_json(result.value(), d.notes);
}

// Any bytes as a .docx, its tracked changes accepted and rejected; 64 MiB of parts at most, so that a
// zip bomb the caps let through stays within the fuzzer's memory. Input that is not a zip is taken as the
// XML of the parts, separated by NUL bytes (document.xml, numbering.xml, styles.xml, footnotes.xml), and
// zipped here: mutations of a zip's packed bytes mostly meet its CRC check, so that the XML, numbering
// and tracked-change paths are reached this way.
inline void docx_target(std::string_view input) {
    readers::read_options options;
    options.limits.max_unpacked = std::size_t{64} << 20;
    std::string zipped;
    if (!input.starts_with("PK")) {
        static const char* const names[] = {"word/document.xml", "word/numbering.xml", "word/styles.xml", "word/footnotes.xml"};
        std::vector<std::pair<std::string, std::string>> parts;
        std::size_t at = 0;
        for (const char* name : names) {
            if (at > input.size()) break;
            const std::size_t end = std::min(input.find('\0', at), input.size());
            parts.emplace_back(name, std::string(input.substr(at, end - at)));
            at = end + 1;
        }
        zipped = testing::make_zip(parts, true);
        input = zipped;
    }
    for (const auto tracked : {readers::tracked_changes::accepted, readers::tracked_changes::original}) {
        options.tracked = tracked;
        const auto r = readers::read_docx(input, "fuzz.docx", options);
        if (const auto* d = std::get_if<readers::read_document>(&r)) reader_checks(*d);
    }
}

// Any bytes as a PDF.
inline void pdf_target(std::string_view input) {
    const auto r = readers::read_pdf(input, "fuzz.pdf");
    if (const auto* d = std::get_if<readers::read_document>(&r)) reader_checks(*d);
}

// The structural index along every path and in every layout this CPU has: the same marks and line ends
// as the scalar path's, and the verdict of check_text_encoding.
inline void index_target(std::string_view input) {
    using grammar::detail::index_layout;
    const auto verdict = grammar::check_text_encoding(input);
    const auto same_verdict = [&](const std::optional<grammar::parse_error>& e) {
        return e.has_value() == verdict.has_value() && (!e || (e->message == verdict->message && e->offset == verdict->offset));
    };
    grammar::structural_index reference, index;
    if (!same_verdict(grammar::detail::build_index(input, reference, grammar::index_path::scalar, index_layout::interleaved)))
        std::abort();
    for (const auto path : {grammar::index_path::scalar, grammar::index_path::sse2, grammar::index_path::avx2})
        for (const auto layout : {index_layout::interleaved, index_layout::planar}) {
            if (!grammar::index_path_available(path)) continue;
            if (!same_verdict(grammar::detail::build_index(input, index, path, layout)) || !(index == reference)) std::abort();
        }
    for (std::size_t i = 0; i < reference.line_count(); ++i)
        if (reference.line(i).end > input.size() || reference.line(i).begin > reference.line(i).end ||
            reference.line(i).begin >= input.size())
            std::abort();
}

// The input alone: its paragraphs clustered by themselves, and checked against itself with its own
// paragraphs as background (LSA). A text of verbs and numbers reaches the empty matrices here.
inline void analysis_self_target(const grammar::document& doc) {
    std::vector<analysis::cluster_unit> units;
    analysis::add_units(doc, analysis::unit_kind::all, units);
    analysis::cluster_options few_starts;
    few_starts.restarts = 2;
    const auto clusters = analysis::cluster_units(units, few_starts);
    (void)report::cluster_text(units, clusters);
    (void)report::cluster_html(units, clusters);
    analysis::check_options options;
    for (const auto& unit : units) options.background.push_back(unit.text);
    const auto result = analysis::check(doc, doc, options);
    (void)report::check_json(result, {});
}

// The input as a draft checked against the embedded reference (all three check writers), then its
// paragraphs and clauses clustered with the reference's (k chosen by silhouette), then by themselves.
inline void analysis_target(std::string_view input) {
    static const auto reference = grammar::parse_document(grammar::source::borrowing(corpus::reference_text(), "a-68-l5.txt"));
    const auto draft = grammar::parse_document(grammar::source::borrowing(input, "fuzz.txt"));
    if (!draft.ok()) return;
    const auto result = analysis::check(reference.value(), draft.value());
    (void)report::check_json(result, {});
    (void)report::check_text(result, true);
    (void)report::check_html(result);
    for (const auto kind : {analysis::unit_kind::paragraph, analysis::unit_kind::clause}) {
        std::vector<analysis::cluster_unit> units;
        analysis::add_units(reference.value(), kind, units);
        analysis::add_units(draft.value(), kind, units);
        analysis::cluster_options few_starts;
        few_starts.restarts = 2;  // the restart path, not ten of it: CI's pass ran 87 units in 245 s with ten
        const auto clusters = analysis::cluster_units(units, few_starts);
        (void)report::cluster_json(units, clusters);
        (void)report::cluster_html(units, clusters);
    }
    analysis_self_target(draft.value());
}

// Everything a reader of word vectors does, over the first 200 words of a file view() accepted: each word
// found again at its place (the words are sorted and unique), its vector, rank and weight; SIF vectors and
// the soft similarities of two texts made of its words.
inline void read_vectors(const models::word_vectors& v) {
    const std::size_t n = std::min<std::size_t>(v.size(), 200);
    std::vector<std::string> words;
    for (std::size_t i = 0; i < n; ++i) {
        const std::string_view w = v.word(i);
        if (models::is_kept_word(w) && v.find(w) != static_cast<std::ptrdiff_t>(i)) std::abort();
        (void)v.rank(i), (void)v.probability(i), (void)v.sif_weight(i), (void)v.vector(i), (void)v.cosine(i, 0);
        words.emplace_back(w);
    }
    for (const char* probe : {"", "the", "Zebra's", "\xc3\x89tats", "zzzzzzzz"}) (void)v.find(probe);
    const std::vector<std::string> first(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(n / 2)), second(words.begin() + static_cast<std::ptrdiff_t>(n / 2), words.end());
    (void)models::sif_vectors(v, {first, second, {}, words}, {1e-3, 2});
    const auto a = models::bag_of(v, first), b = models::bag_of(v, second), all = models::bag_of(v, words);
    (void)models::soft_cosine(v, a, b), (void)models::soft_cosine(v, all, b), (void)models::relaxed_wmd(v, a, all);
    (void)models::carrying_pairs(v, all, b), (void)models::carrying_pairs(v, a, b, 0.0f);
}

// The input as a word-vector file, and as the package's JSON: a JSON the converter accepts must give a file
// view() accepts, holding every word it kept.
inline void vectors_target(std::string_view input) {
    const auto viewed = models::word_vectors::view(input, "fuzz.rdvec");
    if (const auto* v = std::get_if<models::word_vectors>(&viewed)) read_vectors(*v);
    std::istringstream json{std::string(input)};
    const auto converted = models::convert_wink_json(json);
    if (const auto* c = std::get_if<models::conversion>(&converted)) {
        const auto again = models::word_vectors::view(c->bytes, "converted.rdvec");
        const auto* v = std::get_if<models::word_vectors>(&again);
        if (v == nullptr || v->size() != c->alphabetic + c->alphanumeric) std::abort();
        read_vectors(*v);
    }
}

}  // namespace resdraft::fuzz
