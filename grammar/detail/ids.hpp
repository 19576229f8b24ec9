// Paragraph ids within a part (stage 2b): each id once, a repeat made "id-2", "id-3" ...
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace resdraft::grammar::detail {

class paragraph_ids {
public:
    // `id`, or "id-2", "id-3" ... when the part already has it (the first suffix not taken).
    std::string unique(std::string id);
    // Forgets the part's ids: a new part numbers from scratch.
    void new_part();

private:
    std::unordered_set<std::string> taken_;      // ids taken in the part, but plain numbers
    std::vector<bool> numbers_;                  // plain numbers taken (nearly every operative id)
    std::unordered_map<std::string, int> next_suffix_;  // id -> last suffix given to a repeat of it
};

}  // namespace resdraft::grammar::detail
