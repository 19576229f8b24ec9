// How the word-vector similarities of models/word_vectors separate the labelled drafts' paraphrases from
// their new paragraphs (corpus/drafts/*.labels.json against A/68/L.5): for each measure, where the labelled
// reference of each `related` paragraph ranks among the 34 reference paragraphs, its score, and the best
// score of each `new` paragraph. A measurement for choosing, not a test: no threshold is asserted.
//
//   vectors_quality VECTORS [--weights sif|idf|both]
#include "analysis/check.hpp"
#include "corpus/embedded.hpp"
#include "grammar/parser.hpp"
#include "models/text_model.hpp"
#include "models/word_vectors.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using resdraft::models::word_vectors;

struct text {
    std::string id;
    std::vector<std::string> words;  // content words, normalized, unstemmed
};

std::vector<text> paragraphs_of(const resdraft::grammar::document& doc) {
    std::vector<text> out;
    for (const auto* p : resdraft::analysis::compared_paragraphs(doc)) {
        text t{p->id, {}};
        for (const auto& w : resdraft::models::words(resdraft::grammar::normalized_text(doc, p->text)))
            if (resdraft::models::is_content_word(w.norm)) t.words.push_back(w.norm);
        out.push_back(std::move(t));
    }
    return out;
}

resdraft::grammar::document parse(std::string text, const std::string& name) {
    auto r = resdraft::grammar::parse_document(std::move(text), name);
    if (!r.ok()) throw std::runtime_error(name + ": " + r.error().message);
    return std::move(r.value());
}

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Smoothed idf of each word over `texts`: ln((1 + n) / (1 + df)) + 1, as models' TF-IDF.
std::map<std::string, float> idf_of(const std::vector<const text*>& texts) {
    std::map<std::string, int> df;
    for (const text* t : texts) {
        const std::set<std::string> seen(t->words.begin(), t->words.end());
        for (const auto& w : seen) ++df[w];
    }
    std::map<std::string, float> idf;
    for (const auto& [w, n] : df) idf[w] = static_cast<float>(std::log((1.0 + static_cast<double>(texts.size())) / (1.0 + n)) + 1.0);
    return idf;
}

struct labelled {
    std::string draft, paragraph, status, reference;
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: vectors_quality VECTORS [--weights sif|idf|both]\n");
        return 2;
    }
    const std::string weighting = argc >= 4 ? argv[3] : "sif";
    const auto start = std::chrono::steady_clock::now();
    auto opened = word_vectors::open(argv[1]);
    const double open_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (auto* e = std::get_if<resdraft::models::vectors_error>(&opened)) {
        std::fprintf(stderr, "%s\n", e->message.c_str());
        return 1;
    }
    const auto& v = std::get<word_vectors>(opened);
    std::printf("%s: %zu words, %zu dimensions, %zu bytes; mapped and checked in %.1f ms\n", v.name().c_str(), v.size(), v.dimensions(),
                v.file_bytes(), open_ms);
    const auto reference = paragraphs_of(parse(std::string(resdraft::corpus::reference_text()), "a-68-l5.txt"));

    struct measure {
        std::string name;
        bool lower_is_closer;
        std::function<double(const text&, const text&)> score;
    };
    std::map<std::string, float> idf;  // over the reference and the draft being measured
    const auto weights = [&](const text& t) {
        std::vector<float> w;
        for (const auto& word : t.words) {
            const auto it = idf.find(word);
            const float i = it == idf.end() ? 1.0f : it->second;
            const std::ptrdiff_t k = v.find(word);
            const float sif = k < 0 ? 0.0f : v.sif_weight(static_cast<std::size_t>(k));
            w.push_back(weighting == "idf" ? i : weighting == "both" ? i * sif : sif);
        }
        return w;
    };
    const auto bag = [&](const text& t) {
        const auto w = weights(t);
        return resdraft::models::bag_of(v, t.words, w);
    };
    Eigen::MatrixXf sif;  // rows: reference paragraphs, then the draft's
    std::map<const text*, Eigen::Index> sif_row;
    std::vector<measure> measures{
        {"soft cosine (t=0.3, ^2)", false, [&](const text& a, const text& b) { return resdraft::models::soft_cosine(v, bag(a), bag(b)); }},
        {"soft cosine (t=0.5, ^1)", false,
         [&](const text& a, const text& b) { return resdraft::models::soft_cosine(v, bag(a), bag(b), {1.0f, 0.5f}); }},
        {"soft cosine (t=0, ^2)", false,
         [&](const text& a, const text& b) { return resdraft::models::soft_cosine(v, bag(a), bag(b), {2.0f, 0.0f}); }},
        {"relaxed WMD", true, [&](const text& a, const text& b) { return resdraft::models::relaxed_wmd(v, bag(a), bag(b)); }},
        {"SIF cosine", false, [&](const text& a, const text& b) {
             const Eigen::VectorXf x = sif.row(sif_row.at(&a)), y = sif.row(sif_row.at(&b));
             return x.norm() > 0 && y.norm() > 0 ? double{x.dot(y) / (x.norm() * y.norm())} : 0.0;
         }}};

    std::vector<labelled> labels;
    std::map<std::string, std::vector<text>> drafts;
    for (const char* name : {"migration-followup", "migration-declaration"}) {
        const std::string dir = std::string(RESDRAFT_SOURCE_DIR) + "/corpus/drafts/";
        drafts[name] = paragraphs_of(parse(read(dir + name + ".txt"), name));
        const auto j = nlohmann::json::parse(read(dir + name + ".labels.json"));
        for (const auto& [id, l] : j["paragraphs"].items())
            labels.push_back({name, id, l["status"].get<std::string>(), l.value("reference", "")});
    }

    for (const measure& m : measures) {
        std::printf("\n%s (%s weights)\n", m.name.c_str(), weighting.c_str());
        std::vector<double> related_scores, new_best, related_margin, new_margin;
        int top1 = 0, related = 0;
        double scoring_us = 0;        // time in the measure (bags built each time, as a caller without a cache would)
        std::size_t scored_pairs = 0;
        for (const auto& [name, paragraphs] : drafts) {
            std::vector<const text*> all;
            for (const auto& r : reference) all.push_back(&r);
            for (const auto& p : paragraphs) all.push_back(&p);
            idf = idf_of(all);
            std::vector<std::vector<std::string>> words;
            sif_row.clear();
            for (const text* t : all) sif_row[t] = static_cast<Eigen::Index>(words.size()), words.push_back(t->words);
            sif = resdraft::models::sif_vectors(v, words);
            for (const auto& l : labels) {
                if (l.draft != name || (l.status != "related" && l.status != "new")) continue;
                const auto p = std::find_if(paragraphs.begin(), paragraphs.end(), [&](const text& t) { return t.id == l.paragraph; });
                std::vector<std::pair<double, std::string>> scored;
                const auto timed = std::chrono::steady_clock::now();
                for (const auto& r : reference) scored.emplace_back(m.score(*p, r), r.id);
                scoring_us += std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - timed).count();
                scored_pairs += reference.size();
                std::sort(scored.begin(), scored.end(), [&](const auto& x, const auto& y) {
                    return m.lower_is_closer ? x.first < y.first : x.first > y.first;
                });
                if (l.status == "related") {
                    ++related;
                    const auto at = std::find_if(scored.begin(), scored.end(), [&](const auto& s) { return s.second == l.reference; });
                    const auto rank = at - scored.begin() + 1;
                    top1 += rank == 1;
                    related_scores.push_back(at->first);
                    const double second = scored[rank == 1 ? 1 : 0].first;
                    related_margin.push_back(std::fabs(at->first - second) * (rank == 1 ? 1 : -1));
                    std::printf("  related %-22s %-4s -> %-3s rank %2ld  score %.3f  (best other %.3f)", name.c_str(), l.paragraph.c_str(),
                                l.reference.c_str(), static_cast<long>(rank), at->first, second);
                    const auto r = std::find_if(reference.begin(), reference.end(), [&](const text& t) { return t.id == l.reference; });
                    for (const auto& pair : resdraft::models::carrying_pairs(v, bag(*p), bag(*r), 0.5f, 4))
                        std::printf("  %s~%s %.2f", pair.a.c_str(), pair.b.c_str(), pair.cosine);
                    std::printf("\n");
                } else {
                    new_best.push_back(scored.front().first);
                    new_margin.push_back(std::fabs(scored.front().first - scored[1].first));
                    std::printf("  new     %-22s %-4s best %-3s score %.3f  second %.3f\n", name.c_str(), l.paragraph.c_str(),
                                scored.front().second.c_str(), scored.front().first, scored[1].first);
                }
            }
        }
        // how often a related paragraph's score with its reference beats a new paragraph's best (AUC)
        double wins = 0;
        for (double r : related_scores)
            for (double n : new_best) wins += (m.lower_is_closer ? r < n : r > n) ? 1.0 : r == n ? 0.5 : 0.0;
        // the same for the margin over the second best (negative when the labelled reference is not first)
        double margin_wins = 0;
        for (double r : related_margin)
            for (double n : new_margin) margin_wins += r > n ? 1.0 : r == n ? 0.5 : 0.0;
        const double pairs = static_cast<double>(related_scores.size() * new_best.size());
        std::printf("  top-1 %d of %d related; related-vs-new separation (AUC): by score %.2f, by margin over the second best %.2f; "
                    "%.0f us a paragraph pair\n",
                    top1, related, wins / pairs, margin_wins / pairs, scoring_us / static_cast<double>(scored_pairs));
    }
    return 0;
}
