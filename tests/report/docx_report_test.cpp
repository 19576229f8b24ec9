// The Word report of check: exact XML for a small pair, the plan of its paragraphs, a package that opens
// (libzip) and parses (pugixml), and the round trip through the project's own .docx reader: accepting every
// change gives the draft's compared paragraphs, rejecting every change the reference's. LibreOffice opens it
// where soffice is installed.
#include "report/docx_report.hpp"

#include "corpus/embedded.hpp"
#include "readers/reader.hpp"
#include "report/docx_support.hpp"
#include "report/xml.hpp"
#include "test_support.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <map>
#include <sys/wait.h>
#include <unistd.h>

namespace resdraft::report {
namespace {

using analysis::check_result;

constexpr std::int64_t new_year_2026 = 1767225600;  // 2026-01-01T00:00:00Z

// check as the command line runs it for --format docx: every deleted word kept.
check_result checked(const grammar::document& reference, const grammar::document& draft) {
    analysis::check_options options;
    options.deletion_words = std::numeric_limits<std::size_t>::max();
    return analysis::check(reference, draft, options);
}

using testing::part_of;
using testing::unzip;

// The w:p elements of word/document.xml, one a line as the writer puts them.
std::vector<std::string> paragraphs_of(const std::string& document_xml) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while ((at = document_xml.find("<w:p>", at)) != std::string::npos) {
        const std::size_t end = document_xml.find("</w:p>\n", at);
        out.push_back(document_xml.substr(at, end + 7 - at));
        at = end;
    }
    return out;
}

// The ids and normalized texts of a document's compared paragraphs.
std::vector<std::pair<std::string, std::string>> compared(const grammar::document& doc) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto* p : analysis::compared_paragraphs(doc)) out.emplace_back(p->id, grammar::normalized_text(doc, p->text));
    return out;
}

// The .docx read back by readers/, its tracked changes accepted or rejected, and parsed.
grammar::document read_back(const std::string& docx, readers::tracked_changes tracked) {
    readers::read_options options;
    options.tracked = tracked;
    auto read = readers::read_bytes(docx, "report.docx", options);
    if (auto* e = std::get_if<readers::read_error>(&read)) {
        ADD_FAILURE() << "the reader refuses the report: " << e->message;
        return {};
    }
    auto parsed = grammar::parse_document(std::get<readers::read_document>(read).source);
    if (!parsed.ok()) {
        ADD_FAILURE() << "the parser refuses the report's text: " << parsed.error().message;
        return {};
    }
    return std::move(parsed.value());
}

// Accepting every change gives the draft's compared paragraphs (ids and texts), rejecting them the reference's.
void expect_round_trip(const check_result& r, const std::string& docx, const std::string& what) {
    SCOPED_TRACE(what);
    std::vector<std::pair<std::string, std::string>> draft, reference;
    for (const auto& p : r.paragraphs) draft.emplace_back(p.id, p.text);
    for (std::size_t i = 0; i < r.reference_ids.size(); ++i) reference.emplace_back(r.reference_ids[i], r.reference_texts[i]);
    EXPECT_EQ(compared(read_back(docx, readers::tracked_changes::accepted)), draft) << "accepted";
    EXPECT_EQ(compared(read_back(docx, readers::tracked_changes::original)), reference) << "rejected";
}

// Every part is well-formed XML (pugixml), the content types name each part, and each relationship's target is a part.
void expect_valid_package(const std::string& docx) {
    const auto parts = unzip(docx);
    std::vector<std::string> names;
    for (const auto& [name, xml] : parts) {
        names.push_back(name);
        pugi::xml_document doc;
        const auto parsed = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
        EXPECT_TRUE(parsed) << name << ": " << parsed.description() << " at byte " << parsed.offset;
    }
    EXPECT_EQ(names, (std::vector<std::string>{"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
                                               "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml",
                                               "word/settings.xml", "word/comments.xml", "word/header1.xml"}));
    pugi::xml_document types;
    types.load_string(part_of(parts, "[Content_Types].xml").c_str());
    for (const auto& name : names) {
        if (name.ends_with(".rels") || name == "[Content_Types].xml") continue;
        EXPECT_TRUE(types.document_element().find_child_by_attribute("Override", "PartName", ("/" + name).c_str())) << name;
    }
    for (const auto& [rels, folder] : {std::pair<std::string, std::string>{"_rels/.rels", ""}, {"word/_rels/document.xml.rels", "word/"}}) {
        pugi::xml_document doc;
        doc.load_string(part_of(parts, rels).c_str());
        for (pugi::xml_node r : doc.document_element().children("Relationship")) {
            const std::string target = folder + r.attribute("Target").value();
            EXPECT_NE(std::find(names.begin(), names.end(), target), names.end()) << rels << " -> " << target;
        }
    }
}

TEST(DocxReport, EscapesTextForXml) {
    EXPECT_EQ(escape_xml("a & b < c > d \"e\" 'f'"), "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;");
    EXPECT_EQ(escape_xml("tab\tline\nreturn\r"), "tab&#9;line&#10;return&#13;");
    // control characters XML 1.0 does not allow are dropped; DEL and C1 controls are allowed and kept
    EXPECT_EQ(escape_xml(std::string("a\x01\x08\x0b\x0c\x1f\x00z", 8)), "az");
    EXPECT_EQ(escape_xml("\x7f\xc2\x85"), "\x7f\xc2\x85");
    EXPECT_EQ(escape_xml("r\xc3\xa9solution \xe2\x86\x92 \xf0\x9f\x98\x80"), "r\xc3\xa9solution \xe2\x86\x92 \xf0\x9f\x98\x80");
    EXPECT_EQ(escape_xml("\xef\xbf\xbe\xef\xbf\xbf|"), "|");  // U+FFFE, U+FFFF: not characters in XML
    const std::string bad = "\xef\xbf\xbd";                  // U+FFFD for each byte that is not UTF-8
    EXPECT_EQ(escape_xml("a\xff" "b"), "a" + bad + "b");
    EXPECT_EQ(escape_xml("\xc3"), bad);                       // truncated
    EXPECT_EQ(escape_xml("\xc0\xaf"), bad + bad);             // overlong
    EXPECT_EQ(escape_xml("\xed\xa0\x80"), bad + bad + bad);   // a surrogate
    EXPECT_EQ(escape_xml("\xf4\x90\x80\x80"), bad + bad + bad + bad);  // past U+10FFFF
}

TEST(DocxReport, DatesAsW3cdtf) {
    EXPECT_EQ(w3c_date(0), "1970-01-01T00:00:00Z");
    EXPECT_EQ(w3c_date(new_year_2026), "2026-01-01T00:00:00Z");
    EXPECT_EQ(w3c_date(951826332), "2000-02-29T12:12:12Z");
    EXPECT_EQ(w3c_date(-5), "1970-01-01T00:00:00Z");
    EXPECT_EQ(w3c_date(253402300799), "9999-12-31T23:59:59Z");
    EXPECT_EQ(w3c_date(std::numeric_limits<std::int64_t>::max()), "9999-12-31T23:59:59Z");
}

// A hand-made result: which paragraphs revise, replace, insert and delete, in which order.
TEST(DocxReport, PlanKeepsReferenceOrderAndDraftOrder) {
    check_result r;
    r.reference_ids = {"1", "2", "3", "4", "5", "6"};
    r.reference_texts.assign(6, "text");
    const auto para = [](std::string id, analysis::status s, std::optional<std::size_t> ref) {
        analysis::paragraph_check p;
        p.id = std::move(id);
        p.state = s;
        if (!ref) return p;
        analysis::match m;
        m.reference = std::to_string(*ref + 1);
        m.index = *ref;
        p.matches.push_back(m);
        return p;
    };
    using analysis::status;
    r.paragraphs = {para("pp1", status::fresh, {}),        // new: waits for the next paragraph of the chain
                    para("1", status::edited, 1),           // revises reference 2; reference 1 is deleted before it
                    para("2", status::verbatim, 4),         // revises reference 5
                    para("3", status::verbatim, 2),         // out of order: inserted, reference 3 deleted at its place
                    para("4", status::related, 5),          // replaces reference 6
                    para("5", status::related, 4),          // reference 5 is revised already: inserted
                    para("6", status::fresh, {})};          // inserted after the deletions that close the document
    using enum docx_rendering;
    EXPECT_EQ(docx_plan(r), (std::vector<docx_step>{{deletion, std::nullopt, 0},
                                                    {insertion, 0, std::nullopt},
                                                    {revision, 1, 1},
                                                    {deletion, std::nullopt, 2},
                                                    {deletion, std::nullopt, 3},
                                                    {revision, 2, 4},
                                                    {insertion, 3, std::nullopt},
                                                    {replacement, 4, 5},
                                                    {insertion, 5, std::nullopt},
                                                    {insertion, 6, std::nullopt}}));
    // a revision weighs twice a replacement: two verbatim paragraphs in order win over three related ones
    r.paragraphs = {para("1", status::related, 0), para("2", status::related, 1), para("3", status::verbatim, 4),
                    para("4", status::related, 2), para("5", status::verbatim, 5)};
    const auto plan = docx_plan(r);
    std::vector<std::size_t> chained;
    for (const auto& s : plan)
        if (s.rendering == revision || s.rendering == replacement) chained.push_back(*s.draft);
    EXPECT_EQ(chained, (std::vector<std::size_t>{0, 1, 2, 4}));
    // nothing to compare: an empty report
    EXPECT_TRUE(docx_plan(check_result{}).empty());
}

const std::string reference_text =
    "1. Strongly condemn the acts of racism and xenophobia against migrants, including on the basis of religion or belief;\n\n"
    "2. Recognize the need to strengthen synergies between international migration and development at the global, regional "
    "and national levels;\n\n"
    "3. Request the Secretary-General to report on the implementation of the present resolution at its seventieth session.\n";
const std::string draft_text =
    "1. Condemns the acts of racism and xenophobia against migrants, including on the basis of religion or belief;\n\n"
    "2. Recognizes the need to strengthen synergies between international migration and development at the regional & "
    "national levels;\n\n"
    "3. Decides to convene a high-level review of \"migration governance\" in 2028;\n";

// The small pair: a verbatim paragraph with a weaker verb (and its comment), an edited one, a new one, a gap.
TEST(DocxReport, DocumentXmlOfASmallPair) {
    const auto reference = testing::parse_ok(reference_text, "reference.txt");
    const auto draft = testing::parse_ok(draft_text, "draft.txt");
    const check_result r = checked(reference, draft);
    ASSERT_EQ(r.paragraphs.size(), 3u);
    ASSERT_EQ(status_name(r.paragraphs[0].state), "verbatim");
    ASSERT_EQ(status_name(r.paragraphs[1].state), "edited");
    ASSERT_EQ(status_name(r.paragraphs[2].state), "new");
    ASSERT_EQ(r.gaps.size(), 1u);
    const auto parts = check_docx_parts(r, reference, draft, {"resdraft", new_year_2026});
    const std::string a = " w:author=\"resdraft\" w:date=\"2026-01-01T00:00:00Z\"";
    EXPECT_EQ(paragraphs_of(part_of(parts, "word/document.xml")), (std::vector<std::string>{
        // verbatim, the verb weakened: the comment spans the deleted and the inserted verb
        "<w:p><w:r><w:t xml:space=\"preserve\">1. </w:t></w:r><w:commentRangeStart w:id=\"0\"/>"
        "<w:del w:id=\"1\"" + a + "><w:r><w:delText>Strongly condemn</w:delText></w:r></w:del>"
        "<w:ins w:id=\"2\"" + a + "><w:r><w:t>Condemns</w:t></w:r></w:ins><w:commentRangeEnd w:id=\"0\"/>"
        "<w:r><w:rPr><w:rStyle w:val=\"CommentReference\"/></w:rPr><w:commentReference w:id=\"0\"/></w:r>"
        "<w:r><w:t xml:space=\"preserve\"> the acts of racism and xenophobia against migrants, including on the basis of religion or "
        "belief;</w:t></w:r></w:p>\n",
        // edited: the words check's redline changes, and "&" escaped
        "<w:p><w:r><w:t xml:space=\"preserve\">2. </w:t></w:r>"
        "<w:del w:id=\"3\"" + a + "><w:r><w:delText>Recognize</w:delText></w:r></w:del>"
        "<w:ins w:id=\"4\"" + a + "><w:r><w:t>Recognizes</w:t></w:r></w:ins>"
        "<w:r><w:t xml:space=\"preserve\"> the need to strengthen synergies between international migration and development at the "
        "</w:t></w:r><w:del w:id=\"5\"" + a + "><w:r><w:delText xml:space=\"preserve\">global, </w:delText></w:r></w:del>"
        "<w:r><w:t xml:space=\"preserve\">regional </w:t></w:r><w:del w:id=\"6\"" + a + "><w:r><w:delText>and</w:delText></w:r></w:del>"
        "<w:ins w:id=\"7\"" + a + "><w:r><w:t>&amp;</w:t></w:r></w:ins><w:r><w:t xml:space=\"preserve\"> national levels;</w:t></w:r></w:p>\n",
        // the gap: deleted whole with its paragraph mark, at its place in reference order
        "<w:p><w:pPr><w:rPr><w:del w:id=\"8\"" + a + "/></w:rPr></w:pPr><w:del w:id=\"9\"" + a + "><w:r><w:delText>3. Request the "
        "Secretary-General to report on the implementation of the present resolution at its seventieth session.</w:delText></w:r>"
        "</w:del></w:p>\n",
        // new: inserted whole with its paragraph mark, quotes escaped
        "<w:p><w:pPr><w:rPr><w:ins w:id=\"10\"" + a + "/></w:rPr></w:pPr><w:ins w:id=\"11\"" + a + "><w:r><w:t>3. Decides to convene "
        "a high-level review of &quot;migration governance&quot; in 2028;</w:t></w:r></w:ins></w:p>\n"}));
    EXPECT_EQ(part_of(parts, "word/comments.xml"),
              "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
              "<w:comments xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\n"
              "<w:comment w:id=\"0\"" + a + " w:initials=\"rd\"><w:p><w:pPr><w:pStyle w:val=\"CommentText\"/></w:pPr><w:r>"
              "<w:t>weaker: Strongly condemn \xe2\x86\x92 Condemns (drops \xe2\x80\x9cstrongly\xe2\x80\x9d)</w:t></w:r></w:p></w:comment>\n"
              "</w:comments>");
    EXPECT_EQ(part_of(parts, "word/header1.xml"),
              "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
              "<w:hdr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p><w:pPr><w:pStyle w:val=\"Header\"/>"
              "</w:pPr><w:r><w:t>draft.txt as tracked changes to reference.txt: accept all changes for the draft, reject all for the "
              "reference (resdraft check)</w:t></w:r></w:p></w:hdr>");
    EXPECT_NE(part_of(parts, "word/settings.xml").find("<w:trackRevisions/>"), std::string::npos);
    EXPECT_NE(part_of(parts, "docProps/core.xml").find("<dc:creator>resdraft</dc:creator><dcterms:created xsi:type=\"dcterms:W3CDTF\">"
                                                       "2026-01-01T00:00:00Z</dcterms:created>"),
              std::string::npos);

    const std::string docx = check_docx(r, reference, draft, {"resdraft", new_year_2026});
    EXPECT_EQ(unzip(docx), parts);
    expect_valid_package(docx);
    expect_round_trip(r, docx, "the small pair");
    EXPECT_EQ(check_docx(r, reference, draft, {"resdraft", new_year_2026}), docx) << "the same result and date give the same bytes";
}

// Numbers are written as each text writes them: a changed number is a change of its own, a paragraph whose
// number is not written (preambular; an unnumbered "1" in a part that numbers none) gets none.
TEST(DocxReport, NumbersAsWritten) {
    const auto reference = testing::parse_ok(
        "1. Recognize that remittances constitute an important source of private capital for many families in developing countries;\n\n"
        "2. Strongly condemn the acts of racism and xenophobia against migrants, including on the basis of religion or belief;\n",
        "reference.txt");
    const auto draft = testing::parse_ok(
        "Recognizing that remittances constitute an important source of private capital for many families in developing countries,\n\n"
        "1. Condemns the acts of racism and xenophobia against migrants, including on the basis of religion or belief;\n",
        "draft.txt");
    const check_result r = checked(reference, draft);
    ASSERT_EQ(r.paragraphs.size(), 2u);
    ASSERT_EQ(r.paragraphs[0].id, "pp1");
    ASSERT_EQ(status_name(r.paragraphs[0].state), "verbatim");
    ASSERT_EQ(status_name(r.paragraphs[1].state), "verbatim");
    const std::string a = " w:author=\"resdraft\" w:date=\"2026-01-01T00:00:00Z\"";
    EXPECT_EQ(paragraphs_of(part_of(check_docx_parts(r, reference, draft, {"resdraft", new_year_2026}), "word/document.xml")),
              (std::vector<std::string>{
                  "<w:p><w:del w:id=\"0\"" + a + "><w:r><w:delText>1. Recognize</w:delText></w:r></w:del><w:ins w:id=\"1\"" + a +
                      "><w:r><w:t>Recognizing</w:t></w:r></w:ins><w:r><w:t xml:space=\"preserve\"> that remittances constitute an "
                      "important source of private capital for many families in developing countries</w:t></w:r><w:del w:id=\"2\"" + a +
                      "><w:r><w:delText>;</w:delText></w:r></w:del><w:ins w:id=\"3\"" + a + "><w:r><w:t>,</w:t></w:r></w:ins></w:p>\n",
                  "<w:p><w:del w:id=\"5\"" + a + "><w:r><w:delText>2.</w:delText></w:r></w:del><w:ins w:id=\"6\"" + a +
                      "><w:r><w:t>1.</w:t></w:r></w:ins><w:r><w:t xml:space=\"preserve\"> </w:t></w:r><w:commentRangeStart w:id=\"4\"/>"
                      "<w:del w:id=\"7\"" + a + "><w:r><w:delText>Strongly condemn</w:delText></w:r></w:del><w:ins w:id=\"8\"" + a +
                      "><w:r><w:t>Condemns</w:t></w:r></w:ins><w:commentRangeEnd w:id=\"4\"/><w:r><w:rPr><w:rStyle "
                      "w:val=\"CommentReference\"/></w:rPr><w:commentReference w:id=\"4\"/></w:r><w:r><w:t xml:space=\"preserve\"> the "
                      "acts of racism and xenophobia against migrants, including on the basis of religion or belief;</w:t></w:r></w:p>\n"}));
    expect_round_trip(r, check_docx(r, reference, draft, {"resdraft", new_year_2026}), "numbers");

    const auto unnumbered = testing::parse_ok("The General Assembly\n\nAdopts the declaration annexed to the present resolution on the "
                                              "rights of migrant workers and their families.\n",
                                              "unnumbered.txt");
    const check_result u = checked(reference, unnumbered);
    ASSERT_EQ(u.paragraphs.size(), 1u);
    ASSERT_EQ(u.paragraphs[0].id, "1");
    const auto paragraphs = paragraphs_of(part_of(check_docx_parts(u, reference, unnumbered, {"resdraft", new_year_2026}), "word/document.xml"));
    ASSERT_EQ(paragraphs.size(), 3u);
    EXPECT_NE(paragraphs[2].find("><w:r><w:t>Adopts the declaration annexed"), std::string::npos) << paragraphs[2];
    expect_round_trip(u, check_docx(u, reference, unnumbered, {"resdraft", new_year_2026}), "unnumbered");
}

// A related paragraph replaces its reference paragraph: that one deleted whole, the draft's inserted whole
// beside it, with a comment; a paragraph taken out of reference order is inserted, with a comment saying from where.
TEST(DocxReport, RelatedAndMovedParagraphsAsWholeParagraphs) {
    const auto reference = testing::parse_ok(corpus::reference_text(), corpus::reference_name());
    const auto draft = testing::parse_ok(testing::read_file(testing::source_dir() / "corpus/drafts/migration-followup.txt"),
                                         "migration-followup.txt");
    const check_result r = checked(reference, draft);
    const auto plan = docx_plan(r);
    const auto step_of = [&](const std::string& id) {
        for (const auto& s : plan)
            if (s.draft && r.paragraphs[*s.draft].id == id) return s;
        ADD_FAILURE() << "no step for draft paragraph " << id;
        return docx_step{};
    };
    const auto parts = check_docx_parts(r, reference, draft, {"resdraft", new_year_2026});
    const std::string comments = part_of(parts, "word/comments.xml");
    // the labelled verb changes of the draft: 2 weakens "strongly condemn", 3 strengthens "encourage", 7 "call upon"
    for (const char* note : {"weaker: Strongly condemn \xe2\x86\x92 Condemns", "stronger: Encourage \xe2\x86\x92 Urges",
                             "weaker: Call upon \xe2\x86\x92 Invites"})
        EXPECT_NE(comments.find(std::string("<w:t>") + note), std::string::npos) << note;
    EXPECT_NE(comments.find("<w:t>merges reference paragraphs 34 and 33</w:t>"), std::string::npos);
    EXPECT_EQ(step_of("1").rendering, docx_rendering::insertion);  // verbatim from reference 6, which comes before 2 (16)
    EXPECT_NE(comments.find("<w:t>verbatim from reference paragraph 6, which shows deleted at its place</w:t>"), std::string::npos);
    for (const auto& s : plan) {
        if (s.rendering != docx_rendering::replacement) continue;
        EXPECT_NE(comments.find("<w:t>related to reference paragraph " + r.reference_ids[*s.reference] +
                                    ", deleted above: the same subject in other words</w:t>"),
                      std::string::npos);
    }
    expect_round_trip(r, check_docx(r, reference, draft, {"resdraft", new_year_2026}), "migration-followup.txt");
}

// Each labelled draft (and the GA-style draft) against the embedded reference: accept gives the draft, reject the reference.
TEST(DocxReport, RoundTripOfTheDrafts) {
    const auto reference = testing::parse_ok(corpus::reference_text(), corpus::reference_name());
    for (const char* file : {"corpus/drafts/migration-followup.txt", "corpus/drafts/migration-declaration.txt", "corpus/ga-draft-migration.txt"}) {
        const auto draft = testing::parse_ok(testing::read_file(testing::source_dir() / file), file);
        const check_result r = checked(reference, draft);
        const std::string docx = check_docx(r, reference, draft, {"resdraft", new_year_2026});
        expect_valid_package(docx);
        expect_round_trip(r, docx, file);
    }
}

// Every resolution of the 80th session checked against the next one (and the last against the first), and
// against itself: the report reads back as the two texts.
TEST(DocxReport, RoundTripOfTheRealResolutions) {
    const auto corpus = testing::shared_corpus();
    if (!corpus) GTEST_SKIP() << "../shared/corpus is missing: the real resolutions are not checked";
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(*corpus / "ga-res-80"))
        if (e.path().extension() == ".md") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    ASSERT_GE(files.size(), 40u);
    std::vector<grammar::document> docs;
    for (const auto& f : files) docs.push_back(testing::parse_ok(testing::read_file(f), f.filename().string()));
    for (std::size_t i = 0; i < docs.size(); ++i) {
        const auto& next = docs[(i + 1) % docs.size()];
        for (const grammar::document* reference : {&next, static_cast<const grammar::document*>(&docs[i])}) {
            const check_result r = checked(*reference, docs[i]);
            expect_round_trip(r, check_docx(r, *reference, docs[i], {"resdraft", new_year_2026}), docs[i].name() + " against " + reference->name());
        }
    }
}

// A related paragraph decided by meaning (word vectors) names the word pairs that made it so, as the text report does.
TEST(DocxReport, RelatedByMeaningNamesItsWordPairs) {
    check_result r;
    r.reference_ids = {"27"};
    r.reference_texts = {"Recognize that remittances constitute an important source of private capital;"};
    analysis::paragraph_check p;
    p.id = "8";
    p.text = "Encourages Governments to lower the cost of sending money home;";
    p.state = analysis::status::related;
    analysis::match m;
    m.reference = "27";
    p.matches.push_back(m);
    p.word_pairs = {{"money", "remittances", 0.61}, {"cost", "capital", 0.42}};
    r.paragraphs.push_back(p);
    EXPECT_EQ(docx_plan(r), (std::vector<docx_step>{{docx_rendering::replacement, 0, 0}}));
    const auto parts = check_docx_parts(r, {}, {}, {"resdraft", new_year_2026});
    EXPECT_NE(part_of(parts, "word/comments.xml").find("<w:t>related to reference paragraph 27, deleted above: the same subject in "
                                                       "other words; why: money ~ remittances, cost ~ capital</w:t>"),
              std::string::npos);
    const auto paragraphs = paragraphs_of(part_of(parts, "word/document.xml"));
    ASSERT_EQ(paragraphs.size(), 2u);
    EXPECT_TRUE(paragraphs[0].starts_with("<w:p><w:pPr><w:rPr><w:del ")) << paragraphs[0];
    EXPECT_TRUE(paragraphs[1].starts_with("<w:p><w:pPr><w:rPr><w:ins ")) << paragraphs[1];
}

// A result with nothing compared still makes a document Word opens: one empty paragraph.
TEST(DocxReport, EmptyResult) {
    check_result r;
    r.draft_name = "a <draft> & \"more\"";
    const auto parts = check_docx_parts(r, {}, {}, {"A & B", 0});
    EXPECT_NE(part_of(parts, "word/document.xml").find("<w:body>\n<w:p/>\n<w:sectPr>"), std::string::npos);
    EXPECT_NE(part_of(parts, "docProps/core.xml").find("<dc:title>a &lt;draft&gt; &amp; &quot;more&quot; as tracked changes to "
                                                       "</dc:title><dc:creator>A &amp; B</dc:creator>"),
              std::string::npos);
    expect_valid_package(check_docx(r, {}, {}, {"A & B", 0}));
}

// Runs `command` through the shell; its exit code.
int shell(const std::string& command) {
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// LibreOffice (Debian's libreoffice-writer) opens the report: it converts it to PDF, and its own .docx of it
// keeps every tracked change (its accepted and rejected texts are the draft's and the reference's) and comment.
TEST(DocxReport, LibreOfficeOpensIt) {
    if (shell("command -v soffice >/dev/null 2>&1") != 0)
        GTEST_SKIP() << "soffice not found: install Debian's libreoffice-writer (scripts/setup does) to open the report with LibreOffice";
    const auto reference = testing::parse_ok(corpus::reference_text(), corpus::reference_name());
    const auto draft = testing::parse_ok(testing::read_file(testing::source_dir() / "corpus/drafts/migration-followup.txt"),
                                         "migration-followup.txt");
    const check_result r = checked(reference, draft);
    const std::string docx = check_docx(r, reference, draft, {"resdraft", new_year_2026});
    const auto dir = std::filesystem::temp_directory_path() / ("resdraft-docx-lo-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir / "out");
    std::ofstream(dir / "report.docx", std::ios::binary) << docx;
    // a profile of its own, so that a LibreOffice already running (or its lock) does not take the conversion
    const std::string soffice = "cd " + dir.string() + " && soffice -env:UserInstallation=file://" + (dir / "profile").string() +
                                " --headless --convert-to ";
    ASSERT_EQ(shell(soffice + "pdf --outdir out report.docx >log 2>&1"), 0) << testing::read_file(dir / "log");
    const std::string pdf = testing::read_file(dir / "out/report.pdf");
    ASSERT_TRUE(pdf.starts_with("%PDF-")) << testing::read_file(dir / "log");
    auto pdf_text = readers::read_bytes(pdf, "report.pdf");
    ASSERT_TRUE(std::holds_alternative<readers::read_document>(pdf_text));
    EXPECT_NE(std::get<readers::read_document>(pdf_text).source->bytes().find("Condemns"), std::string::npos);

    ASSERT_EQ(shell(soffice + "'docx:MS Word 2007 XML' --outdir out report.docx >log 2>&1"), 0) << testing::read_file(dir / "log");
    const std::string again = testing::read_file(dir / "out/report.docx");
    expect_round_trip(r, again, "LibreOffice's .docx of the report");
    const auto count = [](const std::string& xml, const std::string& what) {
        std::size_t n = 0;
        for (std::size_t at = xml.find(what); at != std::string::npos; at = xml.find(what, at + 1)) ++n;
        return n;
    };
    const std::string ours = part_of(unzip(docx), "word/comments.xml"), theirs = part_of(unzip(again), "word/comments.xml");
    EXPECT_EQ(count(theirs, "<w:comment "), count(ours, "<w:comment "));
    EXPECT_EQ(count(theirs, "w:author=\"resdraft\" w:date=\"2026-01-01T00:00:00Z\""), count(ours, "<w:comment "));
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace resdraft::report
