#include "analysis/precedents.hpp"

#include "grammar/parser.hpp"
#include "library/shingles.hpp"
#include "models/vector_space.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace resdraft::analysis {
namespace {

// A draft paragraph with what it is compared by: its words for alignment and its candidate texts.
struct draft_unit {
    const grammar::paragraph* paragraph = nullptr;
    aligned_text words;
    std::vector<std::int64_t> candidates;
};

// A candidate text judged against one draft paragraph.
struct judged_text {
    const library::stored_text* text = nullptr;
    alignment a;
    double score = 0;
    status state = status::fresh;
    [[nodiscard]] double rank() const { return match_rank(a.reuse(), score); }
};

// check's rules for one match; related needs only the cosine here (check's "stands out from the second
// best" rule compares a paragraph's matches in one reference, which a library of many texts has not).
status status_of(const alignment& a, double score, const thresholds& limits) {
    if (is_verbatim(a.reuse(), a.coverage(), limits)) return status::verbatim;
    if (is_edited(a.reuse(), score, limits)) return status::edited;
    if (score >= limits.related_score) return status::related;
    return status::fresh;
}

int order(status s) { return s == status::verbatim ? 0 : s == status::edited ? 1 : s == status::related ? 2 : 3; }

// TF-IDF rows with the library's idf, for the draft paragraphs and the candidate texts together. A
// draft word no library text holds weighs as a word of one text would, less 1 (df 0): it makes the draft
// paragraph less like any text, as it should. Word pairs (bigrams) are left out on both sides: the library
// counts single stems.
class library_vectors {
public:
    library_vectors(library::library& lib, const std::vector<const std::string*>& texts, models::stemmer& stem) {
        std::vector<models::weighted_terms> documents;
        std::set<std::string> stems;
        for (const std::string* t : texts) {
            const auto terms = models::terms_of(*t, stem);
            stems.insert(terms.stems.begin(), terms.stems.end());
            documents.push_back(models::weighted(terms, stem, nullptr));
        }
        const auto known = lib.term_frequencies(std::vector<std::string>(stems.begin(), stems.end()));
        std::vector<std::pair<std::string, int>> df;
        for (const std::string& s : stems) {
            const auto k = known.find(s);
            df.emplace_back(s, k != known.end() ? k->second : 0);
        }
        const auto space = models::tfidf_space::from_frequencies(df, lib.text_count());
        rows_ = space.vectors(documents);
    }
    [[nodiscard]] double cosine(std::size_t a, std::size_t b) const {
        return static_cast<double>(rows_.row(static_cast<Eigen::Index>(a)).dot(rows_.row(static_cast<Eigen::Index>(b))));
    }

private:
    models::sparse_rows rows_;
};

precedent make_precedent(const judged_text& j, const library::occurrence& where) {
    return {where, j.state, j.a.reuse(), j.a.coverage(), j.score, j.text->occurrences.size()};
}

// The latest occurrence with a date (they come oldest first, undated last), else the last one.
const library::occurrence& latest_dated(const std::vector<library::occurrence>& occurrences) {
    for (auto o = occurrences.rbegin(); o != occurrences.rend(); ++o)
        if (!o->sort_date.empty()) return *o;
    return occurrences.back();
}

// Ties (the same text in several documents ranks alike) go to the latest, then the smallest symbol.
bool ranked_before(const judged_text& a, const judged_text& b) {
    if (order(a.state) != order(b.state)) return order(a.state) < order(b.state);
    if (a.rank() != b.rank()) return a.rank() > b.rank();
    const auto &la = latest_dated(a.text->occurrences), &lb = latest_dated(b.text->occurrences);
    return la.sort_date != lb.sort_date ? la.sort_date > lb.sort_date : la.symbol < lb.symbol;
}

// Widens earliest and latest over the dated occurrences of a verbatim or edited text.
void widen_history(const judged_text& j, paragraph_precedents& out) {
    for (const library::occurrence& o : j.text->occurrences) {
        if (o.sort_date.empty()) continue;  // unknown: not the earliest, not the latest
        if (!out.earliest || o.sort_date < out.earliest->where.sort_date) out.earliest = make_precedent(j, o);
        if (!out.latest || o.sort_date > out.latest->where.sort_date) out.latest = make_precedent(j, o);
    }
}

// Reports the judged texts of one paragraph: best distinct texts, earliest and latest agreed occurrence.
void report(std::vector<judged_text>& judged, const precedent_options& options, paragraph_precedents& out) {
    std::erase_if(judged, [](const judged_text& j) { return j.state == status::fresh; });
    std::stable_sort(judged.begin(), judged.end(), ranked_before);
    if (judged.empty()) return;
    out.state = judged.front().state;
    for (const judged_text& j : judged) {
        if (out.best.size() < options.shown) out.best.push_back(make_precedent(j, latest_dated(j.text->occurrences)));
        if (j.state != status::verbatim && j.state != status::edited) continue;
        (j.state == status::verbatim ? out.verbatim : out.edited) += j.text->occurrences.size();
        widen_history(j, out);
    }
    const judged_text& best = judged.front();
    if (best.state == status::verbatim || best.state == status::edited)
        out.redline = shorten_deletions(best.a.redline, options.deletion_words);
}

// The content words of `text` that the fewest library texts hold (at most `count`, each in at most
// `frequent` texts), as written: what says most of its topic.
std::vector<std::string> rarest_words(library::library& lib, const std::string& text, std::size_t count, std::size_t frequent,
                                      models::stemmer& stem) {
    const models::term_list terms = models::terms_of(text, stem);
    const auto df = lib.term_frequencies(terms.stems);
    std::vector<std::pair<int, std::size_t>> rare;  // (texts holding it, position in terms.stems)
    for (std::size_t i = 0; i < terms.stems.size(); ++i)
        if (const auto f = df.find(terms.stems[i]); f != df.end() && static_cast<std::size_t>(f->second) <= frequent)
            rare.emplace_back(f->second, i);
    std::sort(rare.begin(), rare.end());
    std::vector<std::string> out;
    for (const auto& [texts, i] : rare) {
        if (out.size() == count) break;
        if (std::find(out.begin(), out.end(), terms.surfaces[i]) == out.end()) out.push_back(terms.surfaces[i]);
    }
    return out;
}

// The texts sharing the most shingles with `text` (edited and verbatim reuse), then those on its topic by
// its rarest words (related ones, which share no wording).
std::vector<std::int64_t> indexed_candidates(library::library& lib, const std::string& text, const precedent_options& options,
                                             std::size_t frequent, library::word_stems& stems, models::stemmer& stem) {
    std::vector<std::int64_t> ids;
    for (const auto& [id, shared] : lib.candidates(library::shingles_of(text, stems), options.candidates, frequent)) ids.push_back(id);
    for (std::int64_t id : lib.topic_texts(rarest_words(lib, text, options.topic_words, std::min(frequent, options.topic_word_texts), stem), options.topic_candidates))
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    return ids;
}

}  // namespace

std::size_t precedent_result::count(status s) const {
    return static_cast<std::size_t>(
        std::count_if(paragraphs.begin(), paragraphs.end(), [&](const paragraph_precedents& p) { return p.state == s; }));
}

precedent_result find_precedents(const grammar::document& draft, library::library& lib, const std::string& library_name,
                                 const precedent_options& options) {
    models::stemmer stem;
    word_reader read(stem);
    library::word_stems stems;  // for the shingles, as the library made its own
    precedent_result result{draft.name(), library_name, lib.text_count(), {}};
    const std::size_t frequent = options.frequent != 0 ? options.frequent : std::max<std::size_t>(1000, result.library_texts / 50);
    std::vector<draft_unit> units;
    std::set<std::int64_t> wanted;
    for (const grammar::paragraph* p : compared_paragraphs(draft)) {
        draft_unit u{p, read.read(grammar::normalized_text(draft, p->text)), {}};
        u.candidates = options.find_candidates ? options.find_candidates(lib, u.words.text)
                                               : indexed_candidates(lib, u.words.text, options, frequent, stems, stem);
        wanted.insert(u.candidates.begin(), u.candidates.end());
        units.push_back(std::move(u));
    }
    const std::vector<library::stored_text> texts = lib.texts(std::vector<std::int64_t>(wanted.begin(), wanted.end()));
    std::map<std::int64_t, std::size_t> index;  // text id -> position in `texts`
    std::vector<const std::string*> all;        // draft paragraphs, then candidate texts: the rows of `vectors`
    for (const draft_unit& u : units) all.push_back(&u.words.text);
    for (std::size_t i = 0; i < texts.size(); ++i) index[texts[i].id] = i, all.push_back(&texts[i].text);
    const library_vectors vectors(lib, all, stem);
    std::vector<aligned_text> candidate_words(texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) candidate_words[i] = read.read(texts[i].text);
    for (std::size_t d = 0; d < units.size(); ++d) {
        paragraph_precedents pp{units[d].paragraph->id, units[d].words.text, status::fresh, {}, {}, {}, 0, 0, {}};
        std::vector<judged_text> judged;
        for (std::int64_t id : units[d].candidates) {
            const auto found = index.find(id);
            if (found == index.end()) continue;  // removed since the index was written
            const std::size_t t = found->second;
            judged_text j{&texts[t], align(units[d].words, candidate_words[t]), vectors.cosine(d, units.size() + t), status::fresh};
            j.state = status_of(j.a, j.score, options.limits);
            judged.push_back(std::move(j));
        }
        report(judged, options, pp);
        result.paragraphs.push_back(std::move(pp));
    }
    return result;
}

}  // namespace resdraft::analysis
