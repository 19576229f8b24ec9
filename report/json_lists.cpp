#include "report/json_lists.hpp"

namespace resdraft::report {

using nlohmann::ordered_json;

namespace {

std::string dumped(const ordered_json& j) { return j.dump(2, ' ', false, ordered_json::error_handler_t::replace); }

// The list's elements as they stand one level inside the top-level object.
std::string elements(const json_list& list) {
    std::string out = "[";
    for (std::size_t i = 0; i < list.size; ++i) {
        const std::string element = dumped(list.element(i));
        out += i == 0 ? "\n    " : ",\n    ";
        // two levels deep: each line indented by four more spaces (strings hold no raw newline)
        for (char c : element) {
            out += c;
            if (c == '\n') out += "    ";
        }
    }
    return out + "\n  ]";
}

}  // namespace

std::string dump_with_lists(const ordered_json& head, const std::vector<json_list>& lists) {
    std::string out = dumped(head) + "\n";
    for (const json_list& list : lists) {
        if (list.size == 0) continue;
        // string values escape their quotes, so this can only be the key itself
        const std::string empty = "\n  " + dumped(ordered_json(list.key)) + ": []";
        const std::size_t at = out.find(empty);
        if (at == std::string::npos) continue;
        out.replace(at + empty.size() - 2, 2, elements(list));
    }
    return out;
}

}  // namespace resdraft::report
