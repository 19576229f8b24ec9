// The PDF reader: PDFs written here (tests/readers/builders.hpp), their exact text; and the real
// resolutions' PyMuPDF text laid out again as PDF pages, which must parse as the text does.
#include "readers/pdf.hpp"

#include "grammar/parser.hpp"
#include "readers/builders.hpp"
#include "test_support.hpp"

namespace resdraft::readers {
namespace {

using testing::make_pdf;
using testing::pdf_line;

std::string error_of(const std::string& bytes) {
    auto r = read_pdf(bytes, "r.pdf");
    if (auto* e = std::get_if<read_error>(&r)) return e->message;
    return "(read: " + std::string(std::get<read_document>(r).source->bytes()) + ")";
}

TEST(PdfReader, PagesInReadingOrderSeparatedByAnEmptyLine) {
    // lines drawn out of order: poppler puts them in reading order, top to bottom
    const auto bytes = make_pdf({{{72, 660, 12, "1. Urges States to act;"}, {72, 720, 12, "The General Assembly,"},
                                  {72, 690, 12, "“Recalling” its resolution 68/4 – of 2013,"}},
                                 {{72, 720, 12, "2. Decides to remain seized of the matter."}}});
    auto r = read_pdf(bytes, "r.pdf");
    ASSERT_TRUE(std::holds_alternative<read_document>(r)) << std::get<read_error>(r).message;
    const auto& d = std::get<read_document>(r);
    EXPECT_EQ(d.source->bytes(),
              "The General Assembly,\n“Recalling” its resolution 68/4 – of 2013,\n1. Urges States to act;\n\n"
              "2. Decides to remain seized of the matter.\n");
    EXPECT_EQ(d.source->kind(), grammar::origin_kind::pdf);
    EXPECT_EQ(d.source->place(0), 1u);
    EXPECT_EQ(d.source->place(d.source->bytes().find("2. Decides")), 2u);
    EXPECT_EQ(d.source->original_offset(d.source->bytes().find("Decides")), 3u);  // the third byte of page 2's text
}

// A word processor's page: one-line paragraphs 22 pt apart (most steps on the page), wrapped paragraphs 12 pt
// a line, the wrapped line of paragraph 1 drawn before its first line, a raised note mark, and the note at the
// page foot in smaller type under a drawn rule (no underscores); a page number in small type is no note.
TEST(PdfReader, WordProcessorPageParagraphsOrderMarksAndNotes) {
    const auto bytes = make_pdf({{{72, 720, 10, "The General Assembly,"}, {72, 698, 10, "Recalling its resolution 68/4,", "1"},
                                  {72, 676, 10, "Noting the report,"}, {72, 642, 10, "particular to report;"},
                                  {108, 654, 10, "1. Urges States to act, and in"}, {108, 620, 10, "2. Decides to remain seized"},
                                  {72, 608, 10, "of the matter."}, {72, 100, 8, "1 A/81/100."}},
                                 {{72, 720, 10, "3. Requests a report;"}, {72, 708, 10, "of the Secretary-General;"},
                                  {72, 686, 10, "4. Decides to remain seized"}, {72, 674, 10, "of the matter."}, {300, 60, 8, "2"}}});
    auto r = read_pdf(bytes, "r.pdf");
    ASSERT_TRUE(std::holds_alternative<read_document>(r)) << std::get<read_error>(r).message;
    EXPECT_EQ(std::get<read_document>(r).source->bytes(),
              "The General Assembly,\n \nRecalling its resolution 68/4,1\n \nNoting the report,\n \n1. Urges States to act, and in\n"
              "particular to report;\n \n2. Decides to remain seized\nof the matter.\n__________________\n1 A/81/100.\n\n"
              "3. Requests a report;\nof the Secretary-General;\n \n4. Decides to remain seized\nof the matter.\n \n2\n");
}

// Two columns whose baselines do not line up are read column by column, as poppler orders them, not
// interleaved line by line.
TEST(PdfReader, ColumnsKeepTheirOrder) {
    std::vector<pdf_line> page;
    for (int i = 0; i < 4; ++i) {
        page.emplace_back(72, 700 - 14 * i, 10, "Left column line number " + std::to_string(i + 1));
        page.emplace_back(320, 693 - 14 * i, 10, "Right column line number " + std::to_string(i + 1));
    }
    auto r = read_pdf(make_pdf({page}), "r.pdf");
    ASSERT_TRUE(std::holds_alternative<read_document>(r)) << std::get<read_error>(r).message;
    EXPECT_EQ(std::get<read_document>(r).source->bytes(),
              "Left column line number 1\nLeft column line number 2\nLeft column line number 3\nLeft column line number 4\n \n"
              "Right column line number 1\nRight column line number 2\nRight column line number 3\nRight column line number 4\n");
}

TEST(PdfReader, RefusesLockedScannedAndDamagedFiles) {
    testing::pdf_options locked;
    locked.locked = true;
    EXPECT_EQ(error_of(make_pdf({{{72, 720, 12, "Secret"}}}, locked)), "encrypted PDF: a password is needed to open it");
    EXPECT_EQ(error_of(make_pdf({{}, {}})), "no text layer (scanned?): run OCR first");
    EXPECT_EQ(error_of("%PDF-1.4\n" + std::string(200, 'x')), "damaged PDF: poppler cannot open it");
    EXPECT_EQ(error_of(make_pdf({})), "damaged PDF: it has no pages");
}

// "id: verbs" of every paragraph, with its subparagraph ids.
std::string outline(const grammar::document& doc) {
    std::string out;
    for (const auto& p : doc.paragraphs) {
        out += doc.parts[p.part].name + " " + p.id + ": " + testing::render_clauses(doc, p.clauses);
        for (const auto& s : p.subparagraphs) out += " (" + s.id + ")";
        out += "\n";
    }
    return out;
}

// What poppler gives on a UN layout: the 25 resolutions of ../shared/corpus/pdf-text, each page drawn as a
// PDF page, read back, must parse into the same paragraphs, clauses and subparagraphs as the text.
// (Characters outside Windows-1252, such as U+2212 and U+2011, come back as '?'; outlines do not show them.)
TEST(PdfReader, UnLayoutParsesAsItsPyMuPdfText) {
    const auto shared = testing::shared_corpus();
    if (!shared || !std::filesystem::is_directory(*shared / "pdf-text"))
        GTEST_SKIP() << "../shared/corpus/pdf-text is absent: the UN-layout PDFs were not made";
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(*shared / "pdf-text"))
        if (e.path().extension() == ".txt") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    ASSERT_EQ(files.size(), 25u);
    std::size_t same = 0, paragraphs = 0;
    for (const auto& f : files) {
        const std::string text = testing::read_file(f);
        auto r = read_pdf(testing::pymupdf_text_as_pdf(text), f.filename().string());
        ASSERT_TRUE(std::holds_alternative<read_document>(r)) << f;
        auto from_pdf = grammar::parse_document(std::get<read_document>(r).source);
        ASSERT_TRUE(from_pdf.ok()) << f;
        const auto from_text = testing::parse_ok(text, f.filename().string());
        paragraphs += from_text.paragraphs.size();
        if (outline(from_pdf.value()) == outline(from_text)) ++same;
        else ADD_FAILURE() << f.filename() << " parses differently from its PDF";
    }
    std::printf("UN layout through poppler: %zu of %zu resolutions (%zu paragraphs) parse as their text\n", same, files.size(), paragraphs);
}

}  // namespace
}  // namespace resdraft::readers
