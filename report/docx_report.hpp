// The Word writer of `resdraft check`: the draft as a revision of the reference, in tracked changes that
// Word and LibreOffice show and can accept or reject. Accepting every change gives the draft's compared
// paragraphs, rejecting every change the reference's, each paragraph's number written as text ("12. ").
// Verb changes, merges and paragraphs taken from elsewhere in the reference are Word comments. libzip
// stays in docx_report.cpp.
#pragma once

#include "analysis/check.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace resdraft::report {

// How one paragraph of the Word report shows.
enum class docx_rendering {
    revision,     // a verbatim or edited draft paragraph as word-level changes to its reference paragraph
    replacement,  // a related draft paragraph: its reference paragraph deleted whole, then the draft's inserted whole
    insertion,    // a draft paragraph inserted whole: new, or its reference paragraph is revised elsewhere
    deletion,     // a reference paragraph deleted whole: a gap, or what the draft took from it sits elsewhere
};

// One paragraph (two for a replacement) of the report, in the order it shows.
struct docx_step {
    docx_rendering rendering = docx_rendering::insertion;
    std::optional<std::size_t> draft;      // index into check_result::paragraphs; none for a deletion
    std::optional<std::size_t> reference;  // index into check_result::reference_ids; none for an insertion
    friend bool operator==(const docx_step&, const docx_step&) = default;
};

// The report's paragraphs in order. The draft paragraphs that revise (verbatim, edited) or replace (related)
// their best reference paragraph are the longest chain whose reference paragraphs come in reference order,
// each used once (revisions count twice as much as replacements); every other draft paragraph is inserted at
// its place in draft order and every other reference paragraph deleted at its place in reference order,
// deletions before insertions between two paragraphs of the chain. Never fails.
std::vector<docx_step> docx_plan(const analysis::check_result& r);

struct docx_options {
    std::string author = "resdraft";  // the author of every tracked change and comment
    std::int64_t date = 0;            // their date, in seconds since 1970-01-01 UTC (SOURCE_DATE_EPOCH, or now)
};

// The package's parts, name -> XML, in the order they are zipped (`reference` and `draft` are the documents `r`
// was checked from: each paragraph's number is written as it is there, "12. ", and none where none is written): [Content_Types].xml, _rels/.rels,
// docProps/core.xml and app.xml, word/document.xml, its relationships, styles, settings (tracking on, so that
// the delegate's own edits are tracked too), comments and a page header naming the draft and the reference.
// Text is escaped for XML 1.0 (see escape_xml). Never fails.
std::vector<std::pair<std::string, std::string>> check_docx_parts(const analysis::check_result& r, const grammar::document& reference,
                                                                  const grammar::document& draft, const docx_options& options);

// The Word document (.docx bytes) of check_docx_parts, deflated; the same result and options give the same bytes.
// Throws std::bad_alloc when memory runs out (in libzip too), std::runtime_error if libzip fails otherwise (a bug:
// no input can make it).
std::string check_docx(const analysis::check_result& r, const grammar::document& reference, const grammar::document& draft,
                       const docx_options& options);

// `seconds` since 1970-01-01 UTC as W3CDTF, as tracked changes carry it: "2026-03-01T09:30:00Z"; clamped to
// years 1970 to 9999.
std::string w3c_date(std::int64_t seconds);

}  // namespace resdraft::report
