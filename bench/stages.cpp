#include "bench/stages.hpp"

#include "grammar/detail/bytes.hpp"
#include "grammar/detail/clauses.hpp"
#include "grammar/detail/furniture.hpp"
#include "grammar/detail/lines.hpp"
#include "grammar/detail/tree.hpp"
#include "grammar/parser.hpp"

#include <cstdint>
#include <vector>

namespace resdraft::bench {

std::optional<stage> stage_named(std::string_view name) {
    if (name == "index") return stage::index;
    if (name == "lines") return stage::lines;
    if (name == "tree") return stage::tree;
    if (name == "clauses") return stage::clauses;
    return std::nullopt;
}

std::size_t run_stages(const std::shared_ptr<const grammar::source>& input, stage last, grammar::structural_index& index) {
    namespace g = grammar;
    if (last >= stage::tree) {
        auto tree = g::detail::parse_tree(input, index);
        if (!tree.ok()) return 0;
        if (last == stage::clauses) g::detail::add_clauses(tree.value(), index);
        return tree.value().paragraphs.size();
    }
    if (g::build_structural_index(input->bytes(), index) || last == stage::index) return 0;
    std::vector<g::detail::typed_line> lines = g::detail::type_lines(index);
    if (!lines.empty()) g::detail::mark_page_furniture(input->bytes(), lines);
    return 0;
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
