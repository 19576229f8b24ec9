// Word's automatic numbering (word/numbering.xml) as plain data, and the counters that turn a numbered
// paragraph into its label ("1. ", "(a) ", "(iv) "). The XML is read into these structs in docx.cpp.
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

namespace resdraft::readers::detail {

inline constexpr int list_levels = 9;  // w:ilvl 0..8

// One level of an abstract list (w:abstractNum/w:lvl).
struct list_level {
    int start = 0;                 // w:start: the first number of the level (the standard's default is 0)
    std::string format = "decimal";// w:numFmt: decimal, lowerLetter, upperRoman, bullet, none ...
    std::string text;              // w:lvlText: "%1.", "(%2)"; %N is level N's number
    std::optional<int> restart;    // w:lvlRestart: restarts after a level above N (1-based) is used; 0 never
    std::string suffix = "tab";    // w:suff: tab, space or nothing, after the label
    bool legal = false;            // w:isLgl: every number of the label in decimal
};

// w:abstractNum: the levels a list is made of.
struct abstract_list {
    std::array<list_level, list_levels> levels;
};

// w:num: a list instance, pointing at an abstract list, with its level overrides (w:lvlOverride).
struct list_instance {
    int abstract_id = 0;                                              // w:abstractNumId
    std::array<std::optional<int>, list_levels> start_override;        // w:startOverride of each level
    std::array<std::optional<list_level>, list_levels> level_override; // a whole w:lvl given in the override
};

// The numbering definitions of a document, and the counters of the paragraphs numbered so far.
class list_numbering {
public:
    std::map<int, abstract_list> abstracts;  // by w:abstractNumId
    std::map<int, list_instance> instances;  // by w:numId

    // The label of the next paragraph numbered (numId, ilvl), with the blank its suffix asks for ("1. ",
    // "(a) "); empty for a bullet, a format "none", numId 0 (numbering removed) or an unknown list.
    // Advances the level's counter and restarts those below it, as Word does: counters belong to the
    // abstract list, so instances of one abstract list continue each other's numbers unless an instance's
    // w:startOverride restarts a level the first time that instance numbers it.
    std::string next_label(int num_id, int level);

private:
    struct counters {
        std::array<std::optional<int>, list_levels> value;  // nothing until the level is first used (or after a restart)
    };
    std::map<int, counters> counters_;                 // by abstract list
    std::set<std::pair<int, int>> overrides_applied_;  // (numId, level) whose start override has been taken
};

// `n` in the format of a w:numFmt: "12", "l" (lowerLetter: a..z, then aa..zz), "xiv" (lowerRoman up to
// 3999, decimal past it); decimal for a format not listed here; empty for "bullet" and "none".
std::string format_number(int n, const std::string& format);

}  // namespace resdraft::readers::detail
