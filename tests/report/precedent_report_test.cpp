#include "report/precedent_report.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace resdraft::report {
namespace {

using analysis::edit_op;
using analysis::status;

analysis::precedent_result sample() {
    analysis::precedent_result r;
    r.draft_name = "draft.txt";
    r.library_name = "lib.db";
    r.library_texts = 1147;
    analysis::paragraph_precedents p;
    p.id = "4";
    p.text = "Recognizes that remittances matter;";
    p.state = status::edited;
    const library::occurrence old{"A/68/L.5", "1 October 2013", "2013-10-01", "annex", "27", "operative"};
    const library::occurrence recent{"A/RES/80/5", "4 November 2025", "2025-11-04", "body", "pp3", "preambular"};
    p.best = {{old, status::edited, 0.75, 0.5, 0.8, 1}, {recent, status::related, 0.1, 0.1, 0.31, 2}};
    p.earliest = p.latest = p.best[0];
    p.edited = 1;
    p.redline = {{edit_op::remove, "Recognize ", 0}, {edit_op::insert, "Recognizes ", 0}, {edit_op::equal, "that remittances matter, ", 0},
                 {edit_op::remove, "too", 0}};
    r.paragraphs.push_back(p);
    analysis::paragraph_precedents fresh;
    fresh.id = "5";
    fresh.text = "Decides, \"in principle\", to act.";
    r.paragraphs.push_back(fresh);
    return r;
}

TEST(PrecedentReport, NamesPrecedentsAsDelegatesCiteThem) {
    EXPECT_EQ(precedent_name({"A/RES/80/19", "", "2025-12-03", "body", "4", "operative"}), "A/RES/80/19 \xC2\xB6" "4 (2025)");
    EXPECT_EQ(precedent_name({"A/68/L.5", "", "2013", "annex", "3", "operative"}), "A/68/L.5 annex \xC2\xB6" "3 (2013)");
    EXPECT_EQ(precedent_name({"A/RES/80/19", "", "", "body", "pp2", "preambular"}), "A/RES/80/19 pp2");
}

TEST(PrecedentReport, Text) {
    EXPECT_EQ(precedents_text(sample(), false),
              "resdraft check: draft.txt (2 paragraphs) against the library lib.db (1147 distinct paragraph texts)\n"
              "verbatim 0, edited 1, related 0, new 1\n\n"
              "4  edited  <- A/68/L.5 annex \xC2\xB6" "27 (2013) (reuse 0.75, score 0.80); also A/RES/80/5 pp3 (2025) related\n"
              "    agreed language in 1 paragraph: earliest A/68/L.5 annex \xC2\xB6" "27 (2013)\n"
              "    [-Recognize-] {+Recognizes+} that remittances matter, [-too-]\n\n"
              "5  new\n"
              "    Decides, \"in principle\", to act.\n");
}

TEST(PrecedentReport, CsvQuotesWhatNeedsIt) {
    auto r = sample();
    r.paragraphs[1].id = "5, \"bis\"\nter";               // a comma, quotes and a line break
    r.paragraphs[0].best[1].where.symbol = "=HYPERLINK(1)";  // a spreadsheet formula
    EXPECT_EQ(precedents_csv(r),
              "\xEF\xBB\xBF"
              "draft_paragraph,draft_status,earliest,latest,rank,precedent,symbol,part,paragraph,date,status,reuse,coverage,score,occurrences\r\n"
              "4,edited,A/68/L.5 annex \xC2\xB6" "27 (2013),A/68/L.5 annex \xC2\xB6" "27 (2013),1,A/68/L.5 annex \xC2\xB6" "27 (2013),"
              "A/68/L.5,annex,27,1 October 2013,edited,0.75,0.50,0.80,1\r\n"
              "4,edited,A/68/L.5 annex \xC2\xB6" "27 (2013),A/68/L.5 annex \xC2\xB6" "27 (2013),2,'=HYPERLINK(1) pp3 (2025),"
              "'=HYPERLINK(1),body,pp3,4 November 2025,related,0.10,0.10,0.31,2\r\n"
              "\"5, \"\"bis\"\"\nter\",new,,,,,,,,,,,,,\r\n");
}

TEST(PrecedentReport, JsonFollowsTheContract) {
    const auto j = nlohmann::json::parse(precedents_json(sample(), {}));
    EXPECT_EQ(j["library"], nlohmann::json::parse(R"({"source": "lib.db", "texts": 1147})"));
    EXPECT_EQ(j["summary"], nlohmann::json::parse(R"({"verbatim": 0, "edited": 1, "related": 0, "new": 1})"));
    const auto& p = j["paragraphs"][0];
    const auto related = nlohmann::json::parse(
        "{\"name\": \"A/RES/80/5 pp3 (2025)\", \"symbol\": \"A/RES/80/5\", \"date\": \"4 November 2025\", \"part\": \"body\","
        " \"paragraph\": \"pp3\", \"status\": \"related\", \"reuse\": 0.1, \"coverage\": 0.1, \"score\": 0.31, \"occurrences\": 2}");
    EXPECT_EQ(p["precedents"][1], related);
    EXPECT_EQ(p["earliest"]["name"], "A/68/L.5 annex \xC2\xB6" "27 (2013)");
    EXPECT_EQ(p["redline"][3], nlohmann::json::parse(R"({"op": "delete", "text": "too"})"));
    EXPECT_TRUE(j["paragraphs"][1]["earliest"].is_null());
}

}  // namespace
}  // namespace resdraft::report
