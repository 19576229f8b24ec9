#include "analysis/check.hpp"

#include "grammar/lexicon.hpp"
#include "grammar/parser.hpp"
#include "models/lsa.hpp"
#include "models/nearest.hpp"
#include "models/text_model.hpp"
#include "models/vector_space.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace resdraft::analysis {
namespace {

using grammar::clause;
using grammar::document;
using grammar::paragraph;

constexpr std::size_t aligned_candidates = 10;  // reference paragraphs aligned per draft paragraph, by cosine
constexpr std::size_t reported_matches = 3;

struct units {
    std::vector<const paragraph*> paragraphs;
    std::vector<aligned_text> words;  // per paragraph: its normalized text, cut into words
};

units read_units(const document& s, word_reader& read) {
    units u;
    u.paragraphs = compared_paragraphs(s);
    for (const paragraph* p : u.paragraphs) u.words.push_back(read.read(grammar::normalized_text(s, p->text)));
    return u;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Content stems of a clause's object, to pair clauses of two versions of a paragraph.
std::set<std::string> object_stems(const document& s, const clause& c, models::stemmer& stem) {
    const auto terms = models::terms_of(grammar::normalized_text(s, c.object), stem);
    return {terms.stems.begin(), terms.stems.end()};
}

double jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
    if (a.empty() && b.empty()) return 0;
    std::size_t common = 0;
    for (const auto& x : a) common += b.count(x);
    return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
}

// "Strongly condemn" as written, lower case: the clause's adverbs before the verb and the verb.
std::string verb_words(const document& s, const clause& c) {
    return lower(grammar::normalized_text(s, c.head));
}

std::optional<verb_change> compare_clauses(const document& ref, const clause& r, const document& draft, const clause& d) {
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
    auto addressee = [](const document& s, const clause& c) {
        return c.addressee ? std::optional(grammar::normalized_text(s, *c.addressee)) : std::nullopt;
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
std::vector<verb_change> verb_changes(const document& ref, const paragraph& r, const document& draft, const paragraph& d,
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
        if (std::any_of(forms->begin(), forms->end(), [](const auto& f) {
                const auto verb = grammar::match_verb(f.first);
                return verb && !verb->entry->topical;
            }))
            continue;  // "acknowledge", "recognize": the paragraph's verb says nothing of its topic
        out.push_back(models::written_forms::most_written(*forms));
    }
    return out;
}

// TF-IDF rows of the reference and draft paragraphs (term weights learned with the background's), and
// what is reported from them. Each paragraph's terms are interned as soon as they are weighted.
class term_vectors {
public:
    term_vectors(const units& ref, const units& dra, const check_options& options, models::stemmer& stem) {
        models::learned_tfidf learned = models::learn_tfidf(collection(ref, dra, options, stem));
        space_ = std::move(learned.space);
        reference = learned.rows.topRows(static_cast<Eigen::Index>(ref.words.size()));
        draft = learned.rows.middleRows(static_cast<Eigen::Index>(ref.words.size()), static_cast<Eigen::Index>(dra.words.size()));
        if (options.background.empty()) return;
        const models::lsa_space lsa(learned.rows);
        lsa_reference_ = lsa.project(reference);
        lsa_draft_ = lsa.project(draft);
        has_lsa_ = true;
    }

    // Cosine of draft paragraph d and reference paragraph r in LSA space; nothing without a background.
    [[nodiscard]] std::optional<double> lsa(std::size_t d, std::size_t r) const {
        if (!has_lsa_) return std::nullopt;
        if (lsa_draft_.cols() == 0) return 0.0;  // a space without dimensions (no content word anywhere)
        return static_cast<double>(lsa_draft_.row(static_cast<Eigen::Index>(d)).dot(lsa_reference_.row(static_cast<Eigen::Index>(r))));
    }

    // Every draft x reference cosine (for a heatmap: only for small inputs).
    [[nodiscard]] std::vector<std::vector<double>> all_pairs() const {
        const Eigen::MatrixXf cosine = Eigen::MatrixXf(draft * reference.transpose());
        std::vector<std::vector<double>> out(static_cast<std::size_t>(cosine.rows()));
        for (Eigen::Index d = 0; d < cosine.rows(); ++d)
            for (Eigen::Index r = 0; r < cosine.cols(); ++r) out[static_cast<std::size_t>(d)].push_back(cosine(d, r));
        return out;
    }

    // Readable keywords of reference paragraph r.
    [[nodiscard]] std::vector<std::string> keywords(std::size_t r) const {
        return analysis::keywords(reference, static_cast<Eigen::Index>(r), space_, written_);
    }

    models::sparse_rows reference, draft;

private:
    // reference paragraphs, then draft paragraphs, then background documents (term weights only)
    models::term_collection collection(const units& ref, const units& dra, const check_options& options, models::stemmer& stem) {
        models::term_collection out;
        for (const units* u : {&ref, &dra})
            for (const aligned_text& words : u->words) {
                const models::term_list terms = models::terms_of(words.text, stem);
                if (u == &ref) written_.add(terms);
                out.add(models::weighted(terms, stem, options.wordnet, options.expansion));
            }
        for (const std::string& b : options.background) out.add(models::weighted(models::terms_of(b, stem), stem, nullptr));
        return out;
    }

    models::tfidf_space space_;
    models::written_forms written_;  // the reference's words as written, for gap keywords
    Eigen::MatrixXf lsa_reference_, lsa_draft_;
    bool has_lsa_ = false;
};

struct candidate {
    std::size_t ref;   // reference paragraph
    alignment a;
    double score;      // cosine
    double rank;       // reuse and cosine together
};

// The nearest reference paragraphs by cosine, aligned with the draft paragraph and ranked by reuse and
// cosine together; each raises the coverage of its reference paragraph.
std::vector<candidate> aligned(const aligned_text& words, const units& ref, const std::vector<models::neighbour>& nearest,
                               std::vector<double>& coverage) {
    std::vector<candidate> out;
    for (const models::neighbour& n : nearest) {
        const auto r = static_cast<std::size_t>(n.row);
        alignment a = align(words, ref.words[r]);
        coverage[r] = std::max(coverage[r], a.coverage());
        const double score = n.score, rank = match_rank(a.reuse(), score);
        out.push_back({r, std::move(a), score, rank});
    }
    std::stable_sort(out.begin(), out.end(), [](const candidate& a, const candidate& b) { return a.rank > b.rank; });
    return out;
}

// Moves to second place a candidate that supplies words the first does not (a merge of two paragraphs).
bool find_merge(std::vector<candidate>& candidates, std::size_t draft_words, const thresholds& limits) {
    for (std::size_t c = 1; c < candidates.size(); ++c) {
        std::size_t added = 0;
        for (std::size_t w = 0; w < candidates[c].a.draft_reused.size(); ++w)
            added += candidates[c].a.draft_reused[w] && !candidates[0].a.draft_reused[w];
        const double share = static_cast<double>(added) / static_cast<double>(std::max<std::size_t>(1, draft_words));
        if (candidates[c].a.reuse() >= limits.merge_reuse && share >= limits.merge_added) {
            std::rotate(candidates.begin() + 1, candidates.begin() + static_cast<std::ptrdiff_t>(c),
                        candidates.begin() + static_cast<std::ptrdiff_t>(c) + 1);
            return true;
        }
    }
    return false;
}

// The status of a draft paragraph from its ranked candidates and its nearest paragraphs by cosine;
// reorders the candidates as reported (by cosine alone for a related paragraph, the merged one second).
paragraph_check judged(const std::string& id, const std::string& text, std::vector<candidate>& candidates,
                       const std::vector<models::neighbour>& nearest, const thresholds& limits) {
    paragraph_check pc;
    pc.id = id;
    pc.text = text;
    const double best_reuse = candidates.empty() ? 0 : candidates[0].a.reuse();
    const double best_coverage = candidates.empty() ? 0 : candidates[0].a.coverage();
    const double top_score = nearest.empty() ? 0 : nearest[0].score, second_score = nearest.size() > 1 ? nearest[1].score : 0;
    const bool distinct = top_score >= limits.distinct_score && top_score >= limits.distinct_ratio * second_score;
    if (is_verbatim(best_reuse, best_coverage, limits)) pc.state = status::verbatim;
    else if (!candidates.empty() && is_edited(best_reuse, candidates[0].score, limits)) pc.state = status::edited;
    else if (top_score >= limits.related_score || distinct) pc.state = status::related;
    else pc.state = status::fresh;
    if (pc.state == status::related)  // no shared wording to speak of: rank by topic alone
        std::stable_sort(candidates.begin(), candidates.end(), [](const candidate& a, const candidate& b) { return a.score > b.score; });
    if (pc.state == status::verbatim || pc.state == status::edited) pc.merged = find_merge(candidates, candidates[0].a.draft_reused.size(), limits);
    return pc;
}

}  // namespace

bool is_verbatim(double reuse, double coverage, const thresholds& limits) {
    return reuse >= limits.verbatim_reuse && coverage >= limits.verbatim_coverage;
}

bool is_edited(double reuse, double score, const thresholds& limits) {
    return reuse >= limits.edited_reuse && score >= limits.edited_score;
}

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

check_result check(const document& reference, const document& draft, const check_options& options) {
    const thresholds& limits = options.limits;
    models::stemmer stem;
    word_reader read(stem);
    tell(options.progress, "reading the words of " + reference.name() + " and " + draft.name());
    const units ref = read_units(reference, read);
    const units dra = read_units(draft, read);
    tell(options.progress, options.background.empty() ? "weighting terms" : "weighting terms with the background (LSA)");
    const term_vectors vectors(ref, dra, options, stem);
    tell(options.progress, "finding the nearest reference paragraphs");
    const auto nearest = models::nearest_rows(vectors.draft, vectors.reference, aligned_candidates);
    const std::size_t step = std::max<std::size_t>(1, dra.paragraphs.size() / 100);

    check_result result;
    result.reference_name = reference.name();
    result.reference_symbol = reference.symbol.value_or("");
    result.draft_name = draft.name();
    for (std::size_t r = 0; r < ref.paragraphs.size(); ++r) {
        result.reference_ids.push_back(ref.paragraphs[r]->id);
        result.reference_texts.push_back(ref.words[r].text);
    }
    if (dra.paragraphs.size() * ref.paragraphs.size() <= options.heatmap_cells) result.similarity = vectors.all_pairs();
    std::vector<double> coverage(ref.paragraphs.size(), 0.0);
    std::vector<std::vector<std::string>> echoed_by(ref.paragraphs.size());
    for (std::size_t d = 0; d < dra.paragraphs.size(); ++d) {
        if (d % step == 0)
            tell(options.progress, "aligning draft paragraph " + std::to_string(d + 1) + " of " + std::to_string(dra.paragraphs.size()));
        std::vector<candidate> candidates = aligned(dra.words[d], ref, nearest[d], coverage);
        paragraph_check pc = judged(dra.paragraphs[d]->id, dra.words[d].text, candidates, nearest[d], limits);
        for (std::size_t c = 0; c < candidates.size() && c < reported_matches && pc.state != status::fresh; ++c) {
            const std::size_t r = candidates[c].ref;
            pc.matches.push_back({ref.paragraphs[r]->id, r, candidates[c].score, candidates[c].a.reuse(), vectors.lsa(d, r)});
        }
        if (pc.state == status::related) echoed_by[candidates[0].ref].push_back(pc.id);
        if (pc.state == status::verbatim || pc.state == status::edited) {
            pc.redline = shorten_deletions(std::move(candidates[0].a.redline), options.deletion_words);
            for (std::size_t c = 0; c < (pc.merged ? 2u : 1u); ++c) {
                auto changes = verb_changes(reference, *ref.paragraphs[candidates[c].ref], draft, *dra.paragraphs[d], stem, c == 0);
                pc.verb_changes.insert(pc.verb_changes.end(), changes.begin(), changes.end());
            }
        }
        result.paragraphs.push_back(std::move(pc));
    }
    for (std::size_t r = 0; r < ref.paragraphs.size(); ++r) {
        if (coverage[r] >= limits.gap_coverage) continue;
        result.gaps.push_back({ref.paragraphs[r]->id, coverage[r], vectors.keywords(r), ref.words[r].text, std::move(echoed_by[r])});
    }
    return result;
}

}  // namespace resdraft::analysis
