#include "library/shingles.hpp"

#include <gtest/gtest.h>

namespace resdraft::library {
namespace {

TEST(Shingles, FourStemmedWordsAtATime) {
    word_stems stem;
    EXPECT_EQ(shingles_of("Decides to remain seized of the matter.", stem).size(), 4u);  // 7 words
    // stems compare: a change of voice or number is the same wording; order is not
    EXPECT_EQ(shingles_of("Urges States to act", stem), shingles_of("urge state to acting", stem));
    EXPECT_NE(shingles_of("Urges States to act", stem), shingles_of("States urges to act", stem));
    // fewer words than a shingle: one shingle of them all; no word, none
    EXPECT_EQ(shingles_of("Urges States", stem).size(), 1u);
    EXPECT_TRUE(shingles_of(" ;, ", stem).empty());
    // a repeated run is one shingle
    EXPECT_EQ(shingles_of("the the the the the the", stem).size(), 1u);
}

TEST(Postings, DeltasAsLeb128Varints) {
    const std::vector<std::int64_t> ids{1, 2, 130, 131, 100000};
    const std::vector<unsigned char> bytes{0x01, 0x01, 0x80, 0x01, 0x01, 0x9D, 0x8C, 0x06};  // deltas 1 1 128 1 99869
    EXPECT_EQ(encode_postings(ids), bytes);
    std::vector<std::int64_t> back{7};  // decoding appends
    ASSERT_TRUE(decode_postings(bytes, back));
    EXPECT_EQ(back, (std::vector<std::int64_t>{7, 1, 2, 130, 131, 100000}));
}

TEST(Postings, DamagedListsAreRefused) {
    std::vector<std::int64_t> out;
    EXPECT_FALSE(decode_postings({0x01, 0x80}, out));  // a varint cut short
    EXPECT_EQ(out, (std::vector<std::int64_t>{1}));
    out.clear();
    EXPECT_FALSE(decode_postings(std::vector<unsigned char>(11, 0xFF), out));  // longer than 64 bits
    EXPECT_TRUE(out.empty());
    EXPECT_FALSE(decode_postings({0x01, 0x00}, out));  // an id twice would count its text twice
    out.clear();
    EXPECT_FALSE(decode_postings({0x00}, out));  // ids start at 1
    EXPECT_TRUE(decode_postings({}, out));
}

// A bucket: per shingle its delta, id count, postings length and postings, all varints.
TEST(Buckets, EncodeAndFind) {
    const std::vector<std::pair<std::uint64_t, std::int64_t>> pairs{{5, 1}, {5, 300}, {9, 2}};
    const std::vector<unsigned char> bytes{5, 2, 3, 0x01, 0xAB, 0x02,  // shingle 5: ids 1, 300 (deltas 1, 299)
                                           4, 1, 1, 0x02};             // shingle 9 (delta 4): id 2
    EXPECT_EQ(encode_bucket(pairs), bytes);
    std::vector<std::int64_t> ids;
    EXPECT_EQ(find_in_bucket(bytes, 5, true, ids), 2u);
    EXPECT_EQ(ids, (std::vector<std::int64_t>{1, 300}));
    EXPECT_EQ(find_in_bucket(bytes, 9, false, ids), 1u);
    EXPECT_EQ(ids.size(), 2u);  // counted, not read
    EXPECT_EQ(find_in_bucket(bytes, 7, true, ids), 0u);
    EXPECT_EQ(find_in_bucket(bytes, 10, true, ids), 0u);
    EXPECT_EQ(find_in_bucket({}, 5, true, ids), 0u);
}

TEST(Buckets, DamagedBucketsAreRefused) {
    std::vector<std::int64_t> ids;
    EXPECT_FALSE(find_in_bucket({5, 2, 9, 0x01}, 5, true, ids).has_value());         // postings longer than the bucket
    EXPECT_FALSE(find_in_bucket({5, 3, 2, 0x01, 0x01}, 5, true, ids).has_value());   // a count that lies
    EXPECT_FALSE(find_in_bucket({5, 1, 1, 0x80}, 5, true, ids).has_value());         // postings cut short
    EXPECT_FALSE(find_in_bucket({0x80}, 5, false, ids).has_value());                 // a shingle cut short
}

}  // namespace
}  // namespace resdraft::library
