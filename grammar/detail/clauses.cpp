// Clause splitting. A clause opens at the paragraph start and at each top-level boundary (",", ";",
// "and", ". We") followed by an optional linker ("in this regard", "bearing this goal in mind,") and a
// clause head: adverbs, an operative verb from the lexicon in the paragraph's voice, adverbs.
// The paragraph is not cut into tokens: a byte search (grammar/detail/bytes.hpp) finds the marks that can
// be boundaries or hide them (brackets, quotes), and words (footnote markers skipped) are read as tokens
// only after a mark whose next word may open a head, and at the heads themselves. The parts live apart:
// tokens.hpp (words), marks.hpp (boundary candidates), heads (clause heads), objects (addressees, objects).
#include "grammar/detail/clauses.hpp"

#include "grammar/detail/bytes.hpp"
#include "grammar/detail/heads.hpp"
#include "grammar/detail/marks.hpp"
#include "grammar/detail/objects.hpp"
#include "grammar/detail/statements.hpp"
#include "grammar/detail/tokens.hpp"
#include "grammar/lexicon.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

namespace resdraft::grammar::detail {
namespace {

// "we" in any case opens `rest` (its first two bytes: a test that may pass "well").
bool opens_with_we(std::string_view rest) {
    return rest.size() >= 2 && lower_ascii(rest[0]) == 'w' && lower_ascii(rest[1]) == 'e';
}

// "..., bearing this goal in mind, urges": after a comma, a short phrase closed by the next comma (only
// "and"s between) may come before a head. False when there is no such comma or the word after it can
// open no head in voice `v`.
bool phrase_may_precede_head(const paragraph_bytes& text, std::size_t text_end, mark_scanner& scanner, voice v) {
    const std::optional<mark> next = scanner.peek_past_and();
    if (!next || next->kind != ',') return false;
    const std::size_t start = token_start_from(text, next->end);
    if (start >= text.end) return false;
    const std::string_view rest = text.input.substr(start, text_end - start);
    return may_open_clause_head(rest) || (v == voice::we && opens_with_we(rest));
}

// False when no clause can open after mark `m`, whose following tokens `after` reads: the word after it
// (after "and" when a comma or semicolon precedes it) opens no verb, adverb or linker of the lexicon and
// is not "we" in the voice of "We ..."; nor does a comma soon follow after which such a word comes.
bool may_open_after(const paragraph_bytes& text, std::size_t text_end, const tokenizer& after, mark_scanner& scanner,
                    bool comma, voice v) {
    std::size_t j = 0;
    if (comma && after.is_word(0, "and")) {
        if (after.is_punct(1, ',')) return true;  // ", and, ..." is left to the full reading
        j = 1;
    }
    if (!after.has(j)) return false;
    if (may_open_clause_head(after.entries(j)) || (v == voice::we && after.is_word(j, "we")) ||
        match_linker(after.entries(j), after.rest(j, text_end)) != 0)
        return true;
    return comma && phrase_may_precede_head(text, text_end, scanner, v);
}

// A first look at the bytes after mark `m`, before any token is read (may_open_after decides): false
// when the word there cannot open an entry of the lexicon (a test of four bytes) and is not "and" (after
// a comma or semicolon) or "we" (in voice `v`), and no comma-closed phrase may come before a head.
bool may_be_worth_reading(const paragraph_bytes& text, std::size_t text_end, const mark& m, mark_scanner& scanner,
                          voice v) {
    const std::size_t start = token_start_from(text, m.end);
    if (start >= text.end) return false;
    const std::string_view rest = text.input.substr(start, text_end - start);
    const bool comma = m.kind == ',' || m.kind == ';';
    const bool starts_and = rest.size() >= 2 && lower_ascii(rest[0]) == 'a' && lower_ascii(rest[1]) == 'n';
    if (may_open_entry(rest) || (comma && starts_and) || (v == voice::we && opens_with_we(rest))) return true;
    return comma && phrase_may_precede_head(text, text_end, scanner, v);
}

// The located head of a paragraph's first clause, and the voice it sets in `found`: at the start, else
// after the first comma (inside brackets or not) after which a head opens in the voice of `hint`
// ("Pending the total elimination of nuclear weapons, urges ..."); nothing when there is none.
std::optional<head> first_head(const structural_index& index, const paragraph_bytes& bytes, std::size_t text_end, voice hint,
                               voice& found) {
    std::optional<head> current;
    const tokenizer tk(bytes, bytes.begin);
    if (is_we(tk, 0)) {
        current = parse_we_head(tk, 0, text_end);
        if (current) found = voice::we;
    } else if ((current = parse_head(tk, 0, text_end, position::operative))) {
        found = voice_of(*current);
    }
    if (current) return located(*current, tk);
    const voice v = hint == voice::base ? voice::base : voice::unknown;
    mark_scanner commas(index, bytes, bytes.begin);
    while (const auto m = commas.next()) {
        if (m->kind != ',') continue;
        const tokenizer after(bytes, m->end);
        current = head_after_boundary(after, 0, text_end, v, true);
        if (!current) continue;
        found = current->entry == nullptr || is_we(after, current->first) ? voice::we : voice_of(*current);
        return located(*current, after);
    }
    return std::nullopt;
}

}  // namespace

std::vector<clause> split_operative(const structural_index& index, span text, const std::vector<span>& excluded,
                                    voice hint, voice& found) {
    const paragraph_bytes bytes(index.text(), text, excluded);
    std::vector<clause> clauses;
    found = voice::unknown;
    const std::size_t last_end = token_end_before(bytes, bytes.end);
    if (last_end <= bytes.begin) return clauses;
    std::optional<head> current = first_head(index, bytes, text.end, hint, found);
    if (!current) return clauses;

    // the words between marks are read only when a mark may open a clause: after it, the next head
    mark_scanner marks(index, bytes, current->next_at);
    int depth = 0;
    while (const auto m = marks.next()) {
        if (m->kind == '(') ++depth;
        if (m->kind == ')') depth = std::max(0, depth - 1);
        if (m->kind == '"') depth = depth > 0 ? depth - 1 : 1;  // quotes toggle; an unbalanced quote only hides boundaries
        if (depth > 0) continue;
        if (m->kind == '.' && found != voice::we) continue;
        const voice v = found == voice::unknown ? voice::third_person : found;
        if (!may_be_worth_reading(bytes, text.end, *m, marks, v)) continue;
        const tokenizer after(bytes, m->end);
        if (!may_open_after(bytes, text.end, after, marks, m->kind == ',' || m->kind == ';', v)) continue;
        std::size_t j = 0;
        bool strong = false, comma = false, bare_and = false;
        if (m->kind == ';') strong = comma = true;
        else if (m->kind == ',') comma = true;
        else if (m->kind == '.' && found == voice::we && is_we(after, j)) strong = true;
        else if (m->kind == 'a') bare_and = true;
        else continue;
        if (comma && after.is_word(j, "and")) {
            ++j;
            if (after.is_punct(j, ',')) ++j;
        }
        auto next = head_after_boundary(after, j, text.end, v, strong);
        if (!next) {
            const std::size_t after_linker = skip_linker(after, j, text.end, comma);
            if (after_linker != j) next = head_after_boundary(after, after_linker, text.end, v, strong);
        }
        if (!next) continue;
        // "to assist and support", "to prevent, protect": a list of infinitives, not a new clause
        if ((comma || bare_and) && found != voice::third_person && in_infinitive_list(bytes, m->begin)) continue;
        clauses.push_back(make_clause(bytes, *current, m->begin));
        current = located(*next, after);
        marks.restart(current->next_at);
    }
    clauses.push_back(make_clause(bytes, *current, last_end));
    return clauses;
}

std::vector<clause> preambular_clauses(std::string_view input, span text, const std::vector<span>& excluded) {
    const paragraph_bytes bytes(input, text, excluded);
    const tokenizer tk(bytes, bytes.begin);
    const auto h = parse_head(tk, 0, text.end, position::preambular);
    if (!h) return {};
    return {make_clause(bytes, located(*h, tk), token_end_before(bytes, bytes.end))};
}

namespace {
std::optional<head> head_of_text(std::string_view text, position where) {
    static const std::vector<span> none;
    const std::size_t end = std::min(text.size(), head_window);
    const paragraph_bytes bytes(text, {0, end}, none);
    const tokenizer tk(bytes, 0);
    return parse_head(tk, 0, end, where);
}
}  // namespace

line_openers openers_of_line(std::string_view line) {
    // a head opens with a word of the lexicon, and the four-byte filter passes every such word: most
    // other lines are turned away before a token is read
    if (line.empty() || !std::isupper(static_cast<unsigned char>(line[0])) || !may_open_entry(line)) return {};
    static const std::vector<span> none;
    const std::size_t end = std::min(line.size(), head_window);
    const paragraph_bytes bytes(line, {0, end}, none);
    const tokenizer tk(bytes, 0);  // one reading of the words serves both positions
    return {parse_head(tk, 0, end, position::preambular).has_value(), parse_head(tk, 0, end, position::operative).has_value()};
}

bool opens_with_operative(std::string_view text, std::string_view& lemma) {
    if (text.empty() || !std::isupper(static_cast<unsigned char>(text[0]))) return false;
    const auto h = head_of_text(text, position::operative);
    if (!h) return false;
    lemma = h->entry->lemma;
    return true;
}

namespace {

// The clauses of each subparagraph that opens with an operative verb ("(a) Strengthen ...") or, under a
// declaration's paragraph, with "We " ("(b) We will ensure ..."), in the voice of `hint`; the text of a
// subparagraph's own subparagraphs is theirs.
void add_subparagraph_clauses(const document& doc, const structural_index& index, std::vector<subparagraph>& subs,
                              voice hint) {
    for (subparagraph& sub : subs) {
        const span own{sub.text.begin, sub.subparagraphs.empty() ? sub.text.end : sub.subparagraphs.front().whole.begin};
        const std::string_view t = doc.text(own);
        const std::size_t first = t.find_first_not_of(" \t\r\n");
        std::string_view lemma;
        if (opens_with_operative(t, lemma) || (first != std::string_view::npos && t.substr(first).starts_with("We "))) {
            voice found = voice::unknown;
            sub.clauses = split_operative(index, own, doc.excluded, hint, found);
        }
        add_subparagraph_clauses(doc, index, sub.subparagraphs, hint);
    }
}

}  // namespace

void add_clauses(document& doc, const structural_index& index) {
    voice hint = voice::unknown;
    std::size_t part = 0;
    for (paragraph& p : doc.paragraphs) {
        if (p.part != part) hint = voice::unknown, part = p.part;
        if (p.kind == paragraph_kind::preambular) {
            p.clauses = preambular_clauses(doc.text(), p.chapeau, doc.excluded);
            continue;
        }
        voice found = voice::unknown;
        p.clauses = split_operative(index, p.chapeau, doc.excluded, hint, found);
        if (found != voice::unknown) hint = found;
        if (p.clauses.empty())
            if (auto statement = statement_clause(doc.text(), p.chapeau, doc.excluded)) p.clauses.push_back(std::move(*statement));
        add_subparagraph_clauses(doc, index, p.subparagraphs, hint);
    }
}

}  // namespace resdraft::grammar::detail
