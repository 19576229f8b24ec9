// The public face of the grammar: a resolution's text in, its document model (or why not) out.
#pragma once

#include "grammar/ast.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace resdraft::grammar {

// An input the parser refuses: one line naming the problem, and the byte offset it is at.
struct parse_error {
    std::string message;   // "invalid UTF-8 (truncated sequence)", "empty input" ...
    std::size_t offset = 0;
};

// Either the document or the reason the input cannot be read as text.
class parse_result {
public:
    parse_result(document d) : value_(std::move(d)) {}
    parse_result(parse_error e) : value_(std::move(e)) {}
    [[nodiscard]] bool ok() const { return std::holds_alternative<document>(value_); }
    [[nodiscard]] const document& value() const { return std::get<document>(value_); }
    [[nodiscard]] document& value() { return std::get<document>(value_); }
    [[nodiscard]] const parse_error& error() const { return std::get<parse_error>(value_); }

private:
    std::variant<document, parse_error> value_;
};

// Parses a resolution. Fails (never throws) on: empty or whitespace-only input, invalid UTF-8,
// NUL or other control bytes (binary input). Any other text parses; when it has no recognizable
// paragraphs, its blank-line blocks become operative paragraphs and a warning says so.
// The document keeps `input` alive; its spans, and clause verbs outside the lexicon, point into it.
// A UN symbol in the source's name ("A_RES_80_5.md") is the document's symbol when the text has none.
parse_result parse_document(std::shared_ptr<const source> input);

// The same for text held elsewhere: it is copied into a new source named `name`.
parse_result parse_document(std::string_view text, std::string name = {});

// The text of `s` as a reader sees it: line breaks and space runs collapsed to one space, footnote
// markers and running heads (document::excluded) left out, words split at line ends ("Secretary- General")
// rejoined, non-breaking hyphens made plain.
std::string normalized_text(const document& doc, span s);

// First invalid byte of `input` as UTF-8 text, with the reason; nothing when it is valid.
std::optional<parse_error> check_text_encoding(std::string_view input);

}  // namespace resdraft::grammar
