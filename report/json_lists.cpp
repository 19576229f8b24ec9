#include "report/json_lists.hpp"

#include <algorithm>
#include <stdexcept>

namespace resdraft::report {

using nlohmann::ordered_json;

namespace {

std::string dumped(const ordered_json& j) { return j.dump(2, ' ', false, ordered_json::error_handler_t::replace); }

// Appends the list's elements as they stand one level inside the top-level object.
void append_elements(std::string& out, const json_list& list) {
    out += '[';
    for (std::size_t i = 0; i < list.size; ++i) {
        const std::string element = dumped(list.element(i));
        out += i == 0 ? "\n    " : ",\n    ";
        // two levels deep: each line indented by four more spaces (strings hold no raw newline)
        for (char c : element) {
            out += c;
            if (c == '\n') out += "    ";
        }
    }
    out += "\n  ]";
}

}  // namespace

std::string dump_with_lists(const ordered_json& head, const std::vector<json_list>& lists) {
    const std::string skeleton = dumped(head) + "\n";
    std::vector<std::pair<std::size_t, const json_list*>> at;  // where each list's "[]" stands in the skeleton
    for (const json_list& list : lists) {
        // string values escape their quotes, so this can only be the key itself
        const std::string empty = "\n  " + dumped(ordered_json(list.key)) + ": []";
        const std::size_t found = skeleton.find(empty);
        if (found == std::string::npos) throw std::logic_error("dump_with_lists: no empty top-level list \"" + list.key + "\"");
        if (list.size > 0) at.emplace_back(found + empty.size() - 2, &list);
    }
    std::sort(at.begin(), at.end());
    if (std::adjacent_find(at.begin(), at.end(), [](const auto& a, const auto& b) { return a.first == b.first; }) != at.end())
        throw std::logic_error("dump_with_lists: a list given twice");
    std::string out;
    std::size_t copied = 0;
    for (const auto& [position, list] : at) {
        out.append(skeleton, copied, position - copied);
        append_elements(out, *list);
        copied = position + 2;
    }
    out.append(skeleton, copied);
    return out;
}

}  // namespace resdraft::report
