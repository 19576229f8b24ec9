// The lexicon's data and its matcher. Forms are generated from lemmas (base, -s, -ing) so that the
// tables below stay readable; a table of surfaces grouped by first word (hashed) does the longest match.
#include "grammar/lexicon.hpp"

#include "grammar/detail/bytes.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cctype>
#include <cstring>
#include <deque>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

namespace resdraft::grammar {
namespace {

// Which surface forms a table row produces.
enum class row_kind {
    verb,            // base, third person and -ing participle ("recall", "recalls", "recalling")
    operative_only,  // base and third person, no preambular use ("will", "commit to")
    action,          // as operative_only, and the verb also tells the paragraph's topic ("strengthen", "develop")
    participle_only, // only the -ing opener ("bearing in mind", "looking ahead to")
    adjective,       // preambular adjective, also after a copula ("concerned", "mindful")
};

struct row {
    std::string_view lemma;  // '~' marks a possessive slot: its / our / their / his / her / the / nothing
    int strength;
    row_kind kind = row_kind::verb;
    bool directive = false;
};

// Operative verbs and phrases, preambular openers, with their rank (scale in lexicon.hpp).
// Sources: ../shared/reference/un-drafting.md, and every opening verb of the 48 resolutions in
// ../shared/corpus/ga-res-80 and of A/68/L.5.
constexpr std::array rows{
    // 0: acknowledges a document without a view
    row{"take note of", 0}, row{"take note with interest of", 0}, row{"take note with appreciation of", 1},
    row{"take note with satisfaction of", 1}, row{"take note with concern of", 1}, row{"take note", 0},
    // 1: states a view, binds no one
    row{"note", 1}, row{"recall", 1}, row{"acknowledge", 1}, row{"recognize", 1}, row{"recognise", 1},
    row{"observe", 1}, row{"consider", 1}, row{"bear in mind", 1}, row{"keep in mind", 1},
    row{"believe", 1}, row{"take into account", 1}, row{"take into consideration", 1},
    row{"remember", 1}, row{"realize", 1}, row{"share the conviction", 1}, row{"share the view", 1},
    row{"refer", 1}, row{"point out", 1}, row{"seek", 1}, row{"desire", 1},
    row{"expect", 1}, row{"contemplate", 1}, row{"fulfil", 1}, row{"envisage", 1}, row{"meet", 1},
    row{"gather", 1}, row{"look ahead to", 1, row_kind::participle_only},
    row{"view with appreciation", 2, row_kind::participle_only},
    row{"have regard to", 1, row_kind::participle_only},
    // 2: expresses a position
    row{"note with appreciation", 2}, row{"note with satisfaction", 2}, row{"note with concern", 2},
    row{"note with deep concern", 2}, row{"note with grave concern", 2}, row{"note with regret", 2},
    row{"note with interest", 2}, row{"welcome", 2}, row{"appreciate", 2}, row{"commend", 2},
    row{"congratulate", 2}, row{"praise", 2}, row{"salute", 2}, row{"pay tribute to", 2},
    row{"express ~ appreciation", 2}, row{"express ~ gratitude", 2}, row{"express ~ satisfaction", 2},
    row{"express ~ concern", 2}, row{"express ~ deep concern", 2}, row{"express ~ grave concern", 2},
    row{"express ~ serious concern", 2}, row{"express ~ support", 2}, row{"express ~ hope", 2},
    row{"express ~ regret", 2}, row{"express ~ conviction", 2}, row{"express ~ commitment", 2},
    row{"express", 2}, row{"emphasize", 2}, row{"emphasise", 2}, row{"stress", 2}, row{"underline", 2},
    row{"underscore", 2}, row{"highlight", 2}, row{"reaffirm", 2}, row{"reiterate", 2}, row{"affirm", 2},
    row{"renew", 2},  // "Renews its commitment" (A/RES/80/5); its calls rank with "calls upon" (4, below)
    row{"confirm", 2}, row{"regret", 2}, row{"support", 2}, row{"value", 2}, row{"look forward to", 2},
    row{"hope", 2}, row{"trust", 2}, row{"agree", 2}, row{"evince", 2}, row{"strive", 2},
    row{"strive for", 2}, row{"endeavour", 2},
    // 3: asks softly
    row{"encourage", 3, row_kind::verb, true}, row{"invite", 3, row_kind::verb, true},
    row{"invite and encourage", 3, row_kind::verb, true}, row{"support and encourage", 3, row_kind::verb, true},
    row{"recommend", 3}, row{"appeal to", 3, row_kind::verb, true}, row{"appeal", 3},
    row{"ask", 3, row_kind::verb, true}, row{"suggest", 3}, row{"remind", 3, row_kind::verb, true},
    row{"draw the attention of", 3}, row{"draw attention to", 3}, row{"explore", 3},
    // 4: presses hard
    row{"request", 4, row_kind::verb, true}, row{"call upon", 4, row_kind::verb, true},
    row{"call on", 4, row_kind::verb, true}, row{"call for", 4}, row{"urge", 4, row_kind::verb, true},
    row{"exhort", 4, row_kind::verb, true}, row{"renew ~ call upon", 4, row_kind::verb, true},
    row{"renew ~ call for", 4}, row{"renew ~ appeal to", 4, row_kind::verb, true},
    row{"reiterate ~ call upon", 4, row_kind::verb, true}, row{"reiterate ~ call for", 4},
    row{"renew ~ call to", 4, row_kind::verb, true}, row{"renew ~ previous call to", 4, row_kind::verb, true},
    row{"renew ~ previous call upon", 4, row_kind::verb, true}, row{"reiterate ~ request", 4, row_kind::verb, true},
    row{"reiterate ~ request to", 4, row_kind::verb, true}, row{"reiterate ~ invitation to", 3, row_kind::verb, true},
    row{"condemn", 4}, row{"deplore", 4}, row{"reject", 4}, row{"insist", 4}, row{"warn", 4},
    // 5: binds or commits
    row{"decide", 5}, row{"demand", 5, row_kind::verb, true}, row{"commit to", 5}, row{"commit", 5},
    row{"commit ourselves to", 5}, row{"recommit to", 5}, row{"recommit ourselves to", 5},
    row{"recommit", 5}, row{"will", 5, row_kind::operative_only}, row{"shall", 5, row_kind::operative_only},
    row{"pledge", 5}, row{"resolve", 5}, row{"determine", 5}, row{"adopt", 5}, row{"endorse", 5},
    row{"approve", 5}, row{"authorize", 5, row_kind::verb, true}, row{"declare", 5}, row{"proclaim", 5},
    row{"designate", 5}, row{"establish", 5}, row{"undertake", 5}, row{"launch", 5}, row{"mandate", 5},
    // the actions a declaration commits its signatories to, as bare verbs after "We commit to ... the following
    // actions:" (A/RES/74/2 paragraphs 24-81, A/RES/76/294 paragraphs 1-18) or after "We will" (A/RES/78/1
    // paragraph 38): they rank with "commit to"; operative only, so "Strengthening ..." stays a noun phrase
    row{"accelerate", 5, row_kind::action}, row{"implement", 5, row_kind::action},
    row{"strengthen", 5, row_kind::action}, row{"ensure", 5, row_kind::action},
    row{"promote", 5, row_kind::action}, row{"scale up", 5, row_kind::action},
    row{"leverage", 5, row_kind::action}, row{"deliver", 5, row_kind::action},
    row{"develop", 5, row_kind::action}, row{"build", 5, row_kind::action},
    row{"drive", 5, row_kind::action}, row{"prioritize", 5, row_kind::action},
    row{"invest", 5, row_kind::action}, row{"improve", 5, row_kind::action},
    row{"enhance", 5, row_kind::action}, row{"increase", 5, row_kind::action},
    row{"foster", 5, row_kind::action}, row{"mobilize", 5, row_kind::action},
    row{"provide", 5, row_kind::action}, row{"prevent", 5, row_kind::action},
    row{"protect", 5, row_kind::action}, row{"advance", 5, row_kind::action},
    row{"integrate", 5, row_kind::action}, row{"take action", 5, row_kind::action},
    // Preambular adjectives (and after a copula in declarations: "We are convinced", "We remain committed")
    row{"aware", 1, row_kind::adjective}, row{"conscious", 1, row_kind::adjective},
    row{"cognizant", 1, row_kind::adjective}, row{"mindful", 1, row_kind::adjective},
    row{"convinced", 1, row_kind::adjective}, row{"confident", 1, row_kind::adjective},
    row{"guided by", 1, row_kind::adjective},
    row{"alarmed", 2, row_kind::adjective}, row{"concerned", 2, row_kind::adjective},
    row{"encouraged", 2, row_kind::adjective}, row{"desirous", 2, row_kind::adjective},
    row{"disappointed", 2, row_kind::adjective}, row{"dismayed", 2, row_kind::adjective},
    row{"disturbed", 2, row_kind::adjective}, row{"troubled", 2, row_kind::adjective},
    row{"gratified", 2, row_kind::adjective}, row{"pleased", 2, row_kind::adjective},
    row{"satisfied", 2, row_kind::adjective}, row{"grateful", 2, row_kind::adjective},
    row{"appreciative", 2, row_kind::adjective}, row{"shocked", 2, row_kind::adjective},
    row{"outraged", 3, row_kind::adjective}, row{"determined", 5, row_kind::adjective},
    row{"committed", 5, row_kind::adjective}, row{"resolved", 5, row_kind::adjective},
};

// "Having considered", "Having received" ...: the perfect participle openers.
struct perfect_row {
    std::string_view participle;
    std::string_view lemma;
};
constexpr std::array perfect_rows{
    perfect_row{"considered", "consider"}, perfect_row{"received", "receive"},
    perfect_row{"examined", "examine"},   perfect_row{"reviewed", "review"},
    perfect_row{"heard", "hear"},         perfect_row{"adopted", "adopt"},
    perfect_row{"decided", "decide"},     perfect_row{"studied", "study"},
    perfect_row{"approved", "approve"},   perfect_row{"taken note of", "take note of"},
    perfect_row{"regard to", "have regard to"}, perfect_row{"met", "meet"},
};

// Verbs that also run on in lists of infinitives ("to establish ..., adopt ... and launch ..."): in
// the bare voice of declarations they open a paragraph but not a later clause of it.
constexpr std::array infinitive_prone{
    std::string_view{"support"}, std::string_view{"establish"}, std::string_view{"adopt"},
    std::string_view{"launch"}, std::string_view{"explore"}, std::string_view{"undertake"},
    std::string_view{"seek"}, std::string_view{"expect"}, std::string_view{"desire"},
    std::string_view{"meet"}, std::string_view{"gather"}, std::string_view{"consider"},
    std::string_view{"value"}, std::string_view{"mandate"}, std::string_view{"determine"},
    std::string_view{"designate"}, std::string_view{"approve"}, std::string_view{"endorse"},
    std::string_view{"refer"}, std::string_view{"observe"}, std::string_view{"remember"},
    std::string_view{"realize"}, std::string_view{"contemplate"}, std::string_view{"fulfil"},
    std::string_view{"envisage"}, std::string_view{"agree"}, std::string_view{"strive"},
    std::string_view{"endeavour"}, std::string_view{"hope"}, std::string_view{"trust"},
    std::string_view{"ask"}, std::string_view{"suggest"}, std::string_view{"warn"},
    std::string_view{"insist"}, std::string_view{"reject"}, std::string_view{"resolve"},
    std::string_view{"declare"}, std::string_view{"point out"}, std::string_view{"keep in mind"},
    std::string_view{"take into account"}, std::string_view{"take into consideration"},
    std::string_view{"appreciate"}, std::string_view{"confirm"}, std::string_view{"promote"},
    std::string_view{"accelerate"}, std::string_view{"implement"}, std::string_view{"strengthen"},
    std::string_view{"ensure"}, std::string_view{"scale up"}, std::string_view{"leverage"},
    std::string_view{"deliver"}, std::string_view{"develop"}, std::string_view{"build"},
    std::string_view{"drive"}, std::string_view{"prioritize"}, std::string_view{"invest"},
    std::string_view{"improve"}, std::string_view{"enhance"}, std::string_view{"increase"},
    std::string_view{"foster"}, std::string_view{"mobilize"}, std::string_view{"provide"},
    std::string_view{"prevent"}, std::string_view{"protect"}, std::string_view{"advance"},
    std::string_view{"integrate"}, std::string_view{"take action"}, std::string_view{"renew"},
};

struct adverb_row {
    std::string_view surface;
    std::string_view canonical;
    int raise;
};
constexpr std::array adverb_rows{
    adverb_row{"also", "also", 0}, adverb_row{"further", "further", 0}, adverb_row{"again", "again", 0},
    adverb_row{"once again", "once again", 0}, adverb_row{"once more", "once more", 0},
    adverb_row{"strongly", "strongly", 1}, adverb_row{"firmly", "firmly", 1},
    adverb_row{"unequivocally", "unequivocally", 1}, adverb_row{"in the strongest terms", "in the strongest terms", 1},
    adverb_row{"in the strongest possible terms", "in the strongest terms", 1},
    adverb_row{"categorically", "categorically", 1}, adverb_row{"emphatically", "emphatically", 1},
    adverb_row{"urgently", "urgently", 1}, adverb_row{"resolutely", "resolutely", 1},
    adverb_row{"deeply", "deeply", 0}, adverb_row{"gravely", "gravely", 0}, adverb_row{"seriously", "seriously", 0},
    adverb_row{"profoundly", "profoundly", 0}, adverb_row{"fully", "fully", 0}, adverb_row{"solemnly", "solemnly", 0},
    adverb_row{"warmly", "warmly", 0}, adverb_row{"sincerely", "sincerely", 0}, adverb_row{"clearly", "clearly", 0},
    adverb_row{"ever", "ever", 0}, adverb_row{"likewise", "likewise", 0}, adverb_row{"equally", "equally", 0},
    adverb_row{"greatly", "greatly", 0}, adverb_row{"particularly", "particularly", 0},
    adverb_row{"collectively", "collectively", 0}, adverb_row{"jointly", "jointly", 0},
    adverb_row{"therefore", "therefore", 0}, adverb_row{"hereby", "hereby", 0}, adverb_row{"duly", "duly", 0},
    adverb_row{"continues to", "continue to", 0}, adverb_row{"continue to", "continue to", 0},
    adverb_row{"continuing to", "continue to", 0},
    // copulas are transparent: "We are convinced", "We remain deeply concerned"
    adverb_row{"are", "", 0}, adverb_row{"is", "", 0}, adverb_row{"remain", "", 0}, adverb_row{"remains", "", 0},
};

constexpr std::array linker_rows{
    std::string_view{"in this regard"}, std::string_view{"in that regard"}, std::string_view{"in this respect"},
    std::string_view{"in this context"}, std::string_view{"in that context"}, std::string_view{"in this connection"},
    std::string_view{"to this end"}, std::string_view{"to that end"}, std::string_view{"in particular"},
    std::string_view{"therefore"}, std::string_view{"thus"}, std::string_view{"accordingly"},
    std::string_view{"moreover"}, std::string_view{"at the same time"}, std::string_view{"in addition"},
    std::string_view{"consequently"}, std::string_view{"hence"},
};

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

std::string third_person(std::string_view w) {
    if (w == "will" || w == "shall") return std::string(w);
    if (ends_with(w, "s") || ends_with(w, "x") || ends_with(w, "z") || ends_with(w, "ch") || ends_with(w, "sh"))
        return std::string(w) + "es";
    if (w.size() > 1 && w.back() == 'y' && !is_vowel(w[w.size() - 2]))
        return std::string(w.substr(0, w.size() - 1)) + "ies";
    return std::string(w) + "s";
}

std::string present_participle(std::string_view w) {
    // verbs that double their final consonant: commit -> committing
    static constexpr std::array doubling{std::string_view{"commit"}, std::string_view{"recommit"},
                                         std::string_view{"regret"}, std::string_view{"refer"},
                                         std::string_view{"submit"}, std::string_view{"permit"},
                                         std::string_view{"fulfil"}};
    if (std::find(doubling.begin(), doubling.end(), w) != doubling.end()) return std::string(w) + w.back() + "ing";
    if (ends_with(w, "ie")) return std::string(w.substr(0, w.size() - 2)) + "ying";
    if (w.back() == 'e' && !ends_with(w, "ee") && !ends_with(w, "ye") && !ends_with(w, "oe"))
        return std::string(w.substr(0, w.size() - 1)) + "ing";
    return std::string(w) + "ing";
}

// Inflects the first word of a phrase, and the verb after "and" in a paired verb ("invite and encourage").
template <typename Inflect>
std::string inflected(std::string_view phrase, Inflect inflect) {
    const auto space = phrase.find(' ');
    if (space == std::string_view::npos) return inflect(phrase);
    const std::string_view rest = phrase.substr(space);
    if (rest.starts_with(" and ")) return inflect(phrase.substr(0, space)) + " and " + inflected(rest.substr(5), inflect);
    return inflect(phrase.substr(0, space)) + std::string(rest);
}

using detail::is_word_byte;

// Each byte as it counts in a first word: lower-cased, 0 for a byte that ends the word.
constexpr auto word_byte = [] {
    std::array<std::uint8_t, 256> t{};
    for (unsigned c = 0; c < 256; ++c)
        t[c] = is_word_byte(static_cast<unsigned char>(c)) ? static_cast<std::uint8_t>(detail::lower_ascii(static_cast<char>(c))) : 0;
    return t;
}();

// The first word of a text (its leading word bytes). Inside a word, setting bit 0x20 of every byte
// folds case exactly as far as the ASCII letters, digits and hyphens of the lexicon go: its first eight
// bytes folded that way are the word's key, compared as one number.
struct first_word {
    std::size_t length = 0;
    std::uint64_t head = 0;  // the first eight bytes (or fewer), folded, zeros after the word

    explicit first_word(std::string_view text) {
        length = detail::leading_word_bytes(text.data(), text.size());
        const std::size_t n = std::min<std::size_t>(length, 8);
        const std::uint64_t bytes = n == 8 ? std::uint64_t{~0ull} : (std::uint64_t{1} << (8 * n)) - 1;
        if (text.size() >= 8) head = detail::load8(text.data());
        else std::memcpy(&head, text.data(), text.size());
        head = (head | 0x2020202020202020ull) & bytes;
    }
    [[nodiscard]] std::size_t slot(int bits) const {
        return static_cast<std::size_t>(((head ^ length) * 0x9E3779B97F4A7C15ull) >> (64 - bits));
    }
    // The text's word (this one's) equals `lower`, a lower-case word of the same key.
    [[nodiscard]] bool same_rest(std::string_view text, std::string_view lower) const {
        return std::equal(lower.begin() + std::min<std::ptrdiff_t>(8, static_cast<std::ptrdiff_t>(lower.size())),
                          lower.end(), text.begin() + 8 * (lower.size() > 8),
                          [](char k, char t) { return static_cast<char>(t | 0x20) == k; });
    }
};

// The first four bytes (folded, zeros after a shorter word) of every entry's first word, hashed into a
// bit set: a test that rejects most words without looking the word up.
class first_bytes_filter {
public:
    void add(std::string_view text) { set(slot(text)); }
    [[nodiscard]] bool may_match(std::string_view text) const {
        const unsigned s = slot(text);
        return (bits_[s >> 6] >> (s & 63) & 1) != 0;
    }

private:
    std::array<std::uint64_t, 65536 / 64> bits_{};
    void set(unsigned s) { bits_[s >> 6] |= std::uint64_t{1} << (s & 63); }
    static unsigned slot(std::string_view text) {
        std::uint32_t key = 0;
        for (std::size_t i = 0; i < 4 && i < text.size(); ++i) {
            const std::uint32_t b = word_byte[static_cast<unsigned char>(text[i])];
            if (b == 0) break;
            key |= b << (8 * i);
        }
        return (key * 0x9E3779B1u) >> 16;  // Fibonacci hashing: the high bits mix all four bytes
    }
};

}  // namespace

// The surfaces of one kind (verbs, adverbs or linkers) that open with one first word, longest first.
using surface_list = std::vector<std::pair<std::string_view, std::size_t>>;  // surface, value

// The entries that open with one first word.
struct lexicon_word {
    std::string_view word;                       // the first word, lower case
    std::uint64_t head = 0;                      // its key (first_word::head)
    std::array<surface_list, 3> by_kind;         // indexed by entry_kind
};

namespace {

enum entry_kind { verb_kind, adverb_kind, linker_kind };

// Lower-case surfaces ("take note of", "in the strongest terms") grouped by their first word: a text's
// first word is looked up once, and only the surfaces that open with it are compared. The answers are
// those of a longest-prefix search over all surfaces of a kind followed by a word-boundary test: a
// surface that ends inside the text's first word fails that test, so only surfaces with the same first
// word can match.
class phrase_table {
public:
    // Adds `surface` (lower-case words, one space between; it must outlive the table) of `kind` with
    // `value`; a surface added twice to a kind keeps its first value.
    void add(entry_kind kind, std::string_view surface, std::size_t value) {
        if (surface.empty() || std::any_of(surface.begin(), surface.end(), [](char c) {
                return c != ' ' && word_byte[static_cast<unsigned char>(c)] != static_cast<unsigned char>(c);
            }))
            throw std::logic_error("lexicon surface not in lower-case words: " + std::string(surface));
        const first_word w(surface);
        lexicon_word* g = const_cast<lexicon_word*>(find(surface, w));
        if (g == nullptr) {
            g = &words_.emplace_back(lexicon_word{surface.substr(0, w.length), w.head, {}});
            std::size_t s = w.slot(slot_bits);
            while (slots_[s] != 0) s = (s + 1) & (slots_.size() - 1);
            slots_[s] = static_cast<std::uint32_t>(words_.size());
        }
        surface_list& list = g->by_kind[kind];
        for (const auto& [known, v] : list)
            if (known == surface) return;
        // longest first; among surfaces of one length, the first added first
        const auto at = std::find_if(list.begin(), list.end(), [&](const auto& known) { return known.first.size() < surface.size(); });
        list.insert(at, {surface, value});
    }

    // The entries opening with the first word of `text`, null when there are none.
    [[nodiscard]] const lexicon_word* find(std::string_view text) const { return find(text, first_word(text)); }

    [[nodiscard]] bool contains(entry_kind kind, std::string_view surface) const {
        const lexicon_word* g = find(surface);
        return g != nullptr && std::any_of(g->by_kind[kind].begin(), g->by_kind[kind].end(),
                                           [&](const auto& known) { return known.first == surface; });
    }

private:
    static constexpr int slot_bits = 10;  // 1,024 slots for a few hundred first words
    std::vector<lexicon_word> words_;  // grows only while the table is built: callers get pointers after
    std::array<std::uint32_t, std::size_t{1} << slot_bits> slots_{};  // 1 + index into words_, 0 when empty

    const lexicon_word* find(std::string_view text, const first_word& w) const {
        if (w.length == 0) return nullptr;
        for (std::size_t s = w.slot(slot_bits); slots_[s] != 0; s = (s + 1) & (slots_.size() - 1)) {
            const lexicon_word& g = words_[slots_[s] - 1];
            if (g.head == w.head && g.word.size() == w.length && w.same_rest(text, g.word)) return &g;
        }
        return nullptr;
    }
};

// The longest surface of one kind of `word`'s entries that opens `text` (case-insensitive; `text`
// opens with `word`) when it ends at a word boundary there: (value, bytes of text it covers).
std::optional<std::pair<std::size_t, std::size_t>> longest_match(const lexicon_word& word, entry_kind kind,
                                                                  std::string_view text) {
    const std::size_t n = word.word.size();  // the first word, the same in every surface of the list
    const bool one_word = n == text.size() || text[n] != ' ';
    for (const auto& [surface, value] : word.by_kind[kind]) {
        if (surface.size() > text.size() || (one_word && surface.size() > n) ||
            !std::equal(surface.begin() + static_cast<std::ptrdiff_t>(n), surface.end(), text.begin() + static_cast<std::ptrdiff_t>(n),
                        [](char s, char t) { return detail::lower_ascii(t) == s; }))
            continue;
        if (surface.size() < text.size() && is_word_byte(static_cast<unsigned char>(text[surface.size()])))
            return std::nullopt;
        return std::pair{value, surface.size()};
    }
    return std::nullopt;
}

struct tables {
    std::deque<std::string> strings;   // stable storage for generated surfaces and lemmas
    std::deque<verb_entry> entries;
    std::vector<lexicon_form> forms;
    phrase_table words;     // verbs (value: index into forms), adverbs (adverb_rows), linkers (linker_rows)
    first_bytes_filter first_bytes;  // of every surface in `words`

    std::string_view keep(std::string s) { return strings.emplace_back(std::move(s)); }

    void add_form(std::string surface, verb_form form, const verb_entry* entry) {
        // a surface listed twice keeps its first entry: rows are ordered so the intended one comes first
        if (words.contains(verb_kind, surface)) return;
        const std::string_view kept = keep(std::move(surface));
        words.add(verb_kind, kept, forms.size());
        first_bytes.add(kept);
        forms.push_back({kept, form, entry});
    }

    // Expands the possessive slot '~' into each possessive, "the", and nothing.
    static std::vector<std::string> expand_possessive(std::string_view lemma) {
        const auto slot = lemma.find('~');
        if (slot == std::string_view::npos) return {std::string(lemma)};
        std::vector<std::string> out;
        for (std::string_view poss : {"its ", "our ", "their ", "his ", "her ", "the ", ""})
            out.push_back(std::string(lemma.substr(0, slot)) + std::string(poss) + std::string(lemma.substr(slot + 2)));
        return out;
    }

    void add_row(const row& r) {
        const auto variants = expand_possessive(r.lemma);
        const std::string_view lemma = keep(variants.back());
        const bool prone = std::find(infinitive_prone.begin(), infinitive_prone.end(), lemma) != infinitive_prone.end();
        const verb_entry* entry =
            &entries.emplace_back(verb_entry{lemma, r.strength, r.directive, prone, r.kind == row_kind::action});
        for (const std::string& base : variants) {
            switch (r.kind) {
                case row_kind::verb:
                    add_form(base, verb_form::base, entry);
                    add_form(inflected(base, third_person), verb_form::third_person, entry);
                    add_form(inflected(base, present_participle), verb_form::participle, entry);
                    break;
                case row_kind::operative_only:
                case row_kind::action:
                    add_form(base, verb_form::base, entry);
                    add_form(inflected(base, third_person), verb_form::third_person, entry);
                    break;
                case row_kind::participle_only:
                    add_form(inflected(base, present_participle), verb_form::participle, entry);
                    break;
                case row_kind::adjective:
                    add_form(base, verb_form::adjective, entry);
                    break;
            }
        }
    }

    tables() {
        for (const row& r : rows) add_row(r);
        for (const perfect_row& p : perfect_rows) {
            const verb_entry* base = nullptr;
            for (const lexicon_form& f : forms)
                if (f.entry->lemma == p.lemma) { base = f.entry; break; }
            if (base == nullptr) base = &entries.emplace_back(verb_entry{p.lemma, 1, false});
            add_form("having " + std::string(p.participle), verb_form::participle, base);
        }
        for (std::size_t i = 0; i < adverb_rows.size(); ++i) {
            words.add(adverb_kind, adverb_rows[i].surface, i);
            first_bytes.add(adverb_rows[i].surface);
        }
        for (std::size_t i = 0; i < linker_rows.size(); ++i) {
            words.add(linker_kind, linker_rows[i], i);
            first_bytes.add(linker_rows[i]);
        }
    }
};

const tables& the_tables() {
    static const tables t;
    return t;
}

}  // namespace

const lexicon_word* find_first_word(std::string_view text) { return the_tables().words.find(text); }

bool may_open_entry(std::string_view text) { return the_tables().first_bytes.may_match(text); }

std::optional<lexicon_match> match_verb(const lexicon_word* w, std::string_view text) {
    if (w == nullptr) return std::nullopt;
    const auto m = longest_match(*w, verb_kind, text);
    if (!m) return std::nullopt;
    const lexicon_form& f = the_tables().forms[m->first];
    return lexicon_match{f.entry, f.form, m->second};
}

std::optional<adverb_match> match_adverb(const lexicon_word* w, std::string_view text) {
    if (w == nullptr) return std::nullopt;
    const auto m = longest_match(*w, adverb_kind, text);
    if (!m) return std::nullopt;
    const adverb_row& r = adverb_rows[m->first];
    return adverb_match{r.canonical, r.raise, m->second};
}

std::size_t match_linker(const lexicon_word* w, std::string_view text) {
    if (w == nullptr) return 0;
    const auto m = longest_match(*w, linker_kind, text);
    return m ? m->second : 0;
}

bool opens_verb_phrase(const lexicon_word* w) {
    // surfaces are kept longest first
    return w != nullptr && !w->by_kind[verb_kind].empty() && w->by_kind[verb_kind].front().first.size() > w->word.size();
}

bool may_open_clause_head(const lexicon_word* w) {
    return w != nullptr && (!w->by_kind[verb_kind].empty() || !w->by_kind[adverb_kind].empty());
}

std::optional<lexicon_match> match_verb(std::string_view text) { return match_verb(find_first_word(text), text); }
std::optional<adverb_match> match_adverb(std::string_view text) { return match_adverb(find_first_word(text), text); }
std::size_t match_linker(std::string_view text) { return match_linker(find_first_word(text), text); }
bool may_open_clause_head(std::string_view text) { return may_open_clause_head(find_first_word(text)); }

const std::vector<lexicon_form>& lexicon_forms() { return the_tables().forms; }

}  // namespace resdraft::grammar
