#include "bench/stages.hpp"

#include "grammar/detail/clauses.hpp"
#include "grammar/detail/furniture.hpp"
#include "grammar/detail/lines.hpp"
#include "grammar/detail/tree.hpp"

#include <vector>

namespace resdraft::bench {

std::size_t run_stages(const std::shared_ptr<const grammar::source>& input, int last, grammar::structural_index& index) {
    namespace g = grammar;
    if (g::build_structural_index(input->bytes(), index) || last == 1) return 0;
    std::vector<g::detail::typed_line> lines = g::detail::type_lines(index);
    const g::detail::page_notes notes = g::detail::mark_page_furniture(input->bytes(), lines);
    if (last == 2 || lines.empty()) return 0;
    g::document doc = g::detail::build_tree(input, index, std::move(lines), notes);
    if (last >= 4 && !doc.paragraphs.empty()) g::detail::add_clauses(doc);
    return doc.paragraphs.size();
}

}  // namespace resdraft::bench
