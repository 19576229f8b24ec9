// Writes the seeds of docx_fuzz and pdf_fuzz: small .docx files, the XML of their parts (which docx_fuzz
// zips itself, so that mutations reach the XML rather than break a CRC) and PDFs, made by the tests' builders.
// Usage: make_reader_seeds DOCX_DIR PDF_DIR [TEXT...]; each TEXT (a draft or a PyMuPDF text) also becomes a
// .docx (text_as_docx: its numbers as list numbering) and a PDF laid out as UN pages.
#include "readers/builders.hpp"
#include "readers/text_as_docx.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace {

using namespace resdraft::testing;

const std::string numbering = wordml_part("numbering",
    "<w:abstractNum w:abstractNumId=\"0\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"(%2)\"/><w:lvlRestart w:val=\"1\"/></w:lvl>"
    "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerRoman\"/><w:lvlText w:val=\"(%3)\"/><w:suff w:val=\"space\"/></w:lvl>"
    "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
    "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>");
const std::string styles = wordml_part("styles",
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"/>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Op\"><w:basedOn w:val=\"Normal\"/><w:pPr>" + numbered(1) + "</w:pPr></w:style>");
const std::string footnotes = wordml_part("footnotes",
    "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
    "<w:footnote w:id=\"1\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> A/81/100.</w:t></w:r></w:p></w:footnote>");

// Every feature the reader knows, in one body.
std::string features() {
    const auto del = [](std::string_view t) { return "<w:del w:id=\"1\" w:author=\"A\"><w:r><w:delText>" + std::string(t) + "</w:delText></w:r></w:del>"; };
    const auto ins = [](std::string_view t) { return "<w:ins w:id=\"2\" w:author=\"A\"><w:r><w:t>" + std::string(t) + "</w:t></w:r></w:ins>"; };
    return para("The General Assembly,") +
           "<w:p><w:r><w:t>Recalling its resolution 68/4,</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>" +
           "<w:p><w:pPr>" + numbered(1) + "</w:pPr>" + del("Strongly condemns") + ins("Condemns") +
           "<w:r><w:t xml:space=\"preserve\"> racism;</w:t></w:r></w:p>" +
           "<w:p><w:pPr>" + numbered(1) + "<w:rPr><w:del w:id=\"3\" w:author=\"A\"/></w:rPr></w:pPr><w:r><w:t>Requests </w:t></w:r></w:p>" +
           para("the Secretary-General:", "<w:pStyle w:val=\"Op\"/>") + para("To report;", numbered(1, 1)) +
           para("Including on remittances;", numbered(1, 2)) +
           "<w:p><w:pPr><w:pPrChange w:id=\"4\" w:author=\"A\"><w:pPr>" + numbered(2) + "</w:pPr></w:pPrChange></w:pPr>"
           "<w:moveFrom w:id=\"5\" w:author=\"A\"><w:r><w:t>Moved</w:t></w:r></w:moveFrom>"
           "<w:hyperlink><w:r><w:tab/><w:t>Decides</w:t><w:br/><w:noBreakHyphen/></w:r></w:hyperlink></w:p>" +
           "<w:tbl><w:tr><w:tc>" + para("Cell") + "</w:tc></w:tr></w:tbl>";
}

void write(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

// The same archive with its entries stored, not deflated.
std::string stored(const std::string& body, const std::map<std::string, std::string>& parts) {
    std::vector<std::pair<std::string, std::string>> entries{{"word/document.xml", document_xml(body)}};
    for (const auto& p : parts) entries.push_back(p);
    return make_zip(entries, true);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: make_reader_seeds DOCX_DIR PDF_DIR [TEXT...]\n";
        return 2;
    }
    const std::filesystem::path docx = argv[1], pdf = argv[2];
    std::filesystem::create_directories(docx);
    std::filesystem::create_directories(pdf);
    const std::map<std::string, std::string> parts{
        {"word/numbering.xml", numbering}, {"word/styles.xml", styles}, {"word/footnotes.xml", footnotes}};
    write(docx / "features.docx", make_docx(features(), parts));
    write(docx / "features-stored.docx", stored(features(), parts));
    write(docx / "one-paragraph-stored.docx", stored(para("Decides to remain seized of the matter."), {}));
    // docx_fuzz's other input: the parts' XML, separated by NUL bytes (see fuzz/targets.hpp)
    write(docx / "features.xml-parts", document_xml(features()) + '\0' + numbering + '\0' + styles + '\0' + footnotes);
    write(pdf / "two-pages.pdf", make_pdf({{{72, 720, 12, "The General Assembly,"}, {72, 690, 12, "1. Urges States to act;"}},
                                           {{72, 720, 12, "2. Decides to remain seized."}}}));
    write(pdf / "scan.pdf", make_pdf({{}}));
    pdf_options locked;
    locked.locked = true;
    write(pdf / "locked.pdf", make_pdf({{{72, 720, 12, "Secret"}}}, locked));
    for (int i = 3; i < argc; ++i) {
        std::ifstream in(argv[i], std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        const std::string stem = std::filesystem::path(argv[i]).stem().string();
        const docx_parts text = text_as_docx_parts(s.str());
        write(docx / (stem + ".docx"), make_docx(text.body, text.parts));
        write(docx / (stem + ".xml-parts"), document_xml(text.body) + '\0' + text.parts.at("word/numbering.xml"));
        write(pdf / (stem + ".pdf"), pymupdf_text_as_pdf(s.str()));
    }
    return 0;
}
