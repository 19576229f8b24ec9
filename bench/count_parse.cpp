// Parses its inputs once each, after a warm-up parse that builds the lexicon, with callgrind counting
// only parse_document: instruction counts that do not move with the machine's load, for comparing
// versions of the parser (scripts/count_parse_instructions.sh builds and runs it).
//   count_parse FILE...          each file, one document
//   count_parse --generated N    N bytes of the benchmark's generated documents (seed 2013)
//   count_parse --upto S ...     only the stages up to S (index, lines, tree or clauses; bench/stages.hpp),
//                                when built with -DRESDRAFT_STAGES (a commit whose bench/stages.hpp has stage_named)
#include "bench/throughput.hpp"
#include "grammar/parser.hpp"
#ifdef RESDRAFT_STAGES
#include "bench/stages.hpp"
#endif

#include <valgrind/callgrind.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

int main(int argc, char** argv) {
    std::string_view upto;  // empty: parse_document itself
    if (argc >= 3 && std::string_view(argv[1]) == "--upto") {
        upto = argv[2];
        argc -= 2, argv += 2;
    }
    std::vector<std::string> documents;
    if (argc == 3 && std::string_view(argv[1]) == "--generated") {
        documents = resdraft::bench::generate_corpus(resdraft::bench::real_resolutions(), std::strtoul(argv[2], nullptr, 10), 2013);
    } else {
        for (int i = 1; i < argc; ++i) documents.push_back(resdraft::bench::read_text(argv[i]));
    }
#ifdef RESDRAFT_STAGES
    resdraft::grammar::structural_index index;
    const auto last = resdraft::bench::stage_named(upto);
    if (!upto.empty() && !last) {
        std::fprintf(stderr, "count_parse: --upto takes index, lines, tree or clauses\n");
        return 2;
    }
#else
    if (!upto.empty()) {
        std::fprintf(stderr, "count_parse: --upto needs a build with -DRESDRAFT_STAGES\n");
        return 2;
    }
#endif
    std::size_t paragraphs = resdraft::grammar::parse_document("1. Decides to remain seized of the matter.\n").value().paragraphs.size();
    std::size_t bytes = 0;
    const auto sources = resdraft::bench::as_sources(documents);
    CALLGRIND_START_INSTRUMENTATION;
    for (const auto& d : sources) {
        bytes += d->bytes().size();
#ifdef RESDRAFT_STAGES
        if (last) {
            paragraphs += resdraft::bench::run_stages(d, *last, index);
            continue;
        }
#endif
        const auto result = resdraft::grammar::parse_document(d);
        if (result.ok()) paragraphs += result.value().paragraphs.size();
    }
    CALLGRIND_STOP_INSTRUMENTATION;
    std::printf("%zu documents, %zu bytes, %zu paragraphs\n", documents.size(), bytes, paragraphs - 1);
}
