// How the library grows: build a library of N generated paragraphs (the real resolutions' operative
// paragraphs, shuffled and recombined 40 to a document as the parser benchmark's corpus, each document
// given a symbol of a session from 1990 to 2025), then time queries in a fresh process, and measure recall
// against brute force. Used by scripts/library_scale.sh, which also records memory and file size.
//   library_scale build N LIBRARY      adds the documents; prints input bytes, seconds, MB/s
//   library_scale query LIBRARY DRAFT  precedents of DRAFT; prints the fastest of 3 queries after opening
//   library_scale recall LIBRARY DRAFT...  verbatim and edited precedents: index vs every text
#include "analysis/precedents.hpp"
#include "bench/throughput.hpp"
#include "corpus/embedded.hpp"
#include "grammar/parser.hpp"
#include "library/library.hpp"

#include <algorithm>
#include <chrono>
#include <random>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using clock_type = std::chrono::steady_clock;
using resdraft::library::library;

double seconds_since(clock_type::time_point start) {
    return std::chrono::duration<double>(clock_type::now() - start).count();
}

library open_library(const std::string& path, library::access a) {
    auto opened = library::open(path, a);
    if (auto* e = std::get_if<resdraft::library::library_error>(&opened)) {
        std::fprintf(stderr, "%s\n", e->message.c_str());
        std::exit(2);
    }
    return std::move(std::get<library>(opened));
}

// `paragraph` as a later resolution might reword it: `edits` times, a word dropped, repeated or replaced by
// a word of another paragraph. A library of exact copies would hold a few hundred distinct texts only.
std::string reworded(const std::string& paragraph, const std::vector<std::string>& words, int edits, std::mt19937& random) {
    std::vector<std::string> own;
    for (std::size_t b = 0, e; b < paragraph.size(); b = e + 1) {
        e = std::min(paragraph.find(' ', b), paragraph.size());
        own.push_back(paragraph.substr(b, e - b));
    }
    for (int k = 0; k < edits && own.size() > 2; ++k) {
        const std::size_t at = 1 + random() % (own.size() - 2);  // the opening verb and the closing word stay
        const auto kind = random() % 3;
        if (kind == 0) own.erase(own.begin() + static_cast<std::ptrdiff_t>(at));
        else if (kind == 1) own.insert(own.begin() + static_cast<std::ptrdiff_t>(at), words[random() % words.size()]);
        else own[at] = words[random() % words.size()];
    }
    std::string out;
    for (const auto& w : own) out += (out.empty() ? "" : " ") + w;
    return out;
}

// Documents of about `paragraphs` operative paragraphs in all: the real paragraphs, each copy after the
// first reworded in 1 to 3 places, 40 to a document, each with front matter naming its symbol.
std::vector<std::string> generated_documents(std::size_t paragraphs) {
    auto sources = resdraft::bench::real_resolutions();
    sources.emplace_back(resdraft::corpus::reference_text());
    auto pool = resdraft::bench::operative_paragraphs(sources);
    std::vector<std::string> words;
    for (const auto& p : pool)
        for (std::size_t b = 0, e; b < p.size(); b = e + 1) words.push_back(p.substr(b, (e = std::min(p.find(' ', b), p.size())) - b));
    std::mt19937 random(2013);
    std::vector<std::string> docs;
    for (std::size_t made = 0; made < paragraphs;) {
        std::shuffle(pool.begin(), pool.end(), random);
        std::string doc = "---\nsymbol: A/RES/" + std::to_string(45 + docs.size() % 36) + "/" + std::to_string(docs.size() / 36 + 1) +
                          "\n---\nThe General Assembly,\n\n";
        for (std::size_t k = 0; k < 40 && made < paragraphs; ++k, ++made)
            doc += std::to_string(k + 1) + ". " + (made < pool.size() ? pool[k] : reworded(pool[k], words, 1 + random() % 3, random)) + "\n\n";
        docs.push_back(std::move(doc));
    }
    return docs;
}

int build(std::size_t paragraphs, const std::string& path) {
    const auto docs = generated_documents(paragraphs);
    std::size_t bytes = 0, stored = 0;
    for (const auto& d : docs) bytes += d.size();
    auto lib = open_library(path, library::access::create);
    const auto start = clock_type::now();
    lib.add(docs.size(), [&](std::size_t i) {
        auto doc = resdraft::grammar::parse_document(docs[i], "generated.md").value();
        stored += doc.paragraphs.size();
        return std::optional(std::move(doc));
    });
    const double s = seconds_since(start);
    std::printf("%zu documents, %zu paragraphs, %zu bytes, add %.1f s, %.1f MB/s\n", docs.size(), stored, bytes, s, bytes / s / 1e6);
    return 0;
}

resdraft::grammar::document parsed_file(const std::string& path) {
    auto doc = resdraft::grammar::parse_document(resdraft::bench::read_text(path), path);
    if (!doc.ok()) {
        std::fprintf(stderr, "%s: %s\n", path.c_str(), doc.error().message.c_str());
        std::exit(2);
    }
    return std::move(doc.value());
}

int query(const std::string& path, const std::string& draft_path) {
    auto lib = open_library(path, library::access::read);
    const auto draft = parsed_file(draft_path);
    double best = 1e9;
    resdraft::analysis::precedent_result r;
    for (int i = 0; i < 3; ++i) {
        const auto start = clock_type::now();
        r = resdraft::analysis::find_precedents(draft, lib, path);
        best = std::min(best, seconds_since(start));
    }
    std::size_t agreed = 0;
    for (const auto& p : r.paragraphs) agreed += p.verbatim + p.edited;
    std::printf("%zu texts, %zu draft paragraphs, query %.3f s (fastest of 3), %zu verbatim or edited precedents\n",
                r.library_texts, r.paragraphs.size(), best, agreed);
    return 0;
}

int recall(const std::string& path, const std::vector<std::string>& drafts) {
    auto lib = open_library(path, library::access::read);
    resdraft::analysis::precedent_options brute;
    brute.find_candidates = [](library& l, const std::string&) { return l.all_text_ids(); };
    std::size_t want = 0, found = 0;
    for (const auto& d : drafts) {
        const auto draft = parsed_file(d);
        const auto by_index = resdraft::analysis::find_precedents(draft, lib, path);
        const auto by_all = resdraft::analysis::find_precedents(draft, lib, path, brute);
        for (std::size_t i = 0; i < by_all.paragraphs.size(); ++i) {
            want += by_all.paragraphs[i].verbatim + by_all.paragraphs[i].edited;
            found += std::min(by_all.paragraphs[i].verbatim + by_all.paragraphs[i].edited,
                              by_index.paragraphs[i].verbatim + by_index.paragraphs[i].edited);
        }
    }
    std::printf("recall %zu / %zu verbatim or edited precedent paragraphs (%.2f%%)\n", found, want, want ? 100.0 * found / want : 100.0);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "build" && argc == 4) return build(std::strtoul(argv[2], nullptr, 10), argv[3]);
    if (mode == "query" && argc == 4) return query(argv[2], argv[3]);
    if (mode == "recall" && argc >= 4) return recall(argv[2], std::vector<std::string>(argv + 3, argv + argc));
    std::fprintf(stderr, "usage: library_scale build N LIBRARY | query LIBRARY DRAFT | recall LIBRARY DRAFT...\n");
    return 2;
}
