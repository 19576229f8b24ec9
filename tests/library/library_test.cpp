// The library file: what add, remove and the precedent search keep and find, on real resolutions
// (../shared/corpus) and on small texts; what it refuses.
#include "library/library.hpp"

#include "analysis/precedents.hpp"
#include "report/precedent_report.hpp"
#include "test_support.hpp"

#include <cmath>
#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

namespace resdraft::library {
namespace {

namespace fs = std::filesystem;

// A fresh folder for this test's library files.
fs::path scratch(const std::string& test) {
    const auto dir = fs::temp_directory_path() / ("resdraft-library-test-" + std::to_string(::getpid())) / test;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

library open_or_fail(const fs::path& path, library::access a) {
    auto opened = library::open(path.string(), a);
    if (auto* e = std::get_if<library_error>(&opened)) throw std::runtime_error(e->message);
    return std::move(std::get<library>(opened));
}

std::string open_error(const fs::path& path, library::access a) {
    auto opened = library::open(path.string(), a);
    const auto* e = std::get_if<library_error>(&opened);
    return e ? e->message : "(opened)";
}

std::vector<grammar::document> parse_files(const fs::path& dir, const std::vector<std::string>& names) {
    std::vector<grammar::document> docs;
    for (const auto& n : names) docs.push_back(testing::parse_ok(testing::read_file(dir / n), (dir / n).string()));
    return docs;
}

std::vector<const grammar::document*> pointers(const std::vector<grammar::document>& docs) {
    std::vector<const grammar::document*> out;
    for (const auto& d : docs) out.push_back(&d);
    return out;
}

std::vector<std::string> symbols(library& lib) {
    std::vector<std::string> out;
    for (const auto& d : lib.documents()) out.push_back(d.symbol + " " + std::to_string(d.paragraphs));
    return out;
}

// The 2025 outer-space resolutions reuse each other's paragraphs: A/RES/80/21 against the other three.
TEST(Library, PrecedentsAcrossRealResolutions) {
    const auto shared = testing::shared_corpus();
    if (!shared) GTEST_SKIP() << "../shared/corpus is absent: the real-resolution library was not built";
    const auto dir = scratch("outer-space");
    auto lib = open_or_fail(dir / "lib.db", library::access::create);
    const auto others = parse_files(*shared / "ga-res-80", {"A_RES_80_19.md", "A_RES_80_20.md", "A_RES_80_22.md"});
    EXPECT_EQ(lib.add(pointers(others)), (std::vector<std::string>{"A/RES/80/19", "A/RES/80/20", "A/RES/80/22"}));
    const auto draft = parse_files(*shared / "ga-res-80", {"A_RES_80_21.md"});
    const auto r = analysis::find_precedents(draft[0], lib, "lib.db");
    EXPECT_EQ(r.library_texts, 72u);
    EXPECT_EQ(r.count(analysis::status::verbatim), 4u);
    EXPECT_EQ(r.count(analysis::status::edited), 10u);
    EXPECT_EQ(r.count(analysis::status::related), 8u);
    EXPECT_EQ(r.count(analysis::status::fresh), 2u);
    std::map<std::string, std::string> best;
    for (const auto& p : r.paragraphs)
        if (!p.best.empty()) best[p.id] = std::string(analysis::status_name(p.state)) + " " + report::precedent_name(p.best[0].where);
    EXPECT_EQ(best["pp9"], "verbatim A/RES/80/20 pp9 (2025)");
    EXPECT_EQ(best["pp4"], "edited A/RES/80/19 pp3 (2025)");
    EXPECT_EQ(best["9"], "verbatim A/RES/80/20 pp13 (2025)");
    EXPECT_EQ(best["11"], "edited A/RES/80/20 \xC2\xB6" "7 (2025)");
}

TEST(Library, AddingASymbolAgainReplacesItsDocument) {
    const auto dir = scratch("replace");
    auto lib = open_or_fail(dir / "lib.db", library::access::create);
    const auto v1 = testing::parse_ok("1. Urges States to ratify the Convention on the Rights of Migrant Workers.\n", "A_RES_70_1.txt");
    const auto v2 = testing::parse_ok("1. Calls upon States to consider ratifying the Convention.\n\n"
                                      "2. Decides to remain seized of the matter.\n", "A_RES_70_1.txt");
    const auto other = testing::parse_ok("1. Decides to remain seized of the matter.\n", "A_RES_70_2.txt");
    lib.add({&v1, &other});
    EXPECT_EQ(lib.phrase_occurrences("Rights of Migrant Workers", 10).total, 1u);
    lib.add({&v2});
    EXPECT_EQ(symbols(lib), (std::vector<std::string>{"A/RES/70/1 2", "A/RES/70/2 1"}));
    EXPECT_EQ(lib.phrase_occurrences("Rights of Migrant Workers", 10).total, 0u);
    const auto s = lib.stats();
    EXPECT_EQ(s.texts, 2u);  // "Decides to remain seized of the matter." once for both documents
    EXPECT_EQ(s.paragraphs, 3u);
    const auto seized = lib.phrase_occurrences("remain seized", 1);
    EXPECT_EQ(seized.total, 2u);  // one text, in both documents
    ASSERT_EQ(seized.shown.size(), 1u);  // the limit
    EXPECT_EQ(seized.shown[0].first.symbol, "A/RES/70/1");
    EXPECT_EQ(seized.shown[0].second, "Decides to remain seized of the matter.");
    EXPECT_EQ(lib.remove({"A/RES/70/1", "A/RES/70/9"}), "A/RES/70/9");  // all or none
    EXPECT_EQ(symbols(lib), (std::vector<std::string>{"A/RES/70/1 2", "A/RES/70/2 1"}));
    EXPECT_EQ(lib.remove({"A/RES/70/1"}), std::nullopt);
    EXPECT_EQ(lib.remove({"A/RES/70/1"}), "A/RES/70/1");
    EXPECT_EQ(symbols(lib), (std::vector<std::string>{"A/RES/70/2 1"}));
    EXPECT_EQ(lib.stats().texts, 1u);
}

std::string precedents_json(library& lib, const grammar::document& draft) {
    return report::precedents_json(analysis::find_precedents(draft, lib, "lib.db"), {});
}

// Adding the same documents again keeps every text, posting and term count as it was: the texts both
// versions hold keep their ids, so no dead postings pile up in the index.
TEST(Library, AddingTheSameDocumentsAgainChangesNothing) {
    const auto dir = scratch("again");
    auto lib = open_or_fail(dir / "lib.db", library::access::create);
    const auto docs = parse_files(testing::source_dir() / "corpus", {"a-68-l5.txt", "ga-draft-migration.txt"});
    const auto draft = parse_files(testing::source_dir() / "corpus/drafts", {"migration-followup.txt"});
    lib.add(pointers(docs));
    const auto before = lib.stats();
    const std::string found = precedents_json(lib, draft[0]);
    for (int i = 0; i < 3; ++i) lib.add(pointers(docs));
    const auto after = lib.stats();
    EXPECT_EQ(after.texts, before.texts);
    EXPECT_EQ(after.shingle_rows, before.shingle_rows);
    EXPECT_EQ(after.posting_bytes, before.posting_bytes);
    EXPECT_EQ(after.terms, before.terms);
    EXPECT_EQ(lib.all_text_ids().front(), 1);  // the first text kept its id
    EXPECT_EQ(precedents_json(lib, draft[0]), found);
}

// The score is a cosine of TF-IDF vectors with the library's idf: words of the draft that no library text
// holds count too (df 0), so a paragraph with words added is less like its precedent. One text in the
// library: idf is log((1 + 1) / (1 + df)) + 1, so 1 for its words and 1 + log 2 for the new ones.
TEST(Library, NewWordsOfTheDraftLowerTheScore) {
    const auto dir = scratch("score");
    auto lib = open_or_fail(dir / "lib.db", library::access::create);
    const auto stored = testing::parse_ok("1. Welcomes remittances of migrants.\n", "A_RES_70_1.txt");
    lib.add({&stored});
    const auto draft = testing::parse_ok("1. Welcomes remittances of migrants, glaciers and volcanoes.\n", "draft.txt");
    const auto r = analysis::find_precedents(draft, lib, "lib.db");
    ASSERT_EQ(r.paragraphs.at(0).best.size(), 1u);
    const double fresh = 1 + std::log(2.0);  // "glaciers", "volcanoes"; "welcomes" is the verb, "of" and "and" function words
    EXPECT_NEAR(r.paragraphs[0].best[0].score, 2 / (std::sqrt(2.0) * std::sqrt(2 + 2 * fresh * fresh)), 1e-6);
}

// The same paragraph in three documents: the earliest and the latest dated one are named, an undated one
// (no header date, no A/ symbol) is neither, and is listed last.
TEST(Library, EarliestAndLatestAreDated) {
    const auto dir = scratch("dates");
    auto lib = open_or_fail(dir / "lib.db", library::access::create);
    const std::string text = "1. Urges States to ratify the Convention on the Rights of Migrant Workers.\n";
    const auto in_2025 = testing::parse_ok(text, "A_RES_80_7.txt"), in_2013 = testing::parse_ok(text, "A_RES_68_3.txt");
    const auto undated = testing::parse_ok(text, "notes.txt");
    lib.add({&in_2025, &undated, &in_2013});
    EXPECT_EQ(symbols(lib), (std::vector<std::string>{"A/RES/68/3 1", "A/RES/80/7 1", "notes 1"}));
    const auto r = analysis::find_precedents(testing::parse_ok(text, "draft.txt"), lib, "lib.db");
    const auto& p = r.paragraphs.at(0);
    EXPECT_EQ(p.verbatim, 3u);
    EXPECT_EQ(report::precedent_name(p.earliest.value().where), "A/RES/68/3 \xC2\xB6" "1 (2013)");
    EXPECT_EQ(report::precedent_name(p.latest.value().where), "A/RES/80/7 \xC2\xB6" "1 (2025)");
    ASSERT_EQ(p.best.size(), 1u);  // one text, named by its latest dated paragraph
    EXPECT_EQ(report::precedent_name(p.best[0].where), "A/RES/80/7 \xC2\xB6" "1 (2025)");
    EXPECT_EQ(p.best[0].occurrences, 3u);
}

// A process killed in the middle of an add (after two of three documents are written) leaves the
// library as it was: SQLite's journal rolls the unfinished transaction back when the file is next opened.
TEST(Library, AnInterruptedAddLeavesTheLibraryAsItWas) {
    const auto dir = scratch("interrupted");
    const auto path = dir / "lib.db";
    const auto first = testing::parse_ok("1. Decides to remain seized of the matter.\n", "A_RES_70_1.txt");
    open_or_fail(path, library::access::create).add({&first});
    const pid_t child = ::fork();
    if (child == 0) {
        auto lib = open_or_fail(path, library::access::write);
        std::vector<grammar::document> docs;
        for (int i = 2; i <= 4; ++i)
            docs.push_back(testing::parse_ok("1. Urges States to act on item " + std::to_string(i) + ".\n",
                                             "A_RES_70_" + std::to_string(i) + ".txt"));
        lib.add(pointers(docs), [](std::size_t done, std::size_t) {
            if (done == 2) ::raise(SIGKILL);
        });
        ::_exit(0);  // not reached
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    EXPECT_TRUE(fs::exists(dir / "lib.db-journal"));  // the rollback journal of the unfinished add
    auto lib = open_or_fail(path, library::access::read);
    EXPECT_EQ(symbols(lib), (std::vector<std::string>{"A/RES/70/1 1"}));
    EXPECT_EQ(lib.stats().texts, 1u);
}

std::map<std::string, std::pair<std::size_t, std::size_t>> agreed_counts(const analysis::precedent_result& r) {
    std::map<std::string, std::pair<std::size_t, std::size_t>> out;
    for (const auto& p : r.paragraphs) out[p.id] = {p.verbatim, p.edited};
    return out;
}

// The index finds every verbatim and edited precedent that aligning each draft paragraph with every
// text of the library finds, and the same best one, and 6 of the 7 related paragraphs: the labelled drafts against the 48
// resolutions of 2025 and A/68/L.5.
TEST(Library, FindsEveryPrecedentThatBruteForceFinds) {
    const auto shared = testing::shared_corpus();
    if (!shared) GTEST_SKIP() << "../shared/corpus is absent: the recall check did not run";
    const auto dir = scratch("recall");
    auto lib = open_or_fail(dir / "lib.db", library::access::create);
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(*shared / "ga-res-80")) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    auto docs = parse_files(*shared / "ga-res-80", names);
    docs.push_back(testing::parse_ok(testing::read_file(*shared / "a-68-l5.txt"), "a-68-l5.txt"));
    lib.add(pointers(docs));
    analysis::precedent_options brute;
    brute.find_candidates = [](library& l, const std::string&) { return l.all_text_ids(); };
    std::size_t agreed = 0, related = 0, related_found = 0;
    for (const auto& e : fs::directory_iterator(testing::source_dir() / "corpus/drafts")) {
        if (e.path().extension() != ".txt") continue;
        const auto draft = testing::parse_ok(testing::read_file(e.path()), e.path().filename().string());
        const auto found = analysis::find_precedents(draft, lib, "lib.db");
        const auto all = analysis::find_precedents(draft, lib, "lib.db", brute);
        EXPECT_EQ(agreed_counts(found), agreed_counts(all)) << e.path().filename();
        for (std::size_t i = 0; i < all.paragraphs.size(); ++i) {
            const auto& want = all.paragraphs[i];
            agreed += want.verbatim + want.edited;
            related += want.state == analysis::status::related;
            related_found += want.state == analysis::status::related && found.paragraphs[i].state == analysis::status::related;
            if (want.state != analysis::status::verbatim && want.state != analysis::status::edited) continue;
            EXPECT_EQ(found.paragraphs[i].state, want.state) << e.path().filename() << " " << want.id;
            EXPECT_EQ(report::precedent_name(found.paragraphs[i].best.at(0).where), report::precedent_name(want.best.at(0).where));
        }
    }
    EXPECT_EQ(agreed, 30u);  // the comparison covers real reuse, not only new paragraphs
    // "related" is the same topic in other words, with no shared 4-word run: found by the rarest words,
    // not always (what brute force relates to the seventh shares none of its four rarest words)
    EXPECT_EQ(related, 7u);
    EXPECT_EQ(related_found, 6u);
}

TEST(Library, RefusesWhatIsNotALibrary) {
    const auto dir = scratch("refuses");
    EXPECT_EQ(open_error(dir / "absent.db", library::access::read), (dir / "absent.db").string() + ": no such library");
    EXPECT_EQ(open_error(dir / "absent.db", library::access::write), (dir / "absent.db").string() + ": no such library");
    EXPECT_FALSE(fs::exists(dir / "absent.db"));
    std::ofstream(dir / "text.db") << "1. Decides to remain seized of the matter.\n";
    EXPECT_EQ(open_error(dir / "text.db", library::access::read), (dir / "text.db").string() + ": not a SQLite database");
    EXPECT_EQ(open_error(dir / "text.db", library::access::write), (dir / "text.db").string() + ": not a SQLite database");
    ASSERT_EQ(std::system(("sqlite3 " + (dir / "other.db").string() + " 'CREATE TABLE t(x)'").c_str()), 0);
    EXPECT_EQ(open_error(dir / "other.db", library::access::read),
              (dir / "other.db").string() + ": not a resdraft library (a SQLite database of another kind)");
    open_or_fail(dir / "v7.db", library::access::create);
    ASSERT_EQ(std::system(("sqlite3 " + (dir / "v7.db").string() + " 'PRAGMA user_version = 7'").c_str()), 0);
    EXPECT_EQ(open_error(dir / "v7.db", library::access::read),
              (dir / "v7.db").string() + ": library schema version 7; this resdraft reads version 1");
    EXPECT_EQ(open_error(dir, library::access::write), dir.string() + ": a directory, not a library file");
}

// A library the user may not write: refused for add and remove, read as before. Root may write any
// file, so the check runs in a child process that gives up root first.
TEST(Library, AReadOnlyFileIsRefusedForWriting) {
    const auto dir = scratch("read-only");
    const auto path = dir / "lib.db";
    open_or_fail(path, library::access::create);
    fs::permissions(path, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    fs::permissions(fs::temp_directory_path() / ("resdraft-library-test-" + std::to_string(::getpid())),
                    fs::perms::others_exec, fs::perm_options::add);
    fs::permissions(dir, fs::perms::others_exec, fs::perm_options::add);
    const pid_t child = ::fork();
    if (child == 0) {
        if (::geteuid() == 0 && ::setuid(65534) != 0) ::_exit(3);
        const bool refused = open_error(path, library::access::write) == path.string() + ": read-only file: cannot add to or remove from it";
        const bool readable = open_error(path, library::access::read) == "(opened)";
        ::_exit(refused && readable ? 0 : 1);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
}

}  // namespace
}  // namespace resdraft::library
