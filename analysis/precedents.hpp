// `resdraft check DRAFT --library LIBRARY`: for each draft paragraph, where its language was agreed
// before. Candidates come from the library's shingle index; only they are aligned and scored, so the
// cost grows with the draft and its candidates, not with the library.
#pragma once

#include "analysis/alignment.hpp"
#include "analysis/check.hpp"
#include "library/library.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace resdraft::analysis {

// One paragraph of the library whose text matches a draft paragraph.
struct precedent {
    library::occurrence where;   // document symbol, date, part, paragraph id
    status state = status::fresh;// verbatim, edited or related (never fresh)
    double reuse = 0;            // share of the draft paragraph's words reused from it
    double coverage = 0;         // share of its words the draft paragraph keeps
    double score = 0;            // TF-IDF cosine (idf from the library)
    std::size_t occurrences = 1; // paragraphs of the library with exactly this text
};

struct paragraph_precedents {
    std::string id;                          // draft paragraph id ("pp3", "12")
    std::string text;                        // normalized draft text
    status state = status::fresh;            // of the best precedent; fresh when it has none
    std::vector<precedent> best;             // distinct texts, best first, at most precedent_options::shown; each named by its latest occurrence
    std::optional<precedent> earliest, latest;  // among every verbatim or edited occurrence
    std::size_t verbatim = 0, edited = 0;    // occurrences (paragraphs) with that status
    std::vector<redline_run> redline;        // draft against the best precedent, when verbatim or edited
};

struct precedent_result {
    std::string draft_name, library_name;
    std::size_t library_texts = 0;           // distinct paragraph texts searched
    std::vector<paragraph_precedents> paragraphs;  // one per compared draft paragraph, in order
    [[nodiscard]] std::size_t count(status s) const;
};

struct precedent_options {
    thresholds limits;
    std::size_t candidates = 200;    // texts aligned per draft paragraph, most shared shingles first...
    std::size_t topic_candidates = 20;  // ...and texts holding its rarest content words, best first by BM25
    std::size_t topic_words = 4;        //    (that many words, each held by at most topic_word_texts texts:
    std::size_t topic_word_texts = 1000;//    a rare word's list of texts is short to rank)
    std::size_t frequent = 0;        // shingles in more texts than this are skipped; 0: max(1000, texts / 50)
    std::size_t shown = 5;           // precedents reported per paragraph
    std::size_t deletion_words = 300;// deleted words a redline shows
    // Candidate texts of a draft paragraph: the shingle index by default; tests and benchmarks give a
    // brute-force one (every text) to measure recall.
    std::function<std::vector<std::int64_t>(library::library&, const std::string& text)> find_candidates;
};

// The precedents of `draft`'s compared paragraphs (see compared_paragraphs) in `lib`. Throws
// library::database_error when the library cannot be read.
precedent_result find_precedents(const grammar::document& draft, library::library& lib, const std::string& library_name,
                                 const precedent_options& options = {});

}  // namespace resdraft::analysis
