// The Word fixtures of corpus/fixtures/, made from the project's text drafts (scripts/make_fixtures runs
// this, then LibreOffice for the PDF), and any text written as a .docx for round trips.
//
//   make_fixtures SOURCE_DIR OUT_DIR        writes OUT_DIR/ga-draft-migration.docx (automatic numbering of
//                                           paragraphs, subparagraphs and sub-subparagraphs; Word footnotes)
//                                           and OUT_DIR/migration-followup-round2.docx (two verbs weakened in
//                                           tracked changes); SOURCE_DIR is the clone
//   make_fixtures --docx TEXT OUT.docx      TEXT as a .docx: its numbers as list numbering, notes as text
//
// The same bytes every run: CliFixtures (tests/cli/readers_cli_test.cpp) checks the committed files against what this writes.
#include "readers/fixtures.hpp"
#include "readers/text_as_docx.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace {

std::string read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace

int main(int argc, char** argv) try {
    using namespace resdraft::testing;
    if (argc == 4 && std::string_view(argv[1]) == "--docx") {
        write(argv[3], text_as_docx(read(argv[2])));
        return 0;
    }
    if (argc != 3) {
        std::cerr << "usage: make_fixtures SOURCE_DIR OUT_DIR | make_fixtures --docx TEXT OUT.docx\n";
        return 2;
    }
    const std::filesystem::path source = argv[1], out = argv[2];
    std::filesystem::create_directories(out);
    for (const fixture& f : word_fixtures()) write(out / f.docx, text_as_docx(read(source / f.text), f.options));
    return 0;
} catch (const std::exception& e) {
    std::cerr << "make_fixtures: " << e.what() << '\n';
    return 2;
}
