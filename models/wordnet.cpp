#include "models/wordnet.hpp"

#include <array>
#include <sstream>

namespace resdraft::models {
namespace {

constexpr std::array pos_names{"noun", "verb", "adj", "adv"};

// Lemma words of a data line's synset ("out-migration", "medium_of_exchange" -> "medium of exchange").
std::vector<std::string> split_lemma(const std::string& lemma) {
    std::vector<std::string> out;
    std::string word;
    for (char c : lemma) {
        if (c == '_' || c == '-') {
            if (!word.empty()) out.push_back(word);
            word.clear();
        } else if (c != '(') {
            if (c == ')') break;  // adjective markers "(a)", "(p)"
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    if (!word.empty()) out.push_back(word);
    return out;
}

struct synset {
    std::vector<std::string> words;
    std::vector<std::pair<std::string, std::pair<int, long>>> pointers;  // symbol, (pos, offset)
    std::string gloss;
};

int pos_of(char c) {
    switch (c) {
        case 'n': return 0;
        case 'v': return 1;
        case 'a': case 's': return 2;
        case 'r': return 3;
    }
    return -1;
}

synset parse_synset(const std::string& line) {
    synset out;
    const auto bar = line.find(" | ");
    std::istringstream in(line.substr(0, bar));
    std::string offset, lex_file, type, count_hex;
    in >> offset >> lex_file >> type >> count_hex;
    const int words = static_cast<int>(std::strtol(count_hex.c_str(), nullptr, 16));
    for (int k = 0; k < words; ++k) {
        std::string w, lex_id;
        in >> w >> lex_id;
        for (auto& part : split_lemma(w)) out.words.push_back(part);
    }
    int pointers = 0;
    in >> pointers;
    for (int k = 0; k < pointers; ++k) {
        std::string symbol, target, pos, source_target;
        in >> symbol >> target >> pos >> source_target;
        if (!pos.empty()) out.pointers.push_back({symbol, {pos_of(pos[0]), std::atol(target.c_str())}});
    }
    if (bar != std::string::npos) out.gloss = line.substr(bar + 3);
    return out;
}

}  // namespace

std::unique_ptr<wordnet> wordnet::load(const std::string& dir) {
    auto wn = std::unique_ptr<wordnet>(new wordnet());
    for (std::size_t p = 0; p < pos_names.size(); ++p) {
        std::ifstream index(dir + "/index." + pos_names[p]);
        auto data = std::make_unique<std::ifstream>(dir + "/data." + pos_names[p]);
        if (!index || !*data) return nullptr;
        wn->data_.push_back(std::move(data));
        for (std::string line; std::getline(index, line);) {
            if (line.empty() || line[0] == ' ') continue;  // licence header
            std::istringstream in(line);
            std::string lemma, pos;
            int synsets = 0, pointer_kinds = 0;
            in >> lemma >> pos >> synsets >> pointer_kinds;
            for (int k = 0; k < pointer_kinds; ++k) in >> pos;
            int sense_count = 0, tagged = 0;
            long first = 0;
            in >> sense_count >> tagged >> first;
            if (!in) continue;
            auto [it, inserted] = wn->index_.try_emplace(lemma, entry{static_cast<int>(p), first, tagged});
            if (!inserted && tagged > it->second.tagged_senses) it->second = entry{static_cast<int>(p), first, tagged};
        }
        std::ifstream exc(dir + "/" + pos_names[p] + ".exc");
        for (std::string form, lemma; exc >> form >> lemma;) wn->exceptions_.try_emplace(form, lemma);
    }
    return wn;
}

std::optional<wordnet::entry> wordnet::lookup(const std::string& word) const {
    if (auto it = index_.find(word); it != index_.end()) return it->second;
    if (auto it = exceptions_.find(word); it != exceptions_.end())
        if (auto jt = index_.find(it->second); jt != index_.end()) return jt->second;
    // morphy's detachment rules, nouns then verbs then adjectives
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> rules{{
        {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"},
        {"s", ""}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}}};
    for (const auto& [suffix, replacement] : rules) {
        if (word.size() <= suffix.size() + 2 || !word.ends_with(suffix)) continue;
        const std::string base = word.substr(0, word.size() - suffix.size()) + std::string(replacement);
        if (auto it = index_.find(base); it != index_.end()) return it->second;
    }
    return std::nullopt;
}

std::string wordnet::synset_line(int pos, long offset) {
    std::ifstream& data = *data_[static_cast<std::size_t>(pos)];
    data.clear();
    data.seekg(offset);
    std::string line;
    std::getline(data, line);
    return line;
}

const wordnet::sense* wordnet::first_sense(std::string_view word) {
    const std::string key(word);
    if (auto it = cache_.find(key); it != cache_.end()) return it->second ? &*it->second : nullptr;
    std::optional<sense> out;
    if (const auto e = lookup(key)) {
        const synset s = parse_synset(synset_line(e->pos, e->offset));
        sense result;
        for (const auto& w : s.words)
            if (w != key) result.synonyms.push_back(w);
        for (const auto& [symbol, target] : s.pointers) {
            // "+" derivationally related form, "@" hypernym (a broader term)
            if ((symbol != "+" && symbol != "@") || target.first < 0) continue;
            for (const auto& w : parse_synset(synset_line(target.first, target.second)).words) result.related.push_back(w);
        }
        std::string gloss = s.gloss.substr(0, s.gloss.find(';'));  // the definition, not the examples after it
        std::string w;
        for (char c : gloss) {
            if (std::isalpha(static_cast<unsigned char>(c))) {
                w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            } else if (!w.empty()) {
                result.gloss.push_back(w);
                w.clear();
            }
        }
        if (!w.empty()) result.gloss.push_back(w);
        out = std::move(result);
    }
    const auto& kept = cache_.emplace(key, std::move(out)).first->second;
    return kept ? &*kept : nullptr;
}

}  // namespace resdraft::models
