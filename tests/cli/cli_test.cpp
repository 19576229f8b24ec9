// The resdraft executable end to end: exit codes, one-line errors, outputs.
#include "models/tiny_vectors.hpp"
#include "cli/run.hpp"
#include "test_support.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <functional>
#include <regex>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

namespace resdraft {
namespace {

using testing::run_result;

const std::string binary = RESDRAFT_BINARY;

// The binary runs without word vectors unless a test names them: whether scripts/setup has made the cache's
// file must not change what the tests see (the warning line when it is absent). Set before any test runs.
const bool vectors_off = ::setenv("RESDRAFT_VECTORS", "none", 1) == 0;

std::filesystem::path scratch_dir() { return testing::scratch_folder("cli-test"); }

// Runs `script` with the shell, its standard output and error captured (a redirection in the script wins).
run_result run_sh(const std::string& script) { return testing::run_shell(script, scratch_dir()); }

run_result run(const std::string& args, const std::string& stdin_text = "") {
    const auto in = scratch_dir() / "stdin";
    std::ofstream(in, std::ios::binary) << stdin_text;
    return run_sh(binary + " " + args + " <" + in.string());
}

// Standard input from /dev/null, standard output to `stdout_fd` (closed when -1), standard error to a file.
void child_stdio(int stdout_fd, const std::filesystem::path& err) {
    const int null = ::open("/dev/null", O_RDONLY);
    ::dup2(null, STDIN_FILENO);
    const int err_fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(err_fd, STDERR_FILENO);
    if (stdout_fd >= 0) ::dup2(stdout_fd, STDOUT_FILENO);
    else ::close(STDOUT_FILENO);
}

[[noreturn]] void exec_binary(const std::vector<std::string>& args) {
    std::vector<char*> argv{const_cast<char*>(binary.c_str())};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
}

// Runs the binary in a child process: standard output to `stdout_fd` (closed when -1); `in_child` runs
// just before exec (limits, signal dispositions). Exit code (128 + signal when one ended it) and stderr.
run_result spawn(const std::vector<std::string>& args, int stdout_fd, const std::function<void()>& in_child = {}) {
    const auto err = scratch_dir() / "spawn-stderr";
    const pid_t pid = ::fork();
    if (pid == 0) {
        child_stdio(stdout_fd, err);
        if (in_child) in_child();
        exec_binary(args);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), "", testing::read_file(err)};
}

std::size_t lines(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

std::size_t count_of(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
    return n;
}

// Writes `content` to `file`, runs `command file`, and expects it refused: exit code 2, no output, and
// the one line "resdraft: FILE: MESSAGE".
void expect_refused(const std::string& command, const std::filesystem::path& file, const std::string& content,
                    const std::string& message) {
    std::ofstream(file, std::ios::binary) << content;
    const auto r = run(command + " " + file.string());
    EXPECT_EQ(r.exit_code, 2) << command << " " << file;
    EXPECT_EQ(r.err, "resdraft: " + file.string() + ": " + message + "\n");
    EXPECT_TRUE(r.out.empty()) << command << " " << file;
}

TEST(Cli, ParsesTheEmbeddedReferenceByDefault) {
    const auto r = run("parse");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["source"], "a-68-l5.txt");
    EXPECT_EQ(j["symbol"], "A/68/L.5");
    EXPECT_EQ(j["paragraphs"].size(), 35u);
    EXPECT_EQ(j["paragraphs"][17]["clauses"][2]["verb"], "encourage");
    EXPECT_EQ(j["paragraphs"][17]["clauses"][2]["addressee"], "Member States");
}

TEST(Cli, TextFormatAndStandardInput) {
    const auto r = run("parse - --format text", "The General Assembly,\n\n1. Urges States to act.\n");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "(no symbol)\nsource: -\n\nbody\n  1. Urges States to act.\n      - urge [4] | to: States | to act\n");
}

TEST(Cli, BadInputExitsTwoWithOneLineNamingTheOffset) {
    const auto dir = scratch_dir();
    expect_refused("parse", dir / "bad.txt", "1. Decides \xC3", "invalid UTF-8 (truncated sequence) (byte 11)");
    expect_refused("parse", dir / "empty.txt", "", "empty input (byte 0)");

    auto r = run("parse " + (dir / "missing.txt").string());
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(lines(r.err), 1u);
    EXPECT_EQ(r.err, "resdraft: " + (dir / "missing.txt").string() + ": cannot open: No such file or directory\n");

    r = run("parse " + dir.string());
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "resdraft: " + dir.string() + ": is a directory\n");  // about the path, not a byte: no offset

    r = run("parse --format xml");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(lines(r.err), 1u);
}

TEST(Cli, OutputFileIsWrittenWholeOrNotAtAll) {
    const auto dir = scratch_dir();
    const auto target = dir / "out.json";
    std::filesystem::remove(target);
    auto r = run("parse --output " + target.string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(testing::read_file(target))["symbol"], "A/68/L.5");

    const auto missing = dir / "no-such-dir" / "out.json";
    r = run("parse --output " + missing.string());
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "resdraft: " + missing.string() + ": directory does not exist\n");
    EXPECT_FALSE(std::filesystem::exists(missing));

    const auto bad = dir / "bad2.txt";
    std::ofstream(bad, std::ios::binary) << std::string("\0", 1);
    const auto kept = dir / "kept.json";
    std::filesystem::remove(kept);
    r = run("parse " + bad.string() + " --output " + kept.string());
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_FALSE(std::filesystem::exists(kept));
}

TEST(Cli, CheckWritesEachFormat) {
    const std::string draft = (testing::source_dir() / "corpus/drafts/migration-followup.txt").string();
    auto r = run("check " + draft + " --format json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["reference"]["symbol"], "A/68/L.5");
    EXPECT_EQ(j["summary"]["gaps"], 22);

    r = run("check " + draft);  // text, not a terminal: no colour
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(r.out.starts_with("resdraft check: " + draft + " (18 paragraphs) against A/68/L.5 (34 paragraphs)\n"));
    EXPECT_EQ(r.out.find('\x1b'), std::string::npos);

    const auto html = scratch_dir() / "report.html";
    std::filesystem::remove(html);
    r = run("check " + draft + " --format html --output " + html.string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(testing::read_file(html).starts_with("<!DOCTYPE html>"));
    EXPECT_TRUE(r.out.empty());
}

TEST(Cli, ClusterIsDeterministicInEachFormat) {
    auto a = run("cluster --format json --k 4 --seed 3");
    ASSERT_EQ(a.exit_code, 0) << a.err;
    const auto j = nlohmann::json::parse(a.out);
    EXPECT_EQ(j["k"], 4);
    std::size_t members = 0;
    for (const auto& c : j["clusters"]) {
        members += c["members"].size();
        EXPECT_EQ(c["exemplar"]["source"], "a-68-l5.txt");
        EXPECT_GE(c["label"].size(), 3u);
    }
    EXPECT_EQ(members, 34u);  // the declaration's paragraphs, not the adopting one
    EXPECT_EQ(run("cluster --format json --k 4 --seed 3").out, a.out);
    EXPECT_TRUE(a.err.empty());  // no progress when standard error is not a terminal
    const auto html = run("cluster --format html");
    ASSERT_EQ(html.exit_code, 0);
    EXPECT_NE(html.out.find("<svg"), std::string::npos);
    EXPECT_EQ(count_of(html.out, "<circle class=\"unit\""), 34u);
    EXPECT_EQ(run("cluster --k zero").exit_code, 2);
    EXPECT_EQ(run("cluster --unit word").exit_code, 2);
}

TEST(Cli, CheckRefusesBadInput) {
    auto r = run("check " + (scratch_dir() / "missing.txt").string());
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(lines(r.err), 1u);
    r = run("check");
    EXPECT_EQ(r.exit_code, 2);
    r = run("check - --reference " + (scratch_dir() / "missing.txt").string(), "1. Decides to act.\n");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("missing.txt: cannot open"), std::string::npos);
    r = run("check - --background " + (scratch_dir() / "nowhere").string(), "1. Decides to act.\n");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "resdraft: " + (scratch_dir() / "nowhere").string() + ": not a directory\n");  // usage: no byte
}

TEST(Cli, ClusterRefusesBadInput) {
    const auto dir = scratch_dir() / "cluster-bad";
    std::filesystem::create_directories(dir);
    expect_refused("cluster", dir / "binary.txt", "1. Decides\x01 to act.\n", "binary input: control byte 0x01 (byte 10)");
    expect_refused("cluster", dir / "empty.txt", "", "empty input (byte 0)");

    // a text whose only paragraph is preambular has no operative units
    const auto preamble = dir / "preamble.txt";
    std::ofstream(preamble, std::ios::binary) << "The General Assembly,\n\nRecalling its resolution 68/4,\n";
    auto r = run("cluster " + preamble.string());
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "resdraft: no paragraph units to cluster in the input\n");
    EXPECT_EQ(run("cluster --unit all " + preamble.string()).exit_code, 0);

    const auto missing = dir / "no-such-dir" / "clusters.json";
    r = run("cluster --format json --output " + missing.string());
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(lines(r.err), 1u);
    EXPECT_FALSE(std::filesystem::exists(missing));
}

TEST(Cli, BenchReportsTheContractOnTheUsersFiles) {
    const auto dir = scratch_dir() / "bench";
    std::filesystem::create_directories(dir);
    const auto file = dir / "draft.txt";
    const std::string text = "The General Assembly,\n\n1. Urges States to act, and calls upon them to report.\n";
    std::ofstream(file, std::ios::binary) << text;
    auto r = run("bench " + file.string() + " " + file.string() + " --format json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::ordered_json::parse(r.out);
    std::vector<std::string> keys;
    for (const auto& [key, value] : j.items()) keys.push_back(key);
    EXPECT_EQ(keys, (std::vector<std::string>{"bytes", "paragraphs", "clauses", "parse_mb_per_s", "floor_mb_per_s",
                                              "baseline_mb_per_s", "re2_mb_per_s", "ratio_to_floor", "ratio_to_baseline",
                                              "ratio_to_re2"}));
    EXPECT_EQ(j["bytes"], 2 * text.size());
    EXPECT_EQ(j["paragraphs"], 2);
    EXPECT_EQ(j["clauses"], 4);
    EXPECT_GT(j["parse_mb_per_s"].get<double>(), 0);
    EXPECT_DOUBLE_EQ(j["ratio_to_floor"].get<double>(), j["parse_mb_per_s"].get<double>() / j["floor_mb_per_s"].get<double>());

    r = run("bench " + file.string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.substr(0, r.out.find('\n')),
              std::to_string(text.size()) + " bytes, 1 paragraphs, 2 clauses (fastest of 3 runs, MB = 10^6 bytes)");
    EXPECT_EQ(lines(r.out), 5u);  // the counts, parse, floor, Boost.Regex, RE2
}

TEST(Cli, BenchRefusesWhatTheParserRefuses) {
    const auto dir = scratch_dir() / "bench-bad";
    std::filesystem::create_directories(dir);
    expect_refused("bench", dir / "binary.txt", "1. Decides\x01 to act.\n", "binary input: control byte 0x01 (byte 10)");
    expect_refused("bench", dir / "blank.txt", " \n\n", "no text: input holds only whitespace (byte 0)");
    expect_refused("bench", dir / "empty.txt", "", "empty input (byte 0)");

    const auto r = run("bench " + (dir / "missing.txt").string());
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(lines(r.err), 1u);
    EXPECT_EQ(run("bench --format xml").exit_code, 2);
}


// --- reading input ---------------------------------------------------------------------------------

// Whether `err` is the one line "resdraft: NAME: REASON (byte N)" with a REASON check_text_encoding gives.
bool is_encoding_refusal(const std::string& err, const std::string& name) {
    const std::string head = "resdraft: " + name + ": ";
    const auto at = err.rfind(" (byte ");
    if (!err.starts_with(head) || at == std::string::npos || !err.ends_with(")\n")) return false;
    const std::string reason = err.substr(head.size(), at - head.size());
    const std::string offset = err.substr(at + 7, err.size() - at - 9);
    if (offset.empty() || offset.find_first_not_of("0123456789") != std::string::npos) return false;
    for (const std::string fixed : {"binary input: NUL byte", "invalid UTF-8 (truncated sequence)",
                                    "invalid UTF-8 (overlong encoding)", "invalid UTF-8 (surrogate code point)",
                                    "invalid UTF-8 (code point above U+10FFFF)"})
        if (reason == fixed) return true;
    const auto hex_byte_after = [&](const std::string& prefix, const std::string& suffix) {
        return reason.size() == prefix.size() + 2 + suffix.size() && reason.starts_with(prefix) &&
               reason.ends_with(suffix) && std::isxdigit(static_cast<unsigned char>(reason[prefix.size()])) &&
               std::isxdigit(static_cast<unsigned char>(reason[prefix.size() + 1]));
    };
    return hex_byte_after("binary input: control byte 0x", "") || hex_byte_after("invalid UTF-8 (unexpected byte 0x", ")");
}

TEST(Cli, BinaryInputIsRefusedAtItsFirstBadByteWithoutReadingTheRest) {
    auto r = run("parse /dev/zero");  // endless: read whole, it would fill memory
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "resdraft: /dev/zero: binary input: NUL byte (byte 0)\n");

    const std::string draft = (testing::source_dir() / "corpus/drafts/migration-followup.txt").string();
    r = run("check " + draft + " --reference /dev/zero");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "resdraft: /dev/zero: binary input: NUL byte (byte 0)\n");

    r = run("parse /dev/urandom");  // which byte is refused first is chance; that one is, in one line
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(is_encoding_refusal(r.err, "/dev/urandom")) << r.err;
    EXPECT_TRUE(r.out.empty());
}

TEST(Cli, OffsetsAreAbsoluteAndASequenceCutAtABlockEndIsJoined) {
    const auto dir = scratch_dir() / "blocks";
    std::filesystem::create_directories(dir);
    const std::string words = "1. Decides to act. ";
    std::string text;
    while (text.size() < 200'000) text += words;
    expect_refused("parse", dir / "late-nul.txt", text.substr(0, 200'000) + std::string("\0 tail", 6),
                   "binary input: NUL byte (byte 200000)");

    // "é" (C3 A9) across the first 64 KiB block's end: one character, not a truncated sequence
    const std::string head = text.substr(0, 65535);
    std::ofstream(dir / "split.txt", std::ios::binary) << head + "\xC3\xA9 and more.\n";
    auto r = run("parse " + (dir / "split.txt").string());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(count_of(r.out, "\xC3\xA9 and more."), 1u);

    // a lead byte at the block's end whose next byte is no continuation is refused where it stands
    expect_refused("parse", dir / "cut.txt", head + "\xC3" "A tail.\n", "invalid UTF-8 (truncated sequence) (byte 65535)");
    expect_refused("parse", dir / "cut-end.txt", head + "\xE2\x82", "invalid UTF-8 (truncated sequence) (byte 65535)");
}

TEST(Cli, InputIsCappedAt256MiBUnlessMaxInputSaysOtherwise) {
    auto r = run_sh("yes | " + binary + " parse -");  // endless text: stopped at the cap
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "resdraft: -: input larger than the 256 MiB limit (byte 268435456); raise it with --max-input\n");

    // a regular file says its size: refused before it is read (a sparse file of zeros, so no disk is used)
    const auto dir = scratch_dir() / "cap";
    std::filesystem::create_directories(dir);
    const auto sparse = dir / "sparse.txt";
    std::ofstream(sparse).close();
    std::filesystem::resize_file(sparse, (std::size_t{256} << 20) + 1);
    r = run("parse " + sparse.string());
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "resdraft: " + sparse.string() +
                         ": input larger than the 256 MiB limit (byte 268435456); raise it with --max-input\n");
    r = run("parse " + sparse.string() + " --max-input 1G");  // after the subcommand, as its other options
    EXPECT_EQ(r.err, "resdraft: " + sparse.string() + ": binary input: NUL byte (byte 0)\n");
    r = run("parse --max-input 1025M " + sparse.string());
    EXPECT_EQ(r.err, "resdraft: " + sparse.string() + ": binary input: NUL byte (byte 0)\n");
    std::filesystem::remove(sparse);
}

TEST(Cli, ReadingStopsOneBytePastTheCap) {
    const auto dir = scratch_dir() / "cap-stdin";
    std::filesystem::create_directories(dir);
    const auto file = dir / "5000.txt";
    std::string text;
    while (text.size() < 5000) text += "1. Decides to act.\n\n";
    text.resize(5000);
    std::ofstream(file, std::ios::binary) << text;
    // both read the same open file: what cat prints is what resdraft left unread
    auto r = run_sh("{ " + binary + " parse - --max-input 1K >/dev/null; echo \"exit $?\" >&2; wc -c; } <" + file.string());
    EXPECT_EQ(r.err, "resdraft: -: input larger than the 1 KiB limit (byte 1024); raise it with --max-input\nexit 2\n");
    EXPECT_EQ(r.out, std::to_string(5000 - 1025) + "\n");

    std::ofstream(file, std::ios::binary) << text.substr(0, 2048);  // exactly at the cap: read
    r = run("parse " + file.string() + " --max-input 2K --format text");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    r = run("parse " + file.string() + " --max-input 2047");
    EXPECT_EQ(r.err, "resdraft: " + file.string() + ": input larger than the 2047 B limit (byte 2047); raise it with --max-input\n");
}

TEST(Cli, MaxInputIsAWholeNumberOfBytesKMOrG) {
    for (const std::string bad : {"1.5G", "0", "12X", "1GB", "-1", "''", "0x10", "1e3", "99999999999999999999"}) {
        const auto r = run("parse --max-input " + bad);
        EXPECT_EQ(r.exit_code, 2) << bad;
        EXPECT_EQ(r.err, "resdraft: --max-input must be a whole number of bytes, optionally followed by K, M or G, not \"" +
                             (bad == "''" ? std::string() : bad) + "\"\n");
    }
    EXPECT_EQ(run("parse --max-input 16k").exit_code, 0);  // the embedded reference is not capped
    EXPECT_EQ(run("cluster --max-input 3m --k 2").exit_code, 0);
}

// --- standard input named twice ---------------------------------------------------------------------

TEST(Cli, StandardInputIsReadOnlyOnce) {
    const std::string text = "1. Decides to act.\n";
    auto r = run("check - --reference -", text);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "resdraft: standard input can be read only once: give at most one of DRAFT and --reference as -\n");
    r = run("cluster - -", text);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "resdraft: standard input can be read only once: give at most one INPUT as -\n");
    r = run("bench - -", text);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "resdraft: standard input can be read only once: give at most one FILE as -\n");
    EXPECT_EQ(run("check -", text).exit_code, 0);
}

// --- numbers on the command line --------------------------------------------------------------------

TEST(Cli, KSeedAndContextMustBeWholeNumbersInRange) {
    for (const std::string bad : {"3abc", "2.5", "1e3", "0", "1001", "-2", "''", "+3", "zero"}) {
        const auto r = run("cluster --k " + bad);
        EXPECT_EQ(r.exit_code, 2) << bad;
        EXPECT_EQ(r.err, "resdraft: --k must be a whole number from 1 to 1000, or auto, not \"" +
                             (bad == "''" ? std::string() : bad) + "\"\n");
    }
    for (const std::string bad : {"''", "-1", "99999999999", "4294967296", "1.0", "7x"}) {
        const auto r = run("cluster --seed " + bad);
        EXPECT_EQ(r.exit_code, 2) << bad;
        EXPECT_EQ(r.err, "resdraft: --seed must be a whole number from 0 to 4294967295, not \"" +
                             (bad == "''" ? std::string() : bad) + "\"\n");
    }
    for (const std::string bad : {"''", "-1", "101", "0.3", "30%", "x"}) {
        const auto r = run("cluster --context " + bad);
        EXPECT_EQ(r.exit_code, 2) << bad;
        EXPECT_EQ(r.err, "resdraft: --context must be a whole number (percent) from 0 to 100, not \"" +
                             (bad == "''" ? std::string() : bad) + "\"\n");
    }
    EXPECT_EQ(run("cluster --k 2 --context 0").exit_code, 0);
    EXPECT_EQ(run("cluster --k 2 --context 100").exit_code, 0);
    auto r = run("cluster --format json --k 2 --seed 4294967295");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out)["k"], 2);
    EXPECT_EQ(run("cluster --k 002 --seed 0").exit_code, 0);
}

// --- out of memory ----------------------------------------------------------------------------------

#ifdef RESDRAFT_SANITIZED
constexpr bool sanitized = true;
#else
constexpr bool sanitized = false;
#endif

TEST(Cli, OutOfMemoryIsOneLineAndExitCodeThree) {
    if (sanitized)
        GTEST_SKIP() << "AddressSanitizer reserves terabytes of address space at start, so an RLIMIT_AS that "
                        "the test could use stops the binary before main; the release build runs this test";
    const auto dir = scratch_dir() / "oom";
    std::filesystem::create_directories(dir);
    const auto tiny = dir / "tiny.txt", big = dir / "big.txt";
    std::ofstream(tiny, std::ios::binary) << "The General Assembly,\n\n1. Urges States to act.\n";
    {
        std::ofstream out(big, std::ios::binary);
        const std::string paragraph = "1. Urges States to act, and calls upon them to report on migration.\n\n";
        for (std::size_t n = 0; n < 30'000'000; n += paragraph.size()) out << paragraph;
    }
    // 256 MiB of address space: the binary starts and parses a small file in about 46 MiB, but parsing
    // 30 MB and writing its JSON needs about 1.5 GB
    const auto limit = [] {
        const rlimit as{std::size_t{256} << 20, std::size_t{256} << 20};
        ::setrlimit(RLIMIT_AS, &as);
    };
    const int null = ::open("/dev/null", O_WRONLY);
    const auto small = spawn({"parse", tiny.string()}, null, limit);
    EXPECT_EQ(small.exit_code, 0) << small.err;
    const auto r = spawn({"parse", big.string()}, null, limit);
    ::close(null);
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_EQ(r.err, "resdraft: out of memory (std::bad_alloc)\n");
    std::filesystem::remove(big);
}

// --- standard output --------------------------------------------------------------------------------

// Runs the binary with ARGS writing to /dev/full, to a closed standard output, and to a pipe nobody reads
// (SIGPIPE ignored), and expects each failure said in one line, exit code 2.
void expect_stdout_failures_reported(const std::vector<std::string>& args) {
    const std::string what = args.front();
    const int full = ::open("/dev/full", O_WRONLY);
    auto r = spawn(args, full);
    ::close(full);
    EXPECT_EQ(r.exit_code, 2) << what;
    EXPECT_EQ(r.err, "resdraft: cannot write to standard output: No space left on device\n") << what;

    r = spawn(args, -1);
    EXPECT_EQ(r.exit_code, 2) << what;
    EXPECT_EQ(r.err, "resdraft: cannot write to standard output: Bad file descriptor\n") << what;

    std::array<int, 2> pipe_fds{};
    ASSERT_EQ(::pipe(pipe_fds.data()), 0);
    ::close(pipe_fds[0]);
    r = spawn(args, pipe_fds[1], [] { ::signal(SIGPIPE, SIG_IGN); });
    ::close(pipe_fds[1]);
    EXPECT_EQ(r.exit_code, 2) << what;
    EXPECT_EQ(r.err, "resdraft: cannot write to standard output: Broken pipe\n") << what;
}

TEST(Cli, StandardOutputFailuresAreReported) {
    const auto file = scratch_dir() / "small.txt";
    std::ofstream(file, std::ios::binary) << "The General Assembly,\n\n1. Urges States to act.\n";
    expect_stdout_failures_reported({"parse"});
    expect_stdout_failures_reported({"check", (testing::source_dir() / "corpus/drafts/migration-followup.txt").string()});
    expect_stdout_failures_reported({"cluster", "--k", "2"});
    expect_stdout_failures_reported({"bench", file.string()});
    expect_stdout_failures_reported({"--help"});
    expect_stdout_failures_reported({"parse", "--help"});
}

// --- --output ---------------------------------------------------------------------------------------

// A fresh folder for one test's outputs.
std::filesystem::path output_dir(const std::string& name) {
    const auto dir = scratch_dir() / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

std::vector<std::string> entries(const std::filesystem::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

const std::string& reference_json() {
    static const std::string json = run("parse").out;
    return json;
}

TEST(Cli, OutputThroughASymbolicLinkWritesTheFileItNames) {
    const auto dir = output_dir("symlinks");
    std::ofstream(dir / "report.json") << "old\n";
    std::filesystem::create_symlink("report.json", dir / "one");
    std::filesystem::create_symlink(dir / "one", dir / "two");  // a chain: absolute, then relative
    auto r = run("parse --output " + (dir / "two").string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(testing::read_file(dir / "report.json"), reference_json());
    EXPECT_TRUE(std::filesystem::is_symlink(dir / "one"));
    EXPECT_TRUE(std::filesystem::is_symlink(dir / "two"));

    std::filesystem::create_symlink("new.json", dir / "dangling");
    r = run("parse --output " + (dir / "dangling").string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(std::filesystem::is_symlink(dir / "dangling"));
    EXPECT_EQ(testing::read_file(dir / "new.json"), reference_json());
    EXPECT_EQ(entries(dir), (std::vector<std::string>{"dangling", "new.json", "one", "report.json", "two"}));
}

TEST(Cli, OutputToAHardLinkedFileReachesEveryName) {
    const auto dir = output_dir("hardlinks");
    std::ofstream(dir / "a.json") << std::string(100'000, 'x');  // longer than the report: cut to its size
    std::filesystem::create_hard_link(dir / "a.json", dir / "b.json");
    const auto r = run("parse --output " + (dir / "b.json").string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(testing::read_file(dir / "a.json"), reference_json());
    EXPECT_EQ(testing::read_file(dir / "b.json"), reference_json());
    EXPECT_EQ(std::filesystem::hard_link_count(dir / "a.json"), 2u);
    EXPECT_TRUE(std::filesystem::equivalent(dir / "a.json", dir / "b.json"));
}

TEST(Cli, OutputToAHardLinkedFileThatCannotGrowIsLeftAsItWas) {
    const auto dir = output_dir("hardlinks-full");
    std::ofstream(dir / "a.json") << "old\n";
    std::filesystem::create_hard_link(dir / "a.json", dir / "b.json");
    // a file-size limit stands in for a full disk: the room is reserved before a byte is written
    const auto r = spawn({"parse", "--output", (dir / "b.json").string()}, -1, [] {
        ::signal(SIGXFSZ, SIG_IGN);
        const rlimit fsize{4096, 4096};
        ::setrlimit(RLIMIT_FSIZE, &fsize);
    });
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "resdraft: " + (dir / "b.json").string() + ": cannot write: File too large\n");  // refused before a byte was written
    EXPECT_EQ(testing::read_file(dir / "a.json"), "old\n");
}

TEST(Cli, OutputToDevicesAndFifosIsWrittenThrough) {
    auto r = run("parse --output /dev/null");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    struct stat st {};
    ASSERT_EQ(::stat("/dev/null", &st), 0);
    EXPECT_TRUE(S_ISCHR(st.st_mode));  // as root, a rename would have made it a regular file
    EXPECT_EQ(st.st_rdev, makedev(1, 3));

    r = run("parse --output /dev/stdout");  // standard output is a file here: written, not replaced
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, reference_json());

    r = run("parse --output /dev/full");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "resdraft: /dev/full: cannot write: No space left on device (byte 0)\n");

    const auto dir = output_dir("fifo");
    const auto fifo = dir / "fifo", small = dir / "small.txt";
    std::ofstream(small) << "1. Urges States to act.\n";  // its report fits in the pipe's buffer
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
    const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
    r = run("parse " + small.string() + " --output " + fifo.string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::string got(65536, '\0');
    const ssize_t n = ::read(reader, got.data(), got.size());
    ::close(reader);
    got.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    EXPECT_EQ(got, run("parse " + small.string()).out);
    EXPECT_TRUE(std::filesystem::is_fifo(fifo));
}

TEST(Cli, OutputRefusesDirectoriesSocketsAndReadOnlyFiles) {
    const auto dir = output_dir("refused");
    std::filesystem::create_directories(dir / "folder");
    auto r = run("parse --output " + (dir / "folder").string());
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "resdraft: " + (dir / "folder").string() + ": is a directory; not replaced\n");

    const auto socket_path = dir / "socket";
    const int sock = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::snprintf(address.sun_path, sizeof address.sun_path, "%s", socket_path.c_str());
    ASSERT_EQ(::bind(sock, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    r = run("parse --output " + socket_path.string());
    ::close(sock);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "resdraft: " + socket_path.string() + ": is a socket; not written\n");

    // the tests run as root, for whom access() grants any file: the mode bits decide
    const auto locked = dir / "locked.json";
    std::ofstream(locked) << "old\n";
    std::filesystem::permissions(locked, std::filesystem::perms::owner_read | std::filesystem::perms::group_read);
    r = run("parse --output " + locked.string());
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "resdraft: " + locked.string() + ": is read-only; not replaced\n");
    EXPECT_EQ(testing::read_file(locked), "old\n");
    EXPECT_EQ(entries(dir), (std::vector<std::string>{"folder", "locked.json", "socket"}));
}

TEST(Cli, OutputRefusesBlockDevices) {
    const auto dir = output_dir("block");
    const auto node = dir / "disk";
    // major 240 is for local use: no driver, so even a wrong write could reach no disk
    if (::mknod(node.c_str(), S_IFBLK | 0600, makedev(240, 0)) != 0)
        GTEST_SKIP() << "cannot make a block device node here (" << std::strerror(errno) << "); root can";
    const auto r = run("parse --output " + node.string());
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "resdraft: " + node.string() + ": is a block device; not written\n");
    struct stat st {};
    ASSERT_EQ(::stat(node.c_str(), &st), 0);
    EXPECT_TRUE(S_ISBLK(st.st_mode));
}

TEST(Cli, OutputKeepsTheModeAndOwnerOfTheFileItReplaces) {
    const auto dir = output_dir("modes");
    const auto kept = dir / "kept.json";
    std::ofstream(kept) << "old\n";
    ASSERT_EQ(::chmod(kept.c_str(), 0604), 0);
    const bool root = ::geteuid() == 0;
    if (root) {
        ASSERT_EQ(::chown(kept.c_str(), 1234, 5678), 0);
    }
    auto r = run("parse --output " + kept.string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    struct stat st {};
    ASSERT_EQ(::stat(kept.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 07777, 0604u);
    if (root) {
        EXPECT_EQ(st.st_uid, 1234u);
        EXPECT_EQ(st.st_gid, 5678u);
    }
    EXPECT_EQ(testing::read_file(kept), reference_json());

    // a new file: 0666 less the umask, as a shell's > makes it
    for (const auto& [umask, mode] : {std::pair{"022", 0644u}, std::pair{"027", 0640u}}) {
        const auto fresh = dir / ("new-" + std::string(umask) + ".json");
        r = run_sh("umask " + std::string(umask) + "; " + binary + " parse --output " + fresh.string());
        ASSERT_EQ(r.exit_code, 0) << r.err;
        ASSERT_EQ(::stat(fresh.c_str(), &st), 0);
        EXPECT_EQ(st.st_mode & 07777, mode) << umask;
    }
}

TEST(Cli, OutputToTheLongestLegalFileName) {
    const auto dir = output_dir("long-name");
    const std::string name = std::string(250, 'a') + ".json";  // 255 bytes, the most a name may have
    const auto r = run("parse --output " + (dir / name).string());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(testing::read_file(dir / name), reference_json());
    EXPECT_EQ(entries(dir), std::vector<std::string>{name});
}

// Runs the binary with ARGS under ptrace until its first write to a file in DIR (its temporary file),
// sends it SIG at that moment, lets it go, and returns its wait status; -1 when ptrace is not permitted.
int signal_at_first_write_in(const std::filesystem::path& dir, const std::vector<std::string>& args, int sig) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        if (::ptrace(PTRACE_TRACEME, 0, nullptr, nullptr) != 0) ::_exit(126);
        child_stdio(-1, scratch_dir() / "traced-stderr");
        for (const int s : {SIGINT, SIGTERM, SIGHUP}) ::signal(s, SIG_DFL);  // ctest may have started us ignoring some
        exec_binary(args);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);  // stopped at exec
    if (!WIFSTOPPED(status)) return -1;
    ::ptrace(PTRACE_SETOPTIONS, pid, nullptr, PTRACE_O_TRACESYSGOOD | PTRACE_O_EXITKILL);
    int deliver = 0;
    for (;;) {
        ::ptrace(PTRACE_SYSCALL, pid, nullptr, deliver);
        ::waitpid(pid, &status, 0);
        if (!WIFSTOPPED(status)) return status;  // it ended without writing there
        deliver = WSTOPSIG(status) == (SIGTRAP | 0x80) ? 0 : WSTOPSIG(status);
        __ptrace_syscall_info info{};
        if (deliver != 0 || ::ptrace(PTRACE_GET_SYSCALL_INFO, pid, sizeof info, &info) <= 0) continue;
        if (info.op != PTRACE_SYSCALL_INFO_ENTRY || info.entry.nr != SYS_write) continue;
        std::error_code ec;
        const auto file = std::filesystem::read_symlink(
            "/proc/" + std::to_string(pid) + "/fd/" + std::to_string(info.entry.args[0]), ec);
        if (ec || file.parent_path() != dir) continue;
        ::kill(pid, sig);  // pending while it is stopped; delivered once it runs untraced
        ::ptrace(PTRACE_DETACH, pid, nullptr, 0);
        ::waitpid(pid, &status, 0);
        return status;
    }
}

TEST(Cli, ASignalWhileWritingLeavesNoTemporaryFile) {
    for (const int sig : {SIGINT, SIGTERM, SIGHUP}) {
        const auto dir = std::filesystem::canonical(output_dir("signal"));
        const auto target = dir / "report.json";
        std::ofstream(target) << "old\n";
        const int status = signal_at_first_write_in(dir, {"parse", "--output", target.string()}, sig);
        if (status == -1) GTEST_SKIP() << "ptrace is not permitted here, so the signal cannot be timed";
        EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == sig) << strsignal(sig) << ": status " << status;
        EXPECT_EQ(entries(dir), std::vector<std::string>{"report.json"}) << strsignal(sig);
        EXPECT_EQ(testing::read_file(target), "old\n") << strsignal(sig);
    }
}

// No unit with a content word: cluster died with SIGSEGV (pca_map, lsa_space); check with such a
// background likewise. Now cluster refuses in one line and check reports every paragraph as new.
TEST(Cli, TextsOfVerbsAndNumbersOnly) {
    const auto dir = scratch_dir() / "verbs-only";
    std::filesystem::create_directories(dir);
    const auto verbs = dir / "verbs.txt";
    std::ofstream(verbs, std::ios::binary) << "1. Urges\n\n2. Decides\n";
    for (const std::string format : {"text", "json", "html"}) {
        const auto r = run("cluster " + verbs.string() + " --format " + format);
        EXPECT_EQ(r.exit_code, 2) << format;
        EXPECT_EQ(r.err, "resdraft: nothing to cluster: none of the 2 paragraph units has a content word (only verbs, "
                         "numbers or function words)\n");
        EXPECT_TRUE(r.out.empty());
    }
    std::ofstream(dir / "numbers.txt", std::ios::binary) << "1.\n\n2.\n";
    EXPECT_EQ(run("cluster " + (dir / "numbers.txt").string()).exit_code, 2);
    auto r = run("check " + verbs.string() + " --reference " + verbs.string() + " --background " + dir.string() + " --format json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["summary"]["new"], 2);
    EXPECT_EQ(j["summary"]["gaps"], 2);
    // with a real document beside it, the verbs are set apart and the rest clustered
    r = run("cluster " + verbs.string() + " " + (testing::source_dir() / "corpus/a-68-l5.txt").string() + " --format json --k 3");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto c = nlohmann::json::parse(r.out);
    EXPECT_EQ(c["unclustered"], nlohmann::json::parse("[{\"source\": \"" + verbs.string() + "\", \"paragraph\": \"1\"}, "
                                                      "{\"source\": \"" + verbs.string() + "\", \"paragraph\": \"2\"}]"));
    std::size_t members = 0;
    for (const auto& cl : c["clusters"]) members += cl["members"].size();
    EXPECT_EQ(members, 34u);
}

// Found by read_fuzz: a byte that can never open a UTF-8 sequence (0xFF) in the last three before the cap
// was held back as if a sequence might go on, and the input called too large instead of invalid.
TEST(Cli, AnInvalidByteJustBeforeTheCapIsNamed) {
    const auto r = run("parse - --max-input 1", "\xFF\xF5");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "resdraft: -: invalid UTF-8 (unexpected byte 0xFF) (byte 0)\n");
    // a lead byte that may go on past the cap is the cap's
    EXPECT_EQ(run("parse - --max-input 1", "\xC3\xA9").err,
              "resdraft: -: input larger than the 1 B limit (byte 1); raise it with --max-input\n");
}

// --- help, version and usage errors -----------------------------------------------------------------

// The lines of `text`, each without its newline.
std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

bool has_line(const std::string& text, const std::string& line) {
    const auto all = lines_of(text);
    return std::find(all.begin(), all.end(), line) != all.end();
}

TEST(Cli, VersionIsPrintedByTheFlagAndTheSubcommand) {
    for (const std::string args : {"--version", "version"}) {
        const auto r = run(args);
        EXPECT_EQ(r.exit_code, 0) << args;
        EXPECT_TRUE(vectors_off);
        EXPECT_EQ(r.out, "resdraft " RESDRAFT_VERSION "\nvectors: none (RESDRAFT_VECTORS=none)\n") << args;
        EXPECT_EQ(r.err, "") << args;
    }
}

// `help [COMMAND]` prints what `[COMMAND] --help` prints: its usage, and each option with its default.
TEST(Cli, HelpOfTheProgramAndOfASubcommand) {
    struct help_case {
        std::string command, flag, usage;
        std::vector<std::string> lines;
    };
    const std::vector<help_case> cases{
        {"help", "--help", "Usage: resdraft [OPTIONS] SUBCOMMAND",
         {"  check                       Compare a draft with the reference: reuse, edits, verb changes, gaps",
          "  version                     Print the version and the word vectors in use"}},
        {"help check", "check --help", "Usage: resdraft check [OPTIONS] DRAFT",
         {"  --format FORMAT:{text,json,html,csv,docx}=text", "  --color WHEN:{auto,always,never}=auto"}},
        {"help cluster", "cluster --help", "Usage: resdraft cluster [OPTIONS] [INPUT...]",
         {"  --k N|auto=auto             number of clusters, 1 to 1000, or auto (best silhouette for 2..12)",
          "  --seed N=1                  seed of the k-means++ starts, 0 to 4294967295",
          "  --unit UNIT:{paragraph,clause,all}=paragraph"}},
    };
    for (const auto& c : cases) {
        const auto r = run(c.command);
        ASSERT_EQ(r.exit_code, 0) << c.command << r.err;
        EXPECT_EQ(r.err, "") << c.command;
        EXPECT_EQ(r.out, run(c.flag).out) << c.command;
        EXPECT_EQ(lines_of(r.out).at(1), c.usage) << c.command;
        for (const auto& line : c.lines) EXPECT_TRUE(has_line(r.out, line)) << c.command << ": " << line;
    }
}

// Each refused command line is named for what is wrong with it, in one line, exit code 2.
TEST(Cli, UsageErrorsNameWhatIsWrong) {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"", "a subcommand is required: parse, check, cluster, bench, library, help or version (see resdraft help)"},
        {"chekc", "unknown subcommand \"chekc\": use parse, check, cluster, bench, library, help or version (see resdraft help)"},
        {"help chekc", "unknown subcommand \"chekc\": use parse, check, cluster, bench, library, help or version (see resdraft help)"},
        {"--bogus", "unknown option --bogus (see resdraft help)"},
        {"check", "check: DRAFT is required (see resdraft help check)"},
        {"check --fromat json draft.txt", "check: unknown option --fromat (see resdraft help check)"},
        {"check draft.txt --fromat=json", "check: unknown option --fromat=json (see resdraft help check)"},
        {"check --fromat", "check: unknown option --fromat (see resdraft help check)"},
        {"parse a.txt b.txt", "parse: unexpected argument \"b.txt\" (see resdraft help parse)"},
        {"parse --format xml", "parse: --format: xml not in {json,text} (see resdraft help parse)"},
        {"check - --color sometimes", "check: --color: sometimes not in {auto,always,never} (see resdraft help check)"},
    };
    for (const auto& [args, message] : cases) {
        const auto r = run(args);
        EXPECT_EQ(r.exit_code, 2) << args;
        EXPECT_EQ(r.err, "resdraft: " + message + "\n") << args;
        EXPECT_EQ(r.out, "") << args;
    }
}

// --- colour -----------------------------------------------------------------------------------------

// Runs the binary with ARGS, `environment` (NAME=VALUE) added and NO_COLOR unset before it, its descriptor
// `terminal_fd` (standard output or error) on a terminal in raw mode (bytes arrive as written) and the
// other on a file. Returns the exit code, the terminal's bytes as `out` and the file's as `err`.
run_result run_on_terminal(const std::vector<std::string>& args, int terminal_fd, const std::vector<std::string>& environment = {}) {
    const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0 || ::grantpt(master) != 0 || ::unlockpt(master) != 0) return {};
    const int terminal = ::open(::ptsname(master), O_RDWR | O_NOCTTY);  // held open until the child has it
    termios raw{};
    ::tcgetattr(terminal, &raw);
    ::cfmakeraw(&raw);
    ::tcsetattr(terminal, TCSANOW, &raw);
    const auto other = scratch_dir() / "terminal-other";
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(master);
        child_stdio(-1, other);  // standard input from /dev/null, standard error to `other`
        if (terminal_fd == STDERR_FILENO) ::dup2(STDERR_FILENO, STDOUT_FILENO);  // `other` takes standard output
        ::dup2(terminal, terminal_fd);
        ::unsetenv("NO_COLOR");
        for (const std::string& e : environment) ::putenv(const_cast<char*>(e.c_str()));
        exec_binary(args);
    }
    ::close(terminal);
    std::string bytes;
    char buffer[4096];
    for (ssize_t n; (n = ::read(master, buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR);)
        if (n > 0) bytes.append(buffer, static_cast<std::size_t>(n));
    ::close(master);  // read fails with EIO once the child has closed the terminal
    int status = 0;
    ::waitpid(pid, &status, 0);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, bytes, testing::read_file(other)};
}

TEST(Cli, ColourFollowsTheTerminalNoColorAndTheColorOption) {
    const std::string draft = (testing::source_dir() / "corpus/drafts/migration-followup.txt").string();
    const auto plain = run("check " + draft);
    ASSERT_EQ(plain.exit_code, 0) << plain.err;
    ASSERT_EQ(plain.out.find('\x1b'), std::string::npos);
    const std::string coloured_line = "\x1b[1mpp1\x1b[0m  new";  // the first paragraph's heading, in bold
    const std::string plain_line = "pp1  new";

    struct expectation {
        std::vector<std::string> args, environment;
        bool terminal, coloured;
    };
    const std::vector<expectation> cases{
        {{}, {}, true, true},                                       // auto: a terminal
        {{}, {"NO_COLOR=1"}, true, false},                          // ...unless NO_COLOR is set
        {{}, {"NO_COLOR="}, true, true},                            // ...and not empty
        {{"--color", "never"}, {}, true, false},
        {{"--color", "always"}, {"NO_COLOR=1"}, true, true},        // the option wins over NO_COLOR
        {{"--color", "auto"}, {}, false, false},                    // auto: not a terminal
        {{"--color", "always"}, {}, false, true},                   // always: a pipe too
    };
    for (const auto& c : cases) {
        std::vector<std::string> args{"check", draft};
        args.insert(args.end(), c.args.begin(), c.args.end());
        const std::string what = ::testing::PrintToString(c.args) + " " + ::testing::PrintToString(c.environment);
        std::string piped = "env -u NO_COLOR";
        for (const auto& word : c.environment) piped += " " + word;
        piped += " " + binary;
        for (const auto& word : args) piped += " " + word;
        const run_result r = c.terminal ? run_on_terminal(args, STDOUT_FILENO, c.environment) : run_sh(piped);
        ASSERT_EQ(r.exit_code, 0) << what << r.err;
        EXPECT_TRUE(has_line(r.out, c.coloured ? coloured_line : plain_line)) << what;
        if (!c.coloured) {
            EXPECT_EQ(r.out, plain.out) << what;
        }
    }
}

// --- progress ---------------------------------------------------------------------------------------

// What a terminal receives for these steps: each drawn over the last, the last erased at the end.
std::string progress_bytes(const std::vector<std::string>& steps) {
    std::string out;
    for (const auto& step : steps) out += "\r\x1b[K" + step;
    return out + "\r\x1b[K";
}

TEST(Cli, CheckAndClusterShowProgressOnlyOnATerminal) {
    const std::string draft = (testing::source_dir() / "corpus/drafts/migration-followup.txt").string();
    const auto piped = run("check " + draft);
    ASSERT_EQ(piped.exit_code, 0) << piped.err;
    EXPECT_EQ(piped.err, "");
    auto r = run_on_terminal({"check", draft}, STDERR_FILENO);
    ASSERT_EQ(r.exit_code, 0) << r.out;
    std::vector<std::string> steps{"reading the words of a-68-l5.txt and " + draft, "weighting terms",
                                   "finding the nearest reference paragraphs"};
    for (int d = 1; d <= 18; ++d) steps.push_back("aligning draft paragraph " + std::to_string(d) + " of 18");
    EXPECT_EQ(r.out, progress_bytes(steps));
    EXPECT_EQ(r.err, piped.out);  // the report, on standard output

    r = run_on_terminal({"cluster", "--k", "2"}, STDERR_FILENO);
    ASSERT_EQ(r.exit_code, 0) << r.out;
    EXPECT_EQ(r.out, progress_bytes({"reading 34 units", "k-means with k = 2", "labelling 2 clusters", "mapping"}));
    EXPECT_EQ(r.err, run("cluster --k 2").out);
}

// --- folders ----------------------------------------------------------------------------------------

// A folder with nothing readable is refused in one line saying what it held, exit 2; what a folder's
// reader skips is named on standard error, one line each with why; the rest is read.
TEST(Cli, FoldersNameWhatTheySkipAndRefuseHavingNothingToRead) {
    const auto empty = output_dir("folder-empty");
    const std::string draft = (testing::source_dir() / "corpus/drafts/migration-followup.txt").string();
    for (const std::string& command : {"cluster " + empty.string(), "check " + draft + " --background " + empty.string()}) {
        const auto r = run(command);
        EXPECT_EQ(r.exit_code, 2) << command;
        EXPECT_EQ(r.err, "resdraft: " + empty.string() + ": nothing to read: the folder is empty\n") << command;
        EXPECT_EQ(r.out, "") << command;
    }

    const auto none = output_dir("folder-unreadable");
    std::ofstream(none / "notes.pdf") << "%PDF-1.7\n";
    std::ofstream(none / "notes.odt") << "PK";
    std::filesystem::create_directories(none / "older");
    std::filesystem::create_symlink("nowhere.txt", none / "gone.txt");
    std::ofstream(none / "binary.md", std::ios::binary) << "1. Decides\x01 to act.\n";
    const std::string skipped = "resdraft: skipping " + (none / "binary.md").string() + ": binary input: control byte 0x01 (byte 10)\n"
                                "resdraft: skipping " + (none / "gone.txt").string() + ": cannot open: No such file or directory\n"
                                "resdraft: skipping " + (none / "notes.odt").string() + ": not a .txt, .md, .docx or .pdf file\n"
                                "resdraft: skipping " + (none / "notes.pdf").string() + ": damaged PDF: poppler cannot open it\n"
                                "resdraft: skipping " + (none / "older").string() + ": a folder (folders inside folders are not read)\n";
    for (const std::string& command : {"cluster " + none.string(), "check " + draft + " --background " + none.string()}) {
        const auto r = run(command);
        EXPECT_EQ(r.exit_code, 2) << command;
        EXPECT_EQ(r.err, skipped + "resdraft: " + none.string() +
                             ": nothing to read: none of its 5 entries is a readable .txt, .md, .docx or .pdf file\n") << command;
        EXPECT_EQ(r.out, "") << command;
    }

    // beside a readable file, what is skipped is named and the rest clustered
    std::filesystem::copy_file(testing::source_dir() / "corpus/a-68-l5.txt", none / "a-68-l5.txt");
    const auto r = run("cluster " + none.string() + " --k 2");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, skipped);
    EXPECT_EQ(lines_of(r.out).at(0), "2 clusters of 34 units (silhouette 0.023)");
}

// --- cluster names --------------------------------------------------------------------------------

// Every unit is named as "document ¶id": the document's symbol, or its file name when it has none.
TEST(Cli, ClusterNamesMembersAlike) {
    auto r = run("cluster --k 6");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto text = lines_of(r.out);
    ASSERT_GE(text.size(), 5u);
    EXPECT_EQ(std::vector<std::string>(text.begin(), text.begin() + 5),
              (std::vector<std::string>{
                  "6 clusters of 34 units (silhouette 0.031)", "",
                  "0  migration, development, international, global, nations  (9 units, silhouette 0.076)",
                  "   exemplar A/68/L.5 annex ¶31: Call upon all relevant bodies, agencies, funds and programmes of the United "
                  "Nations system, other relevant intergovernmental, regional and subregio...",
                  "   members: A/68/L.5 annex ¶31, A/68/L.5 annex ¶7, A/68/L.5 annex ¶20, A/68/L.5 annex ¶33, A/68/L.5 annex "
                  "¶30, A/68/L.5 annex ¶6, A/68/L.5 annex ¶34, A/68/L.5 annex ¶29, A/68/L.5 annex ¶22"}));

    const auto dir = output_dir("cluster-names");
    const auto verbs = dir / "verbs.txt";  // no symbol: named by its file
    std::ofstream(verbs, std::ios::binary) << "1. Urges\n\n2. Decides\n\n3. Requests the Secretary-General to report on migration.\n";
    r = run("cluster " + verbs.string() + " " + (testing::source_dir() / "corpus/a-68-l5.txt").string() + " --unit clause --k 2");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(has_line(r.out, "not clustered (no content word): " + verbs.string() + " ¶1/1, " + verbs.string() + " ¶2/1"));
    std::size_t named = 0;
    for (const auto& line : lines_of(r.out)) {
        if (!line.starts_with("   members: ")) continue;
        for (std::size_t at = line.find(": ") + 2; at < line.size(); ++named) {
            const auto end = std::min(line.find(", ", at), line.size());
            const std::string name = line.substr(at, end - at);
            EXPECT_TRUE(name.starts_with("A/68/L.5 annex ¶") || name == verbs.string() + " ¶3/1" || name.starts_with("and "))
                << name;
            at = end + 2;
        }
    }
    EXPECT_GT(named, 2u);
}

// A library built from files, listed, searched, and a draft checked against it in every format.
TEST(Cli, LibraryAddListSearchAndCheck) {
    const auto dir = scratch_dir() / "library";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    const auto lib = (dir / "lib.db").string();
    const auto reference = (testing::source_dir() / "corpus/a-68-l5.txt").string();
    auto r = run("library add " + lib + " " + reference);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "added 1 document (35 paragraphs) to " + lib + "\n");
    EXPECT_EQ(run("library list " + lib).out,
              "A/68/L.5  1 October 2013  35 paragraphs  Declaration of the High-level Dialogue on International Migration and Development\n");
    r = run("library search " + lib + " \"cheaper, faster and safer transfers\"");
    EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "A/68/L.5 annex \xC2\xB6" "27 (2013)");
    const auto draft = (testing::source_dir() / "corpus/drafts/migration-followup.txt").string();
    r = run("check " + draft + " --library " + lib + " --format csv");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.substr(0, r.out.find("\r\n")),
              "\xEF\xBB\xBF" "draft_paragraph,draft_status,earliest,latest,rank,precedent,symbol,part,paragraph,date,status,reuse,"
              "coverage,score,occurrences");
    const std::string p27 = "A/68/L.5 annex \xC2\xB6" "27 (2013)";
    EXPECT_NE(r.out.find("\r\n4,verbatim," + p27 + "," + p27 + ",1," + p27 + ",A/68/L.5,annex,27,1 October 2013,verbatim,1.00,1.00,1.00,1\r\n"),
              std::string::npos);
    // --reference SYMBOL: today's check against that document of the library
    const auto by_symbol = run("check " + draft + " --library " + lib + " --reference A/68/L.5 --format json");
    const auto by_file = run("check " + draft + " --reference " + reference + " --format json");
    ASSERT_EQ(by_symbol.exit_code, 0) << by_symbol.err;
    EXPECT_EQ(by_symbol.out, by_file.out);
    r = run("check " + draft + " --library " + lib + " --reference A/RES/1/1");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "resdraft: " + lib + ": no document A/RES/1/1 (resdraft library list " + lib + ")\n");
    EXPECT_EQ(run("library remove " + lib + " A/68/L.5").out, "removed 1 document from " + lib + "\n");
    EXPECT_EQ(run("library list " + lib).out, "");
}

TEST(Cli, ABadLibraryIsOneLineAndExitTwo) {
    const auto dir = scratch_dir() / "bad-library";
    std::filesystem::create_directories(dir);
    const auto text = (testing::source_dir() / "corpus/a-68-l5.txt").string();
    auto r = run("library list " + text);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "resdraft: " + text + ": not a SQLite database\n");
    r = run("check " + text + " --library " + (dir / "absent.db").string());
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "resdraft: " + (dir / "absent.db").string() + ": no such library\n");
    EXPECT_FALSE(std::filesystem::exists(dir / "absent.db"));  // reading never creates one
    // a failed add to a new library leaves no file; remove never makes one
    r = run("library add " + (dir / "new.db").string() + " " + (dir / "absent.txt").string());
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "resdraft: " + (dir / "absent.txt").string() + ": cannot open: No such file or directory\n");
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()), 0);
    r = run("library remove " + (dir / "new.db").string() + " A/RES/80/1");
    EXPECT_EQ(r.err, "resdraft: " + (dir / "new.db").string() + ": no such library\n");
    EXPECT_FALSE(std::filesystem::exists(dir / "new.db"));
    // two files of the same symbol in one add: the second replaces the first, and says so
    for (const char* year : {"y2024", "y2025"}) {
        std::filesystem::create_directories(dir / year);
        std::ofstream(dir / year / "draft.txt") << "1. Urges States to act on item " << year << ".\n";
    }
    r = run("library add " + (dir / "two.db").string() + " " + (dir / "y2024").string() + " " + (dir / "y2025").string());
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, "added 1 document (1 paragraph) to " + (dir / "two.db").string() + "\n");
    EXPECT_EQ(r.err, "resdraft: " + (dir / "y2025/draft.txt").string() + " replaces " + (dir / "y2024/draft.txt").string() +
                         " in " + (dir / "two.db").string() + ": both are draft\n");
}

// CSV for researchers: one row per draft paragraph (check), one per unit (cluster), RFC 4180 after a BOM.
TEST(Cli, CheckAndClusterWriteCsv) {
    const auto dir = scratch_dir() / "csv";
    std::filesystem::create_directories(dir);
    const std::string ref = (dir / "ref.txt").string(), draft = (dir / "draft.txt").string();
    std::ofstream(ref) << "The General Assembly,\n\n1. Urges States to protect the human rights of all migrants, regardless "
                          "of their migration status.\n\n2. Decides to remain seized of the matter.\n";
    std::ofstream(draft) << "The General Assembly,\n\n1. Strongly urges States to protect the human rights of all migrants, "
                            "regardless of their migration status.\n\n2. Welcomes the report on oceans, fisheries and coral "
                            "reefs, \"the blue economy\".\n";
    auto r = run("check " + draft + " --reference " + ref + " --format csv");
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out,
              "\xEF\xBB\xBF" "draft_paragraph,status,reference_paragraph,score,reuse,semantic,other_matches,merged,verb_changes,text\r\n"
              "1,verbatim,1,0.95,0.94,,2,no,\"urges -> strongly urges (stronger), adds \"\"strongly\"\"\",\"Strongly urges States to "
              "protect the human rights of all migrants, regardless of their migration status.\"\r\n"
              "2,new,,,,,,no,,\"Welcomes the report on oceans, fisheries and coral reefs, \"\"the blue economy\"\".\"\r\n");
    // --context 0: each unit by its own words (weighed by how many of the two documents hold them)
    r = run("cluster --format csv --k 2 --context 0 " + ref + " " + draft);
    EXPECT_EQ(r.exit_code, 0);
    const std::string label1 = "\"remain, seized, matter, report, oceans\"", label2 = "\"strongly, states, protect, human, rights\"";
    EXPECT_EQ(r.out, "\xEF\xBB\xBF" "cluster,label,rank,similarity,name,source,paragraph,text\r\n"
                     "0," + label1 + ",1,0.71," + draft + " \xC2\xB6" "2," + draft + ",2,\"Welcomes the report on oceans, "
                     "fisheries and coral reefs, \"\"the blue economy\"\".\"\r\n"
                     "0," + label1 + ",2,0.71," + ref + " \xC2\xB6" "2," + ref + ",2,Decides to remain seized of the matter.\r\n"
                     "1," + label2 + ",1,0.90," + draft + " \xC2\xB6" "1," + draft + ",1,\"Strongly urges States to protect the "
                     "human rights of all migrants, regardless of their migration status.\"\r\n"
                     "1," + label2 + ",2,0.90," + ref + " \xC2\xB6" "1," + ref + ",1,\"Urges States to protect the human rights "
                     "of all migrants, regardless of their migration status.\"\r\n");
    // by default each unit is moved 30% toward its document's mean: two documents of two paragraphs each are two
    // clusters, the paragraph they share split between them (the price of reading a paragraph with its document)
    r = run("cluster --format csv --k 2 " + ref + " " + draft);
    EXPECT_EQ(r.exit_code, 0);
    const auto rows = lines_of(r.out);
    ASSERT_EQ(rows.size(), 5u);
    for (std::size_t i = 1; i < 5; ++i) EXPECT_EQ(rows[i].substr(0, 1), i <= 2 ? "0" : "1") << rows[i];
    EXPECT_NE(rows[1].find("," + ref + ",1,"), std::string::npos);
    EXPECT_NE(rows[2].find("," + ref + ",2,"), std::string::npos);
    EXPECT_NE(rows[3].find("," + draft + ",1,"), std::string::npos);
    EXPECT_NE(rows[4].find("," + draft + ",2,"), std::string::npos);
}

// --- word vectors -----------------------------------------------------------------------------------

// The tiny vectors file of tests/models/tiny_vectors.hpp (5 words, 3 dimensions), written to the scratch folder.
std::string tiny_vectors_file() {
    const auto path = scratch_dir() / "tiny.rdvec";
    std::ofstream(path, std::ios::binary) << testing::converted().bytes;
    return path.string();
}

// An empty cache folder, as before scripts/setup has fetched the vectors.
std::string empty_cache() {
    const auto dir = scratch_dir() / "empty-cache";
    std::filesystem::create_directories(dir);
    return dir.string();
}

const std::string followup_draft = testing::source_dir().string() + "/corpus/drafts/migration-followup.txt";

// Without the file scripts/setup makes, check and cluster say so in one line and compare by wording alone:
// the same report as with --vectors none. The file is looked for in $XDG_CACHE_HOME/resdraft, else ~/.cache/resdraft.
TEST(CliVectors, WithoutVectorsCheckAndClusterWarnOnceAndGoOn) {
    const std::string cache = empty_cache();
    const std::string warning = "resdraft: no word vectors (no file " + cache + "/resdraft/glove-6b-100d.v1.rdvec): comparing by wording "
                                "alone; run scripts/setup to get them, or give --vectors FILE\n";
    for (const std::string& command : std::vector<std::string>{"check " + followup_draft, "check " + followup_draft + " --format json", "cluster --k 3"}) {
        const auto r = run_sh("RESDRAFT_VECTORS= XDG_CACHE_HOME=" + cache + " " + binary + " " + command);
        EXPECT_EQ(r.exit_code, 0) << command;
        EXPECT_EQ(r.err, warning) << command;
        const auto lexical = run(command + " --vectors none");
        EXPECT_EQ(lexical.err, "") << command;
        EXPECT_EQ(r.out, lexical.out) << command;
        EXPECT_FALSE(r.out.empty()) << command;
    }
    // HOME's .cache when XDG_CACHE_HOME is not set
    const auto r = run_sh("env -u XDG_CACHE_HOME RESDRAFT_VECTORS= HOME=" + cache + " " + binary + " cluster --k 3");
    EXPECT_EQ(r.err, "resdraft: no word vectors (no file " + cache + "/.cache/resdraft/glove-6b-100d.v1.rdvec): comparing by wording "
                     "alone; run scripts/setup to get them, or give --vectors FILE\n");
}

// version (and --version) names the vectors check and cluster would use: --vectors, else RESDRAFT_VECTORS,
// else the cache folder's file.
TEST(CliVectors, VersionNamesTheVectorsInUse) {
    const std::string file = tiny_vectors_file();
    const std::string named = "resdraft " RESDRAFT_VERSION "\nvectors: " + file + " (5 words, 3 dimensions)\n";
    auto r = run("version --vectors " + file);
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, named);
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(run_sh("RESDRAFT_VECTORS=" + file + " " + binary + " --version").out, named);
    EXPECT_EQ(run_sh("RESDRAFT_VECTORS=" + file + " " + binary + " version").out, named);
    EXPECT_EQ(run_sh("RESDRAFT_VECTORS=/nowhere " + binary + " version --vectors " + file).out, named);  // the option first
    EXPECT_EQ(run_sh("RESDRAFT_VECTORS=" + file + " " + binary + " version --vectors none").out,
              "resdraft " RESDRAFT_VERSION "\nvectors: none (--vectors none)\n");
    // the cache folder's file, as scripts/setup leaves it
    const auto cache = scratch_dir() / "cache";
    std::filesystem::create_directories(cache / "resdraft");
    std::filesystem::copy_file(file, cache / "resdraft" / "glove-6b-100d.v1.rdvec", std::filesystem::copy_options::overwrite_existing);
    EXPECT_EQ(run_sh("RESDRAFT_VECTORS= XDG_CACHE_HOME=" + cache.string() + " " + binary + " version").out,
              "resdraft " RESDRAFT_VERSION "\nvectors: " + (cache / "resdraft" / "glove-6b-100d.v1.rdvec").string() + " (5 words, 3 dimensions)\n");
    r = run_sh("RESDRAFT_VECTORS= XDG_CACHE_HOME=" + empty_cache() + " " + binary + " --version");
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, "resdraft " RESDRAFT_VERSION "\nvectors: none (no file " + empty_cache() +
                         "/resdraft/glove-6b-100d.v1.rdvec; run scripts/setup to get them)\n");
    EXPECT_EQ(r.err, "");
}

// Loaded vectors change nothing in the reports yet (issue 12's integration comes next), and say nothing.
// With vectors, check's matches carry their semantic score (the tiny vectors hold "remittances": paragraph 4
// reuses reference paragraph 27, which has it); nothing else of the report changes here, since no paragraph's
// meaning stands out with five words. Given by --vectors or RESDRAFT_VECTORS alike.
TEST(CliVectors, CheckWithVectorsAddsTheSemanticScore) {
    const std::string file = tiny_vectors_file();
    const std::regex semantic(", semantic [0-9.]+");
    const auto with = run("check " + followup_draft + " --vectors " + file), without = run("check " + followup_draft);
    EXPECT_EQ(with.exit_code, 0);
    EXPECT_EQ(with.err, "");
    EXPECT_NE(with.out.find("\n4  verbatim  <- 27 (reuse 1.00, score 1.00, semantic 1.00); also 10 14\n"), std::string::npos) << with.out;
    EXPECT_EQ(std::regex_replace(with.out, semantic, ""), without.out);
    EXPECT_EQ(run_sh("RESDRAFT_VECTORS=" + file + " " + binary + " check " + followup_draft).out, with.out);
    const auto json = nlohmann::json::parse(run("check " + followup_draft + " --format json --vectors " + file).out);
    const auto plain = nlohmann::json::parse(run("check " + followup_draft + " --format json --vectors none").out);
    ASSERT_EQ(json["paragraphs"][8]["id"], "4");
    EXPECT_EQ(json["paragraphs"][8]["matches"][0]["semantic"], 1.0);
    EXPECT_EQ(json["paragraphs"][8]["word_pairs"], nlohmann::json::array());
    EXPECT_TRUE(json["paragraphs"][0]["matches"].empty());  // pp1, new
    EXPECT_TRUE(json["paragraphs"][1]["matches"][0]["semantic"].is_null());  // pp2: none of its words is in the tiny vectors
    EXPECT_TRUE(plain["paragraphs"][8]["matches"][0]["semantic"].is_null());
    EXPECT_FALSE(plain["paragraphs"][8].contains("word_pairs"));
    EXPECT_FALSE(plain["thresholds"].contains("semantic"));
    EXPECT_EQ(json["thresholds"]["semantic"]["standout"], 4.5);
}

// A vectors file that is there but cannot be used is refused in one line, exit code 2, whoever named it.
TEST(CliVectors, ABadVectorsFileIsRefusedInOneLine) {
    const auto bad = scratch_dir() / "bad.rdvec";
    std::ofstream(bad) << "a text file, longer than a header, is not vectors\n";
    const std::string refused = "resdraft: " + bad.string() + ": not a resdraft word-vector file (run scripts/setup to make one)\n";
    for (const std::string& command : std::vector<std::string>{"check " + followup_draft + " --vectors " + bad.string(), "cluster --vectors " + bad.string(),
                                      "version --vectors " + bad.string()}) {
        const auto r = run(command);
        EXPECT_EQ(r.exit_code, 2) << command;
        EXPECT_EQ(r.err, refused) << command;
        EXPECT_EQ(r.out, "") << command;
    }
    auto r = run_sh("RESDRAFT_VECTORS=" + bad.string() + " " + binary + " --version");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, refused);
    EXPECT_EQ(r.out, "");
    r = run("check " + followup_draft + " --vectors " + (scratch_dir() / "missing.rdvec").string());
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "resdraft: " + (scratch_dir() / "missing.rdvec").string() + ": cannot open: No such file or directory\n");
    // the cache folder's file cut short (an interrupted copy): refused too, with the way out
    const auto cache = scratch_dir() / "damaged-cache";
    std::filesystem::create_directories(cache / "resdraft");
    const std::string bytes = testing::converted().bytes;
    std::ofstream(cache / "resdraft" / "glove-6b-100d.v1.rdvec", std::ios::binary) << bytes.substr(0, bytes.size() - 1);
    r = run_sh("RESDRAFT_VECTORS= XDG_CACHE_HOME=" + cache.string() + " " + binary + " cluster");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err, "resdraft: " + (cache / "resdraft" / "glove-6b-100d.v1.rdvec").string() +
                         ": damaged word-vector file: 135 bytes where its header says 136 (run scripts/setup to convert it again)\n");
}

}  // namespace
}  // namespace resdraft
