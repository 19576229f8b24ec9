#include "analysis/alignment.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <stdexcept>
#include <cstdint>

namespace resdraft::analysis {
namespace {

double share(const std::vector<bool>& flags) {
    if (flags.empty()) return 0.0;
    return static_cast<double>(std::count(flags.begin(), flags.end(), true)) / static_cast<double>(flags.size());
}

void push_run(std::vector<redline_run>& runs, edit_op op, std::string_view surface) {
    if (surface.empty()) return;
    if (!runs.empty() && runs.back().op == op) runs.back().text += surface;
    else runs.push_back({op, std::string(surface)});
}

std::string_view without_trailing_space(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.remove_suffix(1);
    return s;
}

// How many bytes of space (blanks, line ends) `a` and `b` start with alike.
std::size_t same_space(std::string_view a, std::string_view b) {
    std::size_t k = 0;
    while (k < a.size() && k < b.size() && a[k] == b[k] && (a[k] == ' ' || a[k] == '\n')) ++k;
    return k;
}

// A word both texts hold in the same form, `d` and `r` its surfaces (the word, then what follows it up to the
// next word: space, punctuation, a symbol such as "&"; the word is `word_size` bytes). The word is equal;
// of what follows, the space both start with is equal, the punctuation or symbol that differs ("belief," ->
// "belief;", " " -> " & ") is removed and inserted, and the space both end with is equal again: space that
// only one side has (where a text ends) is its own removal or insertion. So the runs give back both texts
// exactly, with no space doubled or lost around an edit.
void push_same_word(std::vector<redline_run>& runs, std::string_view d, std::string_view r, std::size_t word_size) {
    push_run(runs, edit_op::equal, d.substr(0, word_size));
    d.remove_prefix(word_size), r.remove_prefix(word_size);
    const std::size_t shared = same_space(d, r);
    push_run(runs, edit_op::equal, d.substr(0, shared));
    d.remove_prefix(shared), r.remove_prefix(shared);
    const std::string_view dp = without_trailing_space(d), rp = without_trailing_space(r);
    if (dp == rp) {
        push_run(runs, edit_op::equal, dp);
    } else {
        push_run(runs, edit_op::remove, rp);
        push_run(runs, edit_op::insert, dp);
    }
    const std::string_view ds = d.substr(dp.size()), rs = r.substr(rp.size());
    const std::size_t common = same_space(ds, rs);
    push_run(runs, edit_op::equal, ds.substr(0, common));
    push_run(runs, edit_op::remove, rs.substr(common));
    push_run(runs, edit_op::insert, ds.substr(common));
}

}  // namespace

std::string_view aligned_text::surface(std::size_t i) const {
    const std::size_t end = i + 1 < starts.size() ? starts[i + 1] : text.size();
    return std::string_view(text).substr(starts[i], end - starts[i]);
}

aligned_text word_reader::read(std::string text) {
    if (text.size() > std::numeric_limits<std::uint32_t>::max()) throw std::length_error("word_reader: a text over 4 GiB");
    aligned_text out;
    const auto ws = models::words(text);
    for (std::size_t i = 0; i < ws.size(); ++i) {
        const auto [it, added] = ids_.try_emplace(stem_.stem(ws[i].norm), static_cast<std::uint32_t>(ids_.size()));
        out.keys.push_back(it->second);
        out.starts.push_back(i == 0 ? 0 : static_cast<std::uint32_t>(ws[i].begin));
        out.ends.push_back(static_cast<std::uint32_t>(ws[i].end));
    }
    out.text = std::move(text);
    return out;
}

double alignment::reuse() const { return share(draft_reused); }
double alignment::coverage() const { return share(reference_reused); }

alignment align(const aligned_text& draft, const aligned_text& reference, std::size_t min_run, std::size_t max_cells) {
    // the table is n*m cells: past max_cells, only the leading words are aligned and the rest are edits
    std::size_t n = draft.keys.size(), m = reference.keys.size();
    while ((n + 1) * (m + 1) > std::max<std::size_t>(max_cells, 1)) (n > m ? n : m) /= 2;
    // lcs[i][j]: LCS length of draft[i..] and reference[j..]
    std::vector<std::uint16_t> lcs((n + 1) * (m + 1), 0);
    auto at = [&](std::size_t i, std::size_t j) -> std::uint16_t& { return lcs[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            at(i, j) = draft.keys[i] == reference.keys[j] ? static_cast<std::uint16_t>(at(i + 1, j + 1) + 1)
                                                          : std::max(at(i + 1, j), at(i, j + 1));
    alignment out;
    out.draft_reused.assign(draft.keys.size(), false);
    out.reference_reused.assign(reference.keys.size(), false);
    std::vector<std::pair<std::size_t, std::size_t>> pairs;  // aligned (draft, reference) word indices
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && draft.keys[i] == reference.keys[j]) {
            pairs.emplace_back(i, j);
            // aligned by stem; the redline still shows a change of form ("condemn" -> "Condemns") or of the
            // punctuation after the word ("belief," -> "belief;")
            const std::string_view d = draft.surface(i), r = reference.surface(j);
            const std::size_t de = draft.ends[i] - draft.starts[i], re = reference.ends[j] - reference.starts[j];
            if (d.substr(0, de) != r.substr(0, re)) {
                push_run(out.redline, edit_op::remove, r);
                push_run(out.redline, edit_op::insert, d);
            } else {
                push_same_word(out.redline, d, r, de);
            }
            ++i, ++j;
        } else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) {
            push_run(out.redline, edit_op::remove, reference.surface(j++));
        } else {
            push_run(out.redline, edit_op::insert, draft.surface(i++));
        }
    }
    for (std::size_t k = m; k < reference.size(); ++k) push_run(out.redline, edit_op::remove, reference.surface(k));
    for (std::size_t k = n; k < draft.size(); ++k) push_run(out.redline, edit_op::insert, draft.surface(k));
    // runs of consecutive aligned pairs long enough to count as reuse
    for (std::size_t k = 0; k < pairs.size();) {
        std::size_t e = k + 1;
        while (e < pairs.size() && pairs[e].first == pairs[e - 1].first + 1 && pairs[e].second == pairs[e - 1].second + 1) ++e;
        if (e - k >= min_run)
            for (std::size_t q = k; q < e; ++q) out.draft_reused[pairs[q].first] = out.reference_reused[pairs[q].second] = true;
        k = e;
    }
    return out;
}

namespace {

// Byte offsets where the space-separated words of `text` begin.
std::vector<std::size_t> word_starts(std::string_view text) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] != ' ' && (i == 0 || text[i - 1] == ' ')) out.push_back(i);
    return out;
}

}  // namespace

std::vector<redline_run> shorten_deletions(std::vector<redline_run> runs, std::size_t max_words) {
    std::size_t budget = max_words;  // deleted words still shown
    for (redline_run& run : runs) {
        if (run.op != edit_op::remove) continue;
        const std::vector<std::size_t> starts = word_starts(run.text);
        if (starts.size() <= budget) {
            budget -= starts.size();
            continue;
        }
        if (!std::any_of(run.text.begin(), run.text.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c < 0; }))
            continue;  // a changed comma or semicolon is no deleted word: it stays, whatever the budget
        run.omitted_words = starts.size() - budget;
        run.text = run.text.substr(0, starts[budget]) + "[... " + std::to_string(run.omitted_words) +
                   (run.omitted_words == 1 ? " word] " : " words] ");
        budget = 0;
    }
    return runs;
}

}  // namespace resdraft::analysis
