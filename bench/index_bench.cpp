// Google Benchmark: the structural index (stage 1, grammar/index.hpp) along each path (scalar, SSE2,
// AVX2) and in each memory layout, on the reference, on the 48 real resolutions and on parse_bench's
// generated corpus (~100 MB, same sources and seed); with the floor (memchr) and today's encoding check
// (check_text_encoding) over the same bytes, in the same binary. Each document is indexed into one
// reused index, as a parser reading many documents would.
//   index_bench [--index_bytes=N] [benchmark flags]    N bytes of generated corpus instead of 10^8
#include "bench/throughput.hpp"
#include "corpus/embedded.hpp"
#include "grammar/detail/index_build.hpp"
#include "grammar/index.hpp"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string_view>

namespace {

using resdraft::grammar::index_path;
using resdraft::grammar::detail::index_layout;

std::size_t generated_bytes = 100'000'000;

const std::vector<std::string>& documents(const std::string& name) {
    return resdraft::bench::benchmark_documents(name, resdraft::corpus::reference_text(), generated_bytes);
}

// Runs f on each document of `name` per iteration; bytes/s over all of them.
template <typename F>
void over_documents(benchmark::State& state, const std::string& name, F&& f) {
    const auto& docs = documents(name);
    if (docs.empty()) {
        state.SkipWithError("../shared/corpus/ga-res-80 is absent");
        return;
    }
    std::size_t bytes = 0;
    for (const auto& d : docs) bytes += d.size();
    for (auto _ : state)
        for (const auto& d : docs) f(d);
    state.counters["bytes/s"] = benchmark::Counter(static_cast<double>(bytes) * static_cast<double>(state.iterations()),
                                                   benchmark::Counter::kIsRate);
}

void index(benchmark::State& state, const std::string& name, index_path path, index_layout layout) {
    if (!resdraft::grammar::index_path_available(path)) {
        state.SkipWithError("this CPU cannot run the path");
        return;
    }
    resdraft::grammar::structural_index index;
    over_documents(state, name, [&](const std::string& d) {
        benchmark::DoNotOptimize(resdraft::grammar::detail::build_index(d, index, path, layout));
        benchmark::DoNotOptimize(index.line_ends().data());
    });
}

}  // namespace

int main(int argc, char** argv) {
    constexpr std::string_view bytes_flag = "--index_bytes=";
    int kept = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg.starts_with(bytes_flag)) generated_bytes = std::strtoull(argv[i] + bytes_flag.size(), nullptr, 10);
        else argv[kept++] = argv[i];
    }
    argc = kept;
    const std::pair<const char*, index_path> paths[] = {{"scalar", index_path::scalar}, {"sse2", index_path::sse2}, {"avx2", index_path::avx2}};
    const std::pair<const char*, index_layout> layouts[] = {{"interleaved", index_layout::interleaved}, {"planar", index_layout::planar}};
    for (const std::string name : {"reference", "ga-res-80", "generated"}) {
        for (const auto& [path_name, path] : paths)
            for (const auto& [layout_name, layout] : layouts)
                benchmark::RegisterBenchmark(("index/" + std::string(path_name) + "/" + layout_name + "/" + name).c_str(),
                                             [name, path = path, layout = layout](benchmark::State& s) { index(s, name, path, layout); })
                    ->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("floor_memchr/" + name).c_str(), [name](benchmark::State& s) {
            over_documents(s, name, [](const std::string& d) { benchmark::DoNotOptimize(resdraft::bench::floor_scan(d)); });
        })->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("check_text_encoding/" + name).c_str(), [name](benchmark::State& s) {
            over_documents(s, name, [](const std::string& d) { benchmark::DoNotOptimize(resdraft::grammar::check_text_encoding(d)); });
        })->Unit(benchmark::kMillisecond);
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
