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

// The thread's structural index, reused from parse to parse so that its bitmaps are neither allocated nor
// zeroed again for each document; after a large text its memory is given back (the bitmaps take 5/8 of
// the text's size).
class index_lease {
public:
    explicit index_lease(std::string_view text) : text_size_(text.size()) {}
    ~index_lease() {
        if (text_size_ > kept_up_to) scratch() = structural_index{};
    }
    index_lease(const index_lease&) = delete;
    index_lease& operator=(const index_lease&) = delete;
    static structural_index& scratch() {
        thread_local structural_index index;
        return index;
    }

private:
    static constexpr std::size_t kept_up_to = std::size_t{16} << 20;  // 10 MB of bitmaps at most stay
    std::size_t text_size_;
};

}  // namespace

parse_result parse_document(std::shared_ptr<const source> source) {
    const std::string_view input = source->bytes();
    if (input.empty()) return parse_error{"empty input", 0};
    const index_lease lease(input);
    structural_index& index = index_lease::scratch();
    if (auto bad = build_structural_index(input, index)) return *bad;
    std::vector<detail::typed_line> lines = detail::type_lines(index);
    if (lines.empty()) return no_text(input);
    const detail::page_notes notes = detail::mark_page_furniture(input, lines);
    document doc = detail::build_tree(std::move(source), index, std::move(lines), notes);
    if (doc.paragraphs.empty()) return parse_error{"no text: input holds no words", 0};
    detail::add_clauses(doc, index);
    return doc;
}

parse_result parse_document(std::string_view text, std::string name) {
    return parse_document(source::owning(std::string(text), std::move(name)));
}

}  // namespace resdraft::grammar
