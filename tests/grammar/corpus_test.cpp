// Every real resolution in ../shared/corpus/ga-res-80: parses, operative ids consecutive from 1 in each
// part, a verb for at least 95% of operative paragraphs. Prints the figures per file.
#include "grammar/parser.hpp"

#include "test_support.hpp"

#include <algorithm>
#include <iostream>
#include <map>

namespace resdraft::grammar {
namespace {

std::vector<std::filesystem::path> real_resolutions() {
    std::vector<std::filesystem::path> files;
    if (const auto shared = testing::shared_corpus())
        for (const auto& entry : std::filesystem::directory_iterator(*shared / "ga-res-80"))
            if (entry.path().extension() == ".md") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

TEST(RealCorpus, EveryFileParsesWithConsecutiveIdsAndVerbs) {
    const auto files = real_resolutions();
    if (files.empty()) GTEST_SKIP() << "../shared/corpus/ga-res-80 is absent: the real-corpus test did not run";
    ASSERT_EQ(files.size(), 48u);
    std::size_t all_operative = 0, all_with_verb = 0;
    for (const auto& file : files) {
        const std::string in = testing::read_file(file);
        const auto result = parse_document(in, file.filename().string());
        ASSERT_TRUE(result.ok()) << file << ": " << result.error().message;
        const document& doc = result.value();
        std::map<std::size_t, std::vector<std::string>> ids_by_part;
        std::size_t operative = 0, with_verb = 0, preambular = 0;
        for (const paragraph& p : doc.paragraphs) {
            if (p.kind == paragraph_kind::preambular) {
                ++preambular;
                continue;
            }
            ids_by_part[p.part].push_back(p.id);
            ++operative;
            with_verb += p.clauses.empty() ? 0 : 1;
        }
        for (const auto& [part, ids] : ids_by_part)
            for (std::size_t i = 0; i < ids.size(); ++i)
                EXPECT_EQ(ids[i], std::to_string(i + 1)) << file.filename() << " part " << doc.parts[part].name;
        ASSERT_GT(operative, 0u) << file.filename();
        const double share = static_cast<double>(with_verb) / static_cast<double>(operative);
        EXPECT_GE(share, 0.95) << file.filename();
        EXPECT_TRUE(doc.symbol.has_value()) << file.filename();
        std::cout << "[corpus] " << file.filename().string() << ": " << preambular << " preambular, " << operative
                  << " operative in " << ids_by_part.size() << " part(s), verb found for " << with_verb << "/"
                  << operative << ", " << doc.warnings.size() << " warning(s)\n";
        all_operative += operative;
        all_with_verb += with_verb;
    }
    std::cout << "[corpus] total: verb found for " << all_with_verb << "/" << all_operative << " operative paragraphs\n";
}

// Damage seen in the real files, each repaired as the text reads.
TEST(RealCorpus, RepairsPdfDamage) {
    const auto shared = testing::shared_corpus();
    if (!shared) GTEST_SKIP() << "../shared/corpus is absent: the real-corpus test did not run";
    const std::string doha = testing::read_file(*shared / "ga-res-80/A_RES_80_5.md");
    const document d = testing::parse_ok(doha, "A_RES_80_5.md");
    const auto annex = testing::part_paragraphs(d, "annex", paragraph_kind::operative);
    ASSERT_EQ(annex.size(), 44u);
    // "...Sustainable Development.2 2. We acknowledge": split, footnote 2 left out
    EXPECT_TRUE(normalized_text(d, annex[0]->text).ends_with("the 2030 Agenda for Sustainable Development."));
    EXPECT_TRUE(normalized_text(d, annex[1]->text).starts_with("We acknowledge the urgent need"));
    // a page break inside paragraph 2: "their distressing\n\nconsequences"
    EXPECT_NE(normalized_text(d, annex[1]->text).find("their distressing consequences in accordance"), std::string::npos);
    // "[^6]" left out
    EXPECT_EQ(normalized_text(d, annex[8]->text).find("[^"), std::string::npos);
    EXPECT_EQ(testing::render_clauses(d, annex[8]->clauses), "reaffirm | committed");

    // footnotes glued to a year and after a closing comma, with indented definitions at the end
    const std::string iaea = testing::read_file(*shared / "ga-res-80/A_RES_80_7.md");
    const document a = testing::parse_ok(iaea, "A_RES_80_7.md");
    EXPECT_EQ(normalized_text(a, a.paragraphs.at(0).text),
              "Having received the report of the International Atomic Energy Agency for 2024,");
    const std::string chem = testing::read_file(*shared / "ga-res-80/A_RES_80_34.md");
    const document c = testing::parse_ok(chem, "A_RES_80_34.md");
    const auto chem_ops = testing::part_paragraphs(c, "body", paragraph_kind::operative);
    EXPECT_NE(normalized_text(c, chem_ops.at(4)->text)
                  .find("Mechanism of 24 August 2016 and 21 October 2016, which concluded"),
              std::string::npos);

    const std::string npt = testing::read_file(*shared / "ga-res-80/A_RES_80_39.md");
    const document n = testing::parse_ok(npt, "A_RES_80_39.md");
    EXPECT_EQ(testing::part_paragraphs(n, "body", paragraph_kind::preambular).size(), 33u);
    const auto ops = testing::part_paragraphs(n, "body", paragraph_kind::operative);
    EXPECT_EQ(testing::render_clauses(n, ops.at(0)->clauses),
              "condemn +unequivocally | call upon @all States, in particular the nuclear-weapon States");
    EXPECT_EQ(testing::render_clauses(n, ops.at(4)->clauses), "urge +strongly @nuclear-weapon States");
    const auto pre = testing::part_paragraphs(n, "body", paragraph_kind::preambular);
    EXPECT_NE(normalized_text(n, pre.at(10)->text).find("the Final Documents of the 2000 and the 2010 Review"),
              std::string::npos);
    // "non‑nuclear- weapon States": a word split at a line end, rejoined; the non-breaking hyphen made plain
    EXPECT_NE(normalized_text(n, pre.at(8)->text).find("on the territory of non-nuclear-weapon States, which"),
              std::string::npos);
}

}  // namespace
}  // namespace resdraft::grammar
