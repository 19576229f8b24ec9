// The assembler on small texts, one construct or one kind of damage each.
#include "grammar/parser.hpp"
#include "grammar/detail/tree.hpp"
#include "report/parse_report.hpp"

#include "test_support.hpp"

namespace resdraft::grammar {
namespace {

using testing::parse_ok;
using testing::render_clauses;

std::vector<std::string> ids(const document& doc) {
    std::vector<std::string> out;
    for (const auto& p : doc.paragraphs) out.push_back(doc.parts[p.part].name + ":" + p.id);
    return out;
}

std::string text_of(const document& doc, std::size_t i) {
    return normalized_text(doc, doc.paragraphs.at(i).text);
}

TEST(Parser, RefusesEmptyWhitespaceAndBinaryInput) {
    EXPECT_EQ(parse_document("").error().message, "empty input");
    EXPECT_EQ(parse_document(" \n\t\r\n").error().message, "no text: input holds only whitespace");
    // blanks that are not ASCII whitespace (no-break spaces, a byte order mark) leave no words either
    EXPECT_EQ(parse_document("\xEF\xBB\xBF\xC2\xA0\n \xC2\xA0").error().message, "no text: input holds no words");
    const auto binary = parse_document(std::string("PK\x03\x04\0\0", 6));
    ASSERT_FALSE(binary.ok());
    EXPECT_EQ(binary.error().message, "binary input: control byte 0x03");
    EXPECT_EQ(binary.error().offset, 2u);
    EXPECT_EQ(parse_document("1. Decides \xC3").error().offset, 11u);
}

TEST(Parser, GaResolutionWithPreambleAndOperativeParagraphs) {
    const std::string in =
        "The General Assembly,\n\nRecalling its resolution 68/4,\n\nDeeply concerned about the situation,\n\n"
        "1. Calls upon Member States to ratify the Convention;\n\n2. Also requests the Secretary-General to report.\n";
    const document doc = parse_ok(in);
    EXPECT_EQ(ids(doc), (std::vector<std::string>{"body:pp1", "body:pp2", "body:1", "body:2"}));
    EXPECT_EQ(render_clauses(doc, doc.paragraphs[0].clauses), "recall");
    EXPECT_EQ(render_clauses(doc, doc.paragraphs[1].clauses), "concerned +deeply");
    EXPECT_EQ(render_clauses(doc, doc.paragraphs[2].clauses), "call upon @Member States");
    EXPECT_EQ(render_clauses(doc, doc.paragraphs[3].clauses), "request +also @the Secretary-General");
    EXPECT_EQ(normalized_text(doc, doc.paragraphs[2].clauses[0].object), "to ratify the Convention");
    EXPECT_EQ(doc.paragraphs[2].clauses[0].strength, 4);
    EXPECT_EQ(doc.parts[0].formula->of(in), "The General Assembly,");
    EXPECT_TRUE(doc.warnings.empty());
}

TEST(Parser, SpansPointIntoTheInput) {
    const std::string in = "The General Assembly,\n\n1. Strongly condemns the acts, and urges States to act.\n";
    const document doc = parse_ok(in);
    const paragraph& p = doc.paragraphs.at(0);
    EXPECT_EQ(p.whole.of(in), "1. Strongly condemns the acts, and urges States to act.");
    EXPECT_EQ(p.text.of(in), "Strongly condemns the acts, and urges States to act.");
    ASSERT_EQ(p.clauses.size(), 2u);
    EXPECT_EQ(p.clauses[0].whole.of(in), "Strongly condemns the acts");
    EXPECT_EQ(p.clauses[0].phrase.of(in), "condemns");
    EXPECT_EQ(p.clauses[0].strength, 5);
    EXPECT_EQ(p.clauses[1].whole.of(in), "urges States to act");
    EXPECT_EQ(p.clauses[1].addressee->of(in), "States");
}

TEST(Parser, RejoinsAParagraphBrokenByAPageBreak) {
    const std::string in = "The General Assembly,\n\n1. Urges all States to strengthen their\n\n"
                           "cooperation in this field;\n\n2. Decides to remain seized of the matter.\n";
    const document doc = parse_ok(in);
    ASSERT_EQ(doc.paragraphs.size(), 2u);
    EXPECT_EQ(text_of(doc, 0), "Urges all States to strengthen their cooperation in this field;");
}

TEST(Parser, SplitsParagraphsRunTogetherOnOneLine) {
    const std::string body = "1. We recognize the protocols.8 2. We recall the commitments.\n3. We decide to act.\n\n---\n\n[^8]: A/RES/1.\n";
    const document doc = parse_ok(body);
    EXPECT_EQ(ids(doc), (std::vector<std::string>{"body:1", "body:2", "body:3"}));
    EXPECT_EQ(text_of(doc, 0), "We recognize the protocols.");
    EXPECT_EQ(text_of(doc, 1), "We recall the commitments.");
    EXPECT_EQ(render_clauses(doc, doc.paragraphs[1].clauses), "recall");
}

TEST(Parser, KeepsFootnoteMarkersOutOfText) {
    const std::string in =
        "The General Assembly,\n\nRecalling the Convention against Transnational Organized Crime,1\n\n"
        "1. Welcomes the Agreement[^2] and the Protocol,3 and calls upon States to implement them.\n\n"
        "---\n\n[^1]: United Nations, Treaty Series, vol. 2225.\n\n[^2]: A/80/1.\n    continued here.\n\n[^3]: A/80/2.\n";
    const document doc = parse_ok(in);
    ASSERT_EQ(doc.paragraphs.size(), 2u);
    EXPECT_EQ(text_of(doc, 0), "Recalling the Convention against Transnational Organized Crime,");
    EXPECT_EQ(text_of(doc, 1), "Welcomes the Agreement and the Protocol, and calls upon States to implement them.");
    EXPECT_EQ(render_clauses(doc, doc.paragraphs[1].clauses), "welcome | call upon @States");
}

TEST(Parser, NestsSubparagraphsAndRecognizesLetterI) {
    std::string in = "The General Assembly,\n\n1. Requests the Secretary-General:\n";
    for (char c = 'a'; c <= 'h'; ++c) in += std::string("(") + c + ") To do " + c + ";\n";
    in += "(i) To do i, including:\n(i) first;\n(ii) second;\n(j) To finish.\n";
    const document doc = parse_ok(in);
    ASSERT_EQ(doc.paragraphs.size(), 1u);
    const paragraph& p = doc.paragraphs[0];
    ASSERT_EQ(p.subparagraphs.size(), 10u);
    EXPECT_EQ(p.subparagraphs[8].id, "i");
    ASSERT_EQ(p.subparagraphs[8].subparagraphs.size(), 2u);
    EXPECT_EQ(p.subparagraphs[8].subparagraphs[1].id, "ii");
    EXPECT_EQ(normalized_text(doc, p.subparagraphs[8].subparagraphs[1].text), "second;");
    EXPECT_EQ(p.subparagraphs[9].id, "j");
    EXPECT_EQ(render_clauses(doc, p.clauses), "request @the Secretary-General");
    EXPECT_EQ(normalized_text(doc, p.chapeau), "Requests the Secretary-General:");
}

TEST(Parser, AssignsLostSubparagraphLetters) {
    const std::string in = "1. We commit to:\n\nTaking effective measures;\n\nReinforcing cooperation;\n\n"
                           "2. We will act.\n";
    const document doc = parse_ok(in);
    ASSERT_EQ(doc.paragraphs.size(), 2u);
    const auto& subs = doc.paragraphs[0].subparagraphs;
    ASSERT_EQ(subs.size(), 2u);
    EXPECT_EQ(subs[0].id, "a");
    EXPECT_EQ(subs[1].id, "b");
    EXPECT_TRUE(subs[1].label_missing);
    ASSERT_EQ(doc.warnings.size(), 2u);
    EXPECT_EQ(doc.warnings[1].message, "subparagraph label missing; assigned (b)");
}

TEST(Parser, WeDeclarationWithAppositionAndSeveralSentences) {
    const std::string in =
        "1. We, the States Members of the United Nations, welcome the report, reaffirm our commitment to it "
        "and evince our support. We also will act. It is our task.\n\n2. We commit to ending poverty.\n";
    const document doc = parse_ok(in);
    ASSERT_EQ(doc.paragraphs.size(), 2u);
    EXPECT_EQ(render_clauses(doc, doc.paragraphs[0].clauses), "welcome | reaffirm | evince | will +also");
    EXPECT_EQ(doc.paragraphs[0].clauses[0].whole.of(in).substr(0, 6), "We, th");
    EXPECT_EQ(render_clauses(doc, doc.paragraphs[1].clauses), "commit to");
}

TEST(Parser, ModifiersBetweenClausesDoNotBreakTheSplit) {
    const std::string in =
        "1. Acknowledge the complexity of flows, and, in this context, call for a better understanding;\n"
        "2. Recognize all efforts; and bearing this goal in mind, further emphasize the need;\n"
        "3. Recognize the importance of efforts to assist and support migrants, and call for initiatives.\n";
    const document doc = parse_ok(in);
    ASSERT_EQ(doc.paragraphs.size(), 3u);
    EXPECT_EQ(render_clauses(doc, doc.paragraphs[0].clauses), "acknowledge | call for");
    EXPECT_EQ(render_clauses(doc, doc.paragraphs[1].clauses), "recognize | emphasize +further");
    EXPECT_EQ(render_clauses(doc, doc.paragraphs[2].clauses), "recognize | call for");
}

TEST(Parser, PhraseBeforeTheVerbAndAdverbInsideTheVerb) {
    const std::string in = "The General Assembly,\n\n1. Pending the total elimination of nuclear weapons, urges those "
                           "States to adopt policies;\n\n2. Calls once again upon all States to engage in negotiations.\n";
    const document doc = parse_ok(in);
    EXPECT_EQ(render_clauses(doc, doc.paragraphs[0].clauses), "urge @those States");
    EXPECT_EQ(render_clauses(doc, doc.paragraphs[1].clauses), "call upon +once again @all States");
}

TEST(Parser, DropsRunningHeadsAndHeadings) {
    const std::string in = "80/30. Convening of the session\n\nThe General Assembly,\n\nRecalling its resolutions,\n\n"
                           "Convening of the session\n\nReiterating its conviction,\n\nA call to action\n\n"
                           "1. Decides to convene the session.\n";
    const document doc = parse_ok(in);
    EXPECT_EQ(ids(doc), (std::vector<std::string>{"body:pp1", "body:pp2", "body:1"}));
    EXPECT_EQ(*doc.symbol, "A/RES/80/30");
    EXPECT_EQ(doc.title->of(in), "Convening of the session");
}

TEST(Parser, AnnexedDeclarationIsAPartOfItsOwn) {
    const std::string in = "The General Assembly\n\nAdopts the Declaration annexed to the present resolution.\n\n"
                           "28th plenary meeting 4 November 2025\n\nAnnex\n\nThe Doha Declaration\n\n"
                           "1. We acknowledge the need.\n2. We recognize the themes.\n";
    const document doc = parse_ok(in);
    EXPECT_EQ(ids(doc), (std::vector<std::string>{"body:1", "annex:1", "annex:2"}));
    EXPECT_EQ(doc.parts[1].title->of(in), "The Doha Declaration");
    EXPECT_EQ(render_clauses(doc, doc.paragraphs[0].clauses), "adopt");
}

TEST(Parser, FrontMatterIsMetadata) {
    const std::string in = "---\nsymbol: A/RES/80/7\ntitle: \"Report of the \\\"Agency\\\" :\"\n---\n\n"
                           "The General Assembly,\n\n1. Takes note of the report.\n";
    const document doc = parse_ok(in);
    EXPECT_EQ(*doc.symbol, "A/RES/80/7");
    EXPECT_FALSE(doc.title);
    EXPECT_EQ(*doc.title_text, "Report of the \"Agency\"");
    EXPECT_EQ(ids(doc), (std::vector<std::string>{"body:1"}));
}

TEST(Parser, LineEndsBomAndUnicodeSpaces) {
    const std::string crlf = "\xEF\xBB\xBFThe General Assembly,\r\n\r\n1. Decides\xC2\xA0to act;\r\n2. Urges States to act.\r\n";
    const document a = parse_ok(crlf);
    EXPECT_EQ(ids(a), (std::vector<std::string>{"body:1", "body:2"}));
    EXPECT_EQ(text_of(a, 0), "Decides to act;");
    const std::string cr = "The General Assembly,\r\r1. Decides to act;\r2. Urges States to act.\r";
    const document b = parse_ok(cr);
    EXPECT_EQ(ids(b), (std::vector<std::string>{"body:1", "body:2"}));
    EXPECT_EQ(render_clauses(b, b.paragraphs[1].clauses), "urge @States");
}

TEST(Parser, OddNumberingIsKeptWithWarnings) {
    const std::string in = "1) Decides to act;\n\n1 . Decides again;\n\n3. Urges States to act.\n";
    const document doc = parse_ok(in);
    EXPECT_EQ(ids(doc), (std::vector<std::string>{"body:1", "body:1-2", "body:3"}));
    ASSERT_EQ(doc.warnings.size(), 2u);
    EXPECT_EQ(doc.warnings[0].message, "paragraph 1 out of order (expected 2)");
    EXPECT_EQ(doc.warnings[1].message, "paragraph 2 missing (number lost in extraction?)");
}

// What raw PDF text and declarations bring (issue 16): each construct with its exact parse.
TEST(Parser, HeadingsRunTogetherWithTheNextNumberAreLeftOut) {
    const std::string in = "We, the Ministers,\n\n6. We recognize the value of data;\n\n"
                           "Regional cooperation 7. We call upon regions to act;\n\n"
                           "II. Means of implementation 8. We commit to pay.\n";
    const document doc = parse_ok(in);
    EXPECT_EQ(ids(doc), (std::vector<std::string>{"body:6", "body:7", "body:8"}));
    EXPECT_EQ(text_of(doc, 1), "We call upon regions to act;");
    EXPECT_EQ(text_of(doc, 2), "We commit to pay.");
    EXPECT_EQ(render_clauses(doc, doc.paragraphs[1].clauses), "call upon @regions");
    ASSERT_EQ(doc.warnings.size(), 1u);  // 6 is the first number
    EXPECT_EQ(doc.warnings[0].message, "paragraph 6 out of order (expected 1)");
}

TEST(Parser, ANumberLostInExtractionIsNamed) {
    const std::string in = "The General Assembly,\n\n1. Decides to act; 2 Urges States to act;\n\n3. Requests a report.\n\n"
                           "6. Decides to remain seized of the matter.\n";
    const document doc = parse_ok(in);
    EXPECT_EQ(ids(doc), (std::vector<std::string>{"body:1", "body:3", "body:6"}));
    ASSERT_EQ(doc.warnings.size(), 2u);
    EXPECT_EQ(doc.warnings[0].message, "paragraph 2 missing (number lost in extraction?)");
    EXPECT_EQ(doc.warnings[1].message, "paragraphs 4 and 5 missing (numbers lost in extraction?)");
}

TEST(Parser, ANumberedListInsideAParagraphIsItsItems) {
    const std::string in = "We, the Ministers,\n\n15. We recognize the value of data;\n\n"
                           "16. We commit to the following objectives:\n\n1. Collect and utilize accurate data\n\n"
                           "2. Minimize the adverse drivers\n\n3. Provide accurate information\n\n17. We call upon States to act.\n";
    const document doc = parse_ok(in);
    EXPECT_EQ(ids(doc), (std::vector<std::string>{"body:15", "body:16", "body:17"}));
    const paragraph& p = doc.paragraphs[1];
    ASSERT_EQ(p.subparagraphs.size(), 3u);
    EXPECT_EQ(p.subparagraphs[0].id, "1");
    EXPECT_EQ(normalized_text(doc, p.subparagraphs[2].text), "Provide accurate information");
    EXPECT_EQ(render_clauses(doc, p.clauses), "commit to");
    // items that close with a semicolon, or no outer number after them, are paragraphs
    const std::string semicolons = "We, the Ministers,\n\n15. We note;\n\n16. We commit to:\n\n1. Collect data;\n\n"
                                   "2. Share data;\n\n17. We act.\n";
    EXPECT_EQ(ids(parse_ok(semicolons)),
              (std::vector<std::string>{"body:15", "body:16", "body:1", "body:2", "body:17"}));
}

TEST(Parser, AnnexAndItsTitleOnOneLine) {
    const std::string in = "The General Assembly,\n\n1. Adopts the declaration annexed.\n\n"
                           "Annex Political declaration on road safety\n\nWe, the Ministers,\n\n1. We commit to act.\n";
    const document doc = parse_ok(in);
    ASSERT_EQ(doc.parts.size(), 2u);
    EXPECT_EQ(normalized_text(doc, *doc.parts[1].title), "Political declaration on road safety");
    EXPECT_EQ(ids(doc), (std::vector<std::string>{"body:1", "annex:1"}));
}

TEST(Parser, ArticlesNumberTheirOwnParagraphs) {
    const std::string in = "The General Assembly,\n\n1. Adopts the Convention annexed.\n\nAnnex\n\n"
                           "Convention on Settlement\n\nArticle 1\nScope of application\n\n1. This Convention applies to agreements.\n"
                           "2. It does not apply to contracts.\n\nArticle 2\n\nStates shall respect the rights of the parties.\n\n"
                           "Article 3\nDefinitions\n\n1. For the purposes of this Convention:\n(a) A party is a State;\n";
    const document doc = parse_ok(in);
    EXPECT_EQ(ids(doc), (std::vector<std::string>{"body:1", "annex:1.1", "annex:1.2", "annex:2", "annex:3.1"}));
    EXPECT_EQ(text_of(doc, 3), "States shall respect the rights of the parties.");
    EXPECT_TRUE(doc.warnings.empty());
    // the article paragraphs state rules: their main clauses are statements
    const clause& c = doc.paragraphs[3].clauses.at(0);
    EXPECT_TRUE(c.statement);
    EXPECT_EQ(doc.text(c.phrase), "shall respect");
    EXPECT_EQ(c.strength, -1);
    EXPECT_FALSE(c.in_lexicon);
    EXPECT_EQ(normalized_text(doc, c.object), "the rights of the parties");
}

TEST(Parser, UnnumberedParagraphsBesideNumberedOnesAndLeadIns) {
    const std::string in = "The General Assembly,\n\nAdopts the declaration annexed.\n\nAnnex\n\nWe, ministers, assembled on 30 June:\n\n"
                           "Recognize that road safety is a priority;\n\nRecall our resolutions;\n\n"
                           "Commit to the following actions:\n\n1. Drive the implementation of the Plan;\n\n"
                           "2. Develop national plans;\n\nAs a follow-up, we:\n\n3. Request a report.\n";
    const document doc = parse_ok(in);
    EXPECT_EQ(ids(doc), (std::vector<std::string>{"body:1", "annex:u1", "annex:u2", "annex:u3", "annex:1", "annex:2",
                                                  "annex:u4", "annex:3"}));
    EXPECT_EQ(render_clauses(doc, doc.paragraphs[4].clauses), "drive");
    EXPECT_EQ(doc.paragraphs[4].clauses[0].strength, 5);
    // a part that numbers none keeps "1", "2"
    EXPECT_EQ(ids(parse_ok("The General Assembly,\n\nAdopts the declaration.\n")), (std::vector<std::string>{"body:1"}));
}

TEST(Parser, FurnitureBeforeTheFirstBlockOfAFallBack) {
    const document doc = parse_ok("*2014566*\nsome words\nmore words\n");
    EXPECT_EQ(ids(doc), (std::vector<std::string>{"body:1"}));
    EXPECT_EQ(text_of(doc, 0), "some words more words");
}

TEST(Parser, ANumberedTitleWrappedOverLines) {
    const std::string in = "Agenda item 77\n\n 72/249. International legally binding instrument under the United Nations \n"
                           "Convention on the Law of the Sea \n\nThe General Assembly,\n\n1. Decides to convene a conference.\n";
    const document doc = parse_ok(in);
    EXPECT_EQ(normalized_text(doc, *doc.title),
              "International legally binding instrument under the United Nations Convention on the Law of the Sea");
    EXPECT_EQ(*doc.symbol, "A/RES/72/249");
    EXPECT_EQ(ids(doc), (std::vector<std::string>{"body:1"}));
}

TEST(Parser, AFormulaOverSeveralLines) {
    const std::string in = "We, Heads of State and Government and representatives of States and\n"
                           "Governments, assembled at the United Nations on 23 September 2019, and in\n"
                           "this regard we:\n\n1. Reaffirm the right of every human being;\n";
    const document doc = parse_ok(in);
    EXPECT_TRUE(doc.warnings.empty());
    EXPECT_TRUE(normalized_text(doc, *doc.parts[0].formula).ends_with("and in this regard we:"));
    EXPECT_EQ(ids(doc), (std::vector<std::string>{"body:1"}));
}

TEST(Parser, StatementsGetTheirMainClause) {
    struct statement_case {
        std::string paragraph, verb, object;
    };
    const statement_case cases[] = {
        {"Progress has been made in reducing poverty.", "has been made", "in reducing poverty"},
        {"Migration remains a source of prosperity;", "remains", "a source of prosperity"},
        {"Sustainable development cannot be realized without peace.", "cannot be realized", "without peace"},
        {"Although great strides have been made, challenges remain.", "remain", ""},
        {"Processes that may affect peasants shall be transparent.", "shall be", "transparent"},
        {"The 2030 Agenda is our promise to the children.", "is", "our promise to the children"},
    };
    for (const auto& c : cases) {
        const document doc = parse_ok("We, the Ministers,\n\n1. " + c.paragraph + "\n");
        ASSERT_EQ(doc.paragraphs.at(0).clauses.size(), 1u) << c.paragraph;
        const clause& got = doc.paragraphs[0].clauses[0];
        EXPECT_TRUE(got.statement) << c.paragraph;
        EXPECT_EQ(normalized_text(doc, got.phrase), c.verb) << c.paragraph;
        EXPECT_EQ(normalized_text(doc, got.object), c.object) << c.paragraph;
    }
    // a noun phrase without a verb has none
    EXPECT_TRUE(parse_ok("We, the Ministers,\n\n1. The report of the Secretary-General.\n").paragraphs.at(0).clauses.empty());
}

TEST(Parser, SubparagraphsOpeningWithWeGetClauses) {
    const std::string in = "We, the Ministers,\n\n38. We are determined to act. To this end:\n\n(a)\n"
                           "We commit to taking measures to eradicate poverty;\n\n(b) We will accelerate actions;\n";
    const document doc = parse_ok(in);
    const paragraph& p = doc.paragraphs.at(0);
    ASSERT_EQ(p.subparagraphs.size(), 2u);
    EXPECT_EQ(render_clauses(doc, p.subparagraphs[0].clauses), "commit to");
    EXPECT_EQ(render_clauses(doc, p.subparagraphs[1].clauses), "will");
}

TEST(Parser, RepeatedNumbersGetSuffixesInOrder) {
    std::string in;
    for (int k = 0; k < 3000; ++k) in += "1. Decides to act.\n\n";
    const document doc = parse_ok(in);
    ASSERT_EQ(doc.paragraphs.size(), 3000u);
    EXPECT_EQ(doc.paragraphs[1].id, "1-2");
    EXPECT_EQ(doc.paragraphs.back().id, "1-3000");
}

TEST(Parser, HundredThousandNumberedParagraphs) {
    std::string in = "The General Assembly,\n\n";
    for (int k = 1; k <= 100000; ++k) in += std::to_string(k) + ". Urges States to act on item " + std::to_string(k) + ";\n";
    const document doc = parse_ok(in);
    ASSERT_EQ(doc.paragraphs.size(), 100000u);
    EXPECT_EQ(doc.paragraphs.back().id, "100000");
    EXPECT_EQ(render_clauses(doc, doc.paragraphs.back().clauses), "urge @States");
    EXPECT_TRUE(doc.warnings.empty());
}

TEST(Parser, FiftyMegabytesWithoutANewline) {
    std::string in;
    in.reserve(50'000'000);
    while (in.size() < 50'000'000) in += "and reaffirm the need to promote conditions for cheaper transfers, ";
    const document doc = parse_ok(in);
    ASSERT_EQ(doc.paragraphs.size(), 1u);  // one block: no numbers, no openers
    EXPECT_EQ(doc.paragraphs[0].text.size(), in.size() - 1);  // the final space trimmed
    EXPECT_EQ(doc.warnings.size(), 1u);
}

TEST(Parser, RightToLeftText) {
    // Arabic and Hebrew quoted inside English paragraphs, and a paragraph wholly in Arabic
    const std::string in = "The General Assembly,\n\n1. Welcomes the report entitled \xE2\x80\x9C\xD8\xA7\xD9\x84\xD9\x87\xD8\xAC\xD8\xB1\xD8\xA9\xE2\x80\x9D"
                           " (\xD7\x94\xD7\x92\xD7\x99\xD7\xA8\xD7\x94);\n\n2. \xD9\x8A\xD8\xB1\xD8\xAD\xD8\xA8 \xD8\xA8\xD8\xA7\xD9\x84\xD8\xAA\xD9\x82\xD8\xB1\xD9\x8A\xD8\xB1.\n";
    const document doc = parse_ok(in);
    EXPECT_EQ(ids(doc), (std::vector<std::string>{"body:1", "body:2"}));
    EXPECT_EQ(render_clauses(doc, doc.paragraphs[0].clauses), "welcome");
    EXPECT_TRUE(doc.paragraphs[1].clauses.empty());
    EXPECT_EQ(text_of(doc, 1), "\xD9\x8A\xD8\xB1\xD8\xAD\xD8\xA8 \xD8\xA8\xD8\xA7\xD9\x84\xD8\xAA\xD9\x82\xD8\xB1\xD9\x8A\xD8\xB1.");
}

TEST(Parser, TextWithoutParagraphsFallsBackToBlocks) {
    const std::string in = "Some notes about migration\nthat run on.\n\nA second block.\n";
    const document doc = parse_ok(in);
    EXPECT_EQ(ids(doc), (std::vector<std::string>{"body:1", "body:2"}));
    EXPECT_EQ(text_of(doc, 0), "Some notes about migration that run on.");
    ASSERT_EQ(doc.warnings.size(), 1u);
    EXPECT_EQ(doc.warnings[0].message, "no numbered or preambular paragraphs found; blank-line blocks taken as paragraphs");
}

// Found by mutating real files under the sanitizer build: a footnote marker removed just before a
// comma between digits made the tokenizer emit empty tokens forever.
TEST(Parser, FootnoteBeforeACommaBetweenDigitsTerminates) {
    const std::string in = "1. Welcomes the Agreement,1,2 and the Protocol.\n\n---\n\n[^1]: A/80/1.\n";
    const document doc = parse_ok(in);
    ASSERT_EQ(doc.paragraphs.size(), 1u);
    EXPECT_EQ(text_of(doc, 0), "Welcomes the Agreement,,2 and the Protocol.");
}

// X3 asserts that characters are in 0..255; UTF-8 bytes reach every rule here (Debug builds abort on failure).
TEST(Parser, NonAsciiBytesAtEveryRule) {
    const std::string in = "---\ntitl\xC3\xA9: x\n---\n\xC3\x89ighty session \xE2\x80\x9C\n\nThe General Assembly,\n\n"
                           "\xC3\x89tant donn\xC3\xA9,\n\n1. D\xC3\xA9" "cide \xC3\xA9;\n(\xC3\xA9) x;\n\n"
                           "2. Urges \xC3\x89tats to act \xE2\x80\x94 now.\n\nAnnex \xC3\xA9\n\n3\xC2\xA0. We \xC3\xA9 it.\n";
    const document doc = parse_ok(in);
    ASSERT_EQ(doc.paragraphs.size(), 2u);
    EXPECT_EQ(render_clauses(doc, doc.paragraphs[1].clauses), "urge @\xC3\x89tats");
}

// A preambular paragraph's clause runs to its last word: past trailing spaces, not over a footnote marker.
TEST(Parser, PreambularClauseEndsBeforeATrailingFootnoteMarker) {
    const std::string in = "The General Assembly,\n\nRecalling its resolution 68/4,1 \xC2\xA0\n\n"
                           "Noting with concern the report [^2]\n\n1. Decides to act.\n\n---\n\n[^1]: A/68/L.5.\n[^2]: A/80/1.\n";
    const document doc = parse_ok(in);
    ASSERT_EQ(doc.paragraphs.size(), 3u);
    ASSERT_EQ(doc.paragraphs[0].clauses.size(), 1u);
    const clause& recalling = doc.paragraphs[0].clauses[0];
    EXPECT_EQ(recalling.verb, "recall");
    EXPECT_EQ(recalling.whole.of(in), "Recalling its resolution 68/4");
    EXPECT_EQ(recalling.object.of(in), "its resolution 68/4");
    const clause& noting = doc.paragraphs[1].clauses.at(0);
    EXPECT_EQ(noting.verb, "note with concern");
    EXPECT_EQ(noting.object.of(in), "the report");
}

TEST(Parser, SymbolFromTheFileNameWhenTheTextHasNone) {
    const document doc = parse_ok("1. Decides to act.\n", "some/dir/A_RES_80_12.md");
    EXPECT_EQ(*doc.symbol, "A/RES/80/12");
}

// parse_document reuses the thread's structural index from parse to parse, and gives it back after a
// text whose index holds more than 16 MB (6/8 of the text: 24 MB here): what was parsed before, shorter,
// longer or past what is kept, changes nothing of a parse.
TEST(Parser, ATextParsesTheSameWhateverWasParsedBefore) {
    const std::string text = "The General Assembly,\n\nRecalling its resolution 68/4,[^1]\n\n"
                             "1. Calls upon States, and strongly urges (\"all\") parties, to act;2\n\n"
                             "2. Decides to remain seized of the matter.\n\n---\n[^1]: Ibid.\n[^2]: Ibid.\n";
    const std::string first = report::parse_json(parse_document(text, "a.md").value());
    const bool reused = detail::kept_index_bytes() > 0;  // false in sanitizer builds: a fresh index each parse
    std::string longer;
    while (longer.size() < 200'000) longer += text.substr(0, text.find("---"));
    const std::string huge = "1. Decides " + std::string(std::size_t{24} << 20, 'x') + ".\n";
    ASSERT_TRUE(parse_document(longer, "b.md").ok());
    EXPECT_EQ(detail::kept_index_bytes() >= longer.size() / 2, reused);
    EXPECT_EQ(report::parse_json(parse_document(text, "a.md").value()), first);
    ASSERT_TRUE(parse_document(huge, "c.md").ok());
    EXPECT_EQ(detail::kept_index_bytes(), 0u);  // given back
    EXPECT_EQ(report::parse_json(parse_document(text, "a.md").value()), first);
    EXPECT_EQ(detail::kept_index_bytes() > 0, reused);
}

}  // namespace
}  // namespace resdraft::grammar
