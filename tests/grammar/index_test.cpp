// The structural index (stage 1) as a specification: each input with its exact marks, line ends and
// verdict, in the notation of render() below. Every test runs on each path (scalar, SSE2, AVX2) and in
// both memory layouts; the verdict is also checked against check_text_encoding. Then the paths against
// the scalar one on random and mutated texts (fixed seeds).
#include "corpus/embedded.hpp"
#include "grammar/detail/index_build.hpp"
#include "grammar/index.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace resdraft::grammar {
namespace {

using detail::index_layout;

constexpr const char* class_names[] = {"digit", "punctuation", "quote", "footnote", "line_end"};

// "digit{0} punctuation{1,10} line_end{11} lines{[0,11)} error{... at 3}": the offsets of each class
// (classes without any left out), the lines, and the verdict when the text is refused.
std::string render(const structural_index& index, const std::optional<parse_error>& error) {
    std::vector<std::string> parts;
    for (std::size_t k = 0; k < byte_class_count; ++k) {
        std::string offsets;
        for (std::size_t i = 0; i < index.text().size(); ++i)
            if (index.has(static_cast<byte_class>(k), i)) {
                if (!offsets.empty()) offsets += ',';
                offsets += std::to_string(i);
            }
        if (!offsets.empty()) parts.push_back(std::string(class_names[k]) + "{" + offsets + "}");
    }
    std::string lines;
    for (std::size_t i = 0; i < index.line_count(); ++i)
        lines += (i == 0 ? "[" : " [") + std::to_string(index.line(i).begin) + "," + std::to_string(index.line(i).end) + ")";
    if (!lines.empty()) parts.push_back("lines{" + lines + "}");
    if (error) parts.push_back("error{" + error->message + " at " + std::to_string(error->offset) + "}");
    std::string out;
    for (const std::string& p : parts) {
        if (!out.empty()) out += ' ';
        out += p;
    }
    return out;
}

std::string pad(std::size_t n) { return std::string(n, 'a'); }

struct index_case {
    std::string text;
    std::string expected;
};

class IndexPath : public ::testing::TestWithParam<index_path> {
protected:
    void SetUp() override {
        if (!index_path_available(GetParam()))
            GTEST_SKIP() << "this build or CPU cannot run the path (SSE2 needs x86-64; AVX2 a CPU that has it)";
    }

    // The rendering in both layouts (they must agree); the verdict must be check_text_encoding's.
    static std::string index_of(const std::string& text) {
        structural_index interleaved, planar;
        const auto error = detail::build_index(text, interleaved, GetParam(), index_layout::interleaved);
        const auto planar_error = detail::build_index(text, planar, GetParam(), index_layout::planar);
        const std::string rendered = render(interleaved, error);
        EXPECT_EQ(render(planar, planar_error), rendered);
        EXPECT_TRUE(interleaved == planar);
        EXPECT_EQ(render(interleaved, check_text_encoding(text)), rendered);
        // every line starts at a byte of the text (index.hpp promises it for has())
        for (std::size_t i = 0; i < interleaved.line_count(); ++i) EXPECT_LT(interleaved.line(i).begin, text.size());
        // the bitmap of line ends and their list say the same
        for (std::size_t i = 0, next = 0; i < text.size(); ++i)
            if (interleaved.has(byte_class::line_end, i)) {
                EXPECT_EQ(interleaved.line_ends().at(next++), i);
            }
        return rendered;
    }

    static void expect_cases(const std::vector<index_case>& cases) {
        for (const index_case& c : cases) EXPECT_EQ(index_of(c.text), c.expected) << ::testing::PrintToString(c.text);
    }
};

TEST_P(IndexPath, MarksLinesAndVerdicts) {
    expect_cases({
        {"", ""},
        {"a", "lines{[0,1)}"},
        {"1. Decides;\n", "digit{0} punctuation{1,10} footnote{0} line_end{11} lines{[0,11)}"},
        {"(a.b,c;d:e)", "punctuation{0,2,4,6,8,10} lines{[0,11)}"},
        {"a-b/c*d+e'f!g?h[i]j{k}", "lines{[0,22)}"},
        // “x” "y" ‘z’: curly double quotes and straight ones, not single quotes (’ is mostly an apostrophe)
        {"\xE2\x80\x9Cx\xE2\x80\x9D \"y\" \xE2\x80\x98z\xE2\x80\x99", "quote{0,4,8,10} lines{[0,19)}"},
        // – … U+205C „ U+201B: other characters with the same lead byte
        {"\xE2\x80\x93 \xE2\x80\xA6 \xE2\x81\x9C\xE2\x80\x9E\xE2\x80\x9B", "lines{[0,17)}"},
        {"Crime,6 and[^12] 2016,8",
         "digit{6,13,14,17,18,19,20,22} punctuation{5,21} footnote{6,11,13,17,22} lines{[0,23)}"},
        {"[ ^ [^", "footnote{4} lines{[0,6)}"},
        // line ends: "\n", "\r\n" (at its "\n"), a lone "\r"; a last line without one
        {"a\r\nb", "line_end{2} lines{[0,1) [3,4)}"},
        {"a\rb\r", "line_end{1,3} lines{[0,1) [2,3)}"},
        {"\r\r\n\n", "line_end{0,2,3} lines{[0,0) [1,1) [3,3)}"},
        {"no final line end\n\nlast", "line_end{17,18} lines{[0,17) [18,18) [19,23)}"},
        {"\t\v\f\r\n ok", "line_end{4} lines{[0,3) [5,8)}"},
        // across the ends of 16-, 32- and 64-byte blocks
        {pad(63) + "12", "digit{63,64} footnote{63} lines{[0,65)}"},
        {pad(31) + "12", "digit{31,32} footnote{31} lines{[0,33)}"},
        {pad(63) + "\r\n", "line_end{64} lines{[0,63)}"},
        {pad(15) + "\r\n", "line_end{16} lines{[0,15)}"},
        {pad(64) + "\r", "line_end{64} lines{[0,64)}"},
        {pad(63) + "[^1]", "digit{65} footnote{63,65} lines{[0,67)}"},
        {pad(62) + "\xE2\x80\x9C", "quote{62} lines{[0,65)}"},
        {pad(63) + "\xE2\x80\x9D", "quote{63} lines{[0,66)}"},
        {pad(30) + "\xE2\x80\x9D", "quote{30} lines{[0,33)}"},
        {pad(62) + "\xF0\x9F\x98\x80", "lines{[0,66)}"},
        // refused: the first bad byte, with every class still marked after it
        {"\x01 1.", "digit{2} punctuation{3} footnote{2} lines{[0,4)} error{binary input: control byte 0x01 at 0}"},
        {"\xC3\x01", "lines{[0,2)} error{invalid UTF-8 (truncated sequence) at 0}"},
        {"ok\xE2\x80", "lines{[0,4)} error{invalid UTF-8 (truncated sequence) at 2}"},
        {std::string("\xE2\x80\x9C\0", 4), "quote{0} lines{[0,4)} error{binary input: NUL byte at 3}"},
        {"a\x7F", "lines{[0,2)} error{binary input: control byte 0x7F at 1}"},
        {"\xED\x9F\xBF\xED\xA0\x80", "lines{[0,6)} error{invalid UTF-8 (surrogate code point) at 3}"},
        {"\xEF\xBF\xBF\xF4\x8F\xBF\xBF\xF4\x90\x80\x80", "lines{[0,11)} error{invalid UTF-8 (code point above U+10FFFF) at 7}"},
        {"\xF0\x8F\xBF\xBF", "lines{[0,4)} error{invalid UTF-8 (overlong encoding) at 0}"},
        {"\xE0\x9F\xBF", "lines{[0,3)} error{invalid UTF-8 (overlong encoding) at 0}"},
        {"\xC1\xBF", "lines{[0,2)} error{invalid UTF-8 (overlong encoding) at 0}"},
        {"\xFF", "lines{[0,1)} error{invalid UTF-8 (unexpected byte 0xFF) at 0}"},
        {pad(62) + "\xC3\xA9\x80", "lines{[0,65)} error{invalid UTF-8 (unexpected byte 0x80) at 64}"},
        {pad(63) + "\xC3\xA9\x01", "lines{[0,66)} error{binary input: control byte 0x01 at 65}"},
    });
}

// A curly-quoted digit and a line end at every position of the first blocks, and past them.
TEST_P(IndexPath, MultiByteCharactersAtEveryPosition) {
    for (std::size_t p = 0; p <= 140; ++p) {
        const std::string expected = "digit{" + std::to_string(p + 3) + "} quote{" + std::to_string(p) + "," +
                                     std::to_string(p + 4) + "} footnote{" + std::to_string(p + 3) + "} line_end{" +
                                     std::to_string(p + 7) + "} lines{[0," + std::to_string(p + 7) + ")}";
        EXPECT_EQ(index_of(pad(p) + "\xE2\x80\x9C" "1\xE2\x80\x9D\n"), expected) << p;
    }
}

// Each kind of bad byte at every position of the first blocks, followed by nothing, by one byte, by more
// than a block: found at that position, with check_text_encoding's message.
TEST_P(IndexPath, BadBytesAtEveryPosition) {
    const std::vector<std::pair<std::string, std::string>> bad{
        {std::string(1, '\0'), "binary input: NUL byte"},
        {"\x1F", "binary input: control byte 0x1F"},
        {"\x7F", "binary input: control byte 0x7F"},
        {"\x80", "invalid UTF-8 (unexpected byte 0x80)"},
        {"\xF5\x80\x80\x80", "invalid UTF-8 (unexpected byte 0xF5)"},
        {"\xC0\x80", "invalid UTF-8 (overlong encoding)"},
        {"\xE0\x80\x80", "invalid UTF-8 (overlong encoding)"},
        {"\xED\xA0\x80", "invalid UTF-8 (surrogate code point)"},
        {"\xF4\x90\x80\x80", "invalid UTF-8 (code point above U+10FFFF)"},
        {"\xF0\x9F\x98", "invalid UTF-8 (truncated sequence)"},
        {"\xE2\x80\n", "invalid UTF-8 (truncated sequence)"},
    };
    for (const auto& [bytes, message] : bad)
        for (std::size_t p = 0; p <= 130; ++p)
            for (std::size_t after : {0, 1, 70}) {
                const std::string text = pad(p) + bytes + std::string(after, 'b');
                const std::string rendered = index_of(text);
                const std::string expected = " error{" + message + " at " + std::to_string(p) + "}";
                EXPECT_TRUE(rendered.ends_with(expected)) << rendered << " for " << ::testing::PrintToString(text);
            }
}

TEST_P(IndexPath, NextFindsTheFirstMarkOfTheClassesAsked) {
    const std::string text = "1. Notes (a) \xE2\x80\x9C" "b\xE2\x80\x9D;\n";
    structural_index index;
    ASSERT_FALSE(build_structural_index(text, index, GetParam()));
    const class_set marks = class_bit(byte_class::punctuation) | class_bit(byte_class::quote);
    std::vector<std::size_t> found;
    for (std::size_t p = index.next(marks, 0); p < text.size(); p = index.next(marks, p + 1)) found.push_back(p);
    EXPECT_EQ(found, (std::vector<std::size_t>{1, 9, 11, 13, 17, 20}));
    EXPECT_EQ(index.next(class_bit(byte_class::digit), 1), text.size());
    EXPECT_EQ(index.next(class_bit(byte_class::line_end), 0), 21u);
    EXPECT_EQ(index.next(marks, text.size()), text.size());

    const std::string far = pad(200) + "." + pad(70);
    ASSERT_FALSE(build_structural_index(far, index, GetParam()));
    EXPECT_EQ(index.next(class_bit(byte_class::punctuation), 3), 200u);
    EXPECT_EQ(index.next(class_bit(byte_class::punctuation), 201), far.size());
    EXPECT_TRUE(index.has(byte_class::punctuation, 200));
    EXPECT_FALSE(index.has(byte_class::punctuation, 199));
}

// next(byte_class, from, limit), the inline loop of one class, finds what next(class_bit(c), from) finds
// before `limit`, and never reads on past it.
TEST_P(IndexPath, NextOfOneClassAgreesWithTheSetOfIt) {
    const std::string text = pad(70) + "[^3] 12 (a) \"b\";\r\n" + pad(130) + "4,5.\n" + pad(10);
    structural_index index;
    ASSERT_FALSE(build_structural_index(text, index, GetParam()));
    for (std::size_t k = 0; k < byte_class_count; ++k) {
        const auto c = static_cast<byte_class>(k);
        for (std::size_t from = 0; from <= text.size() + 64; ++from)
            for (std::size_t limit : {from, from + 1, from + 63, from + 64, from + 65, text.size()}) {
                const std::size_t bounded = std::min(limit, text.size());
                ASSERT_EQ(index.next(c, from, bounded), std::min(bounded, std::max(from, index.next(class_bit(c), from))))
                    << "class " << k << " from " << from << " limit " << bounded;
            }
    }
    EXPECT_EQ(index.next(byte_class::footnote, 0, text.size()), 70u);
    EXPECT_EQ(index.next(byte_class::footnote, 71, text.size()), 72u);  // "3" opens a run of digits
    EXPECT_EQ(index.next(byte_class::footnote, 73, text.size()), 75u);
    EXPECT_EQ(index.next(byte_class::footnote, 73, 75), 75u);  // none before the limit
}

// The same index object built again for a shorter, then a longer text keeps no trace of the earlier one.
TEST_P(IndexPath, ReusedIndexHoldsOnlyTheLastText) {
    structural_index index;
    const std::string longer = pad(100) + "1.\n" + pad(100) + "\xE2\x80\x9C\n";
    ASSERT_FALSE(build_structural_index(longer, index, GetParam()));
    ASSERT_FALSE(build_structural_index("(x)\n", index, GetParam()));
    EXPECT_EQ(render(index, std::nullopt), "punctuation{0,2} line_end{3} lines{[0,3)}");
    ASSERT_FALSE(build_structural_index(longer, index, GetParam()));
    EXPECT_EQ(render(index, std::nullopt), "digit{100} punctuation{101} quote{203} footnote{100} line_end{102,206} "
                                           "lines{[0,102) [103,206)}");
}

std::string path_name(const ::testing::TestParamInfo<index_path>& info) {
    constexpr const char* names[] = {"scalar", "sse2", "avx2"};
    return names[static_cast<int>(info.param)];
}

INSTANTIATE_TEST_SUITE_P(Paths, IndexPath, ::testing::Values(index_path::scalar, index_path::sse2, index_path::avx2),
                         path_name);

// Texts of up to 300 bytes drawn mostly from the bytes the index marks or must not confuse with them,
// and windows of the reference with a few bytes replaced, inserted or removed.
class texts {
public:
    explicit texts(std::uint32_t seed) : random_(seed) {}

    std::string random_text() {
        static const std::vector<std::string> pieces{
            "a", "Z", "0", "9", " ", ".", ",", ";", ":", "(", ")", "\"", "[", "^", "]", "\n", "\r", "\t", "\x7F",
            std::string(1, '\0'), "\x01", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x99", "\xC3\xA9", "\xF0\x9F\x98\x80",
            "\xE2", "\x80", "\x9C", "\xC0", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xC2\xA0"};
        std::string text;
        const std::size_t length = below(301);
        while (text.size() < length)
            text += below(8) == 0 ? std::string(1, static_cast<char>(below(256))) : pieces[below(pieces.size())];
        return text;
    }

    std::string mutated_reference() {
        static const std::string_view reference = corpus::reference_text();
        const std::size_t begin = below(reference.size());
        std::string text(reference.substr(begin, below(2000)));
        for (std::size_t n = below(4); n > 0 && !text.empty(); --n) {
            const std::size_t at = below(text.size());
            switch (below(3)) {
                case 0: text[at] = static_cast<char>(below(256)); break;
                case 1: text.insert(at, random_text().substr(0, 4)); break;
                default: text.erase(at, 1 + below(3)); break;
            }
        }
        return text;
    }

    std::size_t below(std::size_t n) { return n == 0 ? 0 : random_() % n; }

private:
    std::mt19937 random_;
};

TEST_P(IndexPath, AgreesWithTheScalarPathOnRandomAndMutatedTexts) {
    texts source(1968);
    std::size_t refused = 0, accepted = 0;
    structural_index scalar, index;
    for (int n = 0; n < 4000; ++n) {
        const std::string text = n % 2 == 0 ? source.random_text() : source.mutated_reference();
        const auto expected = detail::build_index(text, scalar, index_path::scalar, index_layout::interleaved);
        const auto error = detail::build_index(text, index, GetParam(), n % 3 == 0 ? index_layout::planar : index_layout::interleaved);
        const auto reference = check_text_encoding(text);
        ASSERT_TRUE(index == scalar) << render(index, error) << "\nscalar: " << render(scalar, expected) << "\nfor "
                                     << ::testing::PrintToString(text);
        ASSERT_EQ(render(index, error), render(scalar, reference)) << ::testing::PrintToString(text);
        ++(error ? refused : accepted);
    }
    // both verdicts were tried many times
    EXPECT_GT(refused, 1000u);
    EXPECT_GT(accepted, 1000u);
}

}  // namespace
}  // namespace resdraft::grammar
