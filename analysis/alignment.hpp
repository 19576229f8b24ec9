// Word-level alignment of two texts: the longest common subsequence of their words, as a redline
// (equal / insert / delete runs) and as reuse figures.
#pragma once

#include "analysis/thresholds.hpp"
#include "models/text_model.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace resdraft::analysis {

enum class edit_op { equal, insert, remove };  // insert: only in the draft; remove: only in the reference

struct redline_run {
    edit_op op = edit_op::equal;
    std::string text;  // the words as written, with the punctuation and space after them
    std::size_t omitted_words = 0;  // deleted words left out where the text ends in "[... N words] " (shorten_deletions)
};

// A text cut into words for alignment. Keys compare: the stems of the folded words, as ids that compare
// across every text one word_reader read ("Recognize" and "Recognizes" align: a change of voice is not an
// edit). Surfaces print: a word with the punctuation and space up to the next word, as written, so that
// the surfaces put together give back the text. 12 bytes a word besides the text itself.
struct aligned_text {
    std::string text;                    // the normalized text the offsets point into
    std::vector<std::uint32_t> keys;     // per word: its stem's id
    std::vector<std::uint32_t> starts;   // per word: where its surface starts (the first at 0; each runs to the next)
    std::vector<std::uint32_t> ends;     // per word: where the word itself ends
    [[nodiscard]] std::size_t size() const { return keys.size(); }
    [[nodiscard]] std::string_view surface(std::size_t i) const;
};

// Cuts texts into words with keys that compare across all the texts it reads. Not thread-safe.
class word_reader {
public:
    explicit word_reader(models::stemmer& stem) : stem_(stem) {}
    // `text` cut into words (ICU segmentation, Snowball stems). Offsets are 32-bit: a text over 4 GiB
    // throws std::length_error (the command line reads at most 256 MiB unless told otherwise).
    aligned_text read(std::string text);

private:
    models::stemmer& stem_;
    std::unordered_map<std::string, std::uint32_t> ids_;  // stem -> key
};

struct alignment {
    std::vector<bool> draft_reused;      // per draft word: inside a common run of at least `min_run` words
    std::vector<bool> reference_reused;  // per reference word: likewise
    std::vector<redline_run> redline;    // draft against reference, in reading order
    [[nodiscard]] double reuse() const;     // share of draft words reused
    [[nodiscard]] double coverage() const;  // share of reference words carried into the draft
};

// Aligns `draft` against `reference` by stem. Common runs shorter than `min_run` words ("of the
// Secretary-General") count as edits for reuse but still show as equal in the redline; words aligned by
// stem but written otherwise ("condemn" / "Condemns") count as reuse and show as a deletion and an
// insertion. The equal and insert runs give back the draft. Cost O(n*m) in words; past `max_cells` word pairs
// only the leading words are aligned and the rest are edits.
alignment align(const aligned_text& draft, const aligned_text& reference, std::size_t min_run = thresholds{}.reuse_run,
                std::size_t max_cells = thresholds{}.alignment_cells);

// The redline with at most `max_words` deleted words shown: past them, each deletion keeps what the
// budget allows and ends in "[... N words] " (omitted_words = N); a deletion of punctuation alone is kept. A long reference paragraph matched by
// many short draft paragraphs would otherwise be copied into every redline.
std::vector<redline_run> shorten_deletions(std::vector<redline_run> runs, std::size_t max_words);

}  // namespace resdraft::analysis
