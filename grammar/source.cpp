#include "grammar/source.hpp"

#include <algorithm>

namespace resdraft::grammar {

std::shared_ptr<const source> source::owning(std::string bytes, std::string name, std::vector<origin_anchor> anchors,
                                             origin_kind kind) {
    std::shared_ptr<source> s(new source);
    s->owned_ = std::move(bytes);
    s->bytes_ = s->owned_;  // after the move into place: the view must point at the string the source keeps
    s->name_ = std::move(name);
    s->anchors_ = std::move(anchors);
    s->kind_ = kind;
    std::stable_sort(s->anchors_.begin(), s->anchors_.end(),
                     [](const origin_anchor& a, const origin_anchor& b) { return a.text < b.text; });
    return s;
}

std::shared_ptr<const source> source::borrowing(std::string_view bytes, std::string name) {
    std::shared_ptr<source> s(new source);
    s->bytes_ = bytes;
    s->name_ = std::move(name);
    return s;
}

// The last anchor at or before text byte `offset`, or nullptr when there is none.
const origin_anchor* source::anchor_of(std::size_t offset) const {
    const auto after = std::upper_bound(anchors_.begin(), anchors_.end(), offset,
                                        [](std::size_t o, const origin_anchor& a) { return o < a.text; });
    return after == anchors_.begin() ? nullptr : &*(after - 1);
}

std::size_t source::original_offset(std::size_t offset) const {
    const origin_anchor* a = anchor_of(offset);
    return a ? a->original + (offset - a->text) : offset;
}

std::size_t source::place(std::size_t offset) const {
    const origin_anchor* a = anchor_of(offset);
    return a ? a->place : 0;
}

}  // namespace resdraft::grammar
