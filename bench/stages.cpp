#include "bench/stages.hpp"

#include "grammar/detail/bytes.hpp"
#include "grammar/detail/clauses.hpp"
#include "grammar/detail/furniture.hpp"
#include "grammar/detail/lines.hpp"
#include "grammar/detail/tree.hpp"

#include <cstdint>
#include <vector>

namespace resdraft::bench {

std::size_t run_stages(const std::shared_ptr<const grammar::source>& input, int last, grammar::structural_index& index) {
    namespace g = grammar;
    if (g::build_structural_index(input->bytes(), index) || last == 1) return 0;
    std::vector<g::detail::typed_line> lines = g::detail::type_lines(index);
    const g::detail::page_notes notes = g::detail::mark_page_furniture(input->bytes(), lines);
    if (last == 2 || lines.empty()) return 0;
    g::document doc = g::detail::build_tree(input, index, std::move(lines), notes);
    if (last >= 4 && !doc.paragraphs.empty()) g::detail::add_clauses(doc, index);
    return doc.paragraphs.size();
}

std::size_t byte_passes(std::string_view text) {
    thread_local grammar::structural_index index;
    if (grammar::build_structural_index(text, index)) return 0;
    std::size_t found = index.line_ends().size();
    const char* const end = text.data() + text.size();
    for (std::size_t w = 0; w < index.word_count(); ++w) {
        const std::uint64_t marks = index.word(grammar::byte_class::punctuation, w) | index.word(grammar::byte_class::quote, w);
        found += static_cast<std::size_t>(__builtin_popcountll(marks | grammar::detail::and_mask(text.data() + 64 * w, end)));
    }
    return found;
}

}  // namespace resdraft::bench
