#include "readers/detail/numbering.hpp"

namespace resdraft::readers::detail {
namespace {

std::string roman(int n, bool upper) {
    static constexpr std::pair<int, const char*> digits[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                                                             {90, "xc"},  {50, "l"},   {40, "xl"}, {10, "x"},   {9, "ix"},
                                                             {5, "v"},    {4, "iv"},   {1, "i"}};
    std::string out;
    for (const auto& [value, letters] : digits)
        for (; n >= value; n -= value) out += letters;
    if (upper)
        for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
    return out;
}

// Word's letters: a..z, then aa..zz, aaa..zzz (the letter repeated, not a base-26 count).
std::string letters(int n, bool upper) {
    const int index = (n - 1) % 26, times = (n - 1) / 26 + 1;
    return std::string(static_cast<std::size_t>(times), static_cast<char>((upper ? 'A' : 'a') + index));
}

}  // namespace

std::string format_number(int n, const std::string& format) {
    if (format == "bullet" || format == "none") return "";
    // letters and roman numerals have no zero or negatives: Word shows such a number in decimal
    if (n >= 1 && n <= 780 && (format == "lowerLetter" || format == "upperLetter")) return letters(n, format == "upperLetter");
    if (n >= 1 && n <= 3999 && (format == "lowerRoman" || format == "upperRoman")) return roman(n, format == "upperRoman");
    if (format == "decimalZero" && n >= 0 && n < 10) return std::string{'0', static_cast<char>('0' + n)};
    return std::to_string(n);
}

std::string list_numbering::next_label(int num_id, int level) {
    if (level < 0 || level >= list_levels) return "";
    const auto instance = instances.find(num_id);
    if (instance == instances.end()) return "";
    const auto abstract = abstracts.find(instance->second.abstract_id);
    if (abstract == abstracts.end()) return "";
    const auto definition = [&](int l) -> const list_level& {
        const auto& override_level = instance->second.level_override[static_cast<std::size_t>(l)];
        return override_level ? *override_level : abstract->second.levels[static_cast<std::size_t>(l)];
    };
    auto& value = counters_[instance->second.abstract_id].value;
    const auto at = static_cast<std::size_t>(level);
    const auto& start_override = instance->second.start_override[at];
    if (start_override && overrides_applied_.insert({num_id, level}).second) value[at] = *start_override;
    else if (value[at]) value[at] = *value[at] + 1;
    else value[at] = definition(level).start;
    // the levels below restart, unless w:lvlRestart says they restart only after a level above `level`
    for (int deeper = level + 1; deeper < list_levels; ++deeper) {
        const int bound = definition(deeper).restart.value_or(deeper);  // restarts when a level < bound is used
        if (level < bound) value[static_cast<std::size_t>(deeper)].reset();
    }
    const list_level& own = definition(level);
    if (own.format == "bullet" || own.format == "none") return "";
    std::string label;
    for (std::size_t i = 0; i < own.text.size(); ++i) {
        const char c = own.text[i];
        if (c == '%' && i + 1 < own.text.size() && own.text[i + 1] >= '1' && own.text[i + 1] <= '9') {
            const int l = own.text[i + 1] - '1';
            const list_level& of = definition(l);
            // a level above that was never used counts from its start, as Word shows it
            const int n = value[static_cast<std::size_t>(l)].value_or(of.start);
            label += format_number(n, own.legal ? "decimal" : of.format);
            ++i;
        } else {
            label += c;
        }
    }
    if (label.empty()) return "";
    if (own.suffix != "nothing") label += ' ';
    return label;
}

}  // namespace resdraft::readers::detail
