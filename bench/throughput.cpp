#include "bench/throughput.hpp"

#include "grammar/parser.hpp"

#include <boost/regex.hpp>
#include <re2/re2.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

namespace resdraft::bench {
namespace {

template <typename F>
double fastest_seconds(int repetitions, F&& f) {
    double best = 1e300;
    for (int r = 0; r < std::max(1, repetitions); ++r) {
        const auto start = std::chrono::steady_clock::now();
        f();
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    return best;
}

double mb_per_s(std::size_t bytes, double seconds) { return seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0; }

}  // namespace

std::size_t floor_scan(std::string_view text) {
    std::size_t lines = 0;
    const char* p = text.data();
    const char* const end = text.data() + text.size();
    while (p < end) {
        const void* hit = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
        if (hit == nullptr) break;
        ++lines;
        p = static_cast<const char*>(hit) + 1;
    }
    return lines;
}

std::size_t regex_baseline(std::string_view text) {
    static const boost::regex paragraph(R"(^\s*(\d+)\.\s+(?:We\s+)?([A-Z]?[a-z]+))");
    std::size_t found = 0;
    std::size_t begin = 0;
    while (begin < text.size()) {
        std::size_t end = text.find('\n', begin);
        if (end == std::string_view::npos) end = text.size();
        boost::cmatch m;
        if (boost::regex_search(text.data() + begin, text.data() + end, m, paragraph)) ++found;
        begin = end + 1;
    }
    return found;
}

std::size_t re2_baseline(std::string_view text) {
    static const RE2 paragraph(R"((?m)^[ \t]*(\d+)\.[ \t]+(?:We[ \t]+)?([A-Z]?[a-z]+))");
    re2::StringPiece rest(text.data(), text.size());
    std::size_t found = 0;
    while (RE2::FindAndConsume(&rest, paragraph)) ++found;
    return found;
}

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> real_resolutions() {
    std::vector<std::string> out;
    const auto dir = std::filesystem::path(RESDRAFT_SOURCE_DIR).parent_path() / "shared/corpus/ga-res-80";
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return out;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) out.push_back(read_text(f));
    return out;
}

std::vector<std::string> operative_paragraphs(const std::vector<std::string>& sources) {
    std::vector<std::string> paragraphs;
    for (const std::string& text : sources) {
        const auto result = grammar::parse_document(text);
        if (!result.ok()) continue;
        for (const auto& p : result.value().paragraphs)
            if (p.kind == grammar::paragraph_kind::operative) paragraphs.emplace_back(result.value().text(p.text));
    }
    return paragraphs;
}

namespace {
// "The General Assembly," and paragraphs [first, last) of `paragraphs`, numbered from 1.
std::string numbered_document(const std::vector<std::string>& paragraphs, std::size_t first, std::size_t last) {
    std::string doc = "The General Assembly,\n\n";
    for (std::size_t k = first; k < last; ++k)
        doc += std::to_string(k - first + 1) + ". " + paragraphs[k % paragraphs.size()] + "\n\n";
    return doc;
}
}  // namespace

std::vector<std::string> generate_corpus(const std::vector<std::string>& sources, std::size_t target_bytes,
                                         std::uint32_t seed) {
    std::vector<std::string> paragraphs = operative_paragraphs(sources);
    std::vector<std::string> documents;
    if (paragraphs.empty()) return documents;
    std::mt19937 random(seed);
    std::size_t total = 0;
    while (total < target_bytes) {
        std::shuffle(paragraphs.begin(), paragraphs.end(), random);
        for (std::size_t start = 0; start < paragraphs.size() && total < target_bytes; start += 40) {
            std::string doc = numbered_document(paragraphs, start, std::min(start + 40, paragraphs.size()));
            total += doc.size();
            documents.push_back(std::move(doc));
        }
    }
    return documents;
}

const std::vector<std::string>& benchmark_documents(const std::string& name, std::string_view reference,
                                                    std::size_t generated_bytes) {
    static std::map<std::string, std::vector<std::string>> cache;
    if (const auto it = cache.find(name); it != cache.end()) return it->second;
    std::vector<std::string> docs;
    if (name == "reference") docs = {std::string(reference)};
    if (name == "ga-res-80") docs = real_resolutions();
    if (name == "generated") {
        auto sources = real_resolutions();
        sources.emplace_back(reference);
        docs = generate_corpus(sources, generated_bytes);
    }
    return cache.emplace(name, std::move(docs)).first->second;
}

std::string generate_document(const std::vector<std::string>& sources, std::size_t paragraphs, std::uint32_t seed) {
    std::vector<std::string> pool = operative_paragraphs(sources);
    if (pool.empty()) return {};
    std::shuffle(pool.begin(), pool.end(), std::mt19937(seed));
    return numbered_document(pool, 0, paragraphs);
}

std::string repeated(std::string_view text, std::size_t min_bytes) {
    std::string out;
    if (text.empty()) return out;
    out.reserve(min_bytes + text.size());
    while (out.size() < min_bytes) out += text;
    return out;
}

std::vector<std::shared_ptr<const grammar::source>> as_sources(const std::vector<std::string>& texts) {
    std::vector<std::shared_ptr<const grammar::source>> out;
    out.reserve(texts.size());
    for (const std::string& t : texts) out.push_back(grammar::source::owning(t, {}));
    return out;
}

measurement measure(const std::vector<std::string>& documents, int repetitions) {
    const auto sources = as_sources(documents);
    measurement m;
    for (const std::string& d : documents) m.bytes += d.size();
    std::size_t sink = 0;
    const double parse_s = fastest_seconds(repetitions, [&] {
        m.paragraphs = m.clauses = 0;
        for (const auto& d : sources) {
            const auto result = grammar::parse_document(d);
            if (!result.ok()) continue;
            m.paragraphs += result.value().paragraphs.size();
            for (const auto& p : result.value().paragraphs) m.clauses += p.clauses.size();
        }
    });
    const double floor_s = fastest_seconds(repetitions, [&] {
        for (const std::string& d : documents) sink += floor_scan(d);
    });
    const double baseline_s = fastest_seconds(repetitions, [&] {
        for (const std::string& d : documents) sink += regex_baseline(d);
    });
    const double re2_s = fastest_seconds(repetitions, [&] {
        for (const std::string& d : documents) sink += re2_baseline(d);
    });
    m.parse_mb_per_s = mb_per_s(m.bytes, parse_s);
    m.re2_mb_per_s = mb_per_s(m.bytes, re2_s);
    m.floor_mb_per_s = mb_per_s(m.bytes, floor_s);
    m.baseline_mb_per_s = mb_per_s(m.bytes, baseline_s);
    if (sink == static_cast<std::size_t>(-1)) m.bytes = 0;  // keeps the scans from being optimized away
    return m;
}

}  // namespace resdraft::bench
