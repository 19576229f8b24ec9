// How check and cluster grow with their input, with Google Benchmark: check of one draft against
// references of 34 (A/68/L.5 itself), 1k, 10k and 100k paragraphs; cluster of 1k, 10k and 100k
// paragraphs. The larger inputs are generated at start-up from the operative paragraphs of
// ../shared/corpus/ga-res-80 and A/68/L.5 (one document, shuffled with a fixed seed, numbered 1..N).
// Each case does what the command line does: parse, analyse, write the JSON report. With word vectors (the
// file RESDRAFT_VECTORS names, else scripts/setup's in the cache folder) each case runs a second time with
// them ("check+vectors", "cluster+vectors"), loading included.
//
//   growth_bench [benchmark flags]      the timings
//   growth_bench --inputs=DIR           writes the generated documents to DIR (to measure memory of the
//                                       command line on them with /usr/bin/time) and exits
#include "analysis/check.hpp"
#include "analysis/cluster.hpp"
#include "bench/throughput.hpp"
#include "corpus/embedded.hpp"
#include "grammar/parser.hpp"
#include "models/word_vectors.hpp"
#include "models/wordnet.hpp"
#include "report/check_report.hpp"
#include "report/cluster_report.hpp"

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <cstdlib>
#include <map>
#include <optional>

namespace {

constexpr std::size_t sizes[] = {1'000, 10'000, 100'000};

// A/68/L.5 (34 paragraphs) for n = 34, otherwise a generated document of n operative paragraphs.
const std::string& document_of(std::size_t n) {
    static std::map<std::size_t, std::string> cache;
    if (auto it = cache.find(n); it != cache.end()) return it->second;
    std::string text;
    if (n == 34) {
        text = std::string(resdraft::corpus::reference_text());
    } else {
        auto sources = resdraft::bench::real_resolutions();
        if (!sources.empty()) {
            sources.emplace_back(resdraft::corpus::reference_text());
            text = resdraft::bench::generate_document(sources, n);
        }
    }
    return cache.emplace(n, std::move(text)).first->second;
}

resdraft::grammar::document parsed(const std::string& text, const std::string& name) {
    auto result = resdraft::grammar::parse_document(text, name);
    if (!result.ok()) throw std::runtime_error(name + ": " + result.error().message);
    return std::move(result.value());
}

void set_rate(benchmark::State& state, std::size_t paragraphs) {
    state.counters["paragraphs"] = static_cast<double>(paragraphs);
    state.counters["paragraphs/s"] = benchmark::Counter(
        static_cast<double>(paragraphs) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

// The word vectors' file: RESDRAFT_VECTORS, else scripts/setup's; none when neither is there.
std::optional<std::string> vectors_path() {
    if (const char* env = std::getenv("RESDRAFT_VECTORS"); env != nullptr && *env != '\0')
        return std::string(env) == "none" ? std::nullopt : std::optional<std::string>(env);
    const char* cache = std::getenv("XDG_CACHE_HOME");
    const char* home = std::getenv("HOME");
    const std::filesystem::path dir = cache != nullptr && *cache != '\0' ? std::filesystem::path(cache)
                                      : home != nullptr                 ? std::filesystem::path(home) / ".cache"
                                                                        : std::filesystem::path();
    const auto path = dir / "resdraft" / "glove-6b-100d.v1.rdvec";
    if (dir.empty() || !std::filesystem::exists(path)) return std::nullopt;
    return path.string();
}

// The vectors opened (as the command line does, once per run); null without a path.
std::unique_ptr<resdraft::models::word_vectors> open_vectors(const std::optional<std::string>& path) {
    if (!path) return nullptr;
    auto opened = resdraft::models::word_vectors::open(*path);
    if (auto* e = std::get_if<resdraft::models::vectors_error>(&opened)) throw std::runtime_error(e->message);
    return std::make_unique<resdraft::models::word_vectors>(std::move(std::get<resdraft::models::word_vectors>(opened)));
}

void check(benchmark::State& state, std::size_t n, const std::optional<std::string>& vectors) {
    const std::string& reference = document_of(n);
    if (reference.empty()) {
        state.SkipWithError("../shared/corpus/ga-res-80 is absent");
        return;
    }
    const std::string draft = resdraft::bench::read_text(std::filesystem::path(RESDRAFT_SOURCE_DIR) / "corpus/drafts/migration-followup.txt");
    std::size_t paragraphs = 0;
    for (auto _ : state) {
        const auto reference_doc = parsed(reference, "reference");
        const auto draft_doc = parsed(draft, "draft");
        const auto wordnet = resdraft::models::wordnet::load();
        const auto loaded = open_vectors(vectors);
        resdraft::analysis::check_options options;
        options.wordnet = wordnet.get();
        options.vectors = loaded.get();
        const auto result = resdraft::analysis::check(reference_doc, draft_doc, options);
        paragraphs = result.reference_ids.size();
        benchmark::DoNotOptimize(resdraft::report::check_json(result, options.limits));
    }
    set_rate(state, paragraphs);
}

void cluster(benchmark::State& state, std::size_t n, const std::optional<std::string>& vectors) {
    const std::string& text = document_of(n);
    if (text.empty()) {
        state.SkipWithError("../shared/corpus/ga-res-80 is absent");
        return;
    }
    std::size_t paragraphs = 0;
    for (auto _ : state) {
        const auto doc = parsed(text, "generated");
        std::vector<resdraft::analysis::cluster_unit> units;
        resdraft::analysis::add_units(doc, resdraft::analysis::unit_kind::paragraph, units);
        const auto loaded = open_vectors(vectors);
        resdraft::analysis::cluster_options options;
        options.vectors = loaded.get();
        const auto result = resdraft::analysis::cluster_units(units, options);
        paragraphs = units.size();
        benchmark::DoNotOptimize(resdraft::report::cluster_json(units, result));
    }
    set_rate(state, paragraphs);
}

int write_inputs(const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    for (std::size_t n : sizes) {
        const std::string& text = document_of(n);
        if (text.empty()) {
            std::cerr << "growth_bench: ../shared/corpus/ga-res-80 is absent\n";
            return 2;
        }
        const auto path = dir / ("generated-" + std::to_string(n) + ".txt");
        std::ofstream(path, std::ios::binary) << text;
        std::cout << path.string() << " (" << n << " paragraphs, " << text.size() << " bytes)\n";
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        if (std::string_view(argv[i]).starts_with("--inputs=")) return write_inputs(std::string_view(argv[i]).substr(9));
    const auto vectors = vectors_path();
    std::vector<std::pair<std::string, std::optional<std::string>>> modes{{"", std::nullopt}};
    if (vectors) modes.emplace_back("+vectors", vectors);
    for (const auto& [suffix, path] : modes) {
        for (std::size_t n : {std::size_t{34}, sizes[0], sizes[1], sizes[2]})
            benchmark::RegisterBenchmark(("check" + suffix + "/reference:" + std::to_string(n)).c_str(),
                                         [n, path](benchmark::State& s) { check(s, n, path); })
                ->Unit(benchmark::kMillisecond)
                ->Iterations(n >= 10'000 ? 1 : 3);
        for (std::size_t n : sizes)
            benchmark::RegisterBenchmark(("cluster" + suffix + "/paragraphs:" + std::to_string(n)).c_str(),
                                         [n, path](benchmark::State& s) { cluster(s, n, path); })
                ->Unit(benchmark::kMillisecond)
                ->Iterations(n >= 10'000 ? 1 : 3);
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
