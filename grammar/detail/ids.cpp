#include "grammar/detail/ids.hpp"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string_view>

namespace resdraft::grammar::detail {
namespace {

// The value of an id made of at most six digits without a leading zero ("17"), nothing otherwise.
std::optional<std::size_t> plain_number(std::string_view id) {
    if (id.empty() || id.size() > 6 || id[0] == '0') return std::nullopt;
    std::size_t n = 0;
    for (char c : id) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    return n;
}

}  // namespace

std::string paragraph_ids::unique(std::string id) {
    // plain numbers, nearly every operative id, are looked up by value
    if (const auto n = plain_number(id)) {
        if (*n >= numbers_.size()) numbers_.resize(std::max<std::size_t>(*n + 1, 2 * numbers_.size()));
        if (!numbers_[*n]) {
            numbers_[*n] = true;
            return id;
        }
    } else if (taken_.insert(id).second) {
        return id;
    }
    // the suffix to try next is remembered per id, so that a number repeated n times costs O(n), not O(n^2)
    int& n = next_suffix_[id];
    std::string candidate;
    do candidate = id + "-" + std::to_string(n = std::max(n, 1) + 1);
    while (!taken_.insert(candidate).second);
    return candidate;
}

void paragraph_ids::new_part() {
    taken_.clear();
    numbers_.clear();
    next_suffix_.clear();
}

}  // namespace resdraft::grammar::detail
