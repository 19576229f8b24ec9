// The resdraft command line: the only place that prints and chooses exit codes
// (0 ok, 2 bad input or usage).
#include "corpus/embedded.hpp"
#include "analysis/check.hpp"
#include "analysis/cluster.hpp"
#include "bench/throughput.hpp"
#include "grammar/parser.hpp"
#include "models/wordnet.hpp"
#include "report/check_report.hpp"
#include "report/cluster_report.hpp"
#include "report/parse_report.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <unistd.h>

namespace {

constexpr int exit_bad_input = 2;

struct failure {
    std::string message;
};

// The bytes of FILE, or of standard input for "-".
std::string read_input(const std::string& path) {
    if (path == "-") {
        std::ostringstream buffer;
        buffer << std::cin.rdbuf();
        return buffer.str();
    }
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw failure{path + ": is a directory (byte 0)"};
    std::ifstream in(path, std::ios::binary);
    if (!in) throw failure{path + ": cannot open: " + std::strerror(errno) + " (byte 0)"};
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw failure{path + ": read error (byte " + std::to_string(data.size()) + ")"};
    return data;
}

// Writes `text` to `path` through a temporary file and a rename, so a failure leaves no partial file.
void write_output(const std::optional<std::string>& path, const std::string& text) {
    if (!path) {
        std::cout << text;
        std::cout.flush();
        return;
    }
    const std::filesystem::path target(*path);
    const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) throw failure{*path + ": directory does not exist (byte 0)"};
    std::string temp = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
    const int fd = mkstemp(temp.data());
    if (fd < 0) throw failure{*path + ": cannot create: " + std::strerror(errno) + " (byte 0)"};
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n <= 0) {
            ::close(fd);
            std::filesystem::remove(temp, ec);
            throw failure{*path + ": write failed (byte " + std::to_string(written) + ")"};
        }
        written += static_cast<std::size_t>(n);
    }
    ::close(fd);
    std::filesystem::rename(temp, target, ec);
    if (ec) {
        std::filesystem::remove(temp, ec);
        throw failure{*path + ": cannot write (byte 0)"};
    }
}

// A parsed input: its bytes (owned unless embedded), its name, its document.
struct loaded {
    std::string owned;
    std::string_view text;
    std::string name;
    resdraft::grammar::document doc;
};

// Reads and parses FILE ("-" for standard input; nothing for the embedded reference). Throws failure on bad input.
loaded load(const std::optional<std::string>& file) {
    loaded l;
    if (file) {
        l.owned = read_input(*file);
        l.text = l.owned;
        l.name = *file;
    } else {
        l.text = resdraft::corpus::reference_text();
        l.name = std::string(resdraft::corpus::reference_name());
    }
    auto result = resdraft::grammar::parse_document(l.text, {l.name});
    if (!result.ok())
        throw failure{l.name + ": " + result.error().message + " (byte " + std::to_string(result.error().offset) + ")"};
    l.doc = std::move(result.value());
    return l;
}

int run_parse(const std::optional<std::string>& file, const std::string& format, const std::optional<std::string>& output) {
    const loaded in = load(file);
    write_output(output, format == "json" ? resdraft::report::parse_json(in.text, in.doc, in.name)
                                          : resdraft::report::parse_outline(in.text, in.doc, in.name));
    return 0;
}

// The compared paragraphs of every .txt and .md file in DIR, as texts (term weights only).
std::vector<std::string> read_background(const std::string& dir) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) throw failure{dir + ": not a directory (byte 0)"};
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (entry.path().extension() == ".txt" || entry.path().extension() == ".md") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::vector<std::string> texts;
    for (const auto& f : files) {
        const loaded l = load(f.string());
        for (const auto* p : resdraft::analysis::compared_paragraphs(l.doc))
            texts.push_back(resdraft::grammar::normalized_text(l.text, l.doc, p->text));
    }
    return texts;
}

int run_check(const std::string& draft_file, const std::optional<std::string>& reference_file,
              const std::optional<std::string>& background_dir, const std::string& format,
              const std::optional<std::string>& output) {
    const loaded reference = load(reference_file);
    const loaded draft = load(draft_file);
    resdraft::analysis::check_options options;
    if (background_dir) options.background = read_background(*background_dir);
    const auto wordnet = resdraft::models::wordnet::load();  // synonyms when Debian's wordnet-base is installed
    options.wordnet = wordnet.get();
    const auto result = resdraft::analysis::check({reference.text, &reference.doc, reference.name},
                                                  {draft.text, &draft.doc, draft.name}, options);
    std::string text;
    if (format == "json") text = resdraft::report::check_json(result, options.limits);
    else if (format == "html") text = resdraft::report::check_html(result);
    else text = resdraft::report::check_text(result, !output && ::isatty(STDOUT_FILENO) != 0);
    write_output(output, text);
    return 0;
}

int run_cluster(const std::vector<std::string>& inputs, const std::string& unit, const std::string& k,
                std::uint32_t seed, const std::string& format, const std::optional<std::string>& output) {
    std::vector<std::string> files;
    for (const std::string& in : inputs) {
        std::error_code ec;
        if (std::filesystem::is_directory(in, ec)) {
            std::vector<std::string> found;
            for (const auto& e : std::filesystem::directory_iterator(in, ec))
                if (e.path().extension() == ".txt" || e.path().extension() == ".md") found.push_back(e.path().string());
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else {
            files.push_back(in);
        }
    }
    using resdraft::analysis::unit_kind;
    const unit_kind kind = unit == "clause" ? unit_kind::clause : unit == "all" ? unit_kind::all : unit_kind::paragraph;
    std::vector<resdraft::analysis::cluster_unit> units;
    auto add = [&](const loaded& l) { resdraft::analysis::add_units(l.text, l.doc, l.name, kind, units); };
    if (files.empty()) add(load(std::nullopt));
    for (const std::string& f : files) add(load(f));
    if (units.empty()) throw failure{"no " + unit + " units to cluster in the input (byte 0)"};
    resdraft::analysis::cluster_options options;
    options.seed = seed;
    if (k != "auto") {
        try {
            options.k = std::stoi(k);
        } catch (const std::exception&) {
            options.k = 0;
        }
        if (options.k < 1) throw failure{"--k must be a positive number or auto, not \"" + k + "\" (byte 0)"};
    }
    if (::isatty(STDERR_FILENO) != 0)
        options.progress = [](const std::string& what) { std::cerr << "\r\x1b[K" << what << std::flush; };
    const auto result = resdraft::analysis::cluster_units(units, options);
    if (options.progress) std::cerr << "\r\x1b[K" << std::flush;
    if (result.clusters.empty())
        throw failure{"nothing to cluster: none of the " + std::to_string(units.size()) + " " + unit +
                      " units has a content word (only verbs, numbers or function words)"};
    write_output(output, format == "json"   ? resdraft::report::cluster_json(units, result)
                         : format == "html" ? resdraft::report::cluster_html(units, result)
                                            : resdraft::report::cluster_text(units, result));
    return 0;
}

int run_bench(const std::vector<std::string>& files, const std::string& format) {
    std::vector<std::string> documents;
    if (files.empty()) {
        // the embedded reference, as many copies as make 50 MB
        const std::string_view text = resdraft::corpus::reference_text();
        documents.assign((50'000'000 + text.size() - 1) / text.size(), std::string(text));
    } else {
        // what the parser refuses (binary, empty, no words) is refused as `resdraft parse` refuses it, not measured
        for (const std::string& f : files) documents.push_back(load(f).owned);
    }
    const auto m = resdraft::bench::measure(documents, 3);
    if (format == "json") {
        nlohmann::ordered_json j{{"bytes", m.bytes},
                                 {"paragraphs", m.paragraphs},
                                 {"clauses", m.clauses},
                                 {"parse_mb_per_s", m.parse_mb_per_s},
                                 {"floor_mb_per_s", m.floor_mb_per_s},
                                 {"baseline_mb_per_s", m.baseline_mb_per_s},
                                 {"ratio_to_floor", m.ratio_to_floor()},
                                 {"ratio_to_baseline", m.ratio_to_baseline()}};
        std::cout << j.dump(2) << '\n';
    } else {
        std::printf("%zu bytes, %zu paragraphs, %zu clauses (fastest of 3 runs, MB = 10^6 bytes)\n", m.bytes,
                    m.paragraphs, m.clauses);
        std::printf("parse (with clauses)   %10.1f MB/s\n", m.parse_mb_per_s);
        std::printf("floor (memchr)         %10.1f MB/s   parse / floor    = %.4f\n", m.floor_mb_per_s, m.ratio_to_floor());
        std::printf("baseline (Boost.Regex) %10.1f MB/s   parse / baseline = %.2f\n", m.baseline_mb_per_s,
                    m.ratio_to_baseline());
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"resdraft: parse, check and study UN resolutions and the agreed language they reuse"};
    app.require_subcommand(1);

    std::optional<std::string> parse_file, parse_output;
    std::string parse_format = "json";
    CLI::App* parse = app.add_subcommand("parse", "Parse a resolution into paragraphs and verb-object clauses");
    parse->add_option("FILE", parse_file, "resolution text, or - for standard input (default: the embedded A/68/L.5)");
    parse->add_option("--format", parse_format, "output format")->check(CLI::IsMember({"json", "text"}));
    parse->add_option("--output,-o", parse_output, "write to this file instead of standard output");

    std::string check_draft;
    std::optional<std::string> check_reference, check_background, check_output;
    std::string check_format = "text";
    CLI::App* check = app.add_subcommand("check", "Compare a draft with the reference: reuse, edits, verb changes, gaps");
    check->add_option("DRAFT", check_draft, "draft text, or - for standard input")->required();
    check->add_option("--reference", check_reference, "reference text (default: the embedded A/68/L.5)");
    check->add_option("--background", check_background, "folder of resolutions that inform term weights");
    check->add_option("--format", check_format, "output format")->check(CLI::IsMember({"text", "json", "html"}));
    check->add_option("--output,-o", check_output, "write to this file instead of standard output");

    std::vector<std::string> cluster_inputs;
    std::string cluster_unit = "paragraph", cluster_k = "auto", cluster_format = "text";
    std::uint32_t cluster_seed = 1;
    std::optional<std::string> cluster_output;
    CLI::App* cluster = app.add_subcommand("cluster", "Group paragraphs of one or many documents by topic");
    cluster->add_option("INPUT", cluster_inputs, "files or folders (default: the embedded A/68/L.5)");
    cluster->add_option("--unit", cluster_unit, "operative paragraphs, their clauses, or all paragraphs")
        ->check(CLI::IsMember({"paragraph", "clause", "all"}));
    cluster->add_option("--k", cluster_k, "number of clusters, or auto (best silhouette for 2..12)");
    cluster->add_option("--seed", cluster_seed, "seed of the k-means++ start");
    cluster->add_option("--format", cluster_format, "output format")->check(CLI::IsMember({"text", "json", "html"}));
    cluster->add_option("--output,-o", cluster_output, "write to this file instead of standard output");

    std::vector<std::string> bench_files;
    std::string bench_format = "text";
    CLI::App* bench = app.add_subcommand("bench", "Measure parser throughput against a floor (memchr) and a baseline (regex)");
    bench->add_option("FILE", bench_files, "texts to parse (default: the embedded A/68/L.5, repeated to 50 MB)");
    bench->add_option("--format", bench_format, "output format")->check(CLI::IsMember({"text", "json"}));

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "resdraft: " << e.what() << " (usage: resdraft --help)\n";
        return exit_bad_input;
    }
    try {
        if (parse->parsed()) return run_parse(parse_file, parse_format, parse_output);
        if (bench->parsed()) return run_bench(bench_files, bench_format);
        if (cluster->parsed())
            return run_cluster(cluster_inputs, cluster_unit, cluster_k, cluster_seed, cluster_format, cluster_output);
        if (check->parsed()) return run_check(check_draft, check_reference, check_background, check_format, check_output);
    } catch (const failure& f) {
        std::cerr << "resdraft: " << f.message << '\n';
        return exit_bad_input;
    }
    return 0;
}
