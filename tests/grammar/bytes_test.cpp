// The many-bytes-at-a-time tests and searches against the plain byte-by-byte answer: the SWAR words on
// values chosen to hit every boundary and on a million random ones, the SSE2 searches on random texts
// made mostly of the bytes they look for (fixed seeds).
#include "grammar/detail/bytes.hpp"

#include <gtest/gtest.h>

#include <array>
#include <random>
#include <string>

namespace resdraft::grammar::detail {
namespace {

std::array<unsigned char, 8> bytes_of(std::uint64_t w) {
    std::array<unsigned char, 8> b{};
    std::memcpy(b.data(), &w, 8);
    return b;
}

template <typename Pred>
bool any_byte(std::uint64_t w, Pred p) {
    for (unsigned char c : bytes_of(w))
        if (p(c)) return true;
    return false;
}

void expect_same(std::uint64_t w) {
    SCOPED_TRACE(w);
    EXPECT_EQ(has_byte(w, '['), any_byte(w, [](unsigned char c) { return c == '['; }));
    EXPECT_EQ(has_byte_below(w, 0x20), any_byte(w, [](unsigned char c) { return c < 0x20; }));
    EXPECT_EQ(has_byte_between(w, '0' - 1, '9' + 1), any_byte(w, [](unsigned char c) { return c >= '0' && c <= '9'; }));
    EXPECT_EQ(is_printable_ascii(w), !any_byte(w, [](unsigned char c) { return c < 0x20 || c > 0x7E; }));
}

TEST(Bytes, EdgeValuesInEveryPosition) {
    for (unsigned value : {0x00u, 0x1Fu, 0x20u, 0x2Fu, 0x30u, 0x39u, 0x3Au, 0x5Au, 0x5Bu, 0x5Cu, 0x7Eu, 0x7Fu, 0x80u,
                           0xAFu, 0xB0u, 0xB9u, 0xBAu, 0xDBu, 0xFFu})
        for (int position = 0; position < 8; ++position) {
            std::uint64_t w = 0x6161616161616161;  // "aaaaaaaa"
            w &= ~(std::uint64_t{0xFF} << (8 * position));
            w |= std::uint64_t{value} << (8 * position);
            expect_same(w);
        }
    EXPECT_TRUE(is_printable_ascii(load8("Welcomes")));
    EXPECT_FALSE(is_printable_ascii(load8("Welcome\n")));
    EXPECT_TRUE(has_byte_between(load8("in 2013."), '0' - 1, '9' + 1));
}

TEST(Bytes, AgreeWithTheByteLoopOnRandomWords) {
    std::mt19937_64 random(2013);
    for (int i = 0; i < 1'000'000; ++i) {
        std::uint64_t w = random();
        if (i % 2 == 0) w &= 0x7F7F7F7F7F7F7F7F;  // half of them ASCII, like the text
        const bool before = ::testing::Test::HasFailure();
        expect_same(w);
        if (!before && ::testing::Test::HasFailure()) return;  // one failing word is enough to show
    }
}

// Random texts of up to 200 bytes, most of them bytes the searches look for or must not confuse with those.
class random_texts {
public:
    explicit random_texts(std::uint32_t seed) : random_(seed) {}
    std::string next() {
        static constexpr std::string_view alphabet =
            "aAnNdDtToOsS ()\",.;:[]-09\t\n\x7F\x80\x9C\x9D\xA0\xC2\xE2";
        std::string text(random_() % 201, ' ');
        for (char& c : text)
            c = random_() % 8 == 0 ? static_cast<char>(random_() % 256) : alphabet[random_() % alphabet.size()];
        return text;
    }
    std::size_t below(std::size_t n) { return n == 0 ? 0 : random_() % n; }

private:
    std::mt19937 random_;
};

TEST(Bytes, SearchesAgreeWithTheByteLoopOnRandomTexts) {
    random_texts texts(68);
    for (int n = 0; n < 100'000; ++n) {
        const std::string text = texts.next();
        const char* const begin = text.data();
        const char* const readable_end = begin + text.size();
        const std::size_t from = texts.below(text.size() + 1);
        const char* const p = begin + from;
        const char* const end = p + texts.below(text.size() - from + 1);
        SCOPED_TRACE(::testing::PrintToString(text) + " from " + std::to_string(from));

        std::size_t printable = 0;
        while (p + printable < readable_end && static_cast<unsigned char>(p[printable]) >= 0x20 &&
               static_cast<unsigned char>(p[printable]) < 0x7F)
            ++printable;
        ASSERT_EQ(printable_ascii_prefix(p, text.size() - from), printable);

        std::size_t word = 0;
        while (p + word < readable_end && is_word_byte(static_cast<unsigned char>(p[word]))) ++word;
        ASSERT_EQ(leading_word_bytes(p, text.size() - from), word);

        const char* token_end = p;
        while (token_end < end && !may_end_token(static_cast<unsigned char>(*token_end))) ++token_end;
        ASSERT_EQ(find_token_end(p, end, readable_end), token_end);

        const char* object_mark = p;
        while (object_mark < end && !is_object_mark(object_mark, readable_end)) ++object_mark;
        ASSERT_EQ(find_object_mark(p, end, readable_end), object_mark);

        ASSERT_EQ(and_mask(p, readable_end), and_mask_bytewise(p, readable_end));
    }
}

TEST(Bytes, AndMaskMarksEveryAndInAnyCase) {
    const std::string text = "Notes (the \"land\"), and; And. the standard AN\xE2\x80\x9C" + std::string(64, ' ');
    const std::uint64_t mask = and_mask(text.data(), text.data() + text.size());
    std::string marked;
    for (std::size_t i = 0; i < 64; ++i)
        if (mask >> i & 1) marked.append(std::to_string(i)).append(" ");
    // "and" in "land" and "standard" is a candidate too: whether it is a word is decided by its neighbours
    EXPECT_EQ(marked, "13 20 25 36 ");  // land, and, And, standard; not "AN" before a quote
}

}  // namespace
}  // namespace resdraft::grammar::detail
