// The command line on Word and PDF files: read by content, --tracked, origins and notes in parse's JSON,
// folders of mixed files, and bad files refused in one line with exit code 2.
#include "readers/builders.hpp"
#include "readers/fixtures.hpp"
#include "cli/run.hpp"
#include "test_support.hpp"

#include <nlohmann/json.hpp>

#include <set>
#include <sys/wait.h>
#include <unistd.h>

namespace resdraft {
namespace {

using testing::run_result;

std::filesystem::path scratch_dir() { return testing::scratch_folder("readers-cli"); }

run_result run(const std::string& args, const std::string& stdin_bytes = "") {
    const auto dir = scratch_dir();
    const auto in = dir / "stdin";
    std::ofstream(in, std::ios::binary) << stdin_bytes;
    return testing::run_shell(std::string(RESDRAFT_BINARY) + " " + args + " <" + in.string(), dir);
}

std::string write(const std::string& name, const std::string& bytes) {
    const auto path = scratch_dir() / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
}

using testing::numbered;
using testing::para;

const std::string numbering = testing::wordml_part("numbering",
    "<w:abstractNum w:abstractNumId=\"0\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"(%2)\"/></w:lvl>"
    "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>");

std::string del(std::string_view t) {
    return "<w:del w:id=\"1\" w:author=\"A\"><w:r><w:delText xml:space=\"preserve\">" + std::string(t) + "</w:delText></w:r></w:del>";
}
std::string ins(std::string_view t) {
    return "<w:ins w:id=\"2\" w:author=\"A\"><w:r><w:t xml:space=\"preserve\">" + std::string(t) + "</w:t></w:r></w:ins>";
}
std::string run_of(std::string_view t) { return "<w:r><w:t xml:space=\"preserve\">" + std::string(t) + "</w:t></w:r>"; }

// Two paragraphs of A/68/L.5 in a second round: both verbs weakened as tracked changes.
std::string weakened_draft() {
    const std::string p = "<w:p><w:pPr>" + numbered(1) + "</w:pPr>";
    return para("The General Assembly,") + p + del("Strongly condemn") + ins("Condemn") +
           run_of(" the acts, manifestations and expressions of racism, racial discrimination, xenophobia and related intolerance "
                  "against migrants and the stereotypes often applied to them, including on the basis of religion or belief;") +
           "</w:p>" + p + del("Urge") + ins("Encourage") +
           run_of(" States to apply and, where needed, reinforce the existing laws when xenophobic or intolerant acts, manifestations "
                  "or expressions against migrants occur, in order to eradicate impunity for those who commit xenophobic and racist acts.") +
           "</w:p>";
}

TEST(CliReaders, ParseADocxReportsOriginsAndNotes) {
    const auto footnotes = testing::wordml_part("footnotes",
        "<w:footnote w:id=\"1\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> A/81/100.</w:t></w:r></w:p></w:footnote>");
    const std::string body = para("The General Assembly,") +
                             "<w:p><w:r><w:t>Having considered the report of the Secretary-General,</w:t></w:r>"
                             "<w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>" +
                             para("Requests the Secretary-General:", numbered(1)) + para("To report;", numbered(1, 1));
    const auto file = write("draft.docx", testing::make_docx(body, {{"word/numbering.xml", numbering}, {"word/footnotes.xml", footnotes}}));
    const auto r = run("parse " + file);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["paragraphs"].size(), 2u);
    EXPECT_EQ(j["paragraphs"][0]["id"], "pp1");
    EXPECT_EQ(j["paragraphs"][0]["origin"], nlohmann::json::parse(R"({"paragraph": 2})"));
    EXPECT_EQ(j["paragraphs"][1]["id"], "1");
    EXPECT_EQ(j["paragraphs"][1]["text"], "Requests the Secretary-General: (a) To report;");
    EXPECT_EQ(j["paragraphs"][1]["origin"], nlohmann::json::parse(R"({"paragraph": 3, "last_paragraph": 4})"));
    EXPECT_EQ(j["paragraphs"][1]["subparagraphs"][0]["origin"], nlohmann::json::parse(R"({"paragraph": 4})"));
    EXPECT_EQ(j["notes"], nlohmann::json::parse(R"([{"kind": "footnote", "number": 1, "offset": 77, "paragraph": 2, "text": "A/81/100."}])"));

    // the same text as a .txt: no origins, no notes
    const auto text = run("parse " + write("draft.txt", "The General Assembly,\n\nHaving considered the report of the Secretary-General,\n"));
    ASSERT_EQ(text.exit_code, 0) << text.err;
    const auto t = nlohmann::json::parse(text.out);
    EXPECT_FALSE(t.contains("notes"));
    EXPECT_FALSE(t["paragraphs"][0].contains("origin"));
}

TEST(CliReaders, FormatIsToldByContentNotByName) {
    const auto bytes = testing::make_docx(para("Decides to remain seized of the matter.", numbered(1)), {{"word/numbering.xml", numbering}});
    const auto r = run("parse --format text " + write("misnamed.txt", bytes));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.substr(r.out.find("body")), "body\n  1. Decides to remain seized of the matter.\n      - decide [5] | to remain seized of the matter\n");
    const auto pdf = testing::make_pdf({{{72, 720, 12, "1. Urges States to act;"}}, {{72, 720, 12, "2. Decides to remain seized."}}});
    const auto p = run("parse " + write("scan-0001", pdf));
    ASSERT_EQ(p.exit_code, 0) << p.err;
    const auto j = nlohmann::json::parse(p.out);
    EXPECT_EQ(j["paragraphs"][1]["origin"], nlohmann::json::parse(R"({"page": 2})"));
}

TEST(CliReaders, TrackedChangesAcceptedOriginalAndSelf) {
    const auto file = write("round2.docx", testing::make_docx(weakened_draft(), {{"word/numbering.xml", numbering}}));
    const auto verbs = [](const run_result& r) {
        std::string out;
        const auto j = nlohmann::json::parse(r.out);
        for (const auto& p : j["paragraphs"]) {
            for (const auto& a : p["clauses"][0]["adverbs"]) out += a.get<std::string>() + " ";
            out += p["clauses"][0]["verb"].get<std::string>() + ";";
        }
        return out;
    };
    EXPECT_EQ(verbs(run("parse " + file)), "condemn;encourage;");
    EXPECT_EQ(verbs(run("parse " + file + " --tracked accepted")), "condemn;encourage;");
    EXPECT_EQ(verbs(run("parse " + file + " --tracked original")), "strongly condemn;urge;");

    const auto r = run("check " + file + " --tracked self --format json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["reference"]["source"], file + " (original)");
    std::string changes;
    for (const auto& p : j["paragraphs"])
        for (const auto& v : p["verb_changes"])
            changes += p["id"].get<std::string>() + " " + v["reference"].get<std::string>() + " -> " + v["draft"].get<std::string>() + " " +
                       v["change"].get<std::string>() + "; ";
    EXPECT_EQ(changes, "1 strongly condemn -> condemn weaker; 2 urge -> encourage weaker; ");

    EXPECT_EQ(run("check " + file + " --tracked self --reference " + file).err,
              "resdraft: --tracked self checks DRAFT against its own original text: give no --reference or --library\n");
    const auto text = write("round2.txt", "1. Urges States to act.\n");
    const auto refused = run("check " + text + " --tracked self");
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_EQ(refused.err, "resdraft: --tracked self needs a .docx DRAFT (its tracked changes are what is checked): " + text + " is not one\n");
    const auto plain = write("plain.docx", testing::make_docx(para("1. Urges States to act.")));
    EXPECT_EQ(run("check " + plain + " --tracked self").err,
              "resdraft: " + plain + " has no tracked changes: its original and its accepted text are the same\n");
    EXPECT_EQ(run("parse " + file + " --tracked self").exit_code, 2);  // self is check's only
}

TEST(CliReaders, BadFilesAreOneLineAndExitTwo) {
    const auto expect = [](const std::string& name, const std::string& bytes, const std::string& message) {
        const auto file = write(name, bytes);
        const auto r = run("parse " + file);
        EXPECT_EQ(r.exit_code, 2) << name;
        EXPECT_EQ(r.err, "resdraft: " + file + ": " + message + "\n");
        EXPECT_EQ(r.out, "") << name;
    };
    const auto good = testing::make_docx(para("Decides to act."));
    expect("cut.docx", good.substr(0, good.size() - 30), "damaged zip archive: not a zip archive");
    expect("notword.docx", testing::make_zip({{"content.xml", "<office/>"}}), "not a Word document: no word/document.xml");
    expect("text.docx", "1. Decides to act.\n", "not a Word document: it does not start as a zip archive does");
    expect("text.pdf", "1. Decides to act.\n", "not a PDF: it does not start with %PDF-");
    expect("bad-xml.docx", testing::make_zip({{"word/document.xml", "<w:document><w:body></w:document>"}}),
           "word/document.xml: XML error: start-end tags mismatch (byte 22 of word/document.xml)");
    expect("legacy.doc", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0'),
           "a legacy .doc or a password-protected .docx (an OLE compound file): save it in Word as an unprotected .docx");
    testing::pdf_options locked;
    locked.locked = true;
    expect("locked.pdf", testing::make_pdf({{{72, 720, 12, "Secret"}}}, locked), "encrypted PDF: a password is needed to open it");
    expect("scan.pdf", testing::make_pdf({{}}), "no text layer (scanned?): run OCR first");
    // a zip bomb: 2 MiB of one letter in a few KiB
    expect("bomb.docx", testing::make_zip({{"word/document.xml", testing::document_xml(para(std::string(2 << 20, 'a')))}}),
           "word/document.xml: unpacks to 200 or more times its packed size, the cap on a .docx's parts: a zip bomb?");
    // the file's own size cap holds for binary files too
    const auto big = write("big.pdf", testing::make_pdf({{{72, 720, 12, "Decides to act."}}}));
    EXPECT_EQ(run("parse " + big + " --max-input 100").err,
              "resdraft: " + big + ": input larger than the 100 B limit (byte 100); raise it with --max-input\n");
}

// A stream is read as a .docx or PDF only once its first bytes are a whole magic; until then they are text,
// so that a bad byte among them is named, also when the cap comes first (found by read_fuzz).
TEST(CliReaders, StreamsAreTextUntilAMagicIsWhole) {
    EXPECT_EQ(run("parse - --max-input 4", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x2D\x34", 8)).err,
              "resdraft: -: invalid UTF-8 (truncated sequence) (byte 0)\n");
    EXPECT_EQ(run("parse - --max-input 4", std::string("PK\x03\x04\x01", 5)).err,
              "resdraft: -: input larger than the 4 B limit (byte 4); raise it with --max-input\n");
    EXPECT_EQ(run("parse -", std::string("PK\x03\x04\x01", 5)).err, "resdraft: -: damaged zip archive: not a zip archive\n");
    EXPECT_EQ(run("parse -", "%PDF").exit_code, 0);  // four bytes of text, not the five of "%PDF-"
}

TEST(CliReaders, FoldersReadWordAndPdfFiles) {
    const auto dir = scratch_dir() / "mixed";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::filesystem::copy_file(testing::source_dir() / "corpus/a-68-l5.txt", dir / "a-68-l5.txt");
    write("mixed/draft.docx", testing::make_docx(weakened_draft(), {{"word/numbering.xml", numbering}}));
    write("mixed/draft.pdf", testing::make_pdf({{{72, 720, 12, "1. Urges States to protect the human rights of migrants;"}}}));
    write("mixed/scan.pdf", testing::make_pdf({{}}));
    const auto r = run("cluster " + dir.string() + " --k 2 --format json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "resdraft: skipping " + (dir / "scan.pdf").string() + ": no text layer (scanned?): run OCR first\n");
    std::size_t units = 0;
    std::set<std::string> sources;
    const auto j = nlohmann::json::parse(r.out);
    for (const auto& c : j["clusters"])
        for (const auto& m : c["members"]) ++units, sources.insert(m["source"].get<std::string>());
    EXPECT_EQ(units + j["unclustered"].size(), 34u + 2u + 1u);
    EXPECT_EQ(sources.size(), 3u);
}

// The committed Word and PDF fixtures of corpus/fixtures/ (scripts/make_fixtures) are what tools/make_fixtures
// writes from the text drafts today, and `check` reads each as the draft it came from.
TEST(CliFixtures, CommittedWordFilesAreWhatTheScriptWrites) {
    for (const auto& f : testing::word_fixtures())
        EXPECT_EQ(testing::read_file(testing::source_dir() / "corpus/fixtures" / f.docx),
                  testing::text_as_docx(testing::read_file(testing::source_dir() / f.text), f.options))
            << f.docx << ": run scripts/make_fixtures";
}

// parse's JSON without what says where text stands in its own file (spans, warnings' offsets, origins) and
// which file it is: what a .docx and its text must agree on.
nlohmann::json without_places(nlohmann::json j) {
    if (j.is_object()) {
        for (const char* key : {"span", "offset", "origin", "notes", "source"}) j.erase(key);
        for (auto& [key, value] : j.items()) value = without_places(value);
    } else if (j.is_array()) {
        for (auto& value : j) value = without_places(value);
    }
    return j;
}

// Each paragraph's id, status and best reference paragraph, as `check --format json` gives them.
std::string statuses(const std::string& draft, const std::string& flags = "") {
    const auto r = run("check " + draft + " --format json --vectors none" + flags);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::string out;
    const auto j = nlohmann::json::parse(r.out);
    for (const auto& p : j["paragraphs"]) {
        out += p["id"].get<std::string>() + " " + p["status"].get<std::string>();
        if (!p["matches"].empty()) out += " <- " + p["matches"][0]["reference"].get<std::string>();
        out += "; ";
    }
    return out;
}

TEST(CliFixtures, CheckReadsEachFixtureAsTheTextItCameFrom) {
    const auto dir = testing::source_dir() / "corpus";
    const std::string ga_draft = statuses((dir / "ga-draft-migration.txt").string());
    EXPECT_EQ(ga_draft,
              "pp1 related <- 34; pp2 new; pp3 new; pp4 edited <- 33; pp5 new; pp6 related <- 34; 1 edited <- 1; 2 edited <- 16; "
              "3 verbatim <- 18; 4 edited <- 33; 5 related <- 15; 6 edited <- 34; 7 new; ");
    EXPECT_EQ(statuses((dir / "fixtures/ga-draft-migration.docx").string()), ga_draft);
    EXPECT_EQ(statuses((dir / "fixtures/ga-draft-migration.pdf").string()), ga_draft);
    // and parse reads both as the text, word for word: paragraph and clause texts, note marks left out
    const auto text = without_places(nlohmann::json::parse(run("parse " + (dir / "ga-draft-migration.txt").string() + " --format json").out));
    for (const char* file : {"fixtures/ga-draft-migration.docx", "fixtures/ga-draft-migration.pdf"})
        EXPECT_EQ(without_places(nlohmann::json::parse(run("parse " + (dir / file).string() + " --format json").out)), text) << file;
    const auto round2 = (dir / "fixtures/migration-followup-round2.docx").string();
    EXPECT_EQ(statuses(round2, " --tracked original"), statuses((dir / "drafts/migration-followup.txt").string()));
}

TEST(CliFixtures, TrackedSelfFindsTheTwoWeakenedVerbs) {
    const auto file = (testing::source_dir() / "corpus/fixtures/migration-followup-round2.docx").string();
    const auto r = run("check " + file + " --tracked self --format json --vectors none");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::string changes, not_verbatim;
    const auto j = nlohmann::json::parse(r.out);
    for (const auto& p : j["paragraphs"]) {
        for (const auto& v : p["verb_changes"])
            changes += p["id"].get<std::string>() + " " + v["reference"].get<std::string>() + " -> " + v["draft"].get<std::string>() + " " +
                       v["change"].get<std::string>() + "; ";
        if (p["status"] != "verbatim") not_verbatim += p["id"].get<std::string>() + " ";
    }
    EXPECT_EQ(changes, "3 urges -> encourages weaker; 10 calls upon -> invites weaker; ");
    EXPECT_EQ(not_verbatim, "");
}

TEST(CliFixtures, EveryRealResolutionRoundTripsThroughWord) {
    const auto shared = testing::shared_corpus();
    if (!shared) GTEST_SKIP() << "../shared/corpus is absent: the Word round trip of ga-res-80 did not run";
    std::size_t files = 0, numbered = 0;
    for (const auto& entry : std::filesystem::directory_iterator(*shared / "ga-res-80")) {
        if (entry.path().extension() != ".md") continue;
        const auto parts = testing::text_as_docx_parts(testing::read_file(entry.path()));
        const auto file = write(entry.path().stem().string() + ".docx", testing::make_docx(parts.body, parts.parts));
        const auto text = run("parse " + entry.path().string() + " --format json"), word = run("parse " + file + " --format json");
        ASSERT_EQ(word.exit_code, 0) << word.err;
        EXPECT_EQ(without_places(nlohmann::json::parse(word.out)), without_places(nlohmann::json::parse(text.out))) << entry.path();
        ++files;
        for (auto at = parts.body.find("<w:numPr>"); at != std::string::npos; at = parts.body.find("<w:numPr>", at + 1)) ++numbered;
    }
    EXPECT_EQ(files, 48u);
    EXPECT_EQ(numbered, 534u);  // paragraphs numbered by Word's lists, not in their text (15 out-of-sequence labels stay typed)
}

}  // namespace
}  // namespace resdraft
