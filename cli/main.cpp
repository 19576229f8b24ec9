// The resdraft command line: the only place that prints and chooses exit codes
// (0 ok, 1 findings asked for by a flag, 2 bad input, usage or output, 3 out of memory).
#include "corpus/embedded.hpp"
#include "analysis/check.hpp"
#include "analysis/cluster.hpp"
#include "analysis/precedents.hpp"
#include "bench/throughput.hpp"
#include "cli/files.hpp"
#include "cli/numbers.hpp"
#include "grammar/parser.hpp"
#include "library/library.hpp"
#include "models/wordnet.hpp"
#include "report/check_report.hpp"
#include "report/cluster_report.hpp"
#include "report/parse_report.hpp"
#include "report/precedent_report.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <new>
#include <optional>
#include <sstream>
#include <string>
#include <unistd.h>

namespace {

using resdraft::cli::error;

constexpr int exit_bad_input = 2;
constexpr int exit_out_of_memory = 3;

// The CLI's "...OrDie": an error value becomes an exception that unwinds to run_command_line, which prints
// it and exits 2.
template <class T>
T value_or_throw(std::variant<T, error> v) {
    if (auto* e = std::get_if<error>(&v)) throw std::move(*e);
    return std::get<T>(std::move(v));
}

void throw_if(std::optional<error> e) {
    if (e) throw std::move(*e);
}

error usage_error(std::string message) { return {std::move(message), std::nullopt, {}}; }

void report(const error& e) { std::cerr << "resdraft: " << resdraft::cli::describe(e) << '\n'; }

// Writes `text` to PATH (see write_output_file), or to standard output when there is none.
void write_output(const std::optional<std::string>& path, std::string_view text) {
    throw_if(path ? resdraft::cli::write_output_file(*path, text) : resdraft::cli::write_standard_output(text));
}

// Refuses, before anything is read, a command line that names standard input twice: the second reader
// would find it empty ("-: empty input") or hold the rest of it.
void refuse_stdin_twice(const std::vector<std::string>& inputs, const std::string& which) {
    if (std::count(inputs.begin(), inputs.end(), "-") > 1)
        throw usage_error("standard input can be read only once: give " + which + " as -");
}

// --max-input SIZE, shared by the subcommands that read files; given after the subcommand, as its other options.
void add_max_input(CLI::App* command, std::optional<std::string>& size) {
    command->add_option("--max-input", size,
                        "largest input read (default " + resdraft::cli::format_size(resdraft::cli::default_max_input) +
                            "), in bytes or with K, M or G (binary units)");
}

// The cap --max-input sets, or the default; a size that is not one is a usage error.
std::size_t max_input_bytes(const std::optional<std::string>& size) {
    if (!size) return resdraft::cli::default_max_input;
    const auto bytes = resdraft::cli::parse_size(*size);
    if (!bytes)
        throw usage_error("--max-input must be a whole number of bytes, optionally followed by K, M or G, not \"" + *size + "\"");
    return *bytes;
}

// Reads and parses FILE ("-" for standard input; nothing for the embedded reference). Throws error on bad input.
resdraft::grammar::document load(const std::optional<std::string>& file, std::size_t max_input) {
    using resdraft::grammar::source;
    auto input = file ? source::owning(value_or_throw(resdraft::cli::read_input(*file, max_input)), *file)
                      : source::borrowing(resdraft::corpus::reference_text(), std::string(resdraft::corpus::reference_name()));
    const std::string name = input->name();
    auto result = resdraft::grammar::parse_document(std::move(input));
    if (!result.ok()) throw error{name + ": " + result.error().message, result.error().offset, {}};
    return std::move(result.value());
}

// The .txt and .md files of DIR, sorted, so that the output does not depend on the directory's order.
std::vector<std::string> text_files(const std::string& dir) {
    std::error_code ec;
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec))
        if (e.path().extension() == ".txt" || e.path().extension() == ".md") files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    return files;
}

// Opens LIBRARY, or throws the one-line reason it cannot be (exit 2).
resdraft::library::library open_library(const std::string& path, resdraft::library::library::access a) {
    auto opened = resdraft::library::library::open(path, a);
    if (auto* e = std::get_if<resdraft::library::library_error>(&opened)) throw error{e->message, std::nullopt, {}};
    return std::move(std::get<resdraft::library::library>(opened));
}

// Whether reports to standard output get ANSI colours: only on a terminal.
bool colour_for(const std::optional<std::string>& output) { return !output && ::isatty(STDOUT_FILENO) != 0; }

// resdraft parse [FILE|-] [--format json|text] [--output FILE]
struct parse_command {
    std::optional<std::string> file, output, max_input;
    std::string format = "json";

    CLI::App* add_to(CLI::App& app) {
        CLI::App* c = app.add_subcommand("parse", "Parse a resolution into paragraphs and verb-object clauses");
        c->add_option("FILE", file, "resolution text, or - for standard input (default: the embedded A/68/L.5)");
        c->add_option("--format", format, "output format")->check(CLI::IsMember({"json", "text"}));
        c->add_option("--output,-o", output, "write to this file instead of standard output");
        add_max_input(c, max_input);
        return c;
    }

    int run() const {
        const auto doc = load(file, max_input_bytes(max_input));
        write_output(output, format == "json" ? resdraft::report::parse_json(doc) : resdraft::report::parse_outline(doc));
        return 0;
    }
};

// The compared paragraphs of every .txt and .md file in DIR, as texts (term weights only).
std::vector<std::string> read_background(const std::string& dir, std::size_t max_input) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) throw error{dir + ": not a directory", 0, {}};
    std::vector<std::string> texts;
    for (const std::string& f : text_files(dir)) {
        const auto doc = load(f, max_input);
        for (const auto* p : resdraft::analysis::compared_paragraphs(doc))
            texts.push_back(resdraft::grammar::normalized_text(doc, p->text));
    }
    return texts;
}

// resdraft check DRAFT [--reference FILE] [--background DIR] [--format text|json|html] [--output FILE]
struct check_command {
    std::string draft;
    std::optional<std::string> reference, background, library, output, max_input;
    std::string format = "text";

    CLI::App* add_to(CLI::App& app) {
        CLI::App* c = app.add_subcommand("check", "Compare a draft with the reference: reuse, edits, verb changes, gaps");
        c->add_option("DRAFT", draft, "draft text, or - for standard input")->required();
        c->add_option("--reference", reference, "reference text (default: the embedded A/68/L.5); with --library, a symbol in it");
        c->add_option("--library", library, "library file (resdraft library add): find each paragraph's precedents in it");
        c->add_option("--background", background, "folder of resolutions that inform term weights");
        c->add_option("--format", format, "output format (csv: with --library only)")
            ->check(CLI::IsMember({"text", "json", "html", "csv"}));
        c->add_option("--output,-o", output, "write to this file instead of standard output");
        add_max_input(c, max_input);
        return c;
    }

    // The reference: a file, the embedded A/68/L.5, or (with --library) a document of the library by symbol.
    resdraft::grammar::document reference_document(std::size_t limit) const {
        if (!library || !reference) return load(reference, limit);
        auto lib = open_library(*library, resdraft::library::library::access::read);
        auto content = lib.document_content(*reference);
        if (!content) throw error{*library + ": no document " + *reference + " (resdraft library list " + *library + ")", std::nullopt, {}};
        // named as when it was added, so that it reads as it did then (a symbol taken from the file name too)
        auto result = resdraft::grammar::parse_document(content->second, content->first);
        if (!result.ok()) throw error{content->first + ": " + result.error().message, result.error().offset, {}};
        return std::move(result.value());
    }

    // Precedents of every draft paragraph in the library.
    int run_library(const resdraft::grammar::document& dft) const {
        auto lib = open_library(*library, resdraft::library::library::access::read);
        const resdraft::analysis::precedent_options options;
        const auto result = resdraft::analysis::find_precedents(dft, lib, *library, options);
        if (format == "json") write_output(output, resdraft::report::precedents_json(result, options.limits));
        else if (format == "csv") write_output(output, resdraft::report::precedents_csv(result));
        else if (format == "html") write_output(output, resdraft::report::precedents_html(result));
        else write_output(output, resdraft::report::precedents_text(result, colour_for(output)));
        return 0;
    }

    int run() const {
        refuse_stdin_twice({draft, reference.value_or("")}, "at most one of DRAFT and --reference");
        if (format == "csv" && (!library || reference))
            throw usage_error("--format csv is for precedents: give --library without --reference");
        const std::size_t limit = max_input_bytes(max_input);
        if (library && !reference) return run_library(load(draft, limit));
        const auto ref = reference_document(limit);
        const auto dft = load(draft, limit);
        resdraft::analysis::check_options options;
        if (background) options.background = read_background(*background, limit);
        const auto wordnet = resdraft::models::wordnet::load();  // synonyms when Debian's wordnet-base is installed
        options.wordnet = wordnet.get();
        const auto result = resdraft::analysis::check(ref, dft, options);
        if (format == "json") write_output(output, resdraft::report::check_json(result, options.limits));
        else if (format == "html") write_output(output, resdraft::report::check_html(result));
        else write_output(output, resdraft::report::check_text(result, !output && ::isatty(STDOUT_FILENO) != 0));
        return 0;
    }
};

// resdraft cluster [FILE|DIR ...] [--unit U] [--k N|auto] [--seed N] [--format text|json|html] [--output FILE]
struct cluster_command {
    std::vector<std::string> inputs;
    std::string unit = "paragraph", k = "auto", seed = "1", format = "text";
    std::optional<std::string> output, max_input;

    CLI::App* add_to(CLI::App& app) {
        CLI::App* c = app.add_subcommand("cluster", "Group paragraphs of one or many documents by topic");
        c->add_option("INPUT", inputs, "files or folders (default: the embedded A/68/L.5)");
        c->add_option("--unit", unit, "operative paragraphs, their clauses, or all paragraphs")
            ->check(CLI::IsMember({"paragraph", "clause", "all"}));
        c->add_option("--k", k, "number of clusters, 1 to 1000, or auto (best silhouette for 2..12)");
        c->add_option("--seed", seed, "seed of the k-means++ start, 0 to 4294967295");
        c->add_option("--format", format, "output format")->check(CLI::IsMember({"text", "json", "html"}));
        c->add_option("--output,-o", output, "write to this file instead of standard output");
        add_max_input(c, max_input);
        return c;
    }

    // --k and --seed as numbers, refused (usage, exit 2) before any input is read.
    resdraft::analysis::cluster_options options() const {
        resdraft::analysis::cluster_options o;
        const auto s = resdraft::cli::parse_whole_number(seed, 0, 4294967295u);
        if (!s) throw usage_error("--seed must be a whole number from 0 to 4294967295, not \"" + seed + "\"");
        o.seed = static_cast<std::uint32_t>(*s);
        if (k == "auto") return o;
        const auto n = resdraft::cli::parse_whole_number(k, 1, 1000);
        if (!n) throw usage_error("--k must be a whole number from 1 to 1000, or auto, not \"" + k + "\"");
        o.k = static_cast<int>(*n);
        return o;
    }

    std::vector<resdraft::analysis::cluster_unit> units(std::size_t max_input) const {
        std::vector<std::string> files;
        for (const std::string& in : inputs) {
            std::error_code ec;
            const auto found = std::filesystem::is_directory(in, ec) ? text_files(in) : std::vector<std::string>{in};
            files.insert(files.end(), found.begin(), found.end());
        }
        using resdraft::analysis::unit_kind;
        const unit_kind kind = unit == "clause" ? unit_kind::clause : unit == "all" ? unit_kind::all : unit_kind::paragraph;
        std::vector<resdraft::analysis::cluster_unit> units;
        auto add = [&](const resdraft::grammar::document& doc) { resdraft::analysis::add_units(doc, kind, units); };
        if (files.empty()) add(load(std::nullopt, max_input));
        for (const std::string& f : files) add(load(f, max_input));
        if (units.empty()) throw error{"no " + unit + " units to cluster in the input", 0, {}};
        return units;
    }

    int run() const {
        refuse_stdin_twice(inputs, "at most one INPUT");
        auto o = options();
        const auto all = units(max_input_bytes(max_input));
        if (::isatty(STDERR_FILENO) != 0)
            o.progress = [](const std::string& what) { std::cerr << "\r\x1b[K" << what << std::flush; };
        const auto result = resdraft::analysis::cluster_units(all, o);
        if (o.progress) std::cerr << "\r\x1b[K" << std::flush;
        if (result.clusters.empty())  // main's analysis (2987035) finds none when no unit has a content word
            throw error{"nothing to cluster: none of the " + std::to_string(all.size()) + " " + unit +
                            " units has a content word (only verbs, numbers or function words)",
                        std::nullopt, {}};
        write_output(output, format == "json"   ? resdraft::report::cluster_json(all, result)
                             : format == "html" ? resdraft::report::cluster_html(all, result)
                                                : resdraft::report::cluster_text(all, result));
        return 0;
    }
};

// resdraft library add|list|remove|stats|search LIBRARY ...
struct library_command {
    std::string path, query;
    std::vector<std::string> inputs, symbols;
    std::string format = "text";
    bool fuzzy = false;
    std::optional<std::string> max_input;
    CLI::App *add_ = nullptr, *list_ = nullptr, *remove_ = nullptr, *stats_ = nullptr, *search_ = nullptr;

    CLI::App* add_to(CLI::App& app) {
        CLI::App* c = app.add_subcommand("library", "Keep resolutions in a library file (SQLite) and search it");
        c->require_subcommand(1);
        const auto sub = [&](const char* name, const char* what, const char* library_help) {
            CLI::App* a = c->add_subcommand(name, what);
            a->add_option("LIBRARY", path, library_help)->required();
            return a;
        };
        add_ = sub("add", "Parse files (or the .txt and .md files of folders) and store them; a symbol added again replaces its document",
                   "library file (created when absent)");
        add_->add_option("INPUT", inputs, "files or folders")->required();
        add_max_input(add_, max_input);
        remove_ = sub("remove", "Remove documents by symbol", "library file");
        remove_->add_option("SYMBOL", symbols, "document symbols (resdraft library list)")->required();
        list_ = sub("list", "List the documents of a library, oldest first", "library file");
        stats_ = sub("stats", "Count what a library holds", "library file");
        search_ = sub("search", "Where a phrase occurs (oldest first), or with --fuzzy the paragraphs nearest to a text", "library file");
        search_->add_option("QUERY", query, "a phrase (its words in order), or with --fuzzy a paragraph")->required();
        search_->add_flag("--fuzzy", fuzzy, "paragraph-level search: precedents of QUERY as check --library finds them");
        for (CLI::App* a : {list_, stats_, search_})
            a->add_option("--format", format, "output format")->check(CLI::IsMember({"text", "json"}));
        return c;
    }

    int run() const {
        using access = resdraft::library::library::access;
        if (add_->parsed()) return run_add(open_library(path, access::write));
        if (remove_->parsed()) return run_remove(open_library(path, access::write));
        auto lib = open_library(path, access::read);
        if (list_->parsed()) return run_list(lib);
        if (stats_->parsed()) return run_stats(lib);
        return fuzzy ? run_fuzzy(lib) : run_phrase(lib);
    }

    int run_add(resdraft::library::library lib) const {
        const std::size_t limit = max_input_bytes(max_input);
        std::vector<std::string> files;
        for (const std::string& in : inputs) {
            std::error_code ec;
            for (const std::string& f : std::filesystem::is_directory(in, ec) ? text_files(in) : std::vector<std::string>{in})
                files.push_back(f);
        }
        std::size_t paragraphs = 0;
        const auto document = [&](std::size_t i) {  // a file that cannot be read or parsed rolls the add back (exit 2)
            auto doc = load(files[i], limit);
            paragraphs += doc.paragraphs.size();
            return doc;
        };
        resdraft::library::add_progress progress;
        if (::isatty(STDERR_FILENO) != 0)
            progress = [](std::size_t done, std::size_t total) { std::cerr << "\r\x1b[Kstoring " << done << "/" << total << std::flush; };
        lib.add(files.size(), document, progress);
        if (progress) std::cerr << "\r\x1b[K" << std::flush;
        write_output(std::nullopt, "added " + std::to_string(files.size()) + " document" + (files.size() == 1 ? "" : "s") + " (" +
                                       std::to_string(paragraphs) + " paragraphs) to " + path + "\n");
        return 0;
    }

    int run_remove(resdraft::library::library lib) const {
        for (const std::string& symbol : symbols)
            if (!lib.remove(symbol)) throw error{path + ": no document " + symbol + " (resdraft library list " + path + ")", std::nullopt, {}};
        write_output(std::nullopt, "removed " + std::to_string(symbols.size()) + " document" + (symbols.size() == 1 ? "" : "s") + " from " + path + "\n");
        return 0;
    }

    int run_list(resdraft::library::library& lib) const {
        const auto docs = lib.documents();
        nlohmann::ordered_json j = nlohmann::ordered_json::array();
        std::ostringstream out;
        for (const auto& d : docs) {
            j.push_back({{"symbol", d.symbol}, {"date", d.date}, {"title", d.title}, {"paragraphs", d.paragraphs}, {"source", d.source}});
            out << d.symbol << "  " << (d.date.empty() ? "(no date)" : d.date) << "  " << d.paragraphs << " paragraphs  " << d.title << '\n';
        }
        write_output(std::nullopt, format == "json" ? j.dump(2) + "\n" : out.str());
        return 0;
    }

    int run_stats(resdraft::library::library& lib) const {
        const auto s = lib.stats();
        std::error_code ec;
        const auto bytes = std::filesystem::file_size(path, ec);
        const nlohmann::ordered_json j{{"schema_version", s.schema_version}, {"documents", s.documents}, {"paragraphs", s.paragraphs},
                                       {"texts", s.texts}, {"clauses", s.clauses}, {"terms", s.terms},
                                       {"shingle_rows", s.shingle_rows}, {"posting_bytes", s.posting_bytes}, {"file_bytes", ec ? 0 : bytes}};
        std::ostringstream out;
        for (const auto& [key, value] : j.items()) out << key << ' ' << value.dump() << '\n';
        write_output(std::nullopt, format == "json" ? j.dump(2) + "\n" : out.str());
        return 0;
    }

    // Every paragraph holding the phrase, oldest first.
    int run_phrase(resdraft::library::library& lib) const {
        std::vector<std::pair<resdraft::library::occurrence, std::string>> found;
        for (const auto& t : lib.texts(lib.phrase_texts(query, 100000)))
            for (const auto& o : t.occurrences) found.emplace_back(o, t.text);
        std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first.sort_date < b.first.sort_date; });
        nlohmann::ordered_json j = nlohmann::ordered_json::array();
        std::ostringstream out;
        for (const auto& [where, text] : found) {
            j.push_back({{"name", resdraft::report::precedent_name(where)}, {"symbol", where.symbol}, {"date", where.date},
                         {"part", where.part}, {"paragraph", where.paragraph}, {"text", text}});
            out << resdraft::report::precedent_name(where) << "\n    " << text << '\n';
        }
        if (found.empty()) out << "no paragraph of " << path << " holds \"" << query << "\"\n";
        write_output(std::nullopt, format == "json" ? j.dump(2) + "\n" : out.str());
        return 0;
    }

    // The query as a one-paragraph draft, and its precedents.
    int run_fuzzy(resdraft::library::library& lib) const {
        auto parsed = resdraft::grammar::parse_document(query, "query");
        if (!parsed.ok()) throw error{"query: " + parsed.error().message, parsed.error().offset, {}};
        const resdraft::analysis::precedent_options options;
        const auto result = resdraft::analysis::find_precedents(parsed.value(), lib, path, options);
        write_output(std::nullopt, format == "json" ? resdraft::report::precedents_json(result, options.limits)
                                                    : resdraft::report::precedents_text(result, colour_for(std::nullopt)));
        return 0;
    }
};

// One printf-formatted line of the bench report.
template <class... Args>
std::string formatted(const char* format, Args... args) {
    char line[256];
    std::snprintf(line, sizeof line, format, args...);
    return line;
}

std::string bench_text(const resdraft::bench::measurement& m) {
    return formatted("%zu bytes, %zu paragraphs, %zu clauses (fastest of 3 runs, MB = 10^6 bytes)\n", m.bytes,
                     m.paragraphs, m.clauses) +
           formatted("parse (with clauses)   %10.1f MB/s\n", m.parse_mb_per_s) +
           formatted("floor (memchr)         %10.1f MB/s   parse / floor    = %.4f\n", m.floor_mb_per_s,
                     m.ratio_to_floor()) +
           formatted("baseline (Boost.Regex) %10.1f MB/s   parse / baseline = %.2f\n", m.baseline_mb_per_s,
                     m.ratio_to_baseline());
}

std::string bench_json(const resdraft::bench::measurement& m) {
    const nlohmann::ordered_json j{{"bytes", m.bytes},
                                   {"paragraphs", m.paragraphs},
                                   {"clauses", m.clauses},
                                   {"parse_mb_per_s", m.parse_mb_per_s},
                                   {"floor_mb_per_s", m.floor_mb_per_s},
                                   {"baseline_mb_per_s", m.baseline_mb_per_s},
                                   {"ratio_to_floor", m.ratio_to_floor()},
                                   {"ratio_to_baseline", m.ratio_to_baseline()}};
    return j.dump(2) + '\n';
}

// resdraft bench [FILE...] [--format text|json]
struct bench_command {
    std::vector<std::string> files;
    std::string format = "text";
    std::optional<std::string> max_input;

    CLI::App* add_to(CLI::App& app) {
        CLI::App* c = app.add_subcommand("bench", "Measure parser throughput against a floor (memchr) and a baseline (regex)");
        c->add_option("FILE", files, "texts to parse (default: the embedded A/68/L.5, repeated to 50 MB)");
        c->add_option("--format", format, "output format")->check(CLI::IsMember({"text", "json"}));
        add_max_input(c, max_input);
        return c;
    }

    int run() const {
        refuse_stdin_twice(files, "at most one FILE");
        const std::size_t limit = max_input_bytes(max_input);
        std::vector<std::string> documents;
        if (files.empty()) {
            // the embedded reference, as many copies as make 50 MB
            const std::string_view text = resdraft::corpus::reference_text();
            documents.assign((50'000'000 + text.size() - 1) / text.size(), std::string(text));
        } else {
            // what the parser refuses (binary, empty, no words) is refused as `resdraft parse` refuses it, not measured
            for (const std::string& f : files) documents.emplace_back(load(f, limit).text());
        }
        const auto m = resdraft::bench::measure(documents, 3);
        write_output(std::nullopt, format == "json" ? bench_json(m) : bench_text(m));
        return 0;
    }
};

// Prints CLI11's help (or its error) for `e` through write_standard_output, so a failed write is reported.
int print_help(const CLI::App& app, const CLI::Error& e) {
    std::ostringstream help;
    const int code = app.exit(e, help, std::cerr);
    if (auto failed = resdraft::cli::write_standard_output(help.str())) {
        report(*failed);
        return exit_bad_input;
    }
    return code;
}

// Parses the command line and runs the subcommand it names; returns the exit code, having printed one line
// on standard error for any failure.
int run_command_line(int argc, char** argv) {
    CLI::App app{"resdraft: parse, check and study UN resolutions and the agreed language they reuse"};
    app.require_subcommand(1);
    parse_command parse;
    check_command check;
    cluster_command cluster;
    bench_command bench;
    library_command library;
    CLI::App* parse_app = parse.add_to(app);
    CLI::App* check_app = check.add_to(app);
    CLI::App* cluster_app = cluster.add_to(app);
    CLI::App* bench_app = bench.add_to(app);
    CLI::App* library_app = library.add_to(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return print_help(app, e);
    } catch (const CLI::CallForAllHelp& e) {
        return print_help(app, e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "resdraft: " << e.what() << " (usage: resdraft --help)\n";
        return exit_bad_input;
    }
    try {
        if (parse_app->parsed()) return parse.run();
        if (check_app->parsed()) return check.run();
        if (cluster_app->parsed()) return cluster.run();
        if (bench_app->parsed()) return bench.run();
        if (library_app->parsed()) return library.run();
    } catch (const error& e) {
        report(e);
        return exit_bad_input;
    } catch (const resdraft::library::database_error& e) {
        std::cerr << "resdraft: library: " << e.what() << '\n';
        return exit_bad_input;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    int code = 0;
    try {
        code = run_command_line(argc, argv);
    } catch (const std::bad_alloc& e) {
        // exit code 3: not bad input, but more than this machine (or its limits) can hold
        std::fprintf(stderr, "resdraft: out of memory (%s)\n", e.what());
        return exit_out_of_memory;
    }
    const auto failed = resdraft::cli::close_standard_output();
    if (!failed || code >= exit_bad_input) return code;  // a run that failed has said so already, in one line
    std::fprintf(stderr, "resdraft: cannot write to standard output: %s\n", std::strerror(*failed));
    return exit_bad_input;
}
