// Footnote markers in the text (stage 2b): "[^5]", and the note numbers PDF text glues to a word or
// leaves apart ("Crime,6", "Development.2", "Agreement 9  in", "24 August 20167"), told from other
// numbers by the notes the document defines and the order markers come in.
#pragma once

#include "grammar/ast.hpp"
#include "grammar/index.hpp"

#include <cstddef>
#include <vector>

namespace resdraft::grammar::detail {

class footnote_markers {
public:
    // The markers of notes `lowest`..`highest` (the notes the text defines; highest 0: none, and no
    // marker is looked for) in the text `index` indexes.
    footnote_markers(const structural_index& index, unsigned lowest, unsigned highest)
        : index_(&index), in_(index.text()), next_(lowest), max_(highest) {}

    // Adds to `excluded` the markers in `s`, a stretch of paragraph text; stretches come in document
    // order, and each marker found raises the number the next one may have.
    void scan(span s, std::vector<span>& excluded);

private:
    const structural_index* index_;
    std::string_view in_;
    unsigned next_;  // the lowest number the next marker may have
    unsigned max_;   // the highest note defined

    void take_glued_year(std::size_t p, std::size_t e, std::vector<span>& excluded);
    void take_number_marker(span s, std::size_t p, std::size_t e, std::vector<span>& excluded);
};

}  // namespace resdraft::grammar::detail
