#include "analysis/alignment.hpp"

#include <gtest/gtest.h>

namespace resdraft::analysis {
namespace {

TEST(Alignment, RedlineOnWordsWithReuseAndCoverage) {
    models::stemmer stem;
    word_reader words(stem);
    const auto reference = words.read("Strongly condemn the acts of racism against migrants;");
    const auto draft = words.read("Condemns the acts of racism against migrants and refugees;");
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

// The runs, rendered "[-removed-]{+inserted+}", and both texts given back: equal and insert runs make the
// draft, equal and remove runs the reference, space for space.
std::string runs_of(const std::string& draft_text, const std::string& reference_text) {
    models::stemmer stem;
    word_reader words(stem);
    const alignment a = align(words.read(draft_text), words.read(reference_text));
    std::string out, draft, reference;
    for (const redline_run& run : a.redline) {
        out += run.op == edit_op::equal ? run.text : run.op == edit_op::remove ? "[-" + run.text + "-]" : "{+" + run.text + "+}";
        if (run.op != edit_op::remove) draft += run.text;
        if (run.op != edit_op::insert) reference += run.text;
    }
    EXPECT_EQ(draft, draft_text);
    EXPECT_EQ(reference, reference_text);
    return out;
}

TEST(Alignment, RunsGiveBackBothTextsSpaceForSpace) {
    // the draft ends after a word the reference goes on from: the reference's space goes with what it drops
    EXPECT_EQ(runs_of("the Charter of the United Nations,", "the Charter of the United Nations, including its Article 26,"),
              "the Charter of the United Nations,[- including its Article 26,-]");
    EXPECT_EQ(runs_of("the Charter, including its Article 26,", "the Charter,"), "the Charter,{+ including its Article 26,+}");
    // punctuation dropped before dropped words: one space, not two
    EXPECT_EQ(runs_of("to address the challenges", "to address, in a holistic manner, the challenges"),
              "to address[-,-] [-in a holistic manner, -]the challenges");
    // a symbol between two words is removed and inserted as a word would be
    EXPECT_EQ(runs_of("regional & national levels", "regional and national levels"), "regional {+& +}[-and -]national levels");
}

TEST(Alignment, LongDeletionsAreShortenedToABudgetOfWords) {
    const std::vector<redline_run> runs{{edit_op::remove, "one two three "},
                                        {edit_op::equal, "kept words "},
                                        {edit_op::remove, "four five six seven "},
                                        {edit_op::insert, "new "},
                                        {edit_op::remove, "eight nine"}};
    const auto shortened = shorten_deletions(runs, 5);
    ASSERT_EQ(shortened.size(), 5u);
    EXPECT_EQ(shortened[0].text, "one two three ");
    EXPECT_EQ(shortened[0].omitted_words, 0u);
    EXPECT_EQ(shortened[1].text, "kept words ");
    EXPECT_EQ(shortened[2].text, "four five [... 2 words] ");
    EXPECT_EQ(shortened[2].omitted_words, 2u);
    EXPECT_EQ(shortened[3].text, "new ");
    EXPECT_EQ(shortened[4].text, "[... 2 words] ");
    EXPECT_EQ(shortened[4].omitted_words, 2u);
    const auto whole = shorten_deletions(runs, 9);
    for (std::size_t i = 0; i < runs.size(); ++i) EXPECT_EQ(whole[i].text, runs[i].text);
    // past the budget a changed comma stays a comma; one word left out is "1 word"
    const auto punctuation = shorten_deletions({{edit_op::remove, "a b c "}, {edit_op::equal, "belief"},
                                                {edit_op::remove, ", "}, {edit_op::insert, "; "}, {edit_op::remove, "x y"}},
                                               3);
    EXPECT_EQ(punctuation[2].text, ", ");
    EXPECT_EQ(punctuation[2].omitted_words, 0u);
    EXPECT_EQ(shorten_deletions({{edit_op::remove, "a b c d"}}, 3)[0].text, "a b c [... 1 word] ");
}

TEST(Alignment, ShortCommonRunsAreNotReuse) {
    models::stemmer stem;
    word_reader words(stem);
    const auto reference = words.read("Request the Secretary-General to report on trafficking");
    const auto draft = words.read("Welcomes the Secretary-General and his envoy");
    const alignment a = align(draft, reference);
    EXPECT_DOUBLE_EQ(a.reuse(), 0.0);  // "the Secretary General": three words, fewer than four
    ASSERT_GE(a.redline.size(), 3u);
    EXPECT_EQ(a.redline[2].op, edit_op::equal);
    EXPECT_EQ(a.redline[2].text, "the Secretary-General ");
}

TEST(Alignment, EmptySides) {
    models::stemmer stem;
    word_reader words(stem);
    const alignment a = align(words.read(""), words.read("Recall the Charter"));
    EXPECT_DOUBLE_EQ(a.reuse(), 0.0);
    EXPECT_DOUBLE_EQ(a.coverage(), 0.0);
    ASSERT_EQ(a.redline.size(), 1u);
    EXPECT_EQ(a.redline[0].op, edit_op::remove);
}

}  // namespace
}  // namespace resdraft::analysis
