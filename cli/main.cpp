// The resdraft command line: the only place that prints and chooses exit codes
// (0 ok, 2 bad input or usage).
#include "corpus/embedded.hpp"
#include "grammar/parser.hpp"
#include "report/parse_report.hpp"

#include <CLI/CLI.hpp>

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

int run_parse(const std::optional<std::string>& file, const std::string& format, const std::optional<std::string>& output) {
    std::string owned;
    std::string_view input;
    std::string source;
    if (file) {
        owned = read_input(*file);
        input = owned;
        source = *file;
    } else {
        input = resdraft::corpus::reference_text();
        source = std::string(resdraft::corpus::reference_name());
    }
    const auto result = resdraft::grammar::parse_document(input, {source});
    if (!result.ok())
        throw failure{source + ": " + result.error().message + " (byte " + std::to_string(result.error().offset) + ")"};
    const auto& doc = result.value();
    write_output(output, format == "json" ? resdraft::report::parse_json(input, doc, source)
                                          : resdraft::report::parse_outline(input, doc, source));
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
    } catch (const failure& f) {
        std::cerr << "resdraft: " << f.message << '\n';
        return exit_bad_input;
    }
    return 0;
}
