// Clause splitting where it is decided from single bytes: the marks that can end a clause ( , ; . "and"),
// the brackets and quotes that hide them, and the bytes that end a directive verb's addressee (to, :).
// Each expectation was also the answer of the token-by-token splitter these searches replaced.
#include "grammar/parser.hpp"

#include "test_support.hpp"

namespace resdraft::grammar {
namespace {

using testing::parse_ok;
using testing::render_clauses;

const std::string marks_text =
    "The General Assembly,\n\n"
    "1. Calls upon States to assist and support victims, and requests the Secretary-General to report;\n\n"
    "2. Reaffirms the target of 1,000 and decides to review it;\n\n"
    "3. Notes the list of \"States that decide, and urge\" others (as it recalls, and decides), and welcomes the report;\n\n"
    "4. Requests the Secretary-General, in consultation with Member States, to report on the protocol into which States "
    "entered;\n\n"
    "5. Urges all States, in particular the donors, to contribute;\n\n"
    "6. Notes the standards, the land and the mandate\xC2\xA0"
    "and welcomes the Agreement;\n\n"
    "7. Notes the Programme of Action2 and welcomes its review;\n\n"
    "8. Requests the Secretary-General:\n\n(a) To continue the work;\n\n"
    "---\n[^1]: A/70/1.\n[^2]: A/CONF.191/13.\n";

std::string clauses_of(const document& doc, std::size_t i) {
    return render_clauses(doc, doc.paragraphs.at(i).clauses);
}

TEST(Clauses, AMarkSplitsOnlyBeforeAClauseHead) {
    const document doc = parse_ok(marks_text);
    ASSERT_EQ(doc.paragraphs.size(), 8u);
    // "assist and support" continues a list of infinitives; ", and requests" opens a clause
    EXPECT_EQ(clauses_of(doc, 0), "call upon @States | request @the Secretary-General");
    EXPECT_EQ(normalized_text(doc, doc.paragraphs[0].clauses[0].object), "to assist and support victims");
    // the comma of "1,000" is part of the number; the "and" after it is a boundary
    EXPECT_EQ(clauses_of(doc, 1), "reaffirm | decide");
    EXPECT_EQ(doc.paragraphs[1].clauses[0].whole.of(marks_text), "Reaffirms the target of 1,000");
}

TEST(Clauses, QuotesAndBracketsHideMarks) {
    const document doc = parse_ok(marks_text);
    EXPECT_EQ(clauses_of(doc, 2), "note | welcome");
    EXPECT_EQ(doc.paragraphs[2].clauses[0].whole.of(marks_text),
              "Notes the list of \"States that decide, and urge\" others (as it recalls, and decides)");
}

TEST(Clauses, AndInsideWordsIsNoMarkButAfterANoBreakSpaceOrAFootnoteMarkerIs) {
    const document doc = parse_ok(marks_text);
    EXPECT_EQ(clauses_of(doc, 5), "note | welcome");
    EXPECT_EQ(doc.paragraphs[5].clauses[0].whole.of(marks_text), "Notes the standards, the land and the mandate");
    // "Action2": the footnote marker is left out, and "and" still follows the word "Action"
    ASSERT_FALSE(doc.excluded.empty());
    EXPECT_EQ(clauses_of(doc, 6), "note | welcome");
    EXPECT_EQ(normalized_text(doc, doc.paragraphs[6].clauses[0].object), "the Programme of Action");
}

TEST(Clauses, AddresseeEndsAtTheInfinitiveAParentheticalOrAClosingColon) {
    const document doc = parse_ok(marks_text);
    // "to" inside "protocol" and "into" is no infinitive; the comma before "in consultation" ends the addressee
    EXPECT_EQ(clauses_of(doc, 3), "request @the Secretary-General");
    EXPECT_EQ(normalized_text(doc, doc.paragraphs[3].clauses[0].object),
              "in consultation with Member States, to report on the protocol into which States entered");
    // "in particular" does not open a parenthetical
    EXPECT_EQ(clauses_of(doc, 4), "urge @all States, in particular the donors");
    EXPECT_EQ(normalized_text(doc, doc.paragraphs[4].clauses[0].object), "to contribute");
    // the colon before lettered subparagraphs
    EXPECT_EQ(clauses_of(doc, 7), "request @the Secretary-General");
    EXPECT_TRUE(doc.paragraphs[7].clauses[0].object.empty());
}

TEST(Clauses, FullStopsSeparateSentencesOfADeclaration) {
    const std::string in =
        "We, the Heads of State and Government, meeting in New York,\n\n"
        "1. We recognize the report. We also decide to act, and reaffirm our commitment;\n";
    const document doc = parse_ok(in);
    ASSERT_EQ(doc.paragraphs.size(), 1u);
    // the second "We" opens a clause; "to act, and reaffirm" is a list of infinitives in this voice
    EXPECT_EQ(render_clauses(doc, doc.paragraphs[0].clauses), "recognize | decide +also");
    EXPECT_EQ(doc.paragraphs[0].clauses[1].whole.of(in), "We also decide to act, and reaffirm our commitment");
}

}  // namespace
}  // namespace resdraft::grammar
