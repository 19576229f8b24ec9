// The structural index (stage 1): the scalar path, which is the reference the SIMD kernels are tested
// against, and the driver the SIMD kernels run in (the text's last bytes, the line-end offsets and the
// encoding check).
#include "grammar/index.hpp"

#include "grammar/detail/index_build.hpp"
#include "grammar/detail/utf8.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <stdexcept>

namespace resdraft::grammar {

namespace detail {

// What the builders may touch inside structural_index.
struct index_access {
    static parse_error fault_at(std::string_view text, std::size_t offset, text_fault fault) {
        return {describe(fault, static_cast<unsigned char>(text[offset])), offset};
    }

    // Sizes `out` for `text` in `layout`. The arrays only grow, so that indexing document after document
    // into one index does not fill them with zeros again whenever a text is longer than the one before.
    static void prepare(std::string_view text, structural_index& out, index_layout layout) {
        out.text_ = text;
        const std::size_t blocks = out.word_count();
        if (out.words_.size() < blocks * byte_class_count) out.words_.resize(blocks * byte_class_count);
        if (out.attention_.size() < blocks) out.attention_.resize(blocks);
        out.class_stride_ = layout == index_layout::interleaved ? 1 : blocks;
        out.block_stride_ = layout == index_layout::interleaved ? byte_class_count : 1;
    }

    static block_sink sink(structural_index& out) {
        return {out.words_.data(), out.class_stride_, out.block_stride_, out.attention_.data()};
    }

    static std::uint64_t& word(structural_index& out, byte_class c, std::size_t w) {
        return out.words_[static_cast<std::size_t>(c) * out.class_stride_ + w * out.block_stride_];
    }

    static std::uint64_t& attention(structural_index& out, std::size_t w) { return out.attention_[w]; }

    // Lists the line_end bitmap as offsets and, when `check`, returns the first fault among the bytes
    // flagged in the attention words: each is checked where a character starts (the continuation bytes
    // of a character already checked are passed over).
    static std::optional<parse_error> finish(structural_index& out, bool check) {
        list_line_ends(out);
        if (!check) return std::nullopt;
        const std::uint64_t* const attention = out.attention_.data();
        std::size_t next_char = 0;
        for (std::size_t w = 0, words = out.word_count(); w < words; ++w) {
            for (std::uint64_t bits = attention[w]; bits != 0; bits &= bits - 1) {
                const std::size_t i = 64 * w + static_cast<std::size_t>(__builtin_ctzll(bits));
                if (i < next_char) continue;
                const char_check c = check_char(out.text_, i);
                if (c.fault != text_fault::none) return fault_at(out.text_, i, c.fault);
                next_char = i + c.length;
            }
        }
        return std::nullopt;
    }

    static void list_line_ends(structural_index& out) {
        if (out.text_.empty()) {  // words_ may hold nothing yet: no offset from its null data()
            out.line_ends_.clear();
            return;
        }
        // locals: the stores below could change the members as far as the compiler knows
        const std::uint64_t* bitmap = out.words_.data() + static_cast<std::size_t>(byte_class::line_end) * out.class_stride_;
        const std::size_t stride = out.block_stride_, words = out.word_count();
        std::vector<std::size_t>& ends = out.line_ends_;
        // the vector's size serves as its capacity until the end: cheaper than a push_back for each
        std::size_t count = 0;
        for (std::size_t w = 0; w < words; ++w, bitmap += stride) {
            std::uint64_t bits = *bitmap;
            if (bits == 0) continue;
            if (ends.size() < count + 64) ends.resize(std::max(2 * ends.size(), count + 64));
            std::size_t* const list = ends.data();
            for (; bits != 0; bits &= bits - 1) list[count++] = 64 * w + static_cast<std::size_t>(__builtin_ctzll(bits));
        }
        ends.resize(count);
    }
};

}  // namespace detail

namespace {

using detail::index_access;

// The bytes that may be of a class, or need a check, by themselves; the table lets the scalar path pass
// over the others (letters and spaces, most of a text) at once.
enum : std::uint8_t { may_be_digit = 1, may_be_punctuation = 2, may_be_quote = 4, may_be_footnote = 8, may_end_line = 16, may_be_faulty = 32 };

constexpr std::uint8_t scalar_flags(unsigned char c) {
    std::uint8_t flags = 0;
    if (c >= '0' && c <= '9') flags |= may_be_digit;
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '(' || c == ')') flags |= may_be_punctuation;
    if (c == '"' || c == 0xE2) flags |= may_be_quote;
    if (c == '[') flags |= may_be_footnote;
    if (c == '\n' || c == '\r') flags |= may_end_line;
    if (detail::needs_check(c)) flags |= may_be_faulty;
    return flags;
}

constexpr auto scalar_table = [] {
    std::array<std::uint8_t, 256> table{};
    for (unsigned c = 0; c < 256; ++c) table[c] = scalar_flags(static_cast<unsigned char>(c));
    return table;
}();

// The reference: each byte judged on its own, as the class comments in index.hpp state them.
std::optional<parse_error> build_scalar(std::string_view text, structural_index& out) {
    const auto at = [&](std::size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 0; };
    std::optional<parse_error> error;
    std::size_t next_char = 0;   // where the character after the last one checked starts
    bool after_digit = false;    // the byte before is a digit
    for (std::size_t w = 0; w < out.word_count(); ++w) {
        std::uint64_t bits[byte_class_count] = {};
        const auto mark = [&](byte_class k, bool on, std::size_t i) {
            bits[static_cast<int>(k)] |= std::uint64_t{on} << (i % 64);
        };
        for (std::size_t i = 64 * w; i < std::min(text.size(), 64 * w + 64); ++i) {
            const unsigned char c = at(i);
            const std::uint8_t flags = scalar_table[c];
            const bool digit = flags & may_be_digit;
            if (digit) {
                mark(byte_class::digit, true, i);
                mark(byte_class::footnote, !after_digit, i);
            }
            after_digit = digit;
            if (flags == 0 || flags == may_be_digit) continue;
            mark(byte_class::punctuation, flags & may_be_punctuation, i);
            if (flags & may_be_quote)
                mark(byte_class::quote, c == '"' || (at(i + 1) == 0x80 && (at(i + 2) == 0x9C || at(i + 2) == 0x9D)), i);
            if (flags & may_be_footnote) mark(byte_class::footnote, at(i + 1) == '^', i);
            if (flags & may_end_line) mark(byte_class::line_end, c == '\n' || at(i + 1) != '\n', i);
            if ((flags & may_be_faulty) && !error && i >= next_char) {
                const detail::char_check check = detail::check_char(text, i);
                if (check.fault != detail::text_fault::none) error = index_access::fault_at(text, i, check.fault);
                next_char = i + check.length;
            }
        }
        for (std::size_t k = 0; k < byte_class_count; ++k) index_access::word(out, static_cast<byte_class>(k), w) = bits[k];
    }
    index_access::finish(out, false);
    return error;
}

#if defined(__x86_64__)
// A SIMD kernel over the text: in place where two bytes past the block can be read, the last one or two
// blocks from a copy padded with zeros (bytes of no class; their attention bits are cleared).
std::optional<parse_error> build_simd(std::string_view text, structural_index& out, detail::classify_fn classify) {
    const detail::block_sink sink = index_access::sink(out);
    std::uint64_t digit_carry = 0;
    const std::size_t in_place = text.size() >= 66 ? (text.size() - 2) / 64 : 0;
    classify(text.data(), in_place, sink, 0, digit_carry);
    const std::size_t rest = text.size() - 64 * in_place;  // at most 65 bytes
    if (rest > 0) {
        char padded[2 * 64 + 2] = {};
        std::memcpy(padded, text.data() + 64 * in_place, rest);
        classify(padded, (rest + 63) / 64, sink, in_place, digit_carry);
        if (const std::size_t used = text.size() % 64; used != 0) {
            const std::uint64_t keep = (std::uint64_t{1} << used) - 1;
            const std::size_t last = out.word_count() - 1;
            for (std::size_t k = 0; k < byte_class_count; ++k) index_access::word(out, static_cast<byte_class>(k), last) &= keep;
            index_access::attention(out, last) &= keep;
        }
    }
    return index_access::finish(out, true);
}
#endif

}  // namespace

bool index_path_available(index_path path) {
    switch (path) {
        case index_path::scalar: return true;
#if defined(__x86_64__)
        case index_path::sse2: return true;
        case index_path::avx2: {
            static const bool has_avx2 = __builtin_cpu_supports("avx2");
            return has_avx2;
        }
#else
        case index_path::sse2:
        case index_path::avx2: return false;
#endif
    }
    return false;
}

index_path best_index_path() {
    if (index_path_available(index_path::avx2)) return index_path::avx2;
    if (index_path_available(index_path::sse2)) return index_path::sse2;
    return index_path::scalar;
}

std::size_t structural_index::next(class_set set, std::size_t from) const {
    const std::size_t words = word_count();
    const auto united = [&](std::size_t w) {
        std::uint64_t bits = 0;
        for (std::size_t k = 0; k < byte_class_count; ++k)
            if (set & (1u << k)) bits |= word(static_cast<byte_class>(k), w);
        return bits;
    };
    std::size_t w = from / 64;
    if (w >= words) return text_.size();
    std::uint64_t bits = united(w) & (~std::uint64_t{0} << (from % 64));
    while (bits == 0) {
        if (++w == words) return text_.size();
        bits = united(w);
    }
    return 64 * w + static_cast<std::size_t>(__builtin_ctzll(bits));
}

std::size_t structural_index::line_count() const {
    const bool unterminated = !text_.empty() && (line_ends_.empty() || line_ends_.back() + 1 < text_.size());
    return line_ends_.size() + (unterminated ? 1 : 0);
}

span structural_index::line(std::size_t i) const {
    const std::size_t begin = i == 0 ? 0 : line_ends_[i - 1] + 1;
    if (i == line_ends_.size()) return {begin, text_.size()};
    const std::size_t end = line_ends_[i];
    const bool crlf = text_[end] == '\n' && end > begin && text_[end - 1] == '\r';
    return {begin, crlf ? end - 1 : end};
}

bool operator==(const structural_index& a, const structural_index& b) {
    if (a.text_ != b.text_ || a.line_ends_ != b.line_ends_) return false;
    for (std::size_t w = 0; w < a.word_count(); ++w)
        for (std::size_t k = 0; k < byte_class_count; ++k)
            if (a.word(static_cast<byte_class>(k), w) != b.word(static_cast<byte_class>(k), w)) return false;
    return true;
}

namespace detail {

std::optional<parse_error> build_index(std::string_view text, structural_index& out, index_path path, index_layout layout) {
    if (!index_path_available(path)) throw std::invalid_argument("build_structural_index: this CPU lacks the path asked for");
    index_access::prepare(text, out, layout);
    switch (path) {
        case index_path::scalar: return build_scalar(text, out);
#if defined(__x86_64__)
        case index_path::sse2: return build_simd(text, out, classify_blocks_sse2);
        case index_path::avx2: return build_simd(text, out, classify_blocks_avx2);
#else
        case index_path::sse2:
        case index_path::avx2: break;
#endif
    }
    return build_scalar(text, out);
}

}  // namespace detail

std::optional<parse_error> build_structural_index(std::string_view text, structural_index& out, index_path path) {
    return detail::build_index(text, out, path, detail::default_layout);
}

std::optional<parse_error> build_structural_index(std::string_view text, structural_index& out) {
    static const index_path best = best_index_path();
    return detail::build_index(text, out, best, detail::default_layout);
}

}  // namespace resdraft::grammar
