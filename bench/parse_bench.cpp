// Google Benchmark: parse throughput (full parse with clauses) on the reference, on the 48 real
// resolutions, and on a ~100 MB corpus generated from them; with the floor (memchr) and the baseline
// (Boost.Regex paragraph + leading-verb splitter) over the same bytes, in the same binary, and the
// ceiling of the parser's design (its whole-input byte searches alone, bench::byte_passes). The
// parser's stages are timed too: each run of stages from the first (`upto_*`: stage 1, then 1-2a, then
// 1-2b), so that a stage's cost is the difference of two rows, and stage 3 alone on built trees.
#include "bench/throughput.hpp"
#include "corpus/embedded.hpp"
#include "bench/stages.hpp"
#include "grammar/detail/clauses.hpp"
#include "grammar/index.hpp"
#include "grammar/parser.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>

namespace {

using resdraft::bench::byte_passes;  // bench/stages.hpp
using resdraft::bench::floor_scan;
using resdraft::bench::re2_baseline;
using resdraft::bench::regex_baseline;

const std::vector<std::string>& corpus(const std::string& name) {
    return resdraft::bench::benchmark_documents(name == "generated-100MB" ? "generated" : name,
                                                resdraft::corpus::reference_text());
}

std::size_t total_bytes(const std::vector<std::string>& docs) {
    std::size_t n = 0;
    for (const auto& d : docs) n += d.size();
    return n;
}

void set_rates(benchmark::State& state, std::size_t bytes, std::size_t paragraphs) {
    state.counters["bytes/s"] = benchmark::Counter(static_cast<double>(bytes) * static_cast<double>(state.iterations()),
                                                   benchmark::Counter::kIsRate);
    if (paragraphs > 0)
        state.counters["paragraphs/s"] = benchmark::Counter(
            static_cast<double>(paragraphs) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void parse(benchmark::State& state, const std::string& name) {
    const auto& docs = corpus(name);
    if (docs.empty()) {
        state.SkipWithError("../shared/corpus/ga-res-80 is absent");
        return;
    }
    const auto sources = resdraft::bench::as_sources(docs);
    std::size_t paragraphs = 0;
    for (auto _ : state) {
        paragraphs = 0;
        for (const auto& d : sources) {
            const auto r = resdraft::grammar::parse_document(d);
            if (r.ok()) paragraphs += r.value().paragraphs.size();
            benchmark::DoNotOptimize(r);
        }
    }
    set_rates(state, total_bytes(docs), paragraphs);
}

void stages(benchmark::State& state, const std::string& name, resdraft::bench::stage last) {
    const auto& docs = corpus(name);
    if (docs.empty()) {
        state.SkipWithError("../shared/corpus/ga-res-80 is absent");
        return;
    }
    const auto sources = resdraft::bench::as_sources(docs);
    resdraft::grammar::structural_index index;
    std::size_t paragraphs = 0;
    for (auto _ : state) {
        paragraphs = 0;
        for (const auto& d : sources) paragraphs += resdraft::bench::run_stages(d, last, index);
    }
    set_rates(state, total_bytes(docs), paragraphs);
}

// Stage 3 alone: the clauses of trees and indexes built before the timing (each run replaces the last
// run's clauses).
void clauses_alone(benchmark::State& state, const std::string& name) {
    const auto& docs = corpus(name);
    if (docs.empty()) {
        state.SkipWithError("../shared/corpus/ga-res-80 is absent");
        return;
    }
    std::vector<resdraft::grammar::document> trees;
    std::vector<resdraft::grammar::structural_index> indexes;
    for (const auto& d : resdraft::bench::as_sources(docs)) {
        auto r = resdraft::grammar::parse_document(d);
        if (!r.ok()) continue;
        trees.push_back(std::move(r.value()));
        resdraft::grammar::build_structural_index(d->bytes(), indexes.emplace_back());
    }
    std::size_t paragraphs = 0;
    for (const auto& t : trees) paragraphs += t.paragraphs.size();
    for (auto _ : state)
        for (std::size_t i = 0; i < trees.size(); ++i) resdraft::grammar::detail::add_clauses(trees[i], indexes[i]);
    set_rates(state, total_bytes(docs), paragraphs);
}

void scan(benchmark::State& state, const std::string& name, std::size_t (*f)(std::string_view)) {
    const auto& docs = corpus(name);
    if (docs.empty()) {
        state.SkipWithError("../shared/corpus/ga-res-80 is absent");
        return;
    }
    for (auto _ : state)
        for (const auto& d : docs) benchmark::DoNotOptimize(f(d));
    set_rates(state, total_bytes(docs), 0);
}

}  // namespace

int main(int argc, char** argv) {
    for (const std::string name : {"reference", "ga-res-80", "generated-100MB"}) {
        benchmark::RegisterBenchmark(("parse/" + name).c_str(), [name](benchmark::State& s) { parse(s, name); })->Unit(benchmark::kMillisecond);
        using resdraft::bench::stage;
        for (const auto& [row, last] : {std::pair{"upto_1_index/", stage::index}, {"upto_2a_lines/", stage::lines}, {"upto_2b_tree/", stage::tree}})
            benchmark::RegisterBenchmark((row + name).c_str(), [name, last](benchmark::State& s) { stages(s, name, last); })->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("stage_3_clauses/" + name).c_str(), [name](benchmark::State& s) { clauses_alone(s, name); })->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("floor_memchr/" + name).c_str(), [name](benchmark::State& s) { scan(s, name, floor_scan); })->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("baseline_regex/" + name).c_str(), [name](benchmark::State& s) { scan(s, name, regex_baseline); })->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("baseline_re2/" + name).c_str(), [name](benchmark::State& s) { scan(s, name, re2_baseline); })->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark(("ceiling_byte_passes/" + name).c_str(), [name](benchmark::State& s) { scan(s, name, byte_passes); })->Unit(benchmark::kMillisecond);
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
