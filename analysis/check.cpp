#include "analysis/check.hpp"

#include "grammar/lexicon.hpp"
#include "grammar/parser.hpp"
#include "models/lsa.hpp"
#include "models/text_model.hpp"
#include "models/vector_space.hpp"

#include <algorithm>
#include <cctype>
#include <numeric>
#include <set>

namespace resdraft::analysis {
namespace {

using grammar::clause;
using grammar::paragraph;

constexpr std::size_t aligned_candidates = 10;  // reference paragraphs aligned per draft paragraph, by cosine
constexpr std::size_t reported_matches = 3;

struct units {
    std::vector<const paragraph*> paragraphs;
    std::vector<std::string> texts;
    std::vector<models::term_list> terms;
    std::vector<aligned_text> words;
};

units read_units(const source& s, models::stemmer& stem) {
    units u;
    u.paragraphs = compared_paragraphs(*s.doc);
    for (const paragraph* p : u.paragraphs) {
        u.texts.push_back(grammar::normalized_text(s.text, *s.doc, p->text));
        u.terms.push_back(models::terms_of(u.texts.back(), stem));
        u.words.push_back(words_for_alignment(u.texts.back(), stem));
    }
    return u;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Content stems of a clause's object, to pair clauses of two versions of a paragraph.
std::set<std::string> object_stems(const source& s, const clause& c, models::stemmer& stem) {
    const auto terms = models::terms_of(grammar::normalized_text(s.text, *s.doc, c.object), stem);
    return {terms.stems.begin(), terms.stems.end()};
}

double jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
    if (a.empty() && b.empty()) return 0;
    std::size_t common = 0;
    for (const auto& x : a) common += b.count(x);
    return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

// "Strongly condemn" as written, lower case: the clause's adverbs before the verb and the verb.
std::string verb_words(const source& s, const clause& c) {
    return lower(grammar::normalized_text(s.text, *s.doc, c.head));
}

std::optional<verb_change> compare_clauses(const source& ref, const clause& r, const source& draft, const clause& d) {
    verb_change v;
    v.reference = verb_words(ref, r);
    v.draft = verb_words(draft, d);
    v.reference_strength = r.strength;
    v.draft_strength = d.strength;
    if (r.strength >= 0 && d.strength >= 0 && d.strength != r.strength) v.change = d.strength < r.strength ? "weaker" : "stronger";
    else if (r.verb != d.verb) v.change = "different";
    else v.change = "same";
    for (std::string_view a : d.adverbs)
        if (std::find(r.adverbs.begin(), r.adverbs.end(), a) == r.adverbs.end()) v.adverbs_added.emplace_back(a);
    for (std::string_view a : r.adverbs)
        if (std::find(d.adverbs.begin(), d.adverbs.end(), a) == d.adverbs.end()) v.adverbs_dropped.emplace_back(a);
    auto addressee = [](const source& s, const clause& c) {
        return c.addressee ? std::optional(grammar::normalized_text(s.text, *s.doc, *c.addressee)) : std::nullopt;
    };
    const auto ra = addressee(ref, r), da = addressee(draft, d);
    if ((ra ? lower(*ra) : "") != (da ? lower(*da) : "")) {
        v.reference_addressee = ra;
        v.draft_addressee = da;
    }
    const bool changed = v.change != "same" || !v.adverbs_added.empty() || !v.adverbs_dropped.empty() ||
                         v.reference_addressee || v.draft_addressee;
    if (!changed) return std::nullopt;
    return v;
}

// Pairs each draft clause with the reference clause whose object it shares most, and reports changes.
// `pair_lone_clauses`: a one-clause paragraph against a one-clause paragraph pairs them even when their objects differ.
std::vector<verb_change> verb_changes(const source& ref, const paragraph& r, const source& draft, const paragraph& d,
                                      models::stemmer& stem, bool pair_lone_clauses) {
    std::vector<verb_change> out;
    std::vector<std::set<std::string>> ref_objects;
    for (const clause& c : r.clauses) ref_objects.push_back(object_stems(ref, c, stem));
    for (const clause& dc : d.clauses) {
        const auto objects = object_stems(draft, dc, stem);
        std::optional<std::size_t> best;
        double best_overlap = 0.25;  // below this, two objects are not the same commitment
        for (std::size_t k = 0; k < r.clauses.size(); ++k)
            if (const double o = jaccard(objects, ref_objects[k]); o >= best_overlap) best = k, best_overlap = o;
        if (!best && pair_lone_clauses && r.clauses.size() == 1 && d.clauses.size() == 1) best = 0;
        if (!best) continue;
        if (auto v = compare_clauses(ref, r.clauses[*best], draft, dc)) out.push_back(std::move(*v));
    }
    return out;
}

// Readable keywords of a reference paragraph: its heaviest unigram terms, each as the word most often
// written for that stem.
std::vector<std::string> keywords(const models::sparse_rows& vectors, Eigen::Index row, const models::tfidf_space& space,
                                  const models::written_forms& written) {
    std::vector<std::pair<float, int>> weighted;
    for (models::sparse_rows::InnerIterator it(vectors, row); it; ++it)
        if (space.term(static_cast<int>(it.col())).find(' ') == std::string::npos)
            weighted.emplace_back(it.value(), static_cast<int>(it.col()));
    std::sort(weighted.begin(), weighted.end(), [&](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : space.term(a.second) < space.term(b.second);
    });
    std::vector<std::string> out;
    for (const auto& [weight, term] : weighted) {
        if (out.size() == 4) break;
        const auto* forms = written.forms(space.term(term));
        if (forms == nullptr) continue;  // a term WordNet brought, not a word of the paragraph
        if (std::any_of(forms->begin(), forms->end(), [](const auto& f) { return grammar::match_verb(f.first).has_value(); }))
            continue;  // "acknowledge", "recognize": the paragraph's verb says nothing of its topic
        out.push_back(models::written_forms::most_written(*forms));
    }
    return out;
}

}  // namespace

std::string_view status_name(status s) {
    switch (s) {
        case status::verbatim: return "verbatim";
        case status::edited: return "edited";
        case status::related: return "related";
        case status::fresh: return "new";
    }
    return "new";
}

std::size_t check_result::count(status s) const {
    return static_cast<std::size_t>(
        std::count_if(paragraphs.begin(), paragraphs.end(), [&](const paragraph_check& p) { return p.state == s; }));
}

double check_result::reference_covered() const {
    if (reference_ids.empty()) return 0;
    return 1.0 - static_cast<double>(gaps.size()) / static_cast<double>(reference_ids.size());
}

std::vector<const paragraph*> compared_paragraphs(const grammar::document& doc) {
    std::vector<const paragraph*> annex, body;
    for (const paragraph& p : doc.paragraphs) (p.part == 0 ? body : annex).push_back(&p);
    if (annex.empty()) return body;
    // the first annex holds the declaration; further annexes are separate texts
    std::vector<const paragraph*> first_annex;
    for (const paragraph* p : annex)
        if (p->part == annex.front()->part) first_annex.push_back(p);
    return first_annex;
}

check_result check(const source& reference, const source& draft, const check_options& options) {
    const thresholds& limits = options.limits;
    models::stemmer stem;
    const units ref = read_units(reference, stem);
    const units dra = read_units(draft, stem);

    auto weighted = [&](const units& u) {
        std::vector<models::weighted_terms> out;
        for (const auto& t : u.terms) out.push_back(models::weighted(t, stem, options.wordnet, options.expansion));
        return out;
    };
    // one collection: reference paragraphs, then draft paragraphs, then background documents
    std::vector<models::weighted_terms> collection = weighted(ref);
    const auto n_ref = static_cast<Eigen::Index>(collection.size());
    for (models::weighted_terms& t : weighted(dra)) collection.push_back(std::move(t));
    const auto n_draft = static_cast<Eigen::Index>(collection.size()) - n_ref;
    for (const std::string& b : options.background)
        collection.push_back(models::weighted(models::terms_of(b, stem), stem, nullptr));
    const models::tfidf_space space(collection);
    const models::sparse_rows all_vectors = space.vectors(collection);
    const models::sparse_rows ref_vectors = all_vectors.topRows(n_ref);
    const models::sparse_rows draft_vectors = all_vectors.middleRows(n_ref, n_draft);
    const Eigen::MatrixXf cosine = Eigen::MatrixXf(draft_vectors * ref_vectors.transpose());
    Eigen::MatrixXf lsa_cosine;
    if (!options.background.empty()) {
        const models::lsa_space lsa(all_vectors);
        lsa_cosine = lsa.project(draft_vectors) * lsa.project(ref_vectors).transpose();
    }

    models::written_forms written;
    for (const auto& t : ref.terms) written.add(t);

    check_result result;
    result.reference_name = reference.name;
    result.reference_symbol = reference.doc->symbol.value_or("");
    result.draft_name = draft.name;
    for (std::size_t r = 0; r < ref.paragraphs.size(); ++r) {
        result.reference_ids.push_back(ref.paragraphs[r]->id);
        result.reference_texts.push_back(ref.texts[r]);
    }
    std::vector<double> coverage(ref.paragraphs.size(), 0.0);
    std::vector<std::vector<std::string>> echoed_by(ref.paragraphs.size());

    for (std::size_t d = 0; d < dra.paragraphs.size(); ++d) {
        paragraph_check pc;
        pc.id = dra.paragraphs[d]->id;
        pc.text = dra.texts[d];
        std::vector<double> row(ref.paragraphs.size());
        for (std::size_t r = 0; r < row.size(); ++r) row[r] = cosine(static_cast<Eigen::Index>(d), static_cast<Eigen::Index>(r));
        result.similarity.push_back(row);
        if (lsa_cosine.size() > 0) {
            std::vector<double> lsa_row(row.size());
            for (std::size_t r = 0; r < row.size(); ++r)
                lsa_row[r] = lsa_cosine(static_cast<Eigen::Index>(d), static_cast<Eigen::Index>(r));
            result.lsa_similarity.push_back(std::move(lsa_row));
        }

        // align the best candidates by cosine; rank them by reuse and cosine together
        std::vector<std::size_t> order(row.size());
        std::iota(order.begin(), order.end(), 0);
        const std::size_t k = std::min(aligned_candidates, order.size());
        std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(),
                          [&](std::size_t a, std::size_t b) { return row[a] != row[b] ? row[a] > row[b] : a < b; });
        struct candidate {
            std::size_t ref;
            alignment a;
            double rank;
        };
        std::vector<candidate> candidates;
        for (std::size_t c = 0; c < k; ++c) {
            const std::size_t r = order[c];
            alignment a = align(dra.words[d], ref.words[r]);
            coverage[r] = std::max(coverage[r], a.coverage());
            const double rank = 0.6 * a.reuse() + 0.4 * row[r];
            candidates.push_back({r, std::move(a), rank});
        }
        std::stable_sort(candidates.begin(), candidates.end(),
                         [](const candidate& a, const candidate& b) { return a.rank > b.rank; });

        const double best_reuse = candidates.empty() ? 0 : candidates[0].a.reuse();
        const double best_coverage = candidates.empty() ? 0 : candidates[0].a.coverage();
        const double top_score = k > 0 ? row[order[0]] : 0, second_score = k > 1 ? row[order[1]] : 0;
        const bool distinct = top_score >= limits.distinct_score && top_score >= limits.distinct_ratio * second_score;
        if (best_reuse >= limits.verbatim_reuse && best_coverage >= limits.verbatim_coverage) pc.state = status::verbatim;
        else if (best_reuse >= limits.edited_reuse && row[candidates[0].ref] >= limits.edited_score) pc.state = status::edited;
        else if (top_score >= limits.related_score || distinct) pc.state = status::related;
        else pc.state = status::fresh;
        if (pc.state == status::related)  // no shared wording to speak of: rank by topic alone
            std::stable_sort(candidates.begin(), candidates.end(),
                             [&](const candidate& a, const candidate& b) { return row[a.ref] > row[b.ref]; });

        if (pc.state != status::fresh) {
            // a merge: another reference paragraph supplies words the first does not
            if (pc.state != status::related) {
                for (std::size_t c = 1; c < candidates.size(); ++c) {
                    std::size_t added = 0;
                    for (std::size_t w = 0; w < candidates[c].a.draft_reused.size(); ++w)
                        added += candidates[c].a.draft_reused[w] && !candidates[0].a.draft_reused[w];
                    const double share = static_cast<double>(added) / static_cast<double>(std::max<std::size_t>(1, dra.words[d].keys.size()));
                    if (candidates[c].a.reuse() >= limits.merge_reuse && share >= limits.merge_added) {
                        std::rotate(candidates.begin() + 1, candidates.begin() + static_cast<std::ptrdiff_t>(c),
                                    candidates.begin() + static_cast<std::ptrdiff_t>(c) + 1);
                        pc.merged = true;
                        break;
                    }
                }
            }
            for (std::size_t c = 0; c < candidates.size() && c < reported_matches; ++c) {
                const std::size_t r = candidates[c].ref;
                pc.matches.push_back({ref.paragraphs[r]->id, row[r], candidates[c].a.reuse(),
                                      result.lsa_similarity.empty() ? std::nullopt : std::optional(result.lsa_similarity[d][r])});
            }
            if (pc.state == status::related) echoed_by[candidates[0].ref].push_back(pc.id);
        }
        if (pc.state == status::verbatim || pc.state == status::edited) {
            pc.redline = candidates[0].a.redline;
            const std::size_t sources = pc.merged ? 2 : 1;
            for (std::size_t c = 0; c < sources; ++c) {
                auto changes = verb_changes(reference, *ref.paragraphs[candidates[c].ref], draft, *dra.paragraphs[d], stem, c == 0);
                pc.verb_changes.insert(pc.verb_changes.end(), changes.begin(), changes.end());
            }
        }
        result.paragraphs.push_back(std::move(pc));
    }

    for (std::size_t r = 0; r < ref.paragraphs.size(); ++r) {
        if (coverage[r] >= limits.gap_coverage) continue;
        result.gaps.push_back({ref.paragraphs[r]->id, coverage[r],
                               keywords(ref_vectors, static_cast<Eigen::Index>(r), space, written), ref.texts[r],
                               echoed_by[r]});
    }
    return result;
}

}  // namespace resdraft::analysis
