// The memory of the document model per input byte (issue 13: at most 1 byte of model per byte of
// input): each document of an input set is parsed on its own, and the heap bytes its destruction frees
// (the parse result itself included) are counted by a replaced operator new/delete: the sizes asked for, and the
// chunks glibc's malloc holds for them on x86-64 (the size plus its 8-byte header, rounded up to 16, at
// least 32). The source's bytes are not the model's.
//   model_bytes            the reference, ga-res-80 and the generated 100 MB corpus
#include "bench/throughput.hpp"
#include "corpus/embedded.hpp"
#include "grammar/parser.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <memory>
#include <cstdlib>
#include <new>
#include <string>

namespace {

std::size_t live_bytes = 0, live_blocks = 0, live_chunks = 0;

// What glibc's malloc (x86-64) takes for a request of n bytes.
constexpr std::size_t chunk_of(std::size_t n) { return std::max<std::size_t>(32, (n + 8 + 15) & ~std::size_t{15}); }

// Each block carries its size in front, so that delete knows what it frees.
constexpr std::size_t header = alignof(std::max_align_t);

void* allocate(std::size_t n) {
    auto* p = static_cast<unsigned char*>(std::malloc(n + header));
    if (!p) throw std::bad_alloc();
    *reinterpret_cast<std::size_t*>(p) = n;
    live_bytes += n;
    live_chunks += chunk_of(n);
    ++live_blocks;
    return p + header;
}

void release(void* q) noexcept {
    if (!q) return;
    auto* p = static_cast<unsigned char*>(q) - header;
    live_bytes -= *reinterpret_cast<std::size_t*>(p);
    live_chunks -= chunk_of(*reinterpret_cast<std::size_t*>(p));
    --live_blocks;
    std::free(p);
}

void report(const char* name, const std::vector<std::string>& texts) {
    if (texts.empty()) {
        std::printf("%-16s absent (../shared/corpus/ga-res-80)\n", name);
        return;
    }
    const auto sources = resdraft::bench::as_sources(texts);
    std::size_t input = 0, model = 0, chunks = 0, blocks = 0, paragraphs = 0;
    for (const auto& s : sources) {
        // the document's bytes are what its destruction frees (the thread's reused index, which may grow
        // during the parse, is not the model's)
        auto r = std::make_unique<resdraft::grammar::parse_result>(resdraft::grammar::parse_document(s));
        if (r->ok()) paragraphs += r->value().paragraphs.size();
        const std::size_t bytes_before = live_bytes, chunks_before = live_chunks, blocks_before = live_blocks;
        r.reset();
        model += bytes_before - live_bytes;
        chunks += chunks_before - live_chunks;
        blocks += blocks_before - live_blocks;
        input += s->bytes().size();
    }
    const double in = static_cast<double>(input);
    std::printf("%-16s %10zu bytes in, %7zu paragraphs: model %10zu bytes in %7zu blocks = %.3f per input byte "
                "(malloc's chunks: %.3f), %.0f bytes per paragraph\n",
                name, input, paragraphs, model, blocks, static_cast<double>(model) / in,
                static_cast<double>(chunks) / in, static_cast<double>(model) / static_cast<double>(paragraphs));
}

}  // namespace

void* operator new(std::size_t n) { return allocate(n); }
void* operator new[](std::size_t n) { return allocate(n); }
void operator delete(void* p) noexcept { release(p); }
void operator delete[](void* p) noexcept { release(p); }
void operator delete(void* p, std::size_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t) noexcept { release(p); }

int main() {
    resdraft::grammar::parse_document("1. Decides to remain seized of the matter.\n");  // the lexicon, built once
    const std::string reference(resdraft::corpus::reference_text());
    report("reference", {reference});
    report("ga-res-80", resdraft::bench::real_resolutions());
    report("generated-100MB", resdraft::bench::benchmark_documents("generated", reference));
}
