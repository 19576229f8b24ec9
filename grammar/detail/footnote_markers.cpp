#include "grammar/detail/footnote_markers.hpp"

#include "grammar/detail/grammar.hpp"

#include <algorithm>
#include <cctype>

namespace resdraft::grammar::detail {

void footnote_markers::scan(span s, std::vector<span>& excluded) {
    if (max_ == 0) return;
    for (std::size_t p = s.begin; p < s.end; ++p) {
        p = index_->next(byte_class::footnote, p, s.end);  // "[^", or a run of digits' first
        if (p >= s.end) break;
        if (in_[p] == '[') {
            if (const auto m = match_inline_footnote(in_.substr(p, s.end - p))) {
                excluded.push_back({p, p + m->length});
                next_ = std::max(next_, m->number + 1);
                p += m->length - 1;
            }
            continue;
        }
        if (p == s.begin) continue;  // else a run of digits starts here: the byte before is no digit
        std::size_t e = p;
        while (e < s.end && std::isdigit(static_cast<unsigned char>(in_[e]))) ++e;
        if (e - p > 3) take_glued_year(p, e, excluded);
        else take_number_marker(s, p, e, excluded);
        p = e - 1;
    }
}

// "24 August 20167": a year [p, p + 4) with the next footnote number glued to it, up to e.
void footnote_markers::take_glued_year(std::size_t p, std::size_t e, std::vector<span>& excluded) {
    // one or two digits glued: a plain year has none (and nothing may follow it: the text can end there)
    if (e - p < 5 || e - p > 6 || (in_.compare(p, 2, "19") != 0 && in_.compare(p, 2, "20") != 0)) return;
    unsigned n = 0;
    for (std::size_t k = p + 4; k < e; ++k) n = n * 10 + static_cast<unsigned>(in_[k] - '0');
    if (in_[p + 4] != '0' && n >= next_ && n <= next_ + 2 && n <= max_) {
        excluded.push_back({p + 4, e});
        next_ = n + 1;
    }
}

// The digits [p, e) of `s` (one to three, after a byte of s that is not a digit) as a footnote number,
// when glued to the word or punctuation before, or set apart as extraction leaves detached markers.
void footnote_markers::take_number_marker(span s, std::size_t p, std::size_t e, std::vector<span>& excluded) {
    const bool followed_ok = e == s.end || in_[e] == ' ' || in_[e] == ',' || in_[e] == ';' || in_[e] == ')' ||
                             (in_[e] == '.' && (e + 1 == s.end || in_[e + 1] == ' ')) || in_[e] == ':';
    unsigned n = 0;
    for (std::size_t k = p; k < e; ++k) n = n * 10 + static_cast<unsigned>(in_[k] - '0');
    const auto prev = static_cast<unsigned char>(in_[p - 1]);
    const bool after_lower_dot = prev == '.' && p >= 2 && std::islower(static_cast<unsigned char>(in_[p - 2]));
    const bool glued = std::islower(prev) || prev == ',' || prev == ';' || prev == ':' || prev == ')' ||
                       after_lower_dot || (prev >= 0x80 && p >= 3 && (in_.compare(p - 3, 3, "\xE2\x80\x9D") == 0 ||
                                                                     in_.compare(p - 3, 3, "\xE2\x80\x99") == 0));
    // detached markers: "Agreement 9  in" (two spaces after), "Social Development 1 and" (after a
    // capitalized word, before a lower-case one, and exactly the number expected next)
    const bool after_word = prev == ' ' && p >= 2 &&
                            (std::isalpha(static_cast<unsigned char>(in_[p - 2])) || in_[p - 2] == ',');
    const bool double_spaced = after_word && e + 1 < s.end && in_[e] == ' ' && in_[e + 1] == ' ';
    const std::size_t word_start = in_.find_last_of(' ', p >= 2 ? p - 2 : 0);
    const bool title_word = after_word && word_start != std::string_view::npos && word_start + 1 < p &&
                            std::isupper(static_cast<unsigned char>(in_[word_start + 1]));
    const bool single_spaced = (title_word || (after_word && in_[p - 2] == ',')) && n <= next_ + 2 && e + 1 < s.end && in_[e] == ' ' &&
                               std::islower(static_cast<unsigned char>(in_[e + 1]));
    // markers lost in extraction leave gaps: a marker glued to punctuation ("2016,8") may jump further
    const bool after_punctuation = glued && !std::islower(prev);
    const unsigned reach = after_punctuation ? 12 : glued || double_spaced ? 3 : 0;
    if (followed_ok && n >= next_ && n <= max_ &&
        (((glued || double_spaced) && n <= next_ + reach) || single_spaced)) {
        excluded.push_back({p, e});
        next_ = n + 1;
    }
}

}  // namespace resdraft::grammar::detail
