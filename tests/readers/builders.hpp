// Small .docx and PDF files made in memory, for the reader tests and the fuzzers' seeds: a .docx is a zip
// (written with libzip, the reader's own library) of hand-written WordprocessingML; a PDF is written
// object by object with its cross-reference table, in the standard Helvetica font (nothing embedded).
#pragma once

#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace resdraft::testing {

// A zip archive of `entries` (name -> bytes), deflated unless `stored`.
inline std::string make_zip(const std::vector<std::pair<std::string, std::string>>& entries, bool stored = false) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!buffer) throw std::runtime_error("zip_source_buffer_create");
    zip_source_keep(buffer);  // read back after zip_close
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    if (!archive) throw std::runtime_error("zip_open_from_source");
    for (const auto& [name, bytes] : entries) {
        zip_source_t* s = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
        const zip_int64_t index = zip_file_add(archive, name.c_str(), s, ZIP_FL_ENC_UTF_8);
        if (index < 0) throw std::runtime_error("zip_file_add " + name);
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9);
        zip_file_set_mtime(archive, static_cast<zip_uint64_t>(index), 315532800, 0);  // 1980-01-01: the same bytes every run
    }
    if (zip_close(archive) != 0) throw std::runtime_error("zip_close");
    zip_stat_t st;
    zip_source_stat(buffer, &st);
    std::string out(static_cast<std::size_t>(st.size), '\0');
    zip_source_open(buffer);
    zip_source_read(buffer, out.data(), st.size);
    zip_source_close(buffer);
    zip_source_free(buffer);
    return out;
}

inline constexpr std::string_view wordml = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

// <w:document> around `body` (the children of w:body).
inline std::string document_xml(std::string_view body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"" + std::string(wordml) +
           "\"><w:body>" + std::string(body) + "<w:sectPr/></w:body></w:document>";
}

// A root element `root` in WordprocessingML's namespace around `content` (w:numbering, w:styles, w:footnotes).
inline std::string wordml_part(std::string_view root, std::string_view content) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:" + std::string(root) + " xmlns:w=\"" +
           std::string(wordml) + "\">" + std::string(content) + "</w:" + std::string(root) + ">";
}

// A paragraph of one run: <w:p><w:r><w:t>text</w:t></w:r></w:p>, with `properties` (the children of w:pPr).
inline std::string para(std::string_view text, std::string_view properties = "") {
    std::string p = "<w:p>";
    if (!properties.empty()) p += "<w:pPr>" + std::string(properties) + "</w:pPr>";
    return p + "<w:r><w:t xml:space=\"preserve\">" + std::string(text) + "</w:t></w:r></w:p>";
}

// w:numPr for list `num_id` at level `level`.
inline std::string numbered(int num_id, int level = 0) {
    return "<w:numPr><w:ilvl w:val=\"" + std::to_string(level) + "\"/><w:numId w:val=\"" + std::to_string(num_id) + "\"/></w:numPr>";
}

// A .docx of word/document.xml with `body` and the other parts given (name -> XML), with the content
// types and relationships Word writes, so that Word and LibreOffice open it too.
inline std::string make_docx(std::string_view body, const std::map<std::string, std::string>& parts = {}) {
    std::string types = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>";
    std::string rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    int id = 1;
    for (const auto& [name, xml] : parts) {
        const std::string short_name = name.substr(name.rfind('/') + 1, name.rfind('.') - name.rfind('/') - 1);  // "numbering"
        if (name.starts_with("word/") && name.find('/', 5) == std::string::npos) {
            types += "<Override PartName=\"/" + name + "\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml." +
                     short_name + "+xml\"/>";
            rels += "<Relationship Id=\"rId" + std::to_string(id++) +
                    "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/" + short_name + "\" Target=\"" +
                    name.substr(5) + "\"/>";
        }
    }
    types += "</Types>";
    rels += "</Relationships>";
    std::vector<std::pair<std::string, std::string>> entries = {
        {"[Content_Types].xml", types},
        {"_rels/.rels",
         "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
         "Target=\"word/document.xml\"/></Relationships>"},
        {"word/document.xml", document_xml(body)},
        {"word/_rels/document.xml.rels", rels}};
    for (const auto& [name, xml] : parts) entries.emplace_back(name, xml);
    return make_zip(entries);
}

// One line of text on a PDF page: its left end and baseline in points from the bottom left, and its size.
struct pdf_line {
    pdf_line(double x_, double y_, double size_, std::string text_, std::string mark_ = {})
        : x(x_), y(y_), size(size_), text(std::move(text_)), mark(std::move(mark_)) {}
    double x = 72, y = 720, size = 12;
    std::string text;  // UTF-8; characters outside Windows-1252 are written as '?'
    std::string mark;  // a note's reference mark after the text: 60% of the size, raised by a third of it
};

// `text` in Windows-1252 (the PDF's WinAnsiEncoding) as a PDF string literal: (...), with ( ) \ escaped.
inline std::string pdf_string(std::string_view text) {
    static const std::map<char32_t, unsigned char> cp1252 = {{0x2018, 0x91}, {0x2019, 0x92}, {0x201C, 0x93}, {0x201D, 0x94},
                                                             {0x2022, 0x95}, {0x2013, 0x96}, {0x2014, 0x97}, {0x2026, 0x85}};
    std::string out = "(";
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        char32_t cp = c;
        std::size_t n = 1;
        if (c >= 0xF0) cp = c & 0x07, n = 4;
        else if (c >= 0xE0) cp = c & 0x0F, n = 3;
        else if (c >= 0xC0) cp = c & 0x1F, n = 2;
        for (std::size_t k = 1; k < n && i + k < text.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        i += n;
        unsigned char b = '?';
        if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) b = static_cast<unsigned char>(cp);
        else if (const auto m = cp1252.find(cp); m != cp1252.end()) b = m->second;
        if (b == '(' || b == ')' || b == '\\') out += '\\';
        out += static_cast<char>(b);
    }
    return out + ")";
}

struct pdf_options {
    bool locked = false;  // an /Encrypt dictionary that no password opens: a reader needs a password
    double height = 792;  // of every page, in points (US Letter's)
};

// A PDF of `pages`, each a list of lines; a page with no lines draws a grey square instead (a scan has no text).
inline std::string make_pdf(const std::vector<std::vector<pdf_line>>& pages, const pdf_options& options = {}) {
    std::vector<std::string> objects;  // objects[i] is object i + 1
    const auto add = [&](std::string body) {
        objects.push_back(std::move(body));
        return objects.size();
    };
    const std::size_t catalog = add(""), tree = add(""), font = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
    std::string kids;
    for (const auto& lines : pages) {
        std::string content;
        if (lines.empty()) content = "0.5 g 72 72 400 400 re f\n";
        for (const pdf_line& l : lines) {
            char head[96];
            std::snprintf(head, sizeof head, "BT /F1 %.1f Tf %.2f %.2f Td ", l.size, l.x, l.y);
            content += head + pdf_string(l.text) + " Tj";
            if (!l.mark.empty()) {
                char rise[64];
                std::snprintf(rise, sizeof rise, " /F1 %.1f Tf %.1f Ts ", 0.6 * l.size, l.size / 3);
                content += rise + pdf_string(l.mark) + " Tj 0 Ts";
            }
            content += " ET\n";
        }
        const std::size_t stream = add("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "endstream");
        const std::size_t page = add("<< /Type /Page /Parent " + std::to_string(tree) + " 0 R /MediaBox [0 0 612 " + std::to_string(options.height) + "] /Resources << /Font << /F1 " +
                                     std::to_string(font) + " 0 R >> >> /Contents " + std::to_string(stream) + " 0 R >>");
        kids += std::to_string(page) + " 0 R ";
    }
    objects[catalog - 1] = "<< /Type /Catalog /Pages " + std::to_string(tree) + " 0 R >>";
    objects[tree - 1] = "<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + " >>";
    std::string encrypt;
    if (options.locked) {
        // RC4 40-bit with an /O and /U that no password (the empty one included) matches
        const std::size_t e = add("<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <" + std::string(64, 'A') + "> /U <" +
                                  std::string(64, 'B') + "> >>");
        encrypt = " /Encrypt " + std::to_string(e) + " 0 R /ID [<00112233445566778899AABBCCDDEEFF> <00112233445566778899AABBCCDDEEFF>]";
    }
    std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(out.size());
        out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = out.size();
    out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t o : offsets) {
        char entry[32];
        std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", o);
        out += entry;
    }
    out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root " + std::to_string(catalog) + " 0 R" + encrypt +
           " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return out;
}

// The pages of a PyMuPDF text (pages end at an empty line) drawn as PDF pages, line by line from the top,
// its blank lines as space between lines; a footnote block (from its line of underscores on) smaller.
inline std::string pymupdf_text_as_pdf(std::string_view text) {
    std::vector<std::vector<pdf_line>> pages(1);
    double y = 0, size = 10, deepest = 0;  // y: down from the top of the page
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = text.find('\n', at);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(at, end - at);
        at = end + 1;
        if (line.empty()) {
            pages.emplace_back();
            y = 0, size = 10;
            continue;
        }
        if (line.starts_with("_____")) size = 8;
        y += size + 2;
        deepest = std::max(deepest, y);
        if (line.find_first_not_of(' ') != std::string_view::npos) pages.back().push_back({50, y, size, std::string(line)});
    }
    while (!pages.empty() && pages.back().empty()) pages.pop_back();
    // pages as tall as the longest needs (a blank line is space on the page): y counted from the bottom
    pdf_options options;
    options.height = std::max(792.0, deepest + 40);
    for (auto& page : pages)
        for (pdf_line& l : page) l.y = options.height - 20 - l.y;
    return make_pdf(pages, options);
}

}  // namespace resdraft::testing
