// `resdraft check --format docx`: the Word report written through --output only, dated by SOURCE_DATE_EPOCH,
// the same bytes for the same inputs, read back by the project's reader as the draft and the reference; bad
// usage refused in one line with exit code 2, leaving any existing file as it was.
#include "corpus/embedded.hpp"
#include "analysis/check.hpp"
#include "readers/builders.hpp"
#include "readers/reader.hpp"
#include "report/docx_support.hpp"
#include "cli/run.hpp"
#include "test_support.hpp"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace resdraft {
namespace {

using testing::run_result;

std::filesystem::path scratch_dir() { return testing::scratch_folder("docx-cli"); }

// Runs resdraft with `args` after the shell words `before` (variables, a umask), from the scratch folder.
run_result run(const std::string& args, const std::string& before = "SOURCE_DATE_EPOCH=1767225600") {
    const auto dir = scratch_dir();
    return testing::run_shell("cd " + dir.string() + " && " + before + " " + std::string(RESDRAFT_BINARY) + " " + args +
                                  " --vectors none </dev/null",
                              dir);
}

std::string draft_path(const char* name) { return (testing::source_dir() / "corpus/drafts" / name).string(); }

std::vector<std::pair<std::string, std::string>> compared(const std::string& bytes, const std::string& name, readers::tracked_changes tracked) {
    readers::read_options options;
    options.tracked = tracked;
    auto read = readers::read_bytes(bytes, name, options);
    if (auto* e = std::get_if<readers::read_error>(&read)) {
        ADD_FAILURE() << name << ": " << e->message;
        return {};
    }
    auto parsed = grammar::parse_document(std::get<readers::read_document>(read).source);
    if (!parsed.ok()) {
        ADD_FAILURE() << name << ": " << parsed.error().message;
        return {};
    }
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto* p : analysis::compared_paragraphs(parsed.value()))
        out.emplace_back(p->id, grammar::normalized_text(parsed.value(), p->text));
    return out;
}

TEST(CliDocx, WritesTheReportThroughOutputOnly) {
    const std::string draft = draft_path("migration-followup.txt");
    const auto refused = run("check " + draft + " --format docx");
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_EQ(refused.out, "");
    EXPECT_EQ(refused.err, "resdraft: --format docx writes a Word file, not text for standard output: give --output FILE\n");
    const auto with_library = run("check " + draft + " --format docx --output report.docx --library lib.db");
    EXPECT_EQ(with_library.exit_code, 2);
    EXPECT_EQ(with_library.err, "resdraft: --format docx shows the draft as changes to one reference: give --reference, or no --library\n");
    const auto unknown = run("check " + draft + " --format doc --output report.docx");
    EXPECT_EQ(unknown.exit_code, 2);
    EXPECT_EQ(unknown.err, "resdraft: check: --format: doc not in {text,json,html,csv,docx} (see resdraft help check)\n");
    EXPECT_FALSE(std::filesystem::exists(scratch_dir() / "report.docx"));

    const auto written = run("check " + draft + " --format docx --output report.docx");
    ASSERT_EQ(written.exit_code, 0) << written.err;
    EXPECT_EQ(written.out, "");
    EXPECT_EQ(written.err, "");
    const std::string docx = testing::read_file(scratch_dir() / "report.docx");
    // what the reader makes of it: the draft with every change accepted, the embedded reference with every change rejected
    const auto draft_doc = testing::parse_ok(testing::read_file(draft), draft);
    std::vector<std::pair<std::string, std::string>> want_draft, want_reference;
    for (const auto* p : analysis::compared_paragraphs(draft_doc)) want_draft.emplace_back(p->id, grammar::normalized_text(draft_doc, p->text));
    const auto reference = testing::parse_ok(corpus::reference_text(), corpus::reference_name());
    for (const auto* p : analysis::compared_paragraphs(reference)) want_reference.emplace_back(p->id, grammar::normalized_text(reference, p->text));
    EXPECT_EQ(compared(docx, "report.docx", readers::tracked_changes::accepted), want_draft);
    EXPECT_EQ(compared(docx, "report.docx", readers::tracked_changes::original), want_reference);
    const auto parts = testing::unzip(docx);
    const std::string document = testing::part_of(parts, "word/document.xml");
    EXPECT_NE(document.find("<w:del w:id=\"0\" w:author=\"resdraft\" w:date=\"2026-01-01T00:00:00Z\"/>"), std::string::npos);
    EXPECT_NE(testing::part_of(parts, "word/comments.xml").find("<w:t>weaker: Strongly condemn \xe2\x86\x92 Condemns (drops \xe2\x80\x9cstrongly\xe2\x80\x9d)</w:t>"),
              std::string::npos);
    // the same inputs and date, the same bytes
    ASSERT_EQ(run("check " + draft + " --format docx --output again.docx").exit_code, 0);
    EXPECT_EQ(testing::read_file(scratch_dir() / "again.docx"), docx);
    // another date, another file
    ASSERT_EQ(run("check " + draft + " --format docx --output later.docx", "SOURCE_DATE_EPOCH=1767312000").exit_code, 0);
    EXPECT_NE(testing::part_of(testing::unzip(testing::read_file(scratch_dir() / "later.docx")), "word/document.xml")
                  .find("w:date=\"2026-01-02T00:00:00Z\""),
              std::string::npos);
}

// SOURCE_DATE_EPOCH must be seconds since 1970 (reproducible-builds.org); a bad one is refused before anything is
// written, and the file --output names keeps what it held. Without it (or empty) the date is now.
TEST(CliDocx, SourceDateEpochAndTheFileLeftAlone) {
    const std::string draft = draft_path("migration-declaration.txt");
    const auto kept = scratch_dir() / "kept.docx";
    std::ofstream(kept) << "old report";
    for (const std::string value : {"abc", "-1", "1e9", "12 ", "253402300800", "99999999999999999999"}) {
        const auto r = run("check " + draft + " --format docx --output kept.docx", "SOURCE_DATE_EPOCH='" + value + "'");
        EXPECT_EQ(r.exit_code, 2) << value;
        EXPECT_EQ(r.err, "resdraft: SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, at most 253402300799 (it is \"" + value +
                             "\")\n");
        EXPECT_EQ(testing::read_file(kept), "old report") << value;
    }
    // a date of another format is not read at all
    EXPECT_EQ(run("check " + draft + " --format json --output kept.json", "SOURCE_DATE_EPOCH=abc").exit_code, 0);
    for (const std::string before : {"unset SOURCE_DATE_EPOCH;", "SOURCE_DATE_EPOCH="}) {
        const auto r = run("check " + draft + " --format docx --output now.docx", before);
        ASSERT_EQ(r.exit_code, 0) << before << r.err;
        const std::string document = testing::part_of(testing::unzip(testing::read_file(scratch_dir() / "now.docx")), "word/document.xml");
        const std::size_t at = document.find("w:date=\"");
        ASSERT_NE(at, std::string::npos);
        const std::time_t now = std::time(nullptr);
        char year[8];
        std::strftime(year, sizeof year, "%Y", std::gmtime(&now));
        EXPECT_EQ(document.substr(at + 8, 4), year) << before;
    }
}

// A new report gets 0666 less the umask; a failing one (a missing folder) leaves nothing.
TEST(CliDocx, ModeAndFailures) {
    const std::string draft = draft_path("migration-declaration.txt");
    std::filesystem::remove(scratch_dir() / "mode.docx");
    ASSERT_EQ(run("check " + draft + " --format docx --output mode.docx", "umask 027; SOURCE_DATE_EPOCH=0").exit_code, 0);
    struct stat st{};
    ASSERT_EQ(::stat((scratch_dir() / "mode.docx").c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0640u);
    const auto missing = run("check " + draft + " --format docx --output no/such/folder.docx");
    EXPECT_EQ(missing.exit_code, 2);
    EXPECT_EQ(missing.err.find("resdraft: no/such/folder.docx: "), 0u) << missing.err;
    EXPECT_EQ(std::count(missing.err.begin(), missing.err.end(), '\n'), 1);
    EXPECT_FALSE(std::filesystem::exists(scratch_dir() / "no"));
    for (const auto& e : std::filesystem::directory_iterator(scratch_dir()))
        EXPECT_FALSE(e.path().filename().string().starts_with(".resdraft-")) << "temporary file left: " << e.path();
}

// --tracked self: a Word draft's own revisions written back as a report of the same changes.
TEST(CliDocx, TrackedSelfRoundTrip) {
    const auto del = [](std::string_view t) {
        return "<w:del w:id=\"1\" w:author=\"A\"><w:r><w:delText xml:space=\"preserve\">" + std::string(t) + "</w:delText></w:r></w:del>";
    };
    const auto ins = [](std::string_view t) {
        return "<w:ins w:id=\"2\" w:author=\"A\"><w:r><w:t xml:space=\"preserve\">" + std::string(t) + "</w:t></w:r></w:ins>";
    };
    const auto run_of = [](std::string_view t) { return "<w:r><w:t xml:space=\"preserve\">" + std::string(t) + "</w:t></w:r>"; };
    const std::string body =
        testing::para("The General Assembly,") + "<w:p>" + run_of("1. ") + del("Strongly condemn") + ins("Condemn") +
        run_of(" the acts, manifestations and expressions of racism, racial discrimination, xenophobia and related intolerance "
               "against migrants and the stereotypes often applied to them, including on the basis of religion or belief;") +
        "</w:p><w:p>" + run_of("2. ") + del("Urge") + ins("Encourage") +
        run_of(" States to apply and, where needed, reinforce the existing laws when xenophobic or intolerant acts, manifestations "
               "or expressions against migrants occur, in order to eradicate impunity for those who commit xenophobic and racist acts.") +
        "</w:p>";
    const std::string input = testing::make_docx(body);
    std::ofstream(scratch_dir() / "round.docx", std::ios::binary) << input;
    const auto r = run("check round.docx --tracked self --format docx --output self-report.docx");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string report = testing::read_file(scratch_dir() / "self-report.docx");
    EXPECT_EQ(compared(report, "self-report.docx", readers::tracked_changes::accepted),
              compared(input, "round.docx", readers::tracked_changes::accepted));
    EXPECT_EQ(compared(report, "self-report.docx", readers::tracked_changes::original),
              compared(input, "round.docx", readers::tracked_changes::original));
    const std::string comments = testing::part_of(testing::unzip(report), "word/comments.xml");
    EXPECT_NE(comments.find("<w:t>weaker: Strongly condemn \xe2\x86\x92 Condemn (drops \xe2\x80\x9cstrongly\xe2\x80\x9d)</w:t>"), std::string::npos)
        << comments;
    EXPECT_NE(comments.find("<w:t>weaker: Urge \xe2\x86\x92 Encourage</w:t>"), std::string::npos) << comments;
}

}  // namespace
}  // namespace resdraft
