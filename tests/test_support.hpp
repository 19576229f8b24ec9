// Helpers shared by the test files: where the data is, and compact renderings of parse results.
#pragma once

#include "grammar/parser.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace resdraft::testing {

inline std::filesystem::path source_dir() { return RESDRAFT_SOURCE_DIR; }

// ../shared/corpus beside the project, when present (a clone without ../shared has none).
inline std::optional<std::filesystem::path> shared_corpus() {
    const auto dir = source_dir().parent_path() / "shared" / "corpus";
    if (std::filesystem::is_directory(dir)) return dir;
    return std::nullopt;
}

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// "condemn +strongly | urge @States": the clauses of a paragraph or subparagraph in the test-data notation.
inline std::string render_clauses(const grammar::document& doc,
                                  const std::vector<grammar::clause>& clauses) {
    std::string out;
    for (const grammar::clause& c : clauses) {
        if (!out.empty()) out += " | ";
        out += std::string(c.verb);
        for (std::string_view a : c.adverbs) out += " +" + std::string(a);
        if (c.addressee) out += " @" + grammar::normalized_text(doc, *c.addressee);
    }
    return out;
}

inline grammar::document parse_ok(std::string_view input, std::string_view name = {}) {
    auto result = grammar::parse_document(input, std::string(name));
    if (!result.ok()) ADD_FAILURE() << "parse failed: " << result.error().message << " at " << result.error().offset;
    return result.ok() ? result.value() : grammar::document{};
}

// Paragraphs of one part, in order.
inline std::vector<const grammar::paragraph*> part_paragraphs(const grammar::document& doc, std::string_view part,
                                                              grammar::paragraph_kind kind) {
    std::vector<const grammar::paragraph*> out;
    for (const auto& p : doc.paragraphs)
        if (doc.parts[p.part].name == part && p.kind == kind) out.push_back(&p);
    return out;
}

}  // namespace resdraft::testing
