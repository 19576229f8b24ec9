// The .docx reader: small Word files built here, their exact text and their exact parse.
#include "readers/docx.hpp"

#include "grammar/parser.hpp"
#include "readers/builders.hpp"
#include "readers/detail/numbering.hpp"
#include "test_support.hpp"

namespace resdraft::readers {
namespace {

using testing::make_docx;
using testing::numbered;
using testing::para;
using testing::wordml_part;

read_document read_ok(const std::string& bytes, const read_options& options = {}) {
    auto r = read_docx(bytes, "draft.docx", options);
    if (auto* e = std::get_if<read_error>(&r)) {
        ADD_FAILURE() << "read failed: " << e->message;
        return {};
    }
    return std::get<read_document>(std::move(r));
}

std::string text_of(const std::string& bytes, const read_options& options = {}) {
    const auto d = read_ok(bytes, options);
    return d.source ? std::string(d.source->bytes()) : "";
}

std::string error_of(const std::string& bytes, const read_options& options = {}) {
    auto r = read_docx(bytes, "draft.docx", options);
    if (auto* e = std::get_if<read_error>(&r)) return e->message;
    return "(read: " + std::string(std::get<read_document>(r).source->bytes()) + ")";
}

// "id: verbs" of every paragraph and subparagraph, in order, indented by depth.
std::string outline(const grammar::document& doc) {
    std::string out;
    const auto subs = [&](const auto& self, const std::vector<grammar::subparagraph>& list, const std::string& indent) -> void {
        for (const auto& s : list) {
            out += indent + "(" + s.id + ") " + testing::render_clauses(doc, s.clauses) + "\n";
            self(self, s.subparagraphs, indent + "  ");
        }
    };
    for (const auto& p : doc.paragraphs) {
        out += p.id + ": " + testing::render_clauses(doc, p.clauses) + "\n";
        subs(subs, p.subparagraphs, "  ");
    }
    return out;
}

// Operative paragraphs as list level 0 ("1."), subparagraphs level 1 ("(a)"), and under them level 2 ("(i)").
const std::string un_numbering = wordml_part("numbering",
    "<w:abstractNum w:abstractNumId=\"7\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"(%2)\"/></w:lvl>"
    "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerRoman\"/><w:lvlText w:val=\"(%3)\"/></w:lvl>"
    "<w:lvl w:ilvl=\"3\"><w:start w:val=\"1\"/><w:numFmt w:val=\"upperRoman\"/><w:lvlText w:val=\"%4.\"/><w:suff w:val=\"space\"/></w:lvl>"
    "</w:abstractNum>"
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"7\"/></w:num>"
    // the annex's list: the same abstract list, restarted at 1
    "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"7\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>");

TEST(DocxReader, RebuildsAutomaticNumbering) {
    const std::string body = para("The General Assembly,") + para("Recalling its resolution 68/4,") +
                             para("Recognizes that migration is a multidimensional reality;", numbered(1)) +
                             para("Requests the Secretary-General:", numbered(1)) +
                             para("To continue assessing the progress made;", numbered(1, 1)) +
                             para("To report, including on:", numbered(1, 1)) +
                             para("The contribution of migrants to development;", numbered(1, 2)) +
                             para("Good practices in lowering the costs of remittances;", numbered(1, 2)) +
                             para("To consider migration issues;", numbered(1, 1)) +
                             para("Invites Member States:", numbered(1)) +
                             para("To cooperate;", numbered(1, 1)) +  // (a) again: a higher level restarted it
                             para("Decides to remain seized of the matter.", numbered(1)) + para("Annex") +
                             para("Recognize the contribution of migrants;", numbered(2)) + para("Commit to act;", numbered(2));
    const auto bytes = make_docx(body, {{"word/numbering.xml", un_numbering}});
    EXPECT_EQ(text_of(bytes),
              "The General Assembly,\n\nRecalling its resolution 68/4,\n\n"
              "1. Recognizes that migration is a multidimensional reality;\n\n"
              "2. Requests the Secretary-General:\n\n(a) To continue assessing the progress made;\n\n"
              "(b) To report, including on:\n\n(i) The contribution of migrants to development;\n\n"
              "(ii) Good practices in lowering the costs of remittances;\n\n(c) To consider migration issues;\n\n"
              "3. Invites Member States:\n\n(a) To cooperate;\n\n4. Decides to remain seized of the matter.\n\nAnnex\n\n"
              "1. Recognize the contribution of migrants;\n\n2. Commit to act;\n");
    const auto doc = read_ok(bytes);
    auto parsed = grammar::parse_document(doc.source);
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(outline(parsed.value()),
              "pp1: recall\n"
              "1: recognize\n"
              "2: request @the Secretary-General\n"
              "  (a) \n"
              "  (b) \n"
              "    (i) \n"
              "    (ii) \n"
              "  (c) \n"
              "3: invite @Member States\n"
              "  (a) \n"
              "4: decide\n"
              "1: recognize\n"
              "2: commit to\n");
    EXPECT_EQ(parsed.value().parts.size(), 2u);
}

TEST(DocxReader, NumberingThroughAParagraphStyle) {
    const auto styles = wordml_part("styles",
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"ListNumber\"><w:basedOn w:val=\"Normal\"/><w:pPr>" + numbered(1) + "</w:pPr></w:style>"
        "<w:style w:type=\"paragraph\" w:styleId=\"UNOperative\"><w:basedOn w:val=\"ListNumber\"/></w:style>");
    const std::string body = para("Urges States to act;", "<w:pStyle w:val=\"UNOperative\"/>") +
                             para("Decides to remain seized.", "<w:pStyle w:val=\"ListNumber\"/>") +
                             para("Not numbered: numbering removed.", "<w:pStyle w:val=\"ListNumber\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr>");
    EXPECT_EQ(text_of(make_docx(body, {{"word/numbering.xml", un_numbering}, {"word/styles.xml", styles}})),
              "1. Urges States to act;\n\n2. Decides to remain seized.\n\nNot numbered: numbering removed.\n");
}

TEST(DocxReader, LevelThatNeverRestartsAndLegalNumbers) {
    const auto numbering = wordml_part("numbering",
        "<w:abstractNum w:abstractNumId=\"0\">"
        "<w:lvl w:ilvl=\"0\"><w:start w:val=\"5\"/><w:numFmt w:val=\"upperLetter\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
        "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.%2\"/><w:lvlRestart w:val=\"0\"/>"
        "<w:isLgl/><w:suff w:val=\"nothing\"/></w:lvl>"
        "</w:abstractNum><w:num w:numId=\"3\"><w:abstractNumId w:val=\"0\"/></w:num>");
    const std::string body = para("Alpha", numbered(3)) + para(" one", numbered(3, 1)) + para("Beta", numbered(3)) +
                             para(" two", numbered(3, 1));
    EXPECT_EQ(text_of(make_docx(body, {{"word/numbering.xml", numbering}})), "E. Alpha\n\n5.1 one\n\nF. Beta\n\n6.2 two\n");
}

TEST(DocxNumbering, FormatsNumbersAsWordDoes) {
    using detail::format_number;
    EXPECT_EQ(format_number(4, "lowerRoman"), "iv");
    EXPECT_EQ(format_number(1994, "upperRoman"), "MCMXCIV");
    EXPECT_EQ(format_number(4000, "upperRoman"), "4000");
    EXPECT_EQ(format_number(26, "lowerLetter"), "z");
    EXPECT_EQ(format_number(27, "lowerLetter"), "aa");
    EXPECT_EQ(format_number(54, "upperLetter"), "BBB");
    EXPECT_EQ(format_number(0, "lowerLetter"), "0");
    EXPECT_EQ(format_number(7, "decimalZero"), "07");
    EXPECT_EQ(format_number(12, "ordinalText"), "12");
    EXPECT_EQ(format_number(3, "bullet"), "");
}

TEST(DocxNumbering, BulletsAndUnknownListsHaveNoLabel) {
    detail::list_numbering n;
    detail::abstract_list bullets;
    bullets.levels[0].format = "bullet";
    bullets.levels[0].text = "\xEF\x82\xB7";
    n.abstracts[0] = bullets;
    n.instances[1].abstract_id = 0;
    EXPECT_EQ(n.next_label(1, 0), "");
    EXPECT_EQ(n.next_label(9, 0), "");   // no such w:num
    EXPECT_EQ(n.next_label(1, 12), "");  // no such level
}

// A draft in its second round: two verbs weakened, a paragraph inserted, one moved, a paragraph mark deleted.
std::string tracked_draft() {
    const auto del = [](std::string_view t) {
        return "<w:del w:id=\"1\" w:author=\"A\"><w:r><w:delText xml:space=\"preserve\">" + std::string(t) + "</w:delText></w:r></w:del>";
    };
    const auto ins = [](std::string_view t) {
        return "<w:ins w:id=\"2\" w:author=\"A\"><w:r><w:t xml:space=\"preserve\">" + std::string(t) + "</w:t></w:r></w:ins>";
    };
    const auto run = [](std::string_view t) { return "<w:r><w:t xml:space=\"preserve\">" + std::string(t) + "</w:t></w:r>"; };
    const std::string p = "<w:p><w:pPr>" + numbered(1);
    return p + "</w:pPr>" + del("Strongly condemns") + ins("Condemns") + run(" the acts of racism against migrants;") + "</w:p>" +
           // a paragraph inserted whole: its runs and its mark
           p + "<w:rPr><w:ins w:id=\"3\" w:author=\"A\"/></w:rPr></w:pPr>" + ins("Encourages States to cooperate;") + "</w:p>" +
           p + "</w:pPr>" + del("Urges") + ins("Invites") + run(" Member States to ratify the Convention") +
           "<w:moveFrom w:id=\"4\" w:author=\"A\"><w:r><w:t xml:space=\"preserve\"> without delay</w:t></w:r></w:moveFrom>" + run(";") + "</w:p>" +
           // the mark of this paragraph deleted: it joins the next one
           p + "<w:rPr><w:del w:id=\"5\" w:author=\"A\"/></w:rPr></w:pPr>" + run("Decides to continue ") + "</w:p>" +
           p + "</w:pPr>" + run("the consideration of the question") +
           "<w:moveTo w:id=\"6\" w:author=\"A\"><w:r><w:t xml:space=\"preserve\"> without delay</w:t></w:r></w:moveTo>" + run(".") + "</w:p>";
}

TEST(DocxReader, TrackedChangesAcceptedByDefault) {
    const auto bytes = make_docx(tracked_draft(), {{"word/numbering.xml", un_numbering}});
    EXPECT_EQ(text_of(bytes),
              "1. Condemns the acts of racism against migrants;\n\n2. Encourages States to cooperate;\n\n"
              "3. Invites Member States to ratify the Convention;\n\n"
              "4. Decides to continue the consideration of the question without delay.\n");
    auto parsed = grammar::parse_document(read_ok(bytes).source);
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(outline(parsed.value()), "1: condemn\n2: encourage @States\n3: invite @Member States\n4: decide\n");
}

TEST(DocxReader, TrackedChangesRejected) {
    read_options original;
    original.tracked = tracked_changes::original;
    const auto bytes = make_docx(tracked_draft(), {{"word/numbering.xml", un_numbering}});
    EXPECT_EQ(text_of(bytes, original),
              "1. Strongly condemns the acts of racism against migrants;\n\n"
              "2. Urges Member States to ratify the Convention without delay;\n\n"
              "3. Decides to continue \n\n4. the consideration of the question.\n");
    auto parsed = grammar::parse_document(read_ok(bytes, original).source);
    ASSERT_TRUE(parsed.ok());
    // "4. the consideration ..." opens in lower case: the parser reads it as the rest of paragraph 3, as it
    // reads a number that PDF extraction put before a line's continuation
    EXPECT_EQ(outline(parsed.value()), "1: condemn +strongly\n2: urge @Member States\n3: decide\n");
}

TEST(DocxReader, OriginalNumberingFromReplacedProperties) {
    // the paragraph was numbered before the change; the change removed its numbering
    const std::string body = para("Urges States to act;", numbered(1)) +
                             "<w:p><w:pPr><w:pPrChange w:id=\"1\" w:author=\"A\"><w:pPr>" + numbered(1) +
                             "</w:pPr></w:pPrChange></w:pPr><w:r><w:t>Decides to remain seized.</w:t></w:r></w:p>";
    const auto bytes = make_docx(body, {{"word/numbering.xml", un_numbering}});
    EXPECT_EQ(text_of(bytes), "1. Urges States to act;\n\nDecides to remain seized.\n");
    read_options original;
    original.tracked = tracked_changes::original;
    EXPECT_EQ(text_of(bytes, original), "1. Urges States to act;\n\n2. Decides to remain seized.\n");
}

TEST(DocxReader, FootnotesListedAndKeptOutOfTheText) {
    const auto footnotes = wordml_part("footnotes",
        "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
        "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
        "<w:footnote w:id=\"1\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> A/81/100.</w:t></w:r></w:p></w:footnote>"
        "<w:footnote w:id=\"2\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> Resolution 68/4.</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Second paragraph.</w:t></w:r></w:p></w:footnote>");
    const auto endnotes = wordml_part("endnotes",
        "<w:endnote w:id=\"4\"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> An endnote.</w:t></w:r></w:p></w:endnote>");
    const std::string body =
        "<w:p><w:r><w:t>Recalling its resolution 68/4,</w:t></w:r><w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr>"
        "<w:footnoteReference w:id=\"2\"/></w:r></w:p>"
        "<w:p><w:r><w:t>Having considered the report of the Secretary-General,</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r>"
        "<w:r><w:endnoteReference w:id=\"4\"/></w:r></w:p>";
    const auto d = read_ok(make_docx(body, {{"word/footnotes.xml", footnotes}, {"word/endnotes.xml", endnotes}}));
    ASSERT_TRUE(d.source);
    EXPECT_EQ(d.source->bytes(), "Recalling its resolution 68/4,\n\nHaving considered the report of the Secretary-General,\n");
    ASSERT_EQ(d.notes.size(), 3u);
    EXPECT_EQ(d.notes[0].kind, "footnote");
    EXPECT_EQ(d.notes[0].number, 1u);
    EXPECT_EQ(d.notes[0].text, "Resolution 68/4. Second paragraph.");
    EXPECT_EQ(d.notes[0].offset, 30u);  // right after "68/4,"
    EXPECT_EQ(d.notes[0].paragraph, 1u);
    EXPECT_EQ(d.notes[1].number, 2u);
    EXPECT_EQ(d.notes[1].text, "A/81/100.");
    EXPECT_EQ(d.notes[1].offset, 86u);  // after "Secretary-General,"
    EXPECT_EQ(d.notes[1].paragraph, 2u);
    EXPECT_EQ(d.notes[2].kind, "endnote");
    EXPECT_EQ(d.notes[2].number, 1u);
    EXPECT_EQ(d.notes[2].text, "An endnote.");
}

TEST(DocxReader, LeavesOutHeadersCommentsHiddenTextAndTextBoxes) {
    const auto header = wordml_part("hdr", "<w:p><w:r><w:t>A/81/L.1 RUNNING HEAD</w:t></w:r></w:p>");
    const auto comments = wordml_part("comments", "<w:comment w:id=\"0\"><w:p><w:r><w:t>Too strong?</w:t></w:r></w:p></w:comment>");
    const std::string body =
        "<w:p><w:commentRangeStart w:id=\"0\"/><w:r><w:t>Urges</w:t></w:r><w:commentRangeEnd w:id=\"0\"/>"
        "<w:r><w:commentReference w:id=\"0\"/></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN</w:t></w:r>"
        "<w:r><w:t xml:space=\"preserve\"> States</w:t></w:r>"
        "<w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>TEXT BOX</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r>"
        "<w:r><w:tab/><w:t>to</w:t><w:br/><w:t>act;</w:t><w:noBreakHyphen/><w:fldChar w:fldCharType=\"begin\"/>"
        "<w:instrText>PAGE</w:instrText></w:r></w:p>"
        "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId9\" xmlns:r=\"r\"/></w:sectPr>";
    EXPECT_EQ(text_of(make_docx(body, {{"word/header1.xml", header}, {"word/comments.xml", comments}})),
              "Urges States to\nact;\u2011\n");
}

TEST(DocxReader, TablesAreReadCellByCellAndDeletedRowsLeftOut) {
    const std::string body = "<w:tbl><w:tr><w:tc>" + para("Cell one") + "</w:tc><w:tc>" + para("Cell two") + "</w:tc></w:tr>" +
                             "<w:tr><w:trPr><w:del w:id=\"1\" w:author=\"A\"/></w:trPr><w:tc>" + para("Row deleted") + "</w:tc></w:tr></w:tbl>";
    EXPECT_EQ(text_of(make_docx(body)), "Cell one\n\nCell two\n");
}

TEST(DocxReader, AnchorsGiveEachParagraphItsWordParagraph) {
    const std::string body = para("The General Assembly,") + para("") + para("Urges States to act;", numbered(1));
    const auto d = read_ok(make_docx(body, {{"word/numbering.xml", un_numbering}}));
    ASSERT_TRUE(d.source);
    EXPECT_EQ(d.source->kind(), grammar::origin_kind::docx);
    EXPECT_EQ(d.source->bytes(), "The General Assembly,\n\n1. Urges States to act;\n");
    EXPECT_EQ(d.source->place(0), 1u);
    EXPECT_EQ(d.source->place(21), 1u);
    EXPECT_EQ(d.source->place(23), 3u);  // the empty second w:p wrote nothing
    EXPECT_EQ(d.source->place(30), 3u);
    // "Urges" is the text of the third w:p's w:t in word/document.xml
    const std::string xml = testing::document_xml(body);
    EXPECT_EQ(xml.substr(d.source->original_offset(26), 5), "Urges");
    EXPECT_EQ(xml.substr(d.source->original_offset(4), 7), "General");
}

TEST(DocxReader, NamespacePrefixIsTheRootsNotAlwaysW) {
    const std::string xml = "<?xml version=\"1.0\"?><doc:document xmlns:doc=\"" + std::string(testing::wordml) +
                            "\"><doc:body><doc:p><doc:r><doc:t>Decides to act.</doc:t></doc:r></doc:p>"
                            "<w:p xmlns:w=\"other\"><w:r><w:t>not WordprocessingML</w:t></w:r></w:p></doc:body></doc:document>";
    EXPECT_EQ(text_of(testing::make_zip({{"word/document.xml", xml}})), "Decides to act.\n");
}

TEST(DocxReader, RefusesDamagedAndHostileFiles) {
    const auto good = make_docx(para("Decides to act."));
    EXPECT_EQ(error_of(good.substr(0, good.size() / 2)), "damaged zip archive: not a zip archive");
    EXPECT_EQ(error_of(std::string("PK\x03\x04", 4) + std::string(100, 'x')), "damaged zip archive: not a zip archive");
    EXPECT_EQ(error_of(testing::make_zip({{"notes.txt", "hello"}})), "not a Word document: no word/document.xml");
    EXPECT_EQ(error_of(testing::make_zip({{"word/document.xml", "<w:document><w:body><w:p></w:body></w:document>"}})),
              "word/document.xml: XML error: start-end tags mismatch (byte 27 of word/document.xml)");
    EXPECT_EQ(error_of(testing::make_zip({{"word/document.xml", "<w:document>\xFF</w:document>"}})),
              "word/document.xml: not UTF-8 XML: invalid UTF-8 (unexpected byte 0xFF) (byte 12 of word/document.xml)");
    EXPECT_EQ(error_of(testing::make_zip({{"word/document.xml", testing::document_xml(para(" ") + para(""))}})),
              "no text: the document's paragraphs are empty");
    // a part that packs 2 MiB of one character into a few KiB
    EXPECT_EQ(error_of(testing::make_zip({{"word/document.xml", testing::document_xml(para(std::string(2 << 20, 'a')))}})),
              "word/document.xml: unpacks to 200 or more times its packed size, the cap on a .docx's parts: a zip bomb?");
    // content nested deeper than the walk goes (its recursion is bounded, not the stack)
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "<w:hyperlink>";
    deep += "<w:r><w:t>x</w:t></w:r>";
    for (int i = 0; i < 100000; ++i) deep += "</w:hyperlink>";
    const auto stored = testing::make_zip({{"word/document.xml", testing::document_xml("<w:p>" + deep + "</w:p>")}}, true);
    EXPECT_EQ(error_of(stored), "word/document.xml: elements nested more than 256 deep");
    read_options small;
    small.limits.max_unpacked = 1000;
    EXPECT_EQ(error_of(make_docx(para(std::string(1000, 'a'))), small),
              "word/document.xml unpacks to more than 1000 bytes, the cap on a .docx's parts: a zip bomb?");
}

// A part whose declared size is a lie (patched to 10 bytes in both headers) is still capped as it unpacks.
TEST(DocxReader, CapsWhatAPartUnpacksToNotWhatItDeclares) {
    std::string zip = testing::make_zip({{"word/document.xml", testing::document_xml(para(std::string(5000, 'a')))}});
    const auto patch = [&](std::size_t at) { zip[at] = 10, zip[at + 1] = 0, zip[at + 2] = 0, zip[at + 3] = 0; };
    patch(22);                                         // the local header's uncompressed size
    patch(zip.rfind(std::string("PK\x01\x02", 4)) + 24);  // the central directory's
    read_options small;
    small.limits.max_unpacked = 1000;
    EXPECT_EQ(error_of(zip, small), "word/document.xml unpacks to more than 1000 bytes, the cap on a .docx's parts: a zip bomb?");
}

}  // namespace
}  // namespace resdraft::readers
