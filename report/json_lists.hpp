// Writing a JSON report whose long lists are built one element at a time: a tree of a whole report
// costs tens of bytes of memory per byte of output (a 100 MB check report took 1.25 GB as one tree).
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace resdraft::report {

// A top-level list of the report: its key, its length, and how to build element i.
struct json_list {
    std::string key;
    std::size_t size = 0;
    std::function<nlohmann::ordered_json(std::size_t)> element;
};

// `head` dumped with two-space indentation and a final newline, with each list's key (which `head`
// must hold, as an empty array, at its top level) filled with its elements, built and written one at
// a time. The bytes are those of dumping the whole tree at once. A key `head` lacks, or one given
// twice, is a bug: std::logic_error.
std::string dump_with_lists(const nlohmann::ordered_json& head, const std::vector<json_list>& lists);

}  // namespace resdraft::report
