// The eight-bytes-at-a-time tests against the plain byte-by-byte answer, on words chosen to hit every
// boundary value and on a million random ones (fixed seed).
#include "grammar/detail/bytes.hpp"

#include <gtest/gtest.h>

#include <array>
#include <random>

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

}  // namespace
}  // namespace resdraft::grammar::detail
