// Addressees and objects (stage 3): what a clause's verb addresses ("calls upon Member States to ...")
// and what follows it, up to the next clause.
#include "grammar/detail/objects.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

namespace resdraft::grammar::detail {
namespace {

// A lower-case word that may be an infinitive after "to": not "the", "all", "States" ... ("to the").
bool may_be_infinitive(std::string_view input, const token& t) {
    if (t.punct != 0 || !std::islower(static_cast<unsigned char>(input[t.begin]))) return false;
    static constexpr std::array<std::string_view, 47> not_verbs{
        "the", "a", "an", "all", "their", "its", "his", "her", "our", "this", "that", "these", "those", "any",
        "each", "every", "such", "other", "both", "some", "no", "it", "them", "him", "us", "whom", "which",
        "what", "international", "national", "regional", "relevant", "further", "date", "one", "two", "three",
        "whether", "those", "member", "non", "states", "countries", "and", "or"};
    return std::none_of(not_verbs.begin(), not_verbs.end(), [&](std::string_view w) { return word_is(input, t, w); });
}

bool infinitive_after(const tokenizer& tk, std::size_t i) { return tk.has(i) && may_be_infinitive(tk.input(), tk.at(i)); }

// Words that open a parenthetical after a comma inside an addressee: "the Secretary-General, in the elaboration ..."
bool opens_parenthetical(const tokenizer& tk, std::size_t i) {
    static constexpr std::array<std::string_view, 22> openers{
        "in",      "within", "at",      "as",         "on",   "through", "where", "when",    "if",       "pending",  "with",
        "inter",   "taking", "bearing", "consistent", "upon", "by",      "for",   "while",   "without", "whenever", "wherever"};
    if (tk.is_word(i, "in") && tk.is_word(i + 1, "particular")) return false;  // "all States, in particular X,"
    return std::any_of(openers.begin(), openers.end(), [&](std::string_view w) { return tk.is_word(i, w); });
}

// Narrows `s` to its words: spaces (no-break ones too) and , ; : off both ends, full stops off the end.
void trim(std::string_view input, span& s) {
    auto junk = [&](std::size_t p) {
        const char c = input[p];
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == ',' || c == ';' || c == ':' || c == '\f';
    };
    auto no_break_space_at = [&](std::size_t p) {
        return p + 1 < s.end && static_cast<unsigned char>(input[p]) == 0xC2 && static_cast<unsigned char>(input[p + 1]) == 0xA0;
    };
    while (s.begin < s.end) {
        if (junk(s.begin)) ++s.begin;
        else if (no_break_space_at(s.begin)) s.begin += 2;
        else break;
    }
    while (s.end > s.begin) {
        if (junk(s.end - 1) || input[s.end - 1] == '.') --s.end;
        else if (s.end >= s.begin + 2 && no_break_space_at(s.end - 2)) s.end -= 2;
        else break;
    }
}

// The token at byte q starts there: only spaces or excluded ranges lie between it and the token before,
// or that token is a quote or a separator (which end where they are, whatever follows).
bool token_starts_at(const paragraph_bytes& text, std::size_t q) {
    const std::size_t e = token_end_before(text, q);
    return e <= text.begin || e < q || quote_ending_at(text, e) != 0 ||
           text.separator_at(e - 1, text.excluded_after(e - 1)) != 0;
}

// A word of two bytes at q ends there: at the text's end, an excluded range, a space, quote or separator.
bool two_byte_word_at(const paragraph_bytes& text, std::size_t q) {
    const auto ex = text.excluded_after(q);
    if (ex != text.excluded.end() && ex->begin < q + 2) return false;  // the word runs into a footnote marker
    return text.boundary_at(q + 2, ex) || text.separator_at(q + 2, ex) != 0;
}

// Where the addressee of a directive verb stops, its object starting at byte `from` (a token start):
// the first "to" before an infinitive ("urge States to apply") outside parentheses, or a colon closing
// the clause at `end` ("Requests the Secretary-General: (a) ..."); the byte where that token starts.
// Reads only the bytes that can matter, and tokens only after a "to".
std::optional<std::size_t> addressee_stop(const paragraph_bytes& text, std::size_t from, std::size_t end) {
    const char* const data = text.input.data();
    const char* const readable_end = data + text.input.size();
    const std::size_t stop_end = std::min(end, text.end);
    int depth = 0;
    auto ex = text.excluded_after(from);
    for (std::size_t q = from; q < stop_end; ++q) {
        const std::size_t limit = ex != text.excluded.end() ? std::min(stop_end, ex->begin) : stop_end;
        q = static_cast<std::size_t>(find_object_mark(data + q, data + limit, readable_end) - data);
        if (q >= limit) {
            if (limit == stop_end) break;
            q = ex->end - 1;  // over the excluded range
            ++ex;
            continue;
        }
        const char c = data[q];
        if (c == '(') ++depth;
        else if (c == ')') depth = std::max(0, depth - 1);
        else if (depth > 0) continue;
        else if (c == ':') {
            if (q + 1 >= end && text.separator_at(q, ex) == ':') return q;
        } else if (token_starts_at(text, q) && two_byte_word_at(text, q)) {
            const tokenizer after(text, q + 2);  // "to" and what follows it
            if (infinitive_after(after, 0)) return q;
        }
    }
    return std::nullopt;
}

// Fills addressee and object of a clause whose head ends where the object's tokens (`object`) start and
// whose text ends at byte `end`.
void fill_object(const paragraph_bytes& text, const tokenizer& object, const head& h, std::size_t end, clause& c) {
    const std::string_view input = text.input;
    std::size_t object_begin = object.has(0) ? object.at(0).begin : end;
    if (h.entry != nullptr && h.entry->directive && object.has(0) && !object.is_word(0, "that")) {
        // the addressee ends at the infinitive ("urge States to apply"), or at the colon before lettered
        // subparagraphs ("Requests the Secretary-General: (a) To continue ...")
        const token& first = object.at(0);
        const auto stop = first.begin < end ? addressee_stop(text, first.begin, end) : std::nullopt;
        if (stop && *stop > first.begin) {
            std::size_t last = *stop;  // where the token one past the addressee starts
            // a comma that opens a parenthetical ends it earlier: "the Secretary-General, in the elaboration ..."
            for (std::size_t q = first.end; q < *stop; ++q) {
                const void* comma = std::memchr(input.data() + q, ',', *stop - q);
                if (comma == nullptr) break;
                q = static_cast<std::size_t>(static_cast<const char*>(comma) - input.data());
                const auto ex = text.excluded_after(q);
                if ((ex != text.excluded.end() && ex->begin <= q) || text.separator_at(q, ex) != ',') continue;
                if (opens_parenthetical(tokenizer(text, q + 1), 0)) {
                    last = q;
                    break;
                }
            }
            span who{first.begin, token_end_before(text, last)};
            trim(input, who);
            if (!who.empty()) {
                c.addressee = who;
                object_begin = last;
            }
        }
    }
    c.object = {object_begin, std::max(object_begin, end)};
    trim(input, c.object);
}

}  // namespace

// "to assist, protect", "to assist and support": the mark at `boundary` continues a list of infinitives.
bool in_infinitive_list(const paragraph_bytes& text, std::size_t boundary) {
    const auto verb = token_before(text, boundary);
    if (!verb || !may_be_infinitive(text.input, *verb)) return false;
    const auto to = token_before(text, verb->begin);
    return to && word_is(text.input, *to, "to");
}

// The clause of a located head whose text ends at byte `end`.
clause make_clause(const paragraph_bytes& text, const head& h, std::size_t end) {
    const std::string_view input = text.input;
    clause c;
    c.phrase = h.phrase;
    c.adverbs = h.adverbs;
    if (h.entry != nullptr) {
        c.verb = h.entry->lemma;
        c.strength = std::min(h.entry->strength + h.raise, 6);
    } else {
        c.verb = h.phrase.of(input);
        c.in_lexicon = false;
        c.strength = -1;
    }
    c.whole = {h.first_at, end};
    c.head = {h.head_first_at, h.phrase.end};
    trim(input, c.whole);
    fill_object(text, tokenizer(text, h.next_at), h, end, c);
    return c;
}

}  // namespace resdraft::grammar::detail
