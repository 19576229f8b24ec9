#include "analysis/check.hpp"

#include "grammar/lexicon.hpp"
#include "grammar/parser.hpp"
#include "models/lsa.hpp"
#include "models/nearest.hpp"
#include "models/text_model.hpp"
#include "models/vector_space.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numeric>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace resdraft::analysis {
namespace {

using grammar::clause;
using grammar::document;
using grammar::paragraph;

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
                                      models::stemmer& stem, bool pair_lone_clauses, double least_overlap) {
    std::vector<verb_change> out;
    std::vector<std::set<std::string>> ref_objects;
    for (const clause& c : r.clauses) ref_objects.push_back(object_stems(ref, c, stem));
    for (const clause& dc : d.clauses) {
        const auto objects = object_stems(draft, dc, stem);
        std::optional<std::size_t> best;
        double best_overlap = least_overlap;  // below this, two objects are not the same commitment
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
    // `semantic` (when given) receives every paragraph's content words, reference then draft, and the
    // background's for idf.
    term_vectors(const units& ref, const units& dra, const check_options& options, models::stemmer& stem,
                 models::semantic_space* semantic) {
        models::learned_tfidf learned = models::learn_tfidf(collection(ref, dra, options, stem, semantic));
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

    // Cosine of draft paragraph d and reference paragraph r (the rows are L2-normalized).
    [[nodiscard]] double cosine(std::size_t d, std::size_t r) const {
        double sum = 0;
        models::sparse_rows::InnerIterator a(draft, static_cast<Eigen::Index>(d)), b(reference, static_cast<Eigen::Index>(r));
        while (a && b) {
            if (a.col() < b.col()) ++a;
            else if (b.col() < a.col()) ++b;
            else sum += double{a.value()} * b.value(), ++a, ++b;
        }
        return sum;
    }

    // Readable keywords of reference paragraph r.
    [[nodiscard]] std::vector<std::string> keywords(std::size_t r) const {
        return analysis::keywords(reference, static_cast<Eigen::Index>(r), space_, written_);
    }

    models::sparse_rows reference, draft;

private:
    // reference paragraphs, then draft paragraphs, then background documents (term weights only)
    models::term_collection collection(const units& ref, const units& dra, const check_options& options, models::stemmer& stem,
                                       models::semantic_space* semantic) {
        models::term_collection out;
        for (const units* u : {&ref, &dra})
            for (const aligned_text& words : u->words) {
                const models::term_list terms = models::terms_of(words.text, stem);
                if (u == &ref) written_.add(terms);
                if (semantic != nullptr) semantic->add(terms);
                out.add(models::weighted(terms, stem, options.wordnet, options.expansion));
            }
        for (const std::string& b : options.background) {
            const models::term_list terms = models::terms_of(b, stem);
            if (semantic != nullptr) semantic->add_background(terms);
            out.add(models::weighted(terms, stem, nullptr));
        }
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
                               std::vector<double>& coverage, const thresholds& limits) {
    std::vector<candidate> out;
    for (const models::neighbour& n : nearest) {
        const auto r = static_cast<std::size_t>(n.row);
        alignment a = align(words, ref.words[r], limits.reuse_run, limits.alignment_cells);
        coverage[r] = std::max(coverage[r], a.coverage());
        const double score = n.score, rank = match_rank(a.reuse(), score, limits);
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

// What the word vectors say of one draft paragraph: the reference paragraphs closest in meaning, and how far
// the closest stands out.
struct semantic_view {
    std::vector<std::pair<std::size_t, double>> ranked;  // (reference paragraph, similarity), best first (ties: lower index)
    double row = 0;       // beyond_shared with ranked[0], in standard deviations above its mean over the population
    double column = 0;    // the same against ranked[0]'s own beyond_shared with the rest of the population
    bool usable = false;  // both texts have words with vectors and the population is large enough to judge by
    [[nodiscard]] double standout() const { return row + column; }
};

// Draft paragraphs against reference paragraphs by meaning (models::semantic_space, reference paragraph r as
// text r, draft paragraph d as text refs + d). A reference of up to thresholds::semantic_exhaustive paragraphs
// is scored whole; past that, each draft paragraph is scored against its nearest by cosine and by centroid
// and set against a fixed sample, so that the scoring grows with the draft times a constant; the centroid
// search is a dense product, done only up to thresholds::semantic_centroid_cells pairs.
class semantic_search {
public:
    semantic_search(const models::semantic_space& space, const units& ref, const units& dra, const thresholds& limits)
        : space_(space), refs_(ref.paragraphs.size()), limits_(limits) {
        const bool exhaustive = refs_ <= limits.semantic_exhaustive;
        const std::size_t n = exhaustive ? refs_ : limits.semantic_population;
        for (std::size_t k = 0; k < n; ++k) population_.push_back(exhaustive ? k : k * refs_ / n);
        if (exhaustive) return;
        std::unordered_set<std::string_view> distinct(dra.words.size());
        for (const aligned_text& w : dra.words) distinct.insert(w.text);
        if (distinct.size() * refs_ > limits.semantic_centroid_cells) return;  // too many pairs: candidates by cosine alone
        centroids_.resize(static_cast<Eigen::Index>(refs_), static_cast<Eigen::Index>(space.centroid(0).size()));
        for (std::size_t r = 0; r < refs_; ++r) centroids_.row(static_cast<Eigen::Index>(r)) = space.centroid(r).transpose();
    }

    // The view of draft paragraph d, whose nearest reference paragraphs by cosine are `nearest`.
    [[nodiscard]] semantic_view judge(std::size_t d, const std::vector<models::neighbour>& nearest) const {
        const std::size_t text = refs_ + d;
        semantic_view view;
        if (space_.words(text) == 0) return view;  // no word with a vector: nothing to rank by meaning
        std::vector<std::size_t> candidates = population_;
        if (refs_ > limits_.semantic_exhaustive) {
            candidates.clear();
            for (std::size_t k = 0; k < nearest.size() && k < limits_.aligned_candidates; ++k) candidates.push_back(static_cast<std::size_t>(nearest[k].row));
            if (centroids_.rows() > 0) add_nearest_by_centroid(text, candidates);
        }
        std::unordered_map<std::size_t, models::semantic_scores> scored;
        const auto score = [&](std::size_t r) -> const models::semantic_scores& {
            auto it = scored.find(r);
            if (it == scored.end()) it = scored.emplace(r, space_.score(text, r)).first;
            return it->second;
        };
        for (std::size_t r : candidates) view.ranked.emplace_back(r, score(r).similarity);
        std::stable_sort(view.ranked.begin(), view.ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
        if (view.ranked.empty()) return view;
        const std::size_t best = view.ranked.front().first;
        if (space_.words(best) == 0 || population_.size() < limits_.semantic_least_population) return view;
        std::vector<double> row;
        for (std::size_t r : population_) row.push_back(score(r).beyond_shared);
        const double beyond = score(best).beyond_shared;
        view.row = standard_score(beyond, row);
        view.column = standard_score(beyond, column_of(best));
        view.usable = true;
        return view;
    }

private:
    // (x - mean) / standard deviation of `values`, the deviation at least the floor.
    [[nodiscard]] double standard_score(double x, const std::vector<double>& values) const {
        if (values.empty()) return 0;
        double mean = 0, squares = 0;
        for (double v : values) mean += v;
        mean /= static_cast<double>(values.size());
        for (double v : values) squares += (v - mean) * (v - mean);
        const double deviation = std::max(std::sqrt(squares / static_cast<double>(values.size())), limits_.semantic_spread_floor);
        return (x - mean) / deviation;
    }

    // beyond_shared of the population's other paragraphs with reference paragraph r: r's typical similarity.
    [[nodiscard]] const std::vector<double>& column_of(std::size_t r) const {
        auto it = columns_.find(r);
        if (it != columns_.end()) return it->second;
        std::vector<double> column;
        for (std::size_t j : population_)
            if (j != r) column.push_back(space_.score(j, r).beyond_shared);
        return columns_.emplace(r, std::move(column)).first->second;
    }

    // Fills `candidates` up to semantic_candidates with the reference paragraphs whose centroids are closest.
    void add_nearest_by_centroid(std::size_t text, std::vector<std::size_t>& candidates) const {
        const Eigen::VectorXf scores = centroids_ * space_.centroid(text);
        std::vector<std::size_t> order(refs_);
        std::iota(order.begin(), order.end(), std::size_t{0});
        const std::size_t want = std::min(refs_, limits_.semantic_candidates + candidates.size());
        std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(want), order.end(), [&](std::size_t a, std::size_t b) {
            const float x = scores(static_cast<Eigen::Index>(a)), y = scores(static_cast<Eigen::Index>(b));
            return x != y ? x > y : a < b;
        });
        for (std::size_t k = 0; k < want && candidates.size() < limits_.semantic_candidates; ++k)
            if (std::find(candidates.begin(), candidates.end(), order[k]) == candidates.end()) candidates.push_back(order[k]);
    }

    const models::semantic_space& space_;
    std::size_t refs_;
    const thresholds& limits_;
    std::vector<std::size_t> population_;  // reference paragraphs every similarity is set against
    Eigen::MatrixXf centroids_;            // past semantic_exhaustive: one row per reference paragraph (none past the cells)
    mutable std::unordered_map<std::size_t, std::vector<double>> columns_;
};

// The status of a draft paragraph from its ranked candidates, its nearest paragraphs by cosine and, with word
// vectors, its semantic view; reorders the candidates as reported (by cosine alone for a paragraph related by
// its words, the merged one second).
paragraph_check judged(const std::string& id, const std::string& text, std::vector<candidate>& candidates,
                       const std::vector<models::neighbour>& nearest, const semantic_view* view, const thresholds& limits) {
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
    else if (view != nullptr && view->usable && view->standout() >= limits.semantic_standout) pc.state = status::related;
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
    std::optional<models::semantic_space> space;
    if (options.vectors != nullptr) space.emplace(*options.vectors, options.semantic);
    const term_vectors vectors(ref, dra, options, stem, space ? &*space : nullptr);
    std::optional<semantic_search> semantic;
    if (space) {
        tell(options.progress, "weighting word vectors");
        space->finish();
        semantic.emplace(*space, ref, dra, limits);
    }
    tell(options.progress, "finding the nearest reference paragraphs");
    const auto nearest = models::nearest_rows(vectors.draft, vectors.reference, limits.aligned_candidates);
    const std::size_t step = std::max<std::size_t>(1, dra.paragraphs.size() / 100);

    check_result result;
    result.reference_name = reference.name();
    result.reference_symbol = reference.symbol.value_or("");
    result.draft_name = draft.name();
    result.semantic = space.has_value();
    for (std::size_t r = 0; r < ref.paragraphs.size(); ++r) {
        result.reference_ids.push_back(ref.paragraphs[r]->id);
        result.reference_texts.push_back(ref.words[r].text);
    }
    if (dra.paragraphs.size() * ref.paragraphs.size() <= options.heatmap_cells) result.similarity = vectors.all_pairs();
    std::vector<double> coverage(ref.paragraphs.size(), 0.0);
    std::vector<std::vector<std::string>> echoed_by(ref.paragraphs.size());
    std::unordered_map<std::string_view, semantic_view> views;  // by draft text: a repeated paragraph is judged once
    for (std::size_t d = 0; d < dra.paragraphs.size(); ++d) {
        if (d % step == 0)
            tell(options.progress, "aligning draft paragraph " + std::to_string(d + 1) + " of " + std::to_string(dra.paragraphs.size()));
        std::vector<candidate> candidates = aligned(dra.words[d], ref, nearest[d], coverage, limits);
        const semantic_view* view = nullptr;
        if (semantic) {
            auto it = views.find(dra.words[d].text);
            if (it == views.end()) it = views.emplace(dra.words[d].text, semantic->judge(d, nearest[d])).first;
            view = &it->second;
        }
        paragraph_check pc = judged(dra.paragraphs[d]->id, dra.words[d].text, candidates, nearest[d], view, limits);
        const std::size_t text = ref.paragraphs.size() + d;  // the draft paragraph's number in the semantic space
        const auto semantic_of = [&](std::size_t r) {  // none without vectors, or without a word they hold on either side
            return space && space->words(text) > 0 && space->words(r) > 0 ? std::optional(space->score(text, r).similarity) : std::nullopt;
        };
        if (view != nullptr && view->usable) pc.standout = view->standout();
        if (pc.state == status::related && view != nullptr && !view->ranked.empty()) {
            // related with word vectors: ranked by meaning, the wording's figures beside
            for (std::size_t c = 0; c < view->ranked.size() && c < limits.reported_matches; ++c) {
                const std::size_t r = view->ranked[c].first;
                const auto aligned_already = std::find_if(candidates.begin(), candidates.end(), [&](const candidate& x) { return x.ref == r; });
                const double reuse = aligned_already != candidates.end()
                                         ? aligned_already->a.reuse()
                                         : align(dra.words[d], ref.words[r], limits.reuse_run, limits.alignment_cells).reuse();
                pc.matches.push_back({ref.paragraphs[r]->id, r, vectors.cosine(d, r), reuse, vectors.lsa(d, r), semantic_of(r)});
            }
            for (const models::word_pair& p : space->carrying_pairs(text, view->ranked.front().first, static_cast<float>(limits.pair_cosine),
                                                                   limits.shown_pairs))
                pc.word_pairs.push_back({p.a, p.b, p.cosine});
        } else {
            for (std::size_t c = 0; c < candidates.size() && c < limits.reported_matches && pc.state != status::fresh; ++c) {
                const std::size_t r = candidates[c].ref;
                pc.matches.push_back({ref.paragraphs[r]->id, r, candidates[c].score, candidates[c].a.reuse(), vectors.lsa(d, r), semantic_of(r)});
            }
        }
        if (pc.state == status::related) echoed_by[pc.matches[0].index].push_back(pc.id);
        if (pc.state == status::verbatim || pc.state == status::edited) {
            pc.redline = shorten_deletions(std::move(candidates[0].a.redline), options.deletion_words);
            for (std::size_t c = 0; c < (pc.merged ? 2u : 1u); ++c) {
                auto changes = verb_changes(reference, *ref.paragraphs[candidates[c].ref], draft, *dra.paragraphs[d], stem, c == 0,
                                            limits.clause_overlap);
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
