// WordNet 3.0 (Debian's wordnet-base) read from its data files, for synonym-aware similarity:
// a word's most frequent sense gives its synonyms, its broader terms, its derived forms and its
// definition ("remittance": "a payment of money sent to a person in another place"), so that
// "sending money home" and "transfers of remittances" share terms.
#pragma once

#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace resdraft::models {

class wordnet {
public:
    // The words a sense brings, in groups of decreasing closeness.
    struct sense {
        std::vector<std::string> synonyms;  // other words of the synset
        std::vector<std::string> related;   // derivationally related forms ("migration" -> "migrate") and broader terms
        std::vector<std::string> gloss;     // words of the definition
    };

    // WordNet from `dir`; nullptr when its files are not there (wordnet-base not installed).
    static std::unique_ptr<wordnet> load(const std::string& dir = "/usr/share/wordnet");

    // The most frequent sense of a lower-case word, over all parts of speech (inflections undone as
    // WordNet's morphy does); null when WordNet does not know the word. The sense lives as long as this object.
    const sense* first_sense(std::string_view word);

private:
    struct entry {
        int pos = 0;            // index into data_
        long offset = 0;        // byte offset of the synset in that data file
        int tagged_senses = 0;  // how often its senses were seen in tagged text (frequency)
    };
    std::unordered_map<std::string, entry> index_;  // lemma -> most frequent sense
    std::unordered_map<std::string, std::string> exceptions_;  // irregular forms -> lemma
    std::vector<std::unique_ptr<std::ifstream>> data_;
    std::unordered_map<std::string, std::optional<sense>> cache_;

    std::optional<entry> lookup(const std::string& word) const;
    std::string synset_line(int pos, long offset);
};

}  // namespace resdraft::models
