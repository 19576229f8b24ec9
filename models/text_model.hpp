// How text becomes terms: ICU word segmentation and normalization, Snowball stemming, stopwords.
// ICU stays inside models/: nothing here exposes an ICU type.
#pragma once

#include "models/vector_space.hpp"

#include <cstddef>
#include <memory>
#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

namespace resdraft::models {

// A word of a text: its normalized form and where it stands in the text.
struct word {
    std::string norm;        // NFKC + case folded, curly apostrophes made straight ("agency's")
    std::size_t begin = 0;   // byte offset of the word in the text
    std::size_t end = 0;
};

// The words of UTF-8 `text`, in order (ICU word boundaries; spaces and punctuation dropped,
// numbers kept). Never fails: text that is not valid UTF-8 yields the words ICU can still find.
std::vector<word> words(std::string_view text);

// The normalized form of one word, as words() gives it for that word ("Agency's" -> "agency", "ＵＮ" -> "un").
std::string normalized_word(std::string_view word);

// The same through ICU's word break iterator alone; words() takes a faster path for ASCII text, and
// tests hold the two to each other.
std::vector<word> words_by_icu(std::string_view text);

// True for English function words ("the", "of", "and") that carry no topic.
bool is_stopword(std::string_view norm);

// Snowball English stemmer (libstemmer). Not thread-safe: one per thread.
class stemmer {
public:
    stemmer();
    ~stemmer();
    stemmer(const stemmer&) = delete;
    stemmer& operator=(const stemmer&) = delete;
    // The stem of a normalized word ("migrants" -> "migrant").
    std::string stem(std::string_view norm);

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

// True for a word that says what a text is about: not a function word, not a number, not an operative
// verb or opener ("recalls", "welcoming": they tell what a paragraph does). `norm` as words() gives it.
bool is_content_word(std::string_view norm);

// Terms of a text for vector models: stems of its content words, and "a b" bigrams of consecutive
// content stems. `readable` (if given) receives, for each stem, the words it came from.
struct term_list {
    std::vector<std::string> stems;    // content-word stems, in order
    std::vector<std::string> terms;    // stems and bigrams
    std::vector<std::string> surfaces; // the normalized word each stem came from, parallel to `stems`
};
term_list terms_of(std::string_view text, stemmer& s);

// The words written for each stem across texts, to show a stem as a reader would write it.
class written_forms {
public:
    using counts = std::unordered_map<std::string, int>;  // written word -> occurrences
    void add(const term_list& terms);
    void merge(const written_forms& other);
    // Every word written for `stem`; null when it was never written (a bigram, a WordNet term).
    [[nodiscard]] const counts* forms(const std::string& stem) const;
    // The word most often written for `stem` (ties: the alphabetically first); null as for forms().
    [[nodiscard]] const std::string* most_written(const std::string& stem) const;
    // The same among `forms` (not empty).
    [[nodiscard]] static const std::string& most_written(const counts& forms);

private:
    std::unordered_map<std::string, counts> by_stem_;
};

class wordnet;

// Weights for expanding a text with WordNet: what one content word adds for each thing its most
// frequent sense brings. Calibrated on the labelled drafts (README, "Calibration").
struct expansion_weights {
    float synonym = 0.5f;
    float related = 0.4f;
    float gloss = 0.2f;
};

// The terms of a text for a vector model: its written terms (weight 1) and, when `wn` is given, the
// stems its content words bring from WordNet (lower weights).
weighted_terms weighted(const term_list& terms, stemmer& s, wordnet* wn,
                                          const expansion_weights& weights = {});

}  // namespace resdraft::models
