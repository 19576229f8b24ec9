#include "models/text_model.hpp"

#include "models/wordnet.hpp"

#include "grammar/lexicon.hpp"

#include <libstemmer.h>
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <algorithm>
#include <array>
#include <unordered_map>
#include <mutex>
#include <stdexcept>
#include <unordered_set>

namespace resdraft::models {
namespace {

// Straight apostrophe for ’ and ʼ; the rest of NFKC case folding is ICU's.
std::string fold(std::string_view w) {
    // ASCII, the common case: NFKC case folding is lower-casing
    if (std::all_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        std::string out(w);
        for (char& c : out)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        if (out.size() > 2 && out.ends_with("'s")) out.resize(out.size() - 2);
        return out;
    }
    static const icu::Normalizer2* nfkc_cf = [] {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
        return U_SUCCESS(status) ? n : nullptr;
    }();
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(w.data(), static_cast<int32_t>(w.size())));
    u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x2019)), icu::UnicodeString(static_cast<UChar>('\'')));
    u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x02BC)), icu::UnicodeString(static_cast<UChar>('\'')));
    std::string out;
    if (nfkc_cf != nullptr) {
        UErrorCode status = U_ZERO_ERROR;
        icu::UnicodeString folded = nfkc_cf->normalize(u, status);
        if (U_SUCCESS(status)) u = folded;
    }
    u.toUTF8String(out);
    if (out.size() > 2 && out.ends_with("'s")) out.resize(out.size() - 2);  // "agency's" -> "agency"
    return out;
}

constexpr std::array stopword_list{
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
    "at", "be", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
    "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have",
    "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "inter", "alia", "into", "is",
    "it", "its", "itself", "may", "me", "might", "more", "most", "must", "my", "no", "nor", "not", "of", "off",
    "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "shall",
    "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves",
    "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "upon",
    "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will",
    "with", "within", "would", "you", "your", "well", "including", "particular", "especially", "appropriate"};

}  // namespace

namespace {

// Unicode word-break classes (UAX #29) of the ASCII bytes that can be part of a word.
enum class break_class { other, letter, digit, extend_num_let, mid_letter, mid_num, mid_num_let };

break_class break_class_of(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return break_class::letter;
    if (c >= '0' && c <= '9') return break_class::digit;
    if (c == '_') return break_class::extend_num_let;
    if (c == '.' || c == '\'') return break_class::mid_num_let;  // "U.N", "agency's"; "3.5" (the apostrophe: Single_Quote, which joins alike)
    if (c == ',' || c == ';') return break_class::mid_num;       // "1,000"
    return break_class::other;  // ':' is not MidLetter in ICU's rules
}

bool joins(break_class c) {
    return c == break_class::letter || c == break_class::digit || c == break_class::extend_num_let;
}

// The end of the word that starts at `i` (a letter, digit or '_'): rules WB5-WB13b for ASCII.
std::size_t ascii_word_end(std::string_view text, std::size_t i) {
    break_class last = break_class_of(text[i++]);
    while (i < text.size()) {
        const break_class c = break_class_of(text[i]);
        if (joins(c)) {
            last = c, ++i;
            continue;
        }
        const break_class next = i + 1 < text.size() ? break_class_of(text[i + 1]) : break_class::other;
        const bool between_letters = last == break_class::letter && next == break_class::letter &&
                                     (c == break_class::mid_letter || c == break_class::mid_num_let);
        const bool between_digits = last == break_class::digit && next == break_class::digit &&
                                    (c == break_class::mid_num || c == break_class::mid_num_let);
        if (!between_letters && !between_digits) break;
        i += 2;
    }
    return i;
}

// words() of an ASCII text without ICU: the same segmentation and rule status, 5-10 times faster
// (tests hold it to ICU's on the corpora and on random texts of the bytes that matter).
std::vector<word> ascii_words(std::string_view text) {
    std::vector<word> out;
    for (std::size_t i = 0; i < text.size();) {
        if (!joins(break_class_of(text[i]))) {
            ++i;
            continue;
        }
        const std::size_t end = ascii_word_end(text, i);
        if (end - i == 1 && text[i] == '_') {  // ICU gives a lone '_' no word status ("__" has one)
            ++i;
            continue;
        }
        std::string norm = fold(text.substr(i, end - i));
        if (!norm.empty()) out.push_back({std::move(norm), i, end});
        i = end;
    }
    return out;
}

}  // namespace

std::string normalized_word(std::string_view word) { return fold(word); }

std::vector<word> words(std::string_view text) {
    const bool ascii = std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    return ascii ? ascii_words(text) : words_by_icu(text);
}

std::vector<word> words_by_icu(std::string_view text) {
    std::vector<word> out;
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    static thread_local std::unique_ptr<icu::BreakIterator> prototype;
    if (!prototype) {
        UErrorCode s2 = U_ZERO_ERROR;
        prototype.reset(icu::BreakIterator::createWordInstance(icu::Locale::getEnglish(), s2));
        if (U_FAILURE(s2)) prototype.reset();
    }
    if (U_FAILURE(status) || !prototype) {
        utext_close(ut);
        return out;
    }
    prototype->setText(ut, status);
    int32_t begin = prototype->first();
    for (int32_t end = prototype->next(); end != icu::BreakIterator::DONE; begin = end, end = prototype->next()) {
        const int32_t rule = prototype->getRuleStatus();
        if (rule == UBRK_WORD_NONE) continue;  // spaces and punctuation
        const std::string_view raw = text.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin));
        std::string norm = fold(raw);
        if (!norm.empty()) out.push_back({std::move(norm), static_cast<std::size_t>(begin), static_cast<std::size_t>(end)});
    }
    prototype->setText(icu::UnicodeString());
    utext_close(ut);
    return out;
}

bool is_stopword(std::string_view norm) {
    // a hash set: a linear scan of the list (with a strlen per entry) took a tenth of `cluster`'s time
    static const std::unordered_set<std::string_view> stopwords(stopword_list.begin(), stopword_list.end());
    return stopwords.count(norm) > 0;
}

struct stemmer::impl {
    sb_stemmer* s = nullptr;
    std::unordered_map<std::string, std::string> known;  // word -> stem: a collection repeats its words
};

stemmer::stemmer() : impl_(std::make_unique<impl>()) {
    impl_->s = sb_stemmer_new("english", "UTF_8");
    if (impl_->s == nullptr) throw std::runtime_error("libstemmer has no English stemmer");
}

stemmer::~stemmer() { sb_stemmer_delete(impl_->s); }

std::string stemmer::stem(std::string_view norm) {
    std::string key(norm);
    if (const auto it = impl_->known.find(key); it != impl_->known.end()) return it->second;
    const sb_symbol* out = sb_stemmer_stem(impl_->s, reinterpret_cast<const sb_symbol*>(norm.data()),
                                           static_cast<int>(norm.size()));
    std::string stem = out == nullptr ? std::string(norm)
                                      : std::string(reinterpret_cast<const char*>(out),
                                                    static_cast<std::size_t>(sb_stemmer_length(impl_->s)));
    impl_->known.emplace(std::move(key), stem);
    return stem;
}

bool is_content_word(std::string_view norm) {
    if (is_stopword(norm)) return false;
    if (std::all_of(norm.begin(), norm.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
    const auto verb = grammar::match_verb(norm);
    return !(verb && verb->length == norm.size() && !verb->entry->topical);
}

term_list terms_of(std::string_view text, stemmer& s) {
    term_list out;
    for (const word& w : words(text)) {
        if (!is_content_word(w.norm)) continue;
        out.stems.push_back(s.stem(w.norm));
        out.surfaces.push_back(w.norm);
    }
    out.terms = out.stems;
    for (std::size_t i = 1; i < out.stems.size(); ++i) out.terms.push_back(out.stems[i - 1] + " " + out.stems[i]);
    return out;
}

void written_forms::add(const term_list& terms) {
    for (std::size_t i = 0; i < terms.stems.size(); ++i) ++by_stem_[terms.stems[i]][terms.surfaces[i]];
}

void written_forms::merge(const written_forms& other) {
    for (const auto& [stem, counts] : other.by_stem_)
        for (const auto& [word, n] : counts) by_stem_[stem][word] += n;
}

const written_forms::counts* written_forms::forms(const std::string& stem) const {
    const auto it = by_stem_.find(stem);
    return it == by_stem_.end() ? nullptr : &it->second;
}

const std::string* written_forms::most_written(const std::string& stem) const {
    const counts* f = forms(stem);
    return f == nullptr || f->empty() ? nullptr : &most_written(*f);
}

const std::string& written_forms::most_written(const counts& forms) {
    return std::max_element(forms.begin(), forms.end(), [](const auto& a, const auto& b) {
               return a.second != b.second ? a.second < b.second : a.first > b.first;
           })->first;
}

}  // namespace resdraft::models

namespace resdraft::models {

weighted_terms weighted(const term_list& terms, stemmer& s, wordnet* wn, const expansion_weights& weights) {
    weighted_terms out;
    out.reserve(terms.terms.size());
    for (const std::string& t : terms.terms) out.push_back({t, 1.0f});
    if (wn == nullptr) return out;
    auto add = [&](const std::vector<std::string>& words, float weight) {
        for (const std::string& w : words)
            if (!is_stopword(w)) out.push_back({s.stem(w), weight});
    };
    for (const std::string& surface : terms.surfaces) {
        const auto sense = wn->first_sense(surface);
        if (!sense) continue;
        add(sense->synonyms, weights.synonym);
        add(sense->related, weights.related);
        add(sense->gloss, weights.gloss);
    }
    return out;
}

}  // namespace resdraft::models
