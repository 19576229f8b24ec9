// Builds the structural index of each input once along one path, after a warm-up pass, with callgrind
// counting only those builds: instructions per byte that do not move with the machine's load
// (scripts/count_index_instructions.sh builds and runs it).
//   count_index PATH FILE...          PATH: scalar, sse2 or avx2; each file one document
//   count_index PATH --generated N    N bytes of the benchmark's generated documents (seed 2013)
#include "bench/throughput.hpp"
#include "corpus/embedded.hpp"
#include "grammar/index.hpp"

#include <valgrind/callgrind.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

int main(int argc, char** argv) {
    using resdraft::grammar::index_path;
    if (argc < 3) return 2;
    const std::string_view name = argv[1];
    const index_path path = name == "avx2" ? index_path::avx2 : name == "sse2" ? index_path::sse2 : index_path::scalar;
    std::vector<std::string> documents;
    if (argc == 4 && std::string_view(argv[2]) == "--generated") {
        documents = resdraft::bench::benchmark_documents("generated", resdraft::corpus::reference_text(),
                                                         std::strtoul(argv[3], nullptr, 10));
    } else {
        for (int i = 2; i < argc; ++i) documents.push_back(resdraft::bench::read_text(argv[i]));
    }
    resdraft::grammar::structural_index index;
    for (const std::string& d : documents) (void)resdraft::grammar::build_structural_index(d, index, path);
    std::size_t bytes = 0, line_ends = 0;
    CALLGRIND_START_INSTRUMENTATION;
    for (const std::string& d : documents) {
        bytes += d.size();
        (void)resdraft::grammar::build_structural_index(d, index, path);
        line_ends += index.line_ends().size();
    }
    CALLGRIND_STOP_INSTRUMENTATION;
    std::printf("%zu documents, %zu bytes, %zu line ends\n", documents.size(), bytes, line_ends);
}
