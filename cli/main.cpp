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
#include "models/vector_file.hpp"
#include "models/word_vectors.hpp"
#include "models/wordnet.hpp"
#include "readers/reader.hpp"
#include "report/check_report.hpp"
#include "report/cluster_report.hpp"
#include "report/docx_report.hpp"
#include "report/parse_report.hpp"
#include "report/precedent_report.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <functional>
#include <iostream>
#include <limits>
#include <map>
#include <memory>
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

// "resdraft 0.1.0"
std::string version_line() { return "resdraft " RESDRAFT_VERSION; }

std::vector<const CLI::App*> all_subcommands(const CLI::App& app) {
    return app.get_subcommands([](const CLI::App*) { return true; });
}

// "parse, check, cluster, bench, help or version"
std::string subcommand_names(const CLI::App& app) {
    const auto all = all_subcommands(app);
    std::string names;
    for (std::size_t i = 0; i < all.size(); ++i)
        names += (i == 0 ? "" : i + 1 == all.size() ? " or " : ", ") + all[i]->get_name();
    return names;
}

// A usage message ending in where to read more: "check: unknown option --fromat (see resdraft help check)".
std::string with_usage(const CLI::App& app, const CLI::App* command, const std::string& message) {
    const std::string help = app.get_name() + " help" + (command ? " " + command->get_name() : "");
    return (command ? command->get_name() + ": " : "") + message + " (see " + help + ")";
}

std::string unknown_subcommand(const CLI::App& app, const std::string& name) {
    return with_usage(app, nullptr, "unknown subcommand \"" + name + "\": use " + subcommand_names(app));
}

// The subcommand called `name`; a usage error when there is none.
const CLI::App* subcommand_named(const CLI::App& app, const std::string& name) {
    for (const CLI::App* c : all_subcommands(app))
        if (c->get_name() == name) return c;
    throw usage_error(unknown_subcommand(app, name));
}

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
                            "), in bytes or with K, M or G (binary units)")
        ->type_name("SIZE");
}

// --format FORMAT, one of `formats`; its present value is the default.
void add_format(CLI::App* command, std::string& format, const std::vector<std::string>& formats) {
    command->add_option("--format", format, "output format")->type_name("FORMAT")->check(CLI::IsMember(formats));
}

// --color WHEN, for a subcommand whose text output has colour.
void add_color(CLI::App* command, std::string& when) {
    command->add_option("--color", when, "colour the text output: auto (on a terminal, unless NO_COLOR is set), always or never")
        ->type_name("WHEN")->check(CLI::IsMember({"auto", "always", "never"}));
}

// Whether --color WHEN colours output going to a terminal (`to_terminal`) or not: auto follows the
// terminal and NO_COLOR (set and not empty: no colour, as no-color.org asks); always and never win over both.
bool use_colour(const std::string& when, bool to_terminal) {
    if (when != "auto") return when == "always";
    const char* no_color = std::getenv("NO_COLOR");
    return to_terminal && (no_color == nullptr || *no_color == '\0');
}

// --output,-o FILE, shared by the subcommands that write a report.
void add_output(CLI::App* command, std::optional<std::string>& output) {
    command->add_option("--output,-o", output, "write to this file instead of standard output")->type_name("FILE");
}

// The cap --max-input sets, or the default; a size that is not one is a usage error.
std::size_t max_input_bytes(const std::optional<std::string>& size) {
    if (!size) return resdraft::cli::default_max_input;
    const auto bytes = resdraft::cli::parse_size(*size);
    if (!bytes)
        throw usage_error("--max-input must be a whole number of bytes, optionally followed by K, M or G, not \"" + *size + "\"");
    return *bytes;
}

bool standard_error_is_terminal() { return ::isatty(STDERR_FILENO) != 0; }

// Says `message` on standard error, one line, and goes on; on a terminal, over the progress line shown.
void warn(const std::string& message) {
    std::cerr << (standard_error_is_terminal() ? "\r\x1b[K" : "") << "resdraft: " << message << '\n';
}

// ---- word vectors: --vectors FILE|none, else RESDRAFT_VECTORS, else the file scripts/setup makes ----

using resdraft::models::word_vectors;

// --vectors FILE|none, for the subcommands that use word vectors (and version, which names them).
void add_vectors(CLI::App* command, std::optional<std::string>& vectors) {
    command->add_option("--vectors", vectors,
                        "word vectors (default: $RESDRAFT_VECTORS, else the file scripts/setup makes), or none to compare by wording alone")
        ->type_name("FILE|none");
}

// The file scripts/setup makes: ${XDG_CACHE_HOME:-$HOME/.cache}/resdraft/NAME; nothing without either variable.
std::optional<std::string> setup_vectors_path() {
    const char* cache = std::getenv("XDG_CACHE_HOME");
    const char* home = std::getenv("HOME");
    std::string dir;
    if (cache != nullptr && *cache != '\0') dir = cache;
    else if (home != nullptr && *home != '\0') dir = std::string(home) + "/.cache";
    else return std::nullopt;
    return dir + "/resdraft/" + std::string(resdraft::models::vector_file::default_file_name);
}

// Where the word vectors are looked for, and what it means when they are not there.
struct vectors_location {
    std::optional<std::string> path;  // the file to map; none when turned off or when setup's file is absent
    bool named = false;               // given by --vectors or RESDRAFT_VECTORS: an error when it cannot be used
    std::string absent;               // why there is no path: "--vectors none", or the missing default file
};

// --vectors FILE|none (`option`), else RESDRAFT_VECTORS (set and not empty), else setup's file when it exists.
vectors_location locate_vectors(const std::optional<std::string>& option) {
    const char* env = std::getenv("RESDRAFT_VECTORS");
    if (option) return *option == "none" ? vectors_location{std::nullopt, true, "--vectors none"} : vectors_location{*option, true, ""};
    if (env != nullptr && *env != '\0')
        return std::string(env) == "none" ? vectors_location{std::nullopt, true, "RESDRAFT_VECTORS=none"} : vectors_location{env, true, ""};
    const auto cached = setup_vectors_path();
    if (!cached) return {std::nullopt, false, "neither XDG_CACHE_HOME nor HOME is set"};
    std::error_code ec;
    if (!std::filesystem::exists(*cached, ec)) return {std::nullopt, false, "no file " + *cached};
    return {cached, false, ""};
}

// The word vectors the location names, or null; a file that is there but cannot be used throws its one-line
// error (exit 2), whoever named it.
std::unique_ptr<word_vectors> load_vectors(const vectors_location& where) {
    if (!where.path) return nullptr;
    auto opened = word_vectors::open(*where.path);
    if (auto* e = std::get_if<resdraft::models::vectors_error>(&opened)) throw error{e->message, std::nullopt, {}};
    return std::make_unique<word_vectors>(std::move(std::get<word_vectors>(opened)));
}

// The vectors check and cluster use; when setup's file is absent, one warning line and none (the commands go
// on by wording alone). Turned off by --vectors none or RESDRAFT_VECTORS=none: none, silently.
std::unique_ptr<word_vectors> vectors_for_analysis(const std::optional<std::string>& option) {
    const auto where = locate_vectors(option);
    if (!where.path && !where.named)
        warn("no word vectors (" + where.absent + "): comparing by wording alone; run scripts/setup to get them, or give --vectors FILE");
    return load_vectors(where);
}

// "vectors: PATH (321243 words, 100 dimensions)", or "vectors: none (why)".
std::string vectors_line(const std::optional<std::string>& option) {
    const auto where = locate_vectors(option);
    const auto v = load_vectors(where);
    if (!v) return "vectors: none (" + where.absent + (where.named ? "" : "; run scripts/setup to get them") + ")";
    return "vectors: " + v->name() + " (" + std::to_string(v->size()) + " words, " + std::to_string(v->dimensions()) + " dimensions)";
}

// Steps of a long run on standard error, each over the last ("\r", then erase the line), when standard
// error is a terminal; nothing otherwise, so that pipes, files and tests see none. The last step is
// erased when this ends, before any error is reported.
class terminal_progress {
public:
    terminal_progress() : shown_(standard_error_is_terminal()) {}
    terminal_progress(const terminal_progress&) = delete;
    terminal_progress& operator=(const terminal_progress&) = delete;
    ~terminal_progress() {
        if (shown_) std::cerr << "\r\x1b[K" << std::flush;
    }

    // What analysis/ is told to call; empty when nothing is shown.
    resdraft::analysis::progress_callback callback() const {
        if (!shown_) return {};
        return [](const std::string& what) { std::cerr << "\r\x1b[K" << what << std::flush; };
    }

private:
    bool shown_;
};

using resdraft::grammar::document;
using resdraft::readers::read_options;

// --tracked accepted|original (and, for check, self): how a .docx's tracked changes are read.
void add_tracked(CLI::App* command, std::string& tracked, bool self) {
    std::vector<std::string> choices{"accepted", "original"};
    if (self) choices.push_back("self");
    command->add_option("--tracked", tracked,
                        self ? "a .docx's tracked changes: accepted, original (all rejected), or self (DRAFT's original as the reference)"
                             : "a .docx's tracked changes: accepted, or original (all rejected)")
        ->type_name("HOW")->check(CLI::IsMember(choices));
}

// The read options of --tracked HOW (self reads the draft as accepted).
read_options tracked_options(const std::string& tracked) {
    read_options o;
    o.tracked = tracked == "original" ? resdraft::readers::tracked_changes::original : resdraft::readers::tracked_changes::accepted;
    return o;
}

// The bytes of FILE ("-" for standard input), read (see read_input); a file named .docx or .pdf must be one.
std::string read_file_bytes(const std::string& file, std::size_t max_input) {
    auto bytes = value_or_throw(resdraft::cli::read_input(file, max_input));
    using resdraft::readers::file_format;
    const auto claimed = resdraft::readers::format_of_name(file);
    if (claimed && resdraft::readers::detect_format(bytes) == file_format::text)
        throw error{file + (*claimed == file_format::docx ? ": not a Word document: it does not start as a zip archive does"
                                                          : ": not a PDF: it does not start with %PDF-"),
                    std::nullopt, {}};
    return bytes;
}

// `bytes` of FILE read by their content (text, .docx or PDF). Throws error on a file its reader refuses.
resdraft::readers::read_document read_by_content(std::string bytes, const std::string& file, const read_options& options) {
    auto read = resdraft::readers::read_bytes(std::move(bytes), file, options);
    if (auto* e = std::get_if<resdraft::readers::read_error>(&read)) throw error{file + ": " + e->message, e->offset, {}};
    return std::get<resdraft::readers::read_document>(std::move(read));
}

// FILE ("-" for standard input; nothing for the embedded reference) read by its content. Throws error on bad input.
resdraft::readers::read_document read_source(const std::optional<std::string>& file, std::size_t max_input, const read_options& options) {
    if (!file)
        return {resdraft::grammar::source::borrowing(resdraft::corpus::reference_text(), std::string(resdraft::corpus::reference_name())),
                resdraft::readers::file_format::text, {}};
    return read_by_content(read_file_bytes(*file, max_input), *file, options);
}

// The document of `input`. Throws error when the parser refuses it.
document parse_source(std::shared_ptr<const resdraft::grammar::source> input) {
    const std::string name = input->name();
    auto result = resdraft::grammar::parse_document(std::move(input));
    if (!result.ok()) throw error{name + ": " + result.error().message, result.error().offset, {}};
    return std::move(result.value());
}

// Reads and parses FILE ("-" for standard input; nothing for the embedded reference). Throws error on bad input.
document load(const std::optional<std::string>& file, std::size_t max_input, const read_options& options = {}) {
    return parse_source(read_source(file, max_input, options).source);
}

// The entries of folder DIR, sorted, so that the output does not depend on the directory's order. Throws
// a usage error when DIR is no folder or cannot be listed.
std::vector<std::filesystem::directory_entry> folder_entries(const std::string& dir) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) throw usage_error(dir + ": not a directory");
    std::vector<std::filesystem::directory_entry> entries;
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(*it);
    if (ec) throw usage_error(dir + ": cannot list the folder: " + ec.message());
    std::sort(entries.begin(), entries.end());
    return entries;
}

// Why a folder's entry is not read, or nothing for a .txt, .md, .docx or .pdf file.
std::optional<std::string> not_a_text_file(const std::filesystem::directory_entry& entry) {
    std::error_code ec;
    if (entry.is_directory(ec)) return "a folder (folders inside folders are not read)";
    const auto extension = entry.path().extension();
    if (extension != ".txt" && extension != ".md" && !resdraft::readers::format_of_name(entry.path().filename().string()))
        return "not a .txt, .md, .docx or .pdf file";
    return std::nullopt;
}

// Whether a folder's entry is a .txt, .md, .docx or .pdf file; the others are named on standard error, with why.
bool is_text_file(const std::filesystem::directory_entry& entry) {
    const auto why = not_a_text_file(entry);
    if (why) warn("skipping " + entry.path().string() + ": " + *why);
    return !why;
}

// FILE parsed, or nothing when it cannot be read or parsed: named on standard error (a folder's file).
std::optional<document> load_or_skip(const std::string& path, std::size_t max_input, const read_options& options = {}) {
    try {
        return load(path, max_input, options);
    } catch (const error& e) {
        warn("skipping " + resdraft::cli::describe(e));
        return std::nullopt;
    }
}

// The usage error of a folder from which nothing could be read.
error nothing_to_read(const std::string& dir, std::size_t entries) {
    return usage_error(dir + ": nothing to read: " +
                       (entries == 0 ? "the folder is empty"
                                     : "none of its " + std::to_string(entries) + " entries is a readable .txt, .md, .docx or .pdf file"));
}

// Loads each .txt, .md, .docx and .pdf file of folder DIR in name order and passes it to `use`. What it skips
// (other entries, and files it cannot read or parse) it names on standard error, one line each with why. Throws
// a usage error when DIR is no folder, or has no file it could read: "DIR: nothing to read: the folder is empty".
void for_each_text_file(const std::string& dir, std::size_t max_input, const read_options& options,
                        const std::function<void(const document&)>& use) {
    const auto entries = folder_entries(dir);
    std::size_t used = 0;
    for (const auto& entry : entries)
        if (is_text_file(entry))
            if (const auto doc = load_or_skip(entry.path().string(), max_input, options)) use(*doc), ++used;
    if (used == 0) throw nothing_to_read(dir, entries.size());
}

// Opens LIBRARY, or throws the one-line reason it cannot be (exit 2).
resdraft::library::library open_library(const std::string& path, resdraft::library::library::access a) {
    auto opened = resdraft::library::library::open(path, a);
    if (auto* e = std::get_if<resdraft::library::library_error>(&opened)) throw error{e->message, std::nullopt, {}};
    return std::move(std::get<resdraft::library::library>(opened));
}

// Whether text written to standard output (`output` unset) or a file is coloured under --color WHEN.
bool colour_for(const std::string& when, const std::optional<std::string>& output) {
    return use_colour(when, !output && ::isatty(STDOUT_FILENO) != 0);
}

// resdraft parse [FILE|-] [--format json|text] [--tracked HOW] [--output FILE]
struct parse_command {
    std::optional<std::string> file, output, max_input;
    std::string format = "json", tracked = "accepted";

    CLI::App* add_to(CLI::App& app) {
        CLI::App* c = app.add_subcommand("parse", "Parse a resolution into paragraphs and verb-object clauses");
        c->add_option("FILE", file, "resolution: text, .docx or PDF, or - for standard input (default: the embedded A/68/L.5)")
            ->type_name("");
        add_format(c, format, {"json", "text"});
        add_tracked(c, tracked, false);
        add_output(c, output);
        add_max_input(c, max_input);
        return c;
    }

    int run() const {
        const auto read = read_source(file, max_input_bytes(max_input), tracked_options(tracked));
        const auto doc = parse_source(read.source);
        write_output(output, format == "json" ? resdraft::report::parse_json(doc, read.notes) : resdraft::report::parse_outline(doc));
        return 0;
    }
};

// The compared paragraphs of the files in DIR (see for_each_text_file), as texts (term weights only).
std::vector<std::string> read_background(const std::string& dir, std::size_t max_input, const read_options& options) {
    std::vector<std::string> texts;
    for_each_text_file(dir, max_input, options, [&](const document& doc) {
        for (const auto* p : resdraft::analysis::compared_paragraphs(doc))
            texts.push_back(resdraft::grammar::normalized_text(doc, p->text));
    });
    return texts;
}

// The date of the Word report's tracked changes: SOURCE_DATE_EPOCH (reproducible-builds.org) when set and not
// empty, so that the same inputs give the same file; else now. A value that is not seconds since 1970 up to
// year 9999 is a usage error, as the specification asks.
std::int64_t revision_date() {
    const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
    if (epoch == nullptr || *epoch == '\0') return static_cast<std::int64_t>(std::time(nullptr));
    std::int64_t seconds = -1;
    const char* end = epoch + std::strlen(epoch);
    const auto [at, ec] = std::from_chars(epoch, end, seconds);
    if (ec != std::errc() || at != end || seconds < 0 || seconds > 253402300799)
        throw usage_error("SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, at most 253402300799 (it is \"" +
                          std::string(epoch) + "\")");
    return seconds;
}

// resdraft check DRAFT [--reference FILE|SYMBOL] [--background DIR] [--library LIBRARY]
//                [--format text|json|html|csv|docx] [--color WHEN] [--output FILE]
struct check_command {
    std::string draft;
    std::optional<std::string> reference, background, library, output, max_input, vectors;
    std::string format = "text", color = "auto", tracked = "accepted";

    CLI::App* add_to(CLI::App& app) {
        CLI::App* c = app.add_subcommand("check", "Compare a draft with the reference: reuse, edits, verb changes, gaps");
        c->add_option("DRAFT", draft, "draft text, or - for standard input")->type_name("")->required();
        c->add_option("--reference", reference, "reference text (default: the embedded A/68/L.5); with --library, a symbol of it")
            ->type_name("FILE|SYMBOL");
        c->add_option("--background", background, "folder of resolutions (.txt, .md) that inform term weights")->type_name("DIR");
        c->add_option("--library", library, "library file (resdraft library add): each paragraph's precedents in it")
            ->type_name("LIBRARY");
        add_vectors(c, vectors);
        add_format(c, format, {"text", "json", "html", "csv", "docx"});
        add_tracked(c, tracked, true);
        add_color(c, color);
        add_output(c, output);
        add_max_input(c, max_input);
        return c;
    }

    // The reference: a file, the embedded A/68/L.5, or (with --library) a document of the library by symbol.
    document reference_document(std::size_t limit) const {
        if (!library || !reference) return load(reference, limit, tracked_options(tracked));
        auto lib = open_library(*library, resdraft::library::library::access::read);
        auto content = lib.document_content(*reference);
        if (!content) throw error{*library + ": no document " + *reference + " (resdraft library list " + *library + ")", std::nullopt, {}};
        // named as when it was added, so that it reads as it did then (a symbol taken from the file name too)
        auto result = resdraft::grammar::parse_document(content->second, content->first);
        if (!result.ok()) throw error{content->first + ": " + result.error().message, result.error().offset, {}};
        return std::move(result.value());
    }

    // The reference, then the draft (read in that order: a bad reference is reported first).
    std::pair<document, document> reference_and_draft(std::size_t limit) const {
        auto ref = reference_document(limit);
        auto dft = load(draft, limit, tracked_options(tracked));
        return {std::move(ref), std::move(dft)};
    }

    // --tracked self: the draft's original text (every tracked change rejected), named "DRAFT (original)", as
    // the reference, and its text with every change accepted as the draft. DRAFT must be a .docx.
    std::pair<document, document> against_own_original(std::size_t limit) const {
        std::string bytes = read_file_bytes(draft, limit);
        if (resdraft::readers::detect_format(bytes) != resdraft::readers::file_format::docx)
            throw usage_error("--tracked self needs a .docx DRAFT (its tracked changes are what is checked): " + draft + " is not one");
        read_options original;
        original.tracked = resdraft::readers::tracked_changes::original;
        auto before = read_by_content(bytes, draft + " (original)", original);
        auto after = read_by_content(std::move(bytes), draft, {});
        if (before.source->bytes() == after.source->bytes()) warn(draft + " has no tracked changes: its original and its accepted text are the same");
        return {parse_source(before.source), parse_source(after.source)};
    }

    // Precedents of every draft paragraph in the library.
    int run_library(const document& dft) const {
        auto lib = open_library(*library, resdraft::library::library::access::read);
        const auto loaded = vectors_for_analysis(vectors);  // not used by the precedents yet
        const resdraft::analysis::precedent_options options;
        const auto result = resdraft::analysis::find_precedents(dft, lib, *library, options);
        if (format == "json") write_output(output, resdraft::report::precedents_json(result, options.limits));
        else if (format == "csv") write_output(output, resdraft::report::precedents_csv(result));
        else if (format == "html") write_output(output, resdraft::report::precedents_html(result));
        else write_output(output, resdraft::report::precedents_text(result, colour_for(color, output)));
        return 0;
    }

    int run() const {
        refuse_stdin_twice({draft, reference.value_or("")}, "at most one of DRAFT and --reference");
        if (library && !reference && background)
            throw usage_error("--background is for a check against one reference: the library's own texts weigh the terms");
        const std::size_t limit = max_input_bytes(max_input);
        if (tracked == "self" && (reference || library))
            throw usage_error("--tracked self checks DRAFT against its own original text: give no --reference or --library");
        const bool docx = format == "docx";
        if (docx && !output) throw usage_error("--format docx writes a Word file, not text for standard output: give --output FILE");
        if (docx && library && !reference)
            throw usage_error("--format docx shows the draft as changes to one reference: give --reference, or no --library");
        const std::int64_t date = docx ? revision_date() : 0;
        if (library && !reference) return run_library(load(draft, limit, tracked_options(tracked)));
        const auto [ref, dft] = tracked == "self" ? against_own_original(limit) : reference_and_draft(limit);
        const auto loaded = vectors_for_analysis(vectors);
        const terminal_progress progress;
        resdraft::analysis::check_options options;
        options.vectors = loaded.get();
        options.progress = progress.callback();
        if (background) options.background = read_background(*background, limit, tracked_options(tracked));
        if (docx) options.deletion_words = std::numeric_limits<std::size_t>::max();  // Word shows every deleted word
        const auto wordnet = resdraft::models::wordnet::load();  // synonyms when Debian's wordnet-base is installed
        options.wordnet = wordnet.get();
        const auto result = resdraft::analysis::check(ref, dft, options);
        if (format == "json") write_output(output, resdraft::report::check_json(result, options.limits));
        else if (format == "csv") write_output(output, resdraft::report::check_csv(result));
        else if (format == "html") write_output(output, resdraft::report::check_html(result));
        else if (docx) write_output(output, resdraft::report::check_docx(result, ref, dft, {"resdraft", date}));
        else write_output(output, resdraft::report::check_text(result, colour_for(color, output)));
        return 0;
    }
};

// resdraft cluster [FILE|DIR ...] [--unit U] [--k N|auto] [--seed N] [--context PERCENT] [--format text|json|html|csv]
//                  [--output FILE]
struct cluster_command {
    std::vector<std::string> inputs;
    std::string unit = "paragraph", k = "auto", seed = "1", context = "30", format = "text", tracked = "accepted";
    std::optional<std::string> output, max_input, vectors;

    CLI::App* add_to(CLI::App& app) {
        CLI::App* c = app.add_subcommand("cluster", "Group paragraphs of one or many documents by topic");
        c->add_option("INPUT", inputs, "files, or folders of .txt, .md, .docx and .pdf files (default: the embedded A/68/L.5)")
            ->type_name("FILE|DIR")->default_str("");
        c->add_option("--unit", unit, "operative paragraphs, their clauses, or all paragraphs")
            ->type_name("UNIT")->check(CLI::IsMember({"paragraph", "clause", "all"}));
        c->add_option("--k", k, "number of clusters, 1 to 1000, or auto (best silhouette for 2..12)")->type_name("N|auto");
        c->add_option("--seed", seed, "seed of the k-means++ starts, 0 to 4294967295")->type_name("N");
        c->add_option("--context", context,
                      "from two documents on, how far (percent, 0 to 100) each unit is moved toward its document's mean "
                      "(default 30; 0: by its own words alone)")->type_name("PERCENT");
        add_vectors(c, vectors);
        add_format(c, format, {"text", "json", "html", "csv"});
        add_tracked(c, tracked, false);
        add_output(c, output);
        add_max_input(c, max_input);
        return c;
    }

    // --k, --seed and --context as numbers, refused (usage, exit 2) before any input is read.
    resdraft::analysis::cluster_options options() const {
        resdraft::analysis::cluster_options o;
        const auto s = resdraft::cli::parse_whole_number(seed, 0, 4294967295u);
        if (!s) throw usage_error("--seed must be a whole number from 0 to 4294967295, not \"" + seed + "\"");
        o.seed = static_cast<std::uint32_t>(*s);
        const auto c = resdraft::cli::parse_whole_number(context, 0, 100);
        if (!c) throw usage_error("--context must be a whole number (percent) from 0 to 100, not \"" + context + "\"");
        o.document_context = static_cast<double>(*c) / 100.0;
        if (k == "auto") return o;
        const auto n = resdraft::cli::parse_whole_number(k, 1, 1000);
        if (!n) throw usage_error("--k must be a whole number from 1 to 1000, or auto, not \"" + k + "\"");
        o.k = static_cast<int>(*n);
        return o;
    }

    // The units of each INPUT in order, a folder's files in name order (see for_each_text_file).
    std::vector<resdraft::analysis::cluster_unit> units(std::size_t max_input) const {
        using resdraft::analysis::unit_kind;
        const unit_kind kind = unit == "clause" ? unit_kind::clause : unit == "all" ? unit_kind::all : unit_kind::paragraph;
        std::vector<resdraft::analysis::cluster_unit> units;
        auto add = [&](const document& doc) { resdraft::analysis::add_units(doc, kind, units); };
        const read_options read = tracked_options(tracked);
        if (inputs.empty()) add(load(std::nullopt, max_input));
        for (const std::string& in : inputs) {
            std::error_code ec;
            if (std::filesystem::is_directory(in, ec)) for_each_text_file(in, max_input, read, add);
            else add(load(in, max_input, read));
        }
        if (units.empty()) throw usage_error("no " + unit + " units to cluster in the input");
        return units;
    }

    int run() const {
        refuse_stdin_twice(inputs, "at most one INPUT");
        auto o = options();
        const auto all = units(max_input_bytes(max_input));
        const auto loaded = vectors_for_analysis(vectors);
        o.vectors = loaded.get();
        const terminal_progress progress;
        o.progress = progress.callback();
        const auto result = resdraft::analysis::cluster_units(all, o);
        if (result.clusters.empty())  // main's analysis (2987035) finds none when no unit has a content word
            throw error{"nothing to cluster: none of the " + std::to_string(all.size()) + " " + unit +
                            " units has a content word (only verbs, numbers or function words)",
                        std::nullopt, {}};
        write_output(output, format == "json"   ? resdraft::report::cluster_json(all, result)
                             : format == "html" ? resdraft::report::cluster_html(all, result)
                             : format == "csv"  ? resdraft::report::cluster_csv(all, result)
                                                : resdraft::report::cluster_text(all, result));
        return 0;
    }
};

// A date for JSON: null when unknown, as check --library writes it.
nlohmann::ordered_json optional_date(const std::string& date) { return date.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(date); }

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
        for (CLI::App* a : {list_, stats_, search_}) add_format(a, format, {"text", "json"});
        return c;
    }

    int run() const {
        using access = resdraft::library::library::access;
        if (add_->parsed()) return run_add();
        if (remove_->parsed()) return run_remove(open_library(path, access::write));
        auto lib = open_library(path, access::read);
        if (list_->parsed()) return run_list(lib);
        if (stats_->parsed()) return run_stats(lib);
        return fuzzy ? run_fuzzy(lib) : run_phrase(lib);
    }

    // The files INPUT names, a folder's .txt and .md files in name order, each with whether it came from a
    // folder (skipped when it cannot be read, where a named file refuses the add).
    std::vector<std::pair<std::string, bool>> input_files() const {
        std::vector<std::pair<std::string, bool>> files;  // (path, from a folder: skipped when unreadable)
        for (const std::string& in : inputs) {
            std::error_code ec;
            if (!std::filesystem::is_directory(in, ec)) {
                files.emplace_back(in, false);
                continue;
            }
            const auto entries = folder_entries(in);
            const std::size_t before = files.size();
            for (const auto& entry : entries)
                if (is_text_file(entry)) files.emplace_back(entry.path().string(), true);
            if (files.size() == before) throw nothing_to_read(in, entries.size());
        }
        return files;
    }

    struct stored_file {
        std::string symbol, path;
        std::size_t paragraphs = 0;
    };

    // Adds the files to the library at `target`; returns what each stored document was, in order.
    std::vector<stored_file> add_files(const std::string& target) const {
        const std::size_t limit = max_input_bytes(max_input);
        const auto files = input_files();
        auto lib = open_library(target, resdraft::library::library::access::create);
        std::vector<stored_file> added;
        // a named file that cannot be read or parsed rolls the whole add back (exit 2); a folder's is skipped
        const auto next = [&](std::size_t i) -> std::optional<document> {
            auto doc = files[i].second ? load_or_skip(files[i].first, limit) : load(files[i].first, limit);
            if (doc) added.push_back({"", files[i].first, doc->paragraphs.size()});
            return doc;
        };
        const terminal_progress shown;
        resdraft::library::add_progress progress;
        if (const auto say = shown.callback())
            progress = [say](std::size_t done, std::size_t total) { say("storing " + std::to_string(done) + "/" + std::to_string(total)); };
        const auto symbols = lib.add(files.size(), next, progress);
        for (std::size_t i = 0; i < symbols.size(); ++i) added[i].symbol = symbols[i];
        return added;
    }

    // A new library is written beside its name and renamed when the add succeeds: a failed add leaves no file.
    int run_add() const {
        std::error_code ec;
        const bool fresh = !std::filesystem::exists(path, ec);
        const std::string target = fresh ? path + ".resdraft-new-" + std::to_string(::getpid()) : path;
        std::vector<stored_file> stored;
        try {
            stored = add_files(target);
            if (fresh) std::filesystem::rename(target, path);
        } catch (...) {
            if (fresh) std::filesystem::remove(target, ec);
            throw;
        }
        std::map<std::string, const stored_file*> last;  // symbol -> the file that stored it last
        for (const stored_file& f : stored) {
            const auto [at, first] = last.emplace(f.symbol, &f);
            if (!first) warn(f.path + " replaces " + at->second->path + " in " + path + ": both are " + f.symbol);
            at->second = &f;
        }
        std::size_t paragraphs = 0;
        for (const auto& [symbol, f] : last) paragraphs += f->paragraphs;
        const auto& from = last;
        write_output(std::nullopt, "added " + std::to_string(from.size()) + " document" + (from.size() == 1 ? "" : "s") + " (" +
                                       std::to_string(paragraphs) + " paragraph" + (paragraphs == 1 ? "" : "s") + ") to " + path + "\n");
        return 0;
    }

    int run_remove(resdraft::library::library lib) const {
        if (const auto missing = lib.remove(symbols))
            throw error{path + ": no document " + *missing + " (resdraft library list " + path + "); nothing removed", std::nullopt, {}};
        write_output(std::nullopt, "removed " + std::to_string(symbols.size()) + " document" + (symbols.size() == 1 ? "" : "s") + " from " + path + "\n");
        return 0;
    }

    int run_list(resdraft::library::library& lib) const {
        const auto docs = lib.documents();
        nlohmann::ordered_json j = nlohmann::ordered_json::array();
        std::ostringstream out;
        for (const auto& d : docs) {
            j.push_back({{"symbol", d.symbol}, {"date", optional_date(d.date)}, {"title", d.title}, {"paragraphs", d.paragraphs}, {"source", d.source}});
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

    // The paragraphs holding the phrase, oldest first: the first 1,000 of them, and how many there are.
    int run_phrase(resdraft::library::library& lib) const {
        constexpr std::size_t shown = 1000;
        const auto found = lib.phrase_occurrences(query, shown);
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        std::ostringstream out;
        for (const auto& [where, text] : found.shown) {
            list.push_back({{"name", resdraft::report::precedent_name(where)}, {"symbol", where.symbol}, {"date", optional_date(where.date)},
                            {"part", where.part}, {"paragraph", where.paragraph}, {"text", text}});
            out << resdraft::report::precedent_name(where) << "\n    " << text << '\n';
        }
        if (found.total == 0) out << "no paragraph of " << path << " holds \"" << query << "\"\n";
        if (found.total > found.shown.size()) out << "... and " << found.total - found.shown.size() << " more paragraphs\n";
        const nlohmann::ordered_json j{{"query", query}, {"total", found.total}, {"paragraphs", list}};
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
                                                    : resdraft::report::precedents_text(result, colour_for("auto", std::nullopt)));
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
                     m.ratio_to_baseline()) +
           formatted("baseline (RE2)         %10.1f MB/s   parse / RE2      = %.2f\n", m.re2_mb_per_s, m.ratio_to_re2());
}

std::string bench_json(const resdraft::bench::measurement& m) {
    const nlohmann::ordered_json j{{"bytes", m.bytes},
                                   {"paragraphs", m.paragraphs},
                                   {"clauses", m.clauses},
                                   {"parse_mb_per_s", m.parse_mb_per_s},
                                   {"floor_mb_per_s", m.floor_mb_per_s},
                                   {"baseline_mb_per_s", m.baseline_mb_per_s},
                                   {"re2_mb_per_s", m.re2_mb_per_s},
                                   {"ratio_to_floor", m.ratio_to_floor()},
                                   {"ratio_to_baseline", m.ratio_to_baseline()},
                                   {"ratio_to_re2", m.ratio_to_re2()}};
    return j.dump(2) + '\n';
}

// resdraft bench [FILE...] [--format text|json]
struct bench_command {
    std::vector<std::string> files;
    std::string format = "text";
    std::optional<std::string> max_input;

    CLI::App* add_to(CLI::App& app) {
        CLI::App* c = app.add_subcommand("bench", "Measure parser throughput against a floor (memchr) and two baselines (Boost.Regex, RE2)");
        c->add_option("FILE", files, "texts to parse (default: the embedded A/68/L.5, repeated to 50 MB)")
            ->type_name("")->default_str("");
        add_format(c, format, {"text", "json"});
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

// resdraft help [COMMAND]: the program's help, or a subcommand's, on standard output.
struct help_command {
    std::optional<std::string> topic;

    CLI::App* add_to(CLI::App& app) {
        CLI::App* c = app.add_subcommand("help", "Show this help, or a subcommand's (resdraft help check)");
        c->add_option("COMMAND", topic, "the subcommand to explain")->type_name("");
        return c;
    }

    int run(const CLI::App& app) const {
        // app.help() would show the help of the subcommand being run, this one
        write_output(std::nullopt, topic ? subcommand_named(app, *topic)->help(app.get_name())
                                         : app.get_formatter()->make_help(&app, app.get_name(), CLI::AppFormatMode::Normal));
        return 0;
    }
};

// resdraft version [--vectors FILE|none], as resdraft --version: the program's version and the word vectors
// check and cluster would use.
struct version_command {
    std::optional<std::string> vectors;

    CLI::App* add_to(CLI::App& app) {
        // a vectors file that cannot be used is reported as check reports it (exit 2), from inside CLI11's parse
        app.set_version_flag("--version", [] { return version_line() + "\n" + vectors_line(std::nullopt); },
                             "Print the version and the word vectors in use, and exit");
        CLI::App* c = app.add_subcommand("version", "Print the version and the word vectors in use");
        add_vectors(c, vectors);
        return c;
    }

    int run() const {
        write_output(std::nullopt, version_line() + "\n" + vectors_line(vectors) + "\n");
        return 0;
    }
};

// Prints what CLI11 prints for a success it signals by exception (--help, --version) through
// write_standard_output, so that a failed write is reported.
int print_help(const CLI::App& app, const CLI::Success& e) {
    std::ostringstream help;
    const int code = app.exit(e, help, std::cerr);
    if (auto failed = resdraft::cli::write_standard_output(help.str())) {
        report(*failed);
        return exit_bad_input;
    }
    return code;
}

// The first argument of the command line that nothing took: an unknown subcommand or option, or one
// argument too many; as a usage error naming it. Nothing when every argument was taken.
std::optional<error> unknown_argument(const CLI::App& app) {
    const auto selected = app.get_subcommands();
    const CLI::App* command = selected.empty() ? nullptr : selected.front();
    const auto is_option = [](const std::string& a) { return a.size() > 1 && a[0] == '-'; };
    if (const auto extra = app.remaining(); !extra.empty()) {
        if (is_option(extra[0])) return usage_error(with_usage(app, nullptr, "unknown option " + extra[0]));
        return usage_error(unknown_subcommand(app, extra[0]));
    }
    if (command == nullptr) return std::nullopt;
    const auto extra = command->remaining();
    if (extra.empty()) return std::nullopt;
    return usage_error(with_usage(app, command, is_option(extra[0]) ? "unknown option " + extra[0]
                                                                    : "unexpected argument \"" + extra[0] + "\""));
}

// CLI11's message for a command line it refuses, as a usage error naming the subcommand it was in.
error refused(const CLI::App& app, const CLI::ParseError& e) {
    const auto selected = app.get_subcommands();
    if (selected.empty() && app.remaining().empty() && dynamic_cast<const CLI::RequiredError*>(&e))
        return usage_error(with_usage(app, nullptr, "a subcommand is required: " + subcommand_names(app)));
    return usage_error(with_usage(app, selected.empty() ? nullptr : selected.front(), e.what()));
}

// The subcommands, each with its options; parses the command line into them.
struct command_line {
    CLI::App app{"resdraft: parse, check and study UN resolutions and the agreed language they reuse", "resdraft"};
    parse_command parse;
    check_command check;
    cluster_command cluster;
    bench_command bench;
    library_command library;
    help_command help;
    version_command version;
    CLI::App *parse_app, *check_app, *cluster_app, *bench_app, *library_app, *help_app, *version_app;

    command_line() {
        app.require_subcommand(1);
        app.allow_extras();  // unknown arguments are named by unknown_argument, not lumped together by CLI11
        app.option_defaults()->always_capture_default();  // help shows each option's default
        parse_app = parse.add_to(app);
        check_app = check.add_to(app);
        cluster_app = cluster.add_to(app);
        bench_app = bench.add_to(app);
        library_app = library.add_to(app);
        help_app = help.add_to(app);
        version_app = version.add_to(app);
    }

    int run() {
        if (parse_app->parsed()) return parse.run();
        if (check_app->parsed()) return check.run();
        if (cluster_app->parsed()) return cluster.run();
        if (bench_app->parsed()) return bench.run();
        if (library_app->parsed()) return library.run();
        if (help_app->parsed()) return help.run(app);
        if (version_app->parsed()) return version.run();
        return 0;
    }
};

// Parses the command line and runs the subcommand it names; returns the exit code, having printed one line
// on standard error for any failure.
int run_command_line(int argc, char** argv) {
    command_line line;
    try {
        try {
            line.app.parse(argc, argv);
        } catch (const CLI::Success& e) {  // --help, --version
            return print_help(line.app, e);
        } catch (const CLI::ParseError& e) {
            // an unknown argument explains the rest: "DRAFT is required" after "check --fromat"
            throw unknown_argument(line.app).value_or(refused(line.app, e));
        }
        throw_if(unknown_argument(line.app));
        return line.run();
    } catch (const error& e) {
        report(e);
        return exit_bad_input;
    } catch (const resdraft::library::database_error& e) {  // a library damaged past what opening it checks
        std::cerr << "resdraft: library: " << e.what() << '\n';
        return exit_bad_input;
    }
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
