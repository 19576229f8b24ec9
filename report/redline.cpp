#include "report/redline.hpp"

#include "report/html.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace resdraft::report {

using analysis::edit_op;

namespace {

std::string_view op_name(edit_op op) {
    switch (op) {
        case edit_op::equal: return "equal";
        case edit_op::insert: return "insert";
        case edit_op::remove: return "delete";
    }
    return "equal";
}

}  // namespace

bool has_changes(const std::vector<analysis::redline_run>& runs) {
    return std::any_of(runs.begin(), runs.end(), [](const analysis::redline_run& run) { return run.op != edit_op::equal; });
}

std::string paint(bool colour, std::string_view code, const std::string& s) {
    return colour ? "\x1b[" + std::string(code) + "m" + s + "\x1b[0m" : s;
}

nlohmann::ordered_json redline_json(const std::vector<analysis::redline_run>& runs) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& run : runs) {
        out.push_back({{"op", op_name(run.op)}, {"text", run.text}});
        if (run.omitted_words > 0) out.back()["omitted_words"] = run.omitted_words;
    }
    return out;
}

std::string redline_text(const std::vector<analysis::redline_run>& runs, bool colour) {
    std::string line;
    for (const auto& run : runs) {
        // a deletion or insertion next to a word it does not touch gets a space between
        if (!line.empty() && line.back() != ' ' && !run.text.empty() && std::isalnum(static_cast<unsigned char>(run.text[0])))
            line += ' ';
        // the marks close before the run's trailing space: "{+Requests+} the"
        const std::size_t kept = run.text.find_last_not_of(' ') + 1;
        const std::string body = run.text.substr(0, kept), space = run.text.substr(kept);
        if (run.op == edit_op::equal) line += run.text;
        else if (body.empty()) line += run.op == edit_op::insert ? space : "";  // only a space changed
        else if (run.op == edit_op::insert) line += paint(colour, "32", "{+" + body + "+}") + space;
        else line += paint(colour, "31", "[-" + body + "-]") + space;
    }
    return line;
}

std::string redline_html(const std::vector<analysis::redline_run>& runs) {
    std::string out = "<p class=\"redline\">";
    for (const auto& run : runs) {
        if (run.op == edit_op::equal) out += escape_html(run.text);
        else if (run.op == edit_op::insert) out += "<ins>" + escape_html(run.text) + "</ins>";
        else out += "<del>" + escape_html(run.text) + "</del>";
    }
    return out + "</p>";
}

}  // namespace resdraft::report
