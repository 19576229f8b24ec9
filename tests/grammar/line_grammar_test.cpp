#include "grammar/detail/grammar.hpp"

#include <gtest/gtest.h>

namespace resdraft::grammar::detail {
namespace {

TEST(LineGrammar, ParagraphNumbers) {
    const auto m = match_paragraph_number("17. Reiterate our commitment");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->number, 17u);
    EXPECT_EQ(m->suffix, "");
    EXPECT_EQ(m->length, 4u);
    const auto bis = match_paragraph_number("5 bis. Decides");
    ASSERT_TRUE(bis);
    EXPECT_EQ(bis->number, 5u);
    EXPECT_EQ(bis->suffix, "bis");
    EXPECT_EQ(match_paragraph_number("1) Decides")->number, 1u);
    EXPECT_EQ(match_paragraph_number("1 . Decides")->number, 1u);
    EXPECT_FALSE(match_paragraph_number("1.1 Decides"));
    EXPECT_FALSE(match_paragraph_number("2030 Agenda for Sustainable Development"));
    EXPECT_FALSE(match_paragraph_number("1234567. Too long"));
}

TEST(LineGrammar, SubparagraphLabels) {
    EXPECT_EQ(match_subparagraph_label("(a) To continue")->label, "a");
    EXPECT_EQ(match_subparagraph_label("(a) To continue")->length, 4u);
    EXPECT_EQ(match_subparagraph_label("(iv) Good practices")->label, "iv");
    EXPECT_FALSE(match_subparagraph_label("(abcde) no"));
    EXPECT_FALSE(match_subparagraph_label("(A) upper"));
    EXPECT_FALSE(match_subparagraph_label("(deployed or non-deployed)"));
}

TEST(LineGrammar, FootnotesMeetingsAnnexesFormulas) {
    EXPECT_EQ(match_footnote_definition("[^12]: Resolution 64/293."), 12u);
    EXPECT_FALSE(match_footnote_definition("[^12] text"));
    EXPECT_EQ(match_inline_footnote("[^6] as an integral")->number, 6u);
    EXPECT_EQ(match_inline_footnote("[^6] as an integral")->length, 4u);
    EXPECT_TRUE(match_meeting_line("28th plenary meeting 4 November 2025"));
    EXPECT_TRUE(match_meeting_line("52nd plenary meeting 1 December 2025"));
    EXPECT_FALSE(match_meeting_line("28 plenary meetings"));
    EXPECT_EQ(match_annex_heading("Annex"), "");
    EXPECT_EQ(match_annex_heading("Annex II"), "II");
    EXPECT_FALSE(match_annex_heading("Annexed to the present resolution"));
    EXPECT_TRUE(match_enacting_formula("The General Assembly,"));
    EXPECT_TRUE(match_enacting_formula("The General Assembly"));
    EXPECT_FALSE(match_enacting_formula("The General Assembly decides"));
}

TEST(LineGrammar, PageFurnitureArticlesAndAnnexTitles) {
    EXPECT_EQ(match_job_number("20-14566 (E)    061120"), "20-14566");
    EXPECT_EQ(match_job_number("24-23017"), "24-23017");
    EXPECT_FALSE(match_job_number("20-14566 is a number"));
    EXPECT_FALSE(match_job_number("2020-2030"));
    EXPECT_EQ(match_page_count("3/12")->page, 3u);
    EXPECT_EQ(match_page_count("3/12")->pages, 12u);
    EXPECT_FALSE(match_page_count("13/12"));
    EXPECT_FALSE(match_page_count("70/1."));
    EXPECT_TRUE(match_barcode("*2014566*"));
    EXPECT_FALSE(match_barcode("*201456*"));
    EXPECT_TRUE(match_footnote_separator("__________________"));
    EXPECT_TRUE(match_footnote_separator("_______________"));
    EXPECT_FALSE(match_footnote_separator("_____ name"));
    EXPECT_EQ(match_page_footnote("11  United Nations, Treaty Series"), 11u);
    EXPECT_EQ(match_page_footnote("1 See resolution 70/1."), 1u);
    EXPECT_FALSE(match_page_footnote("2187, No. 38544."));
    EXPECT_EQ(match_article_heading("Article 12"), 12u);
    EXPECT_FALSE(match_article_heading("Article 12 of the Convention"));
    EXPECT_EQ(match_annex_with_title("Annex Political declaration"), 6u);
    EXPECT_FALSE(match_annex_with_title("Annex II"));
    EXPECT_FALSE(match_annex_with_title("Annex to the resolution"));
}

TEST(LineGrammar, HeaderFields) {
    const auto title = match_numbered_title("80/39. Towards a nuclear-weapon-free world");
    ASSERT_TRUE(title);
    EXPECT_EQ(title->symbol, "A/RES/80/39");
    EXPECT_EQ(title->title_offset, 7u);
    const std::string_view line = "General Assembly Distr.: General 4 November 2025";
    const auto date = find_date(line);
    ASSERT_TRUE(date);
    EXPECT_EQ(line.substr(date->begin, date->end - date->begin), "4 November 2025");
    const std::string_view session_line = "Eightieth session Agenda item 99 (r) General and complete disarmament";
    const auto session = find_session(session_line);
    ASSERT_TRUE(session);
    EXPECT_EQ(session_line.substr(session->begin, session->end - session->begin), "Eightieth session");
    const auto item = find_agenda_item(session_line);
    ASSERT_TRUE(item);
    EXPECT_EQ(session_line.substr(item->begin, item->end - item->begin), "99 (r)");
    EXPECT_FALSE(find_session("the fourth special session"));
    const std::string_view symbol_line = "A/RES/80/9 extra";
    EXPECT_EQ(find_symbol(symbol_line)->end, 10u);
}

TEST(LineGrammar, SymbolsFromFileStems) {
    EXPECT_EQ(symbol_from_file_stem("a-68-l5"), "A/68/L.5");
    EXPECT_EQ(symbol_from_file_stem("A_RES_80_5"), "A/RES/80/5");
    EXPECT_FALSE(symbol_from_file_stem("ga-draft-migration"));
}

TEST(LineGrammar, YamlFields) {
    const auto f = match_yaml_field("title: \"Report of the Agency :\"");
    ASSERT_TRUE(f);
    EXPECT_EQ(f->key, "title");
    EXPECT_EQ(f->value, "Report of the Agency :");
    EXPECT_EQ(match_yaml_field("symbol: A/RES/80/7")->value, "A/RES/80/7");
    EXPECT_FALSE(match_yaml_field("no colon here"));
}

}  // namespace
}  // namespace resdraft::grammar::detail
