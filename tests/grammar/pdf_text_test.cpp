// The raw PDF texts of ../shared/corpus/pdf-text: each file's numbering as read by hand, and no page
// furniture (job number, page count, footnote separator) left in any paragraph.
#include "test_support.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <regex>

namespace resdraft::grammar {
namespace {

// tests/data/pdf-text/expected.json: per file, the body's preambular count, the operative ids of each
// part and the warnings. Its numbered ids were checked against hand-read.json, read from the files by
// hand without the parser (expected.json's "about" says how).
nlohmann::json expected_numbering() {
    return nlohmann::json::parse(testing::read_file(testing::source_dir() / "tests/data/pdf-text/expected.json"));
}

struct page_marks {
    std::string job;    // "20-14566", from the first page
    std::string pages;  // "5" of the "n/5" page lines
};

// Read from the raw text with regular expressions, apart from the parser's own furniture rules.
page_marks marks_of(const std::string& text) {
    page_marks m;
    std::smatch found;
    if (std::regex_search(text, found, std::regex(R"((?:^|\n)(\d\d-\d{5}) \(E\))"))) m.job = found[1];
    if (std::regex_search(text, found, std::regex(R"(\n\d{1,2}/(\d{1,2}) ?\n)"))) m.pages = found[1];
    return m;
}

// The first piece of furniture in `text`, or "" when there is none.
std::string furniture_in(const std::string& text, const page_marks& m) {
    if (!m.job.empty() && text.find(m.job) != std::string::npos) return m.job;
    if (text.find("__________") != std::string::npos) return "__________";
    if (m.pages.empty()) return "";
    // "3/5" with 3 <= 5, not "S-31/4" or "resolution 70/1"
    const std::regex page("(^|[^0-9/-])([0-9]{1,2})/" + m.pages + "($|[^0-9/])");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), page); it != std::sregex_iterator(); ++it)
        if (std::stoi((*it)[2]) <= std::stoi(m.pages)) return (*it)[2].str() + "/" + m.pages;
    return "";
}

void expect_no_furniture(const document& d, const std::vector<subparagraph>& subs, const page_marks& m) {
    for (const subparagraph& s : subs) {
        EXPECT_EQ(furniture_in(normalized_text(d, s.text), m), "") << d.name() << " (" << s.id << ")";
        expect_no_furniture(d, s.subparagraphs, m);
    }
}

TEST(PdfText, EachFileNumberedAsReadByHandWithoutPageFurniture) {
    const auto shared = testing::shared_corpus();
    if (!shared || !std::filesystem::is_directory(*shared / "pdf-text"))
        GTEST_SKIP() << "../shared/corpus/pdf-text is absent: the raw PDF text test did not run";
    const nlohmann::json expected = expected_numbering();
    ASSERT_EQ(expected["files"].size(), 25u);
    for (const auto& [file, want] : expected["files"].items()) {
        const std::string text = testing::read_file(*shared / "pdf-text" / file);
        const document d = testing::parse_ok(text, file);
        std::map<std::string, std::vector<std::string>> operative;
        std::size_t preambular = 0;
        for (const paragraph& p : d.paragraphs) {
            if (p.kind == paragraph_kind::operative) operative[d.parts[p.part].name].push_back(p.id);
            else if (p.part == 0) ++preambular;
        }
        EXPECT_EQ(preambular, want["preambular"].get<std::size_t>()) << file;
        EXPECT_EQ(operative, (want["operative"].get<std::map<std::string, std::vector<std::string>>>())) << file;
        std::vector<std::string> warnings;
        for (const warning& w : d.warnings) warnings.push_back(w.message);
        EXPECT_EQ(warnings, want["warnings"].get<std::vector<std::string>>()) << file;

        const page_marks m = marks_of(text);
        ASSERT_FALSE(m.job.empty()) << file;
        for (const paragraph& p : d.paragraphs) {
            EXPECT_EQ(furniture_in(normalized_text(d, p.text), m), "") << file << " " << p.id;
            expect_no_furniture(d, p.subparagraphs, m);
        }
    }
}

}  // namespace
}  // namespace resdraft::grammar
