// The check writers: JSON contract, text report, and the HTML page parsed back and inspected.
#include "report/check_report.hpp"

#include "corpus/embedded.hpp"
#include "models/wordnet.hpp"
#include "test_support.hpp"

#include <nlohmann/json.hpp>

#include <regex>

namespace resdraft::report {
namespace {

class CheckReport : public ::testing::Test {
protected:
    void SetUp() override {
        draft_text = testing::read_file(testing::source_dir() / "corpus/drafts/migration-followup.txt");
        draft = testing::parse_ok(draft_text, "migration-followup.txt");
        reference = testing::parse_ok(corpus::reference_text(), corpus::reference_name());
        wn = models::wordnet::load();
        analysis::check_options options;
        options.wordnet = wn.get();
        result = analysis::check(reference, draft, options);
    }
    std::string draft_text;
    grammar::document draft, reference;
    std::unique_ptr<models::wordnet> wn;
    analysis::check_result result;
};

TEST_F(CheckReport, JsonFollowsTheContract) {
    const auto j = nlohmann::json::parse(check_json(result, {}));
    EXPECT_EQ(j["reference"]["source"], "a-68-l5.txt");
    EXPECT_EQ(j["reference"]["symbol"], "A/68/L.5");
    EXPECT_EQ(j["reference"]["paragraphs"], 34);
    EXPECT_EQ(j["draft"]["paragraphs"], 18);
    const auto& p = j["paragraphs"][6];
    EXPECT_EQ(p["id"], "2");
    EXPECT_EQ(p["status"], "edited");
    EXPECT_EQ(p["matches"][0]["reference"], "16");
    EXPECT_TRUE(p["matches"][0]["score"].is_number());
    EXPECT_TRUE(p["matches"][0]["reuse"].is_number());
    EXPECT_EQ(p["verb_changes"][0]["reference"], "strongly condemn");
    EXPECT_EQ(p["verb_changes"][0]["draft"], "condemns");
    EXPECT_EQ(p["verb_changes"][0]["change"], "weaker");
    EXPECT_EQ(p["redline"][0]["op"], "delete");
    EXPECT_EQ(p["redline"][1]["op"], "insert");
    EXPECT_EQ(p["redline"][2]["op"], "equal");
    EXPECT_TRUE(j["paragraphs"][0]["matches"].empty());  // pp1 is new
    EXPECT_EQ(j["gaps"].size(), 22u);
    EXPECT_EQ(j["gaps"][0]["reference"], "1");
    EXPECT_EQ(j["gaps"][0]["keywords"].size(), 4u);
    EXPECT_EQ(j["summary"]["gaps"], 22);
    EXPECT_EQ(j["summary"]["verbatim"].get<int>() + j["summary"]["edited"].get<int>() + j["summary"]["related"].get<int>() +
                  j["summary"]["new"].get<int>(),
              18);
    EXPECT_DOUBLE_EQ(j["summary"]["reference_covered"].get<double>(), 0.353);
}

TEST_F(CheckReport, TextHasRedlinesAndColourOnlyWhenAsked) {
    const std::string plain = check_text(result, false);
    EXPECT_EQ(plain.find('\x1b'), std::string::npos);
    EXPECT_NE(plain.find("[-Strongly condemn-] {+Condemns+} the acts"), std::string::npos);
    EXPECT_NE(plain.find("verb: strongly condemn -> condemns (weaker), drops \"strongly\""), std::string::npos);
    EXPECT_NE(plain.find("\ngaps (reference paragraphs whose wording the draft does not carry over):\n  1  coverage"),
              std::string::npos);
    const std::string coloured = check_text(result, true);
    EXPECT_NE(coloured.find("\x1b[31m[-Strongly condemn-]\x1b[0m"), std::string::npos);
}

// A small well-formedness check: every opened element is closed in order (void elements aside).
bool balanced(const std::string& html, std::string& problem) {
    static const std::regex tag(R"(<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>)");
    std::vector<std::string> open;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), tag); it != std::sregex_iterator(); ++it) {
        const std::string name = (*it)[2], attributes = (*it)[3];
        if (name == "meta" || name == "br" || attributes.ends_with("/")) continue;
        if ((*it)[1] == "/") {
            if (open.empty() || open.back() != name) {
                problem = "unexpected </" + name + ">";
                return false;
            }
            open.pop_back();
        } else {
            open.push_back(name);
        }
    }
    if (!open.empty()) problem = "unclosed <" + open.back() + ">";
    return open.empty();
}

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
    return n;
}

TEST_F(CheckReport, HtmlIsSelfContainedAndHasEveryPart) {
    const std::string html = check_html(result);
    std::string problem;
    EXPECT_TRUE(balanced(html, problem)) << problem;
    EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
    EXPECT_EQ(html.find("src="), std::string::npos);   // no external assets
    EXPECT_EQ(count(html, "href="), count(html, "href=\"#"));  // links only within the page
    EXPECT_EQ(count(html, "<tr class=\"paragraph\""), 18u);
    EXPECT_EQ(count(html, "data-status=\"edited\""), result.count(analysis::status::edited));
    EXPECT_EQ(count(html, "<li class=\"gap\""), 22u);
    EXPECT_EQ(count(html, "<td style=\"background:"), 18u * 34u);  // the heatmap, draft x reference
    EXPECT_NE(html.find("<del>Strongly condemn </del><ins>Condemns </ins>the acts"), std::string::npos);
    EXPECT_NE(html.find("<div class=\"verb-change weaker\">strongly condemn -&gt; condemns (weaker)"), std::string::npos);
    EXPECT_NE(html.find("<section id=\"heatmap\">"), std::string::npos);
}

// The lines the text report gives draft paragraph `id`: its heading and what follows, up to the blank line.
std::string text_block(const std::string& text, const std::string& id) {
    const auto start = text.find("\n\n" + id + "  ");
    if (start == std::string::npos) return {};
    return text.substr(start + 2, text.find("\n\n", start + 2) - start - 1);
}

// The <p> a draft paragraph's row shows its text in: a redline or the plain text.
std::string html_text(const std::string& html, const std::string& id) {
    const auto row = html.find("<tr class=\"paragraph\" id=\"draft-" + id + "\"");
    const auto start = html.find("\n<p", row);
    return html.substr(start + 1, html.find("</p>", start) + 4 - start - 1);
}

// Paragraph 11 is verbatim (reuse 0.93) with "and reintegrated" added and its verbs in another form: every
// format shows how it differs. A verbatim paragraph that is the same shows its text in HTML, nothing in text.
TEST_F(CheckReport, AVerbatimParagraphThatDiffersShowsItsRedlineInEveryFormat) {
    EXPECT_EQ(text_block(check_text(result, false), "11"),
              "11  verbatim  <- 24 (reuse 0.93, score 0.93); also 23 14\n"
              "    [-Underline-] {+Underlines+} the right of migrants to return to their country of citizenship, and "
              "[-recall-] {+recalls+} that States must ensure that their returning nationals are duly received[-;-]{+ and reintegrated;+}\n");
    EXPECT_EQ(html_text(check_html(result), "11"),
              "<p class=\"redline\"><del>Underline </del><ins>Underlines </ins>the right of migrants to return to their "
              "country of citizenship, and <del>recall </del><ins>recalls </ins>that States must ensure that their returning "
              "nationals are duly received<del>;</del><ins> and reintegrated;</ins></p>");
    const auto j = nlohmann::json::parse(check_json(result, {}));
    EXPECT_EQ(j["paragraphs"][15]["id"], "11");
    EXPECT_EQ(j["paragraphs"][15]["redline"].back(), nlohmann::json::parse(R"({"op": "insert", "text": " and reintegrated;"})"));

    analysis::check_result same = result;
    analysis::paragraph_check& p = same.paragraphs[15];
    p.text = "Recognizes the need to act;";
    p.redline = {{analysis::edit_op::equal, "Recognizes the need to act;", 0}};
    EXPECT_EQ(text_block(check_text(same, false), "11"), "11  verbatim  <- 24 (reuse 0.93, score 0.93); also 23 14\n");
    EXPECT_EQ(html_text(check_html(same), "11"), "<p>Recognizes the need to act;</p>");
}

// One CSV row per draft paragraph: its best match's scores, the semantic one empty without word vectors.
TEST_F(CheckReport, CsvRowHasTheBestMatchsScoresAndItsMeaning) {
    analysis::check_result r = result;
    r.paragraphs.resize(16);
    r.paragraphs.erase(r.paragraphs.begin(), r.paragraphs.begin() + 15);  // paragraph 11 alone
    const std::string head = "\xEF\xBB\xBF" "draft_paragraph,status,reference_paragraph,score,reuse,semantic,other_matches,merged,verb_changes,text\r\n";
    const std::string text = "\"Underlines the right of migrants to return to their country of citizenship, and recalls that States must ensure "
                             "that their returning nationals are duly received and reintegrated;\"\r\n";
    EXPECT_EQ(check_csv(r), head + "11,verbatim,24,0.93,0.93,,23 14,no,," + text);
    r.paragraphs[0].matches[0].semantic = 0.912;
    EXPECT_EQ(check_csv(r), head + "11,verbatim,24,0.93,0.93,0.91,23 14,no,," + text);
}

// A large result: the HTML shows at most shown_paragraphs rows and shown_gaps gaps, each reference text
// once, no heatmap without the matrix; the text report caps its gap list; the JSON keeps everything.
TEST_F(CheckReport, LargeResultsStayReadable) {
    analysis::check_result big = result;
    big.similarity.clear();  // as check leaves it past heatmap_cells
    while (big.paragraphs.size() < shown_paragraphs + 5) big.paragraphs.push_back(result.paragraphs[6]);
    while (big.gaps.size() < shown_gaps + 50) big.gaps.push_back(result.gaps[0]);
    big.gaps[0].echoed_by.assign(12, "pp9");
    const std::string html = check_html(big);
    EXPECT_EQ(count(html, "<tr class=\"paragraph\""), shown_paragraphs);
    EXPECT_NE(html.find("<p class=\"more\">... and 5 more draft paragraphs (the text and JSON reports list every paragraph).</p>"),
              std::string::npos);
    EXPECT_EQ(count(html, "<li class=\"gap\""), shown_gaps);
    EXPECT_NE(html.find("... and 50 more gaps (the JSON report lists every gap)."), std::string::npos);
    EXPECT_NE(html.find("echoed by pp9 pp9 pp9 pp9 pp9 pp9 pp9 pp9 pp9 pp9 and 2 more</span>"), std::string::npos);
    EXPECT_EQ(count(html, "<p id=\"reference-16\">"), 1u);  // paragraph 16's text once, then links to it
    EXPECT_EQ(count(html, "<a href=\"#reference-16\">(shown above)</a>"), shown_paragraphs - result.paragraphs.size());  // the copies
    EXPECT_EQ(count(html, "<td style=\"background:"), 0u);
    EXPECT_NE(html.find("<p class=\"omitted\">Not drawn: 1005 x 34 paragraphs"), std::string::npos);
    std::string problem;
    EXPECT_TRUE(balanced(html, problem)) << problem;

    const std::string text = check_text(big, false);
    EXPECT_EQ(count(text, "  coverage "), shown_gaps);
    EXPECT_NE(text.find("\n  ... and 50 more (--format json lists every gap)\n"), std::string::npos);
    EXPECT_EQ(nlohmann::json::parse(check_json(big, {}))["gaps"].size(), shown_gaps + 50);
}

}  // namespace
}  // namespace resdraft::report
