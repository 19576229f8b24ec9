// The document model: what the parser finds in a resolution, as byte spans into its source.
// The document shares ownership of the source; other strings are short ids or lexicon constants.
#pragma once

#include "grammar/source.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace resdraft::grammar {

// Half-open byte range [begin, end) into the parsed input.
struct span {
    std::size_t begin = 0;  // first byte
    std::size_t end = 0;    // one past the last byte

    [[nodiscard]] bool empty() const { return end <= begin; }
    [[nodiscard]] std::size_t size() const { return empty() ? 0 : end - begin; }
    [[nodiscard]] std::string_view of(std::string_view input) const { return input.substr(begin, size()); }
    friend bool operator==(const span&, const span&) = default;
};

// One verb–object clause of a paragraph: "strongly condemn the acts ..., and urge States to apply ...".
struct clause {
    std::string_view verb;                 // lemma from the lexicon ("call upon"), or the words as written when not in it
    span phrase;                           // the verb words as written ("Calls upon")
    span head;                             // adverbs and verb as written ("Strongly condemn"), without "We"
    std::vector<std::string_view> adverbs; // canonical adverbs ("strongly", "also"), in text order
    std::optional<span> addressee;         // who a directive verb addresses ("Member States"), if any
    span object;                           // what follows the verb (and addressee), up to the next clause
    span whole;                            // from the first adverb or verb to the end of the object
    int strength = -1;                     // ordinal rank (see lexicon.hpp), raised by "strongly"; -1 = unknown verb
    bool in_lexicon = true;                // false when the verb was taken from a "We ..." sentence outside the lexicon
    bool statement = false;                // true for a statement's main clause ("Progress has been made"): no operative verb
};

// A lettered or numbered subparagraph: (a), (b) ... and (i), (ii) ... under them.
struct subparagraph {
    std::string id;                         // "a", "ii"; a letter lost in PDF extraction is assigned by position
    span whole;                             // from the label to the end of the text
    span text;                              // after the label
    std::vector<clause> clauses;            // only when the subparagraph opens with an operative verb
    std::vector<subparagraph> subparagraphs;// (i), (ii) ... under a lettered subparagraph
    bool label_missing = false;             // true when the label was lost and assigned by position
};

enum class paragraph_kind { preambular, operative };

// A preambular or operative paragraph.
struct paragraph {
    std::string id;                         // "17", "5 bis" (operative) or "pp3" (preambular); unique within its part
    std::size_t part = 0;                   // index into document::parts
    paragraph_kind kind = paragraph_kind::operative;
    span whole;                             // from the number (if any) to the end of the last subparagraph
    span text;                              // after the number, up to the end of the last subparagraph
    span chapeau;                           // the part of `text` before the first subparagraph (all of it if none)
    std::vector<clause> clauses;            // top-level clauses of the chapeau
    std::vector<subparagraph> subparagraphs;
};

// "body" for the resolution's own text, "annex" (or "annex I", "annex II") for an annexed or embedded declaration.
struct part {
    std::string name;                       // "body", "annex", "annex I" ...
    std::optional<span> title;              // the declaration's title line, when the part has one
    std::optional<span> formula;            // enacting formula: "The General Assembly,", "We, representatives ..."
};

struct warning {
    std::string message;
    std::size_t offset = 0;                 // byte offset the warning is about
};

// Metadata from a YAML front-matter block, when present.
struct front_matter {
    std::optional<span> symbol, title, date;
};

struct document {
    std::shared_ptr<const source> input;    // the bytes every span points into, and their name; set by the parser
    std::optional<std::string> symbol;      // "A/68/L.5", "A/RES/80/9"
    std::optional<span> title;              // title as in the text ("Declaration of the High-level Dialogue ...")
    std::optional<std::string> title_text;  // title from front matter when the text has none
    std::optional<span> date;               // first date of the header ("1 October 2013")
    std::optional<span> session;            // "Sixty-eighth session"
    std::optional<span> agenda_item;        // "21 (e)"
    std::vector<part> parts;                // parts[0] is the body
    std::vector<paragraph> paragraphs;      // in document order
    std::vector<span> excluded;             // sorted ranges left out of paragraph text: footnote markers, running heads
    std::vector<warning> warnings;

    // The bytes of `s` as written (see normalized_text for the text as a reader sees it).
    [[nodiscard]] std::string_view text(span s) const { return s.of(input->bytes()); }
    // All the bytes the document was parsed from.
    [[nodiscard]] std::string_view text() const { return input->bytes(); }
    // The source's name: file name, "-" or the embedded reference's name.
    [[nodiscard]] const std::string& name() const { return input->name(); }
};

}  // namespace resdraft::grammar
