#include "grammar/source.hpp"

#include <algorithm>

namespace resdraft::grammar {

std::shared_ptr<const source> source::owning(std::string bytes, std::string name, std::vector<origin_anchor> anchors) {
    std::shared_ptr<source> s(new source);
    s->owned_ = std::move(bytes);
    s->bytes_ = s->owned_;  // after the move into place: the view must point at the string the source keeps
    s->name_ = std::move(name);
    s->anchors_ = std::move(anchors);
    std::sort(s->anchors_.begin(), s->anchors_.end(),
              [](const origin_anchor& a, const origin_anchor& b) { return a.text < b.text; });
    return s;
}

std::shared_ptr<const source> source::borrowing(std::string_view bytes, std::string name) {
    std::shared_ptr<source> s(new source);
    s->bytes_ = bytes;
    s->name_ = std::move(name);
    return s;
}

std::size_t source::original_offset(std::size_t offset) const {
    const auto after = std::upper_bound(anchors_.begin(), anchors_.end(), offset,
                                        [](std::size_t o, const origin_anchor& a) { return o < a.text; });
    if (after == anchors_.begin()) return offset;
    const origin_anchor& a = *(after - 1);
    return a.original + (offset - a.text);
}

}  // namespace resdraft::grammar
