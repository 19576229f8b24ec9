#include "analysis/alignment.hpp"

#include <gtest/gtest.h>

namespace resdraft::analysis {
namespace {

TEST(Alignment, RedlineOnWordsWithReuseAndCoverage) {
    models::stemmer stem;
    const auto reference = words_for_alignment("Strongly condemn the acts of racism against migrants;", stem);
    const auto draft = words_for_alignment("Condemns the acts of racism against migrants and refugees;", stem);
    const alignment a = align(draft, reference);
    ASSERT_EQ(a.redline.size(), 5u);
    EXPECT_EQ(a.redline[0].op, edit_op::remove);
    EXPECT_EQ(a.redline[0].text, "Strongly condemn ");
    EXPECT_EQ(a.redline[1].op, edit_op::insert);  // aligned with "condemn" by stem, written otherwise
    EXPECT_EQ(a.redline[1].text, "Condemns ");
    EXPECT_EQ(a.redline[2].op, edit_op::equal);
    EXPECT_EQ(a.redline[2].text, "the acts of racism against migrants");  // the word kept, its ";" not
    EXPECT_EQ(a.redline[3].op, edit_op::remove);
    EXPECT_EQ(a.redline[3].text, ";");
    EXPECT_EQ(a.redline[4].op, edit_op::insert);
    EXPECT_EQ(a.redline[4].text, " and refugees;");

    EXPECT_DOUBLE_EQ(a.reuse(), 7.0 / 9.0);
    EXPECT_DOUBLE_EQ(a.coverage(), 7.0 / 8.0);
}

TEST(Alignment, ShortCommonRunsAreNotReuse) {
    models::stemmer stem;
    const auto reference = words_for_alignment("Request the Secretary-General to report on trafficking", stem);
    const auto draft = words_for_alignment("Welcomes the Secretary-General and his envoy", stem);
    const alignment a = align(draft, reference);
    EXPECT_DOUBLE_EQ(a.reuse(), 0.0);  // "the Secretary General": three words, fewer than four
    ASSERT_GE(a.redline.size(), 3u);
    EXPECT_EQ(a.redline[2].op, edit_op::equal);
    EXPECT_EQ(a.redline[2].text, "the Secretary-General ");
}

TEST(Alignment, EmptySides) {
    models::stemmer stem;
    const alignment a = align(words_for_alignment("", stem), words_for_alignment("Recall the Charter", stem));
    EXPECT_DOUBLE_EQ(a.reuse(), 0.0);
    EXPECT_DOUBLE_EQ(a.coverage(), 0.0);
    ASSERT_EQ(a.redline.size(), 1u);
    EXPECT_EQ(a.redline[0].op, edit_op::remove);
}

}  // namespace
}  // namespace resdraft::analysis
