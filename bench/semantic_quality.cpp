// Every figure issue 12's integration reports, from the code that decides: `check` with word vectors against
// the labelled drafts (paraphrase top-1, false `related` among new same-domain and other-domain paragraphs,
// precision and recall of `related`), the choices measured beside the one made (vectors as stored, the
// lexicon's verbs or UN terms left out, without vectors), and `cluster`'s purity on the real mixes.
//
//   semantic_quality VECTORS [--set tuning|drafts|heldout]... [--paragraphs] [--features] [--cluster]
//   semantic_quality VECTORS --cluster-only [--mix FILE]... [--operative]
//
// --set picks the labelled sets (default: tuning and drafts; heldout only when named: it was evaluated once,
// after the design and thresholds were frozen). --paragraphs lists each paragraph's decision, --features
// prints a tab-separated row per labelled paragraph (what the thresholds were chosen from), --cluster adds
// the clustering figures (needs ../shared/corpus): on the tuning mixes of corpus/semantic/cluster-tuning (the
// design was chosen on them) and the six-subject mix of corpus/semantic/cluster-mix.json (evaluated once, after),
// the design as shipped and beside it: no document context, no word vectors, sentence weight 0.5. --cluster-only
// leaves out check; --mix names other mixes (the same JSON form); --operative leaves out the all-paragraph units.
#include "analysis/check.hpp"
#include "analysis/cluster.hpp"
#include "corpus/embedded.hpp"
#include "grammar/parser.hpp"
#include "models/word_vectors.hpp"
#include "models/wordnet.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using resdraft::analysis::check_options;
using resdraft::analysis::status;

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path.string() + ": cannot open");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

resdraft::grammar::document parse(std::string text, const std::string& name) {
    auto r = resdraft::grammar::parse_document(std::move(text), name);
    if (!r.ok()) throw std::runtime_error(name + ": " + r.error().message);
    return std::move(r.value());
}

const fs::path source = RESDRAFT_SOURCE_DIR;

// The labelled drafts of a set: corpus/drafts/ or corpus/semantic/tuning|heldout/.
std::vector<fs::path> drafts_of(const std::string& set) {
    const fs::path dir = set == "drafts" ? source / "corpus/drafts" : source / "corpus/semantic" / set;
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".txt") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

// What a labelled paragraph is: "related" (a paraphrase, with its reference), "same" or "other" (new, same
// domain or another), "verbatim", "edited", or "new" (corpus/drafts' new paragraphs, which carry no domain).
std::string kind_of(const nlohmann::json& label) {
    const std::string status = label["status"];
    if (status != "new") return status;
    const std::string note = label.value("note", "");
    if (note.find("other domain") != std::string::npos) return "other";
    if (note.find("same domain") != std::string::npos) return "same";
    return "new";
}

struct tally {
    int related = 0, related_first = 0;      // labelled related; of them, related or edited with the labelled reference first
    int related_called = 0;                  // labelled related and called related with the labelled reference first
    int same = 0, same_related = 0;          // new, same domain; of them called related
    int other = 0, other_related = 0;
    int plain_new = 0, plain_new_related = 0;// corpus/drafts' new paragraphs
    int called_related = 0;                  // every paragraph called related
    int lexical_kept = 0, lexical = 0;       // verbatim and edited labels: the right status and top-1
    void add(const tally& t) {
        related += t.related, related_first += t.related_first, related_called += t.related_called;
        same += t.same, same_related += t.same_related, other += t.other, other_related += t.other_related;
        plain_new += t.plain_new, plain_new_related += t.plain_new_related, called_related += t.called_related;
        lexical_kept += t.lexical_kept, lexical += t.lexical;
    }
};

std::string ratio(int a, int b) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%d/%d (%.0f%%)", a, b, b > 0 ? 100.0 * a / b : 0.0);
    return buf;
}

struct context {
    const resdraft::grammar::document* reference = nullptr;
    resdraft::models::wordnet* wordnet = nullptr;
    bool paragraphs = false, features = false;
};

// One labelled draft through check; its counts.
tally run_draft(const fs::path& path, const check_options& options, const context& c, const std::string& variant) {
    const std::string text = read(path);
    const auto doc = parse(text, path.filename().string());
    auto labels_path = path;
    labels_path.replace_extension(".labels.json");
    const auto all_labels = nlohmann::json::parse(read(labels_path));
    const auto& labels = all_labels["paragraphs"];
    const auto result = resdraft::analysis::check(*c.reference, doc, options);
    tally t;
    for (const auto& p : result.paragraphs) {
        const auto& label = labels.at(p.id);
        const std::string kind = kind_of(label), got(resdraft::analysis::status_name(p.state));
        const std::string want_ref = label.value("reference", "");
        const std::string first = p.matches.empty() ? "" : p.matches[0].reference;
        const bool related = p.state == status::related;
        t.called_related += related;
        if (kind == "related") {
            ++t.related;
            t.related_called += related && first == want_ref;
            t.related_first += (related || p.state == status::edited) && first == want_ref;
        } else if (kind == "same") {
            ++t.same, t.same_related += related;
        } else if (kind == "other") {
            ++t.other, t.other_related += related;
        } else if (kind == "new") {
            ++t.plain_new, t.plain_new_related += related;
        } else {  // verbatim, edited
            ++t.lexical;
            const std::string want = label.contains("merge") ? label["merge"][0].get<std::string>() : want_ref;
            t.lexical_kept += got == kind && (first == want || (label.contains("merge") && p.matches.size() > 1 &&
                                                                   std::set<std::string>{first, p.matches[1].reference} ==
                                                                       std::set<std::string>{label["merge"][0], label["merge"][1]}));
        }
        if (c.paragraphs) {
            std::string pairs;
            for (const auto& w : p.word_pairs) pairs += (pairs.empty() ? "" : ", ") + w.draft + " ~ " + w.reference;
            std::printf("  %-26s %-4s %-8s want %-3s got %-8s first %-3s semantic %5s standout %6s  %s\n", path.filename().c_str(),
                        p.id.c_str(), kind.c_str(), want_ref.c_str(), got.c_str(), first.c_str(),
                        p.matches.empty() || !p.matches[0].semantic ? "-" : std::to_string(*p.matches[0].semantic).substr(0, 5).c_str(),
                        p.standout ? std::to_string(*p.standout).substr(0, 6).c_str() : "-", pairs.c_str());
        }
        if (c.features)
            std::printf("F\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.4f\t%.4f\n", variant.c_str(), path.filename().c_str(), p.id.c_str(), kind.c_str(),
                        want_ref.c_str(), got.c_str(), first.c_str(), p.standout.value_or(-99),
                        p.matches.empty() ? 0.0 : p.matches[0].score);
    }
    return t;
}

void report(const std::string& name, const tally& t) {
    std::printf("  %-34s paraphrase first %-13s related recall %-13s precision %-13s | false related: same-domain %-12s other %-10s",
                name.c_str(), ratio(t.related_first, t.related).c_str(), ratio(t.related_called, t.related).c_str(),
                ratio(t.related_called, t.called_related).c_str(), ratio(t.same_related, t.same).c_str(), ratio(t.other_related, t.other).c_str());
    if (t.plain_new > 0) std::printf(" drafts' new %s", ratio(t.plain_new_related, t.plain_new).c_str());
    if (t.lexical > 0) std::printf(" | verbatim/edited right %s", ratio(t.lexical_kept, t.lexical).c_str());
    std::printf("\n");
}

// Purity by subject of `subject_of_file`'s files (in name order, as `resdraft cluster` reads a folder) clustered
// by `unit`, with k = the number of subjects and with k chosen: at seed 1 (the command line's default) and the
// mean over seeds 1..10 (k-means++ starts differ; on 73 units one start can move purity by 0.1).
void cluster_figures(const std::string& name, const std::map<std::string, std::string>& subject_of_file, const fs::path& dir,
                     const resdraft::analysis::cluster_options& design, const resdraft::models::word_vectors* vectors,
                     resdraft::analysis::unit_kind unit) {
    std::vector<resdraft::analysis::cluster_unit> units;
    for (const auto& [file, subject] : subject_of_file) {
        const fs::path path = file == "a-68-l5.txt" ? source / "corpus" / file : dir / file;
        const auto doc = parse(read(path), file);
        resdraft::analysis::add_units(doc, unit, units);
    }
    std::set<std::string> subjects;
    for (const auto& [f, s] : subject_of_file) subjects.insert(s);
    for (int k : {static_cast<int>(subjects.size()), 0}) {
        double sum = 0;
        int first_k = 0;
        std::size_t first_majority = 0, clustered = 0;
        std::map<int, int> ks;  // k chosen -> seeds
        for (std::uint32_t seed = 1; seed <= 10; ++seed) {
            resdraft::analysis::cluster_options o = design;
            o.k = k;
            o.seed = seed;
            o.vectors = vectors;
            const auto r = resdraft::analysis::cluster_units(units, o);
            std::size_t majority = 0, members = 0;
            for (const auto& c : r.clusters) {
                std::map<std::string, std::size_t> count;
                for (const auto& m : c.members) ++count[subject_of_file.at(units[m.unit].source)];
                std::size_t top = 0;
                for (const auto& [s, n] : count) top = std::max(top, n);
                majority += top, members += c.members.size();
            }
            if (seed == 1) first_k = r.k, first_majority = majority, clustered = members;
            sum += members ? static_cast<double>(majority) / static_cast<double>(members) : 0.0;
            ++ks[r.k];
        }
        std::string chosen;
        for (const auto& [kk, n] : ks) {
            if (!chosen.empty()) chosen += ' ';
            chosen += std::to_string(kk);
            chosen += 'x';
            chosen += std::to_string(n);
        }
        std::printf("  %-15s %-9s %-35s --k %-4s seed 1: k = %2d, purity %.3f (%zu/%zu); 10 seeds: mean purity %.3f, k %s\n", name.c_str(),
                    unit == resdraft::analysis::unit_kind::all ? "all" : "operative",
                    ((vectors == nullptr ? std::string("TF-IDF") : "TF-IDF + SIF " + std::to_string(design.sentence_weight).substr(0, 4)) +
                     ", context " + std::to_string(design.document_context).substr(0, 4)).c_str(),
                    k == 0 ? "auto" : std::to_string(k).c_str(), first_k,
                    clustered ? static_cast<double>(first_majority) / static_cast<double>(clustered) : 0.0, first_majority, clustered,
                    sum / 10, chosen.c_str());
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: semantic_quality VECTORS [--set tuning|drafts|heldout]... [--paragraphs] [--features] [--cluster]\n"
                             "       semantic_quality VECTORS --cluster-only [--mix FILE]... [--operative]\n");
        return 2;
    }
    std::vector<std::string> sets;
    context c;
    bool clusters = false, cluster_only = false;
    std::vector<std::string> mixes;
    bool operative_only = false;
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--set" && i + 1 < argc) sets.push_back(argv[++i]);
        else if (a == "--paragraphs") c.paragraphs = true;
        else if (a == "--features") c.features = true;
        else if (a == "--cluster") clusters = true;
        else if (a == "--cluster-only") clusters = cluster_only = true;
        else if (a == "--mix" && i + 1 < argc) mixes.push_back(argv[++i]), clusters = cluster_only = true;
        else if (a == "--operative") operative_only = true;
        else {
            std::fprintf(stderr, "semantic_quality: unknown argument %s\n", a.c_str());
            return 2;
        }
    }
    if (sets.empty()) sets = {"tuning", "drafts"};
    auto opened = resdraft::models::word_vectors::open(argv[1]);
    if (auto* e = std::get_if<resdraft::models::vectors_error>(&opened)) {
        std::fprintf(stderr, "%s\n", e->message.c_str());
        return 1;
    }
    const auto& vectors = std::get<resdraft::models::word_vectors>(opened);
    const auto wordnet = resdraft::models::wordnet::load();
    if (!wordnet) std::fprintf(stderr, "semantic_quality: WordNet is missing (scripts/setup installs wordnet-base): figures differ\n");
    const auto reference = parse(std::string(resdraft::corpus::reference_text()), "a-68-l5.txt");
    c.reference = &reference;
    c.wordnet = wordnet.get();

    struct variant {
        std::string name;
        bool vectors;
        resdraft::models::semantic_options semantic;
    };
    std::vector<variant> variants{{"with vectors (as shipped)", true, {}}, {"without vectors", false, {}}};
    if (!c.paragraphs) {
        resdraft::models::semantic_options raw, verbs, un, both;
        raw.post_process = false;
        verbs.leave_out_verbs = true;
        un.leave_out_un_terms = true;
        both.leave_out_verbs = both.leave_out_un_terms = true;
        variants.push_back({"vectors as stored (no post-processing)", true, raw});
        variants.push_back({"lexicon verbs left out", true, verbs});
        variants.push_back({"UN terms left out", true, un});
        variants.push_back({"verbs and UN terms left out", true, both});
    }
    for (const std::string& set : cluster_only ? std::vector<std::string>{} : sets) {
        std::printf("\n%s (%s)\n", set.c_str(), set == "drafts" ? "corpus/drafts" : ("corpus/semantic/" + set).c_str());
        for (const variant& v : variants) {
            check_options options;
            options.wordnet = wordnet.get();
            options.vectors = v.vectors ? &vectors : nullptr;
            options.semantic = v.semantic;
            if (c.paragraphs) std::printf(" %s:\n", v.name.c_str());
            tally total;
            for (const fs::path& d : drafts_of(set)) total.add(run_draft(d, options, c, v.name));
            report(v.name, total);
        }
    }
    if (clusters) {
        const fs::path shared = source / "../shared/corpus/ga-res-80";
        if (!fs::exists(shared)) {
            std::fprintf(stderr, "semantic_quality: %s is absent: no clustering figures\n", shared.c_str());
            return 0;
        }
        // The tuning mixes (the design was chosen on them), then the six-subject mix it was evaluated on once.
        if (mixes.empty()) {
            for (const char* m : {"mix-a", "mix-b", "mix-c", "mix-d"}) mixes.push_back((source / "corpus/semantic/cluster-tuning" / m).string() + ".json");
            mixes.push_back((source / "corpus/semantic/cluster-mix.json").string());
        }
        std::printf("\ncluster (purity by subject; the six-subject mix by document)\n");
        for (const std::string& m : mixes) {
            const auto j = nlohmann::json::parse(read(m));
            const bool by_document = fs::path(m).filename() == "cluster-mix.json";
            std::map<std::string, std::string> subject;
            for (const auto& r : j["resolutions"])
                subject[r["file"].get<std::string>()] = by_document ? r["symbol"].get<std::string>() : r["subject"].get<std::string>();
            const std::string name = by_document ? "six-subject mix" : fs::path(m).stem().string();
            for (auto unit : {resdraft::analysis::unit_kind::paragraph, resdraft::analysis::unit_kind::all}) {
                if (unit == resdraft::analysis::unit_kind::all && operative_only) continue;
                const resdraft::analysis::cluster_options design;  // as shipped
                cluster_figures(name, subject, shared, design, &vectors, unit);
                auto beside = design;
                beside.document_context = 0;  // terms weighed by document and ten starts, no context
                cluster_figures(name, subject, shared, beside, &vectors, unit);
                cluster_figures(name, subject, shared, design, nullptr, unit);  // without vectors
                beside = design;
                beside.sentence_weight = 0.5;
                cluster_figures(name, subject, shared, beside, &vectors, unit);
            }
        }
    }
    return 0;
}
