// Prints everything parse_document finds in each file, one line per item (excluded ranges, warnings,
// paragraphs, subparagraphs, clauses with every span, adverb and addressee): two parsers that print the
// same lines found the same document. Used by scripts/compare_parsers.sh.
#include "grammar/parser.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

namespace {

using namespace resdraft::grammar;

void print(const char* label, span s) { std::printf(" %s%zu-%zu", label, s.begin, s.end); }

void print_clauses(const std::vector<clause>& clauses) {
    for (const clause& c : clauses) {
        std::printf("  clause %.*s %d %d", static_cast<int>(c.verb.size()), c.verb.data(), c.strength, c.in_lexicon ? 1 : 0);
        print("phrase=", c.phrase);
        print("head=", c.head);
        print("object=", c.object);
        print("whole=", c.whole);
        if (c.addressee) print("addressee=", *c.addressee);
        for (std::string_view a : c.adverbs) std::printf(" +%.*s", static_cast<int>(a.size()), a.data());
        std::printf("\n");
    }
}

void print_subparagraphs(const std::vector<subparagraph>& subs, int depth) {
    for (const subparagraph& s : subs) {
        std::printf(" sub%d %s %d", depth, s.id.c_str(), s.label_missing ? 1 : 0);
        print("whole=", s.whole);
        print("text=", s.text);
        std::printf("\n");
        print_clauses(s.clauses);
        print_subparagraphs(s.subparagraphs, depth + 1);
    }
}

}  // namespace

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        std::ifstream in(argv[i], std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        const std::string text = bytes.str();
        std::printf("file %s\n", argv[i]);
        const auto result = parse_document(text);
        if (!result.ok()) {
            std::printf("error %s %zu\n", result.error().message.c_str(), result.error().offset);
            continue;
        }
        const document& doc = result.value();
        for (const span& e : doc.excluded) print("excluded ", e), std::printf("\n");
        for (const warning& w : doc.warnings) std::printf("warning %zu %s\n", w.offset, w.message.c_str());
        for (const paragraph& p : doc.paragraphs) {
            std::printf("paragraph %s %d %zu", p.id.c_str(), static_cast<int>(p.kind), p.part);
            print("whole=", p.whole);
            print("text=", p.text);
            print("chapeau=", p.chapeau);
            std::printf("\n");
            print_clauses(p.clauses);
            print_subparagraphs(p.subparagraphs, 0);
        }
    }
}
