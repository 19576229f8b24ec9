// The bytes a document is parsed from, and their name: the one owner of input text. Everything the
// parser finds is a span into these bytes; a document keeps its source alive.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace resdraft::grammar {

// What the text was made from, and so what an anchor's `place` counts.
enum class origin_kind {
    text,  // the file itself: no anchors
    docx,  // a Word file: `original` is a byte of word/document.xml, `place` its w:p (1-based, body order)
    pdf,   // a PDF: `original` is a byte of the page's extracted text, `place` the page (1-based)
};

// Where a run of bytes of the text came from in the original file, when a reader made the text from
// another format (.docx, PDF): text bytes from `text` on correspond to original bytes from `original` on.
struct origin_anchor {
    std::size_t text = 0;      // offset into source::bytes()
    std::size_t original = 0;  // offset into the file the reader read (see origin_kind)
    std::size_t place = 0;     // the paragraph or page it is in (see origin_kind); 0 when there is none
};

// Shared and immutable once made: documents, and what is derived from them, hold it by shared_ptr.
class source {
public:
    // Takes `bytes`; `name` is the file name or "-", used in messages and to find a UN symbol in it.
    static std::shared_ptr<const source> owning(std::string bytes, std::string name,
                                                std::vector<origin_anchor> anchors = {},
                                                origin_kind kind = origin_kind::text);
    // Refers to bytes the caller keeps alive as long as a document of them lives: the embedded reference, or
    // a fuzzer's buffer (which must stay exactly its size for the sanitizers to see a read past its end).
    static std::shared_ptr<const source> borrowing(std::string_view bytes, std::string name);

    [[nodiscard]] std::string_view bytes() const { return bytes_; }
    [[nodiscard]] const std::string& name() const { return name_; }
    // The original file's offset of text byte `offset`: itself for a text file, else through the anchors.
    [[nodiscard]] std::size_t original_offset(std::size_t offset) const;
    // What the text was read from: a text file, a .docx or a PDF.
    [[nodiscard]] origin_kind kind() const { return kind_; }
    // The paragraph (.docx) or page (PDF) text byte `offset` came from: its anchor's place; 0 for a text file.
    [[nodiscard]] std::size_t place(std::size_t offset) const;

    source(const source&) = delete;
    source& operator=(const source&) = delete;

private:
    source() = default;
    const origin_anchor* anchor_of(std::size_t offset) const;
    std::string owned_;                   // empty for static bytes
    std::string_view bytes_;              // owned_, or the static bytes
    std::string name_;
    std::vector<origin_anchor> anchors_;  // sorted by text offset; empty when text and original are the same
    origin_kind kind_ = origin_kind::text;
};

}  // namespace resdraft::grammar
