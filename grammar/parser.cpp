// parse_document: the parser's stages in order, each in its own unit and testable alone:
//   1. the structural index (grammar/index.hpp): the encoding verdict, line ends, byte-class bitmaps;
//   2a. typed lines (detail/lines.hpp) and the page furniture among them (detail/furniture.hpp);
//   2b. the tree (detail/tree.hpp): header, parts, paragraphs, subparagraphs;
//   3. clauses (detail/clauses.hpp): each operative paragraph's verb–object clauses.
#include "grammar/parser.hpp"

#include "grammar/detail/clauses.hpp"
#include "grammar/detail/furniture.hpp"
#include "grammar/detail/lines.hpp"
#include "grammar/detail/tree.hpp"
#include "grammar/index.hpp"

#include <algorithm>
#include <optional>

namespace resdraft::grammar {

namespace {

// The refusal of a text that has bytes but no line with a word: whether all of them are ASCII
// whitespace (rather than no-break spaces, a byte order mark) decides the message.
parse_error no_text(std::string_view input) {
    const bool ascii_space = std::all_of(input.begin(), input.end(), [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    });
    return parse_error{ascii_space ? "no text: input holds only whitespace" : "no text: input holds no words", 0};
}

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RESDRAFT_FRESH_INDEX 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define RESDRAFT_FRESH_INDEX 1
#endif

// The structural index a parse builds into: the thread's, reused from parse to parse so that its bitmaps
// are neither allocated nor zeroed again for each document, given back when it holds more than
// `kept_bytes` (about 6/8 of a text's size, and 8 bytes per line end); a fresh one for a parse that starts
// while another is under way on the thread, and in sanitizer builds (where reading past a text's bitmaps
// should be caught, and no state should pass from one input to the next).
class index_lease {
public:
    index_lease() {
#ifndef RESDRAFT_FRESH_INDEX
        if (!in_use()) {
            in_use() = true;
            shared_ = &scratch();
        }
#endif
    }
    ~index_lease() {
        if (shared_ == nullptr) return;
        if (shared_->capacity_bytes() > kept_bytes) *shared_ = structural_index{};
        in_use() = false;
    }
    index_lease(const index_lease&) = delete;
    index_lease& operator=(const index_lease&) = delete;

    structural_index& index() { return shared_ != nullptr ? *shared_ : own_.emplace(); }

    static structural_index& scratch() {
        thread_local structural_index index;
        return index;
    }

private:
    static constexpr std::size_t kept_bytes = std::size_t{16} << 20;
    structural_index* shared_ = nullptr;
    std::optional<structural_index> own_;

    static bool& in_use() {
        thread_local bool used = false;
        return used;
    }
};

}  // namespace

namespace detail {

parse_result parse_tree(std::shared_ptr<const source> input, structural_index& index) {
    const std::string_view text = input->bytes();
    if (text.empty()) return parse_error{"empty input", 0};
    if (auto bad = build_structural_index(text, index)) return *bad;
    std::vector<typed_line> lines = type_lines(index);
    if (lines.empty()) return no_text(text);
    const page_notes notes = mark_page_furniture(text, lines);
    document doc = build_tree(std::move(input), index, std::move(lines), notes);
    if (doc.paragraphs.empty()) return parse_error{"no text: input holds no words", 0};
    return doc;
}

std::size_t kept_index_bytes() { return index_lease::scratch().capacity_bytes(); }

}  // namespace detail

parse_result parse_document(std::shared_ptr<const source> source) {
    index_lease lease;
    structural_index& index = lease.index();
    parse_result result = detail::parse_tree(std::move(source), index);
    if (result.ok()) detail::add_clauses(result.value(), index);
    return result;
}

parse_result parse_document(std::string_view text, std::string name) {
    return parse_document(source::owning(std::string(text), std::move(name)));
}

}  // namespace resdraft::grammar
