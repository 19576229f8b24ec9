// A library of resolutions in one SQLite file: documents, their paragraphs and clauses, and what the
// precedent search needs (a shingle index over the distinct paragraph texts, term frequencies for
// TF-IDF, an FTS5 index for phrase search). Schema: README, "The library file".
#pragma once

#include "grammar/ast.hpp"
#include "library/database.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

namespace resdraft::library {

class database;

// Why a library cannot be opened or changed: one line, for the command line's exit 2.
struct library_error {
    std::string message;
};

// A document of the library.
struct document_entry {
    std::string symbol;                  // "A/RES/80/19", or the file name when the text names no symbol
    std::string title;
    std::string date;                    // as written ("3 December 2025"), empty when unknown
    std::string sort_date;               // "2025-12-03", "2025" (year only) or empty: orders precedents in time
    std::string source;                  // the file it was added from
    std::size_t paragraphs = 0;
};

// Where a paragraph text occurs: one paragraph of one document.
struct occurrence {
    std::string symbol, date, sort_date, part, paragraph;  // part "body", "annex" ...; paragraph id "4", "pp3"
    std::string kind;                                      // "operative" or "preambular"
};

// A distinct paragraph text of the library, and every paragraph that has it.
struct stored_text {
    std::int64_t id = 0;
    std::string text;
    std::vector<occurrence> occurrences;  // oldest first (by sort_date, then symbol, then position)
};

// Paragraphs holding a phrase: the first ones, each with its text, and how many there are in all.
struct phrase_matches {
    std::vector<std::pair<occurrence, std::string>> shown;
    std::size_t total = 0;
};

struct library_stats {
    std::size_t documents = 0, paragraphs = 0, texts = 0, clauses = 0;
    std::size_t shingle_rows = 0, posting_bytes = 0, terms = 0;  // rows of the shingle index (buckets x segments), their bytes
    int schema_version = 0;
};

// How `add` goes, for a progress line: documents done of the total.
using add_progress = std::function<void(std::size_t done, std::size_t total)>;

class library {
public:
    enum class access { read, write, create };  // create: write, and make the library when there is none
    // Opens LIBRARY. Returns library_error for a missing file (but with create), a file that is not a
    // SQLite database, a database that is not a resdraft library, another schema version, or a file
    // that cannot be written when write access is asked.
    static std::variant<library, library_error> open(const std::string& path, access a);
    library(library&&) noexcept;
    ~library();

    // Stores the documents, each replacing a document of the same symbol, in one transaction: an add
    // that is interrupted (killed, out of disk) leaves the library as it was. Returns the symbols stored.
    std::vector<std::string> add(const std::vector<const grammar::document*>& documents, const add_progress& progress = {});
    // The same for `count` documents made one at a time by `document(i)` (read and parsed on demand, so
    // that an add holds one document at a time; nothing for one to skip); an exception from it rolls the
    // whole add back.
    std::vector<std::string> add(std::size_t count, const std::function<std::optional<grammar::document>(std::size_t)>& document,
                                 const add_progress& progress = {});
    // Removes the documents with these symbols, all or none: returns the first symbol the library does
    // not hold (and removes nothing), or nothing when all are removed.
    std::optional<std::string> remove(const std::vector<std::string>& symbols);
    [[nodiscard]] std::vector<document_entry> documents();
    [[nodiscard]] library_stats stats();

    // Distinct texts sharing shingles with `shingles` (sorted, distinct: the order keys_of gives), as (text id, shared shingles),
    // most shared first, at most `limit`. Shingles in more than `frequent` texts are skipped.
    [[nodiscard]] std::vector<std::pair<std::int64_t, std::size_t>> candidates(const std::vector<std::uint64_t>& shingles,
                                                                               std::size_t limit, std::size_t frequent);
    // The texts with these ids (those that still exist), with their occurrences.
    [[nodiscard]] std::vector<stored_text> texts(const std::vector<std::int64_t>& ids);
    // Every distinct text (for brute-force comparison in tests and benchmarks).
    [[nodiscard]] std::vector<std::int64_t> all_text_ids();
    // The paragraphs where `phrase` occurs as a phrase (FTS5, words stemmed), oldest first (undated last),
    // at most `limit`, and how many there are.
    [[nodiscard]] phrase_matches phrase_occurrences(const std::string& phrase, std::size_t limit);
    // Texts holding any of `words` (FTS5, words stemmed), best first by BM25, at most `limit`: candidates
    // on the same topic in other words, which share no shingle.
    [[nodiscard]] std::vector<std::int64_t> topic_texts(const std::vector<std::string>& words, std::size_t limit);
    // The file name and text a document was added from; nothing when the library has no such symbol.
    [[nodiscard]] std::optional<std::pair<std::string, std::string>> document_content(const std::string& symbol);
    // Document frequency of each term in `terms` among the distinct texts, and how many texts there are.
    [[nodiscard]] std::unordered_map<std::string, int> term_frequencies(const std::vector<std::string>& terms);
    [[nodiscard]] std::size_t text_count();

private:
    explicit library(std::unique_ptr<database> db);
    std::unique_ptr<database> db_;
};

// The schema version this resdraft reads and writes (PRAGMA user_version).
constexpr int schema_version = 1;

}  // namespace resdraft::library
