#include "grammar/lexicon.hpp"

#include <gtest/gtest.h>

namespace resdraft::grammar {
namespace {

TEST(Lexicon, HoldsSeveralHundredForms) {
    EXPECT_GE(lexicon_forms().size(), 400u);
}

TEST(Lexicon, MatchesMultiwordThirdPersonVerb) {
    const auto m = match_verb("Calls upon all States to");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->entry->lemma, "call upon");
    EXPECT_EQ(m->form, verb_form::third_person);
    EXPECT_EQ(m->length, 10u);
    EXPECT_EQ(m->entry->strength, 4);
    EXPECT_TRUE(m->entry->directive);
}

TEST(Lexicon, PrefersTheLongestPhrase) {
    const auto m = match_verb("takes note with appreciation of the report");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->entry->lemma, "take note with appreciation of");
    EXPECT_EQ(match_verb("Takes note of the report")->entry->lemma, "take note of");
    EXPECT_EQ(match_verb("Takes note of the report")->entry->strength, 0);
}

TEST(Lexicon, GeneratesBaseThirdPersonAndParticiple) {
    EXPECT_EQ(match_verb("Recognize that")->form, verb_form::base);
    EXPECT_EQ(match_verb("Recognizes that")->form, verb_form::third_person);
    EXPECT_EQ(match_verb("Recognizing that")->form, verb_form::participle);
    EXPECT_EQ(match_verb("Emphasizing")->entry->lemma, "emphasize");
    EXPECT_EQ(match_verb("Stresses the")->entry->lemma, "stress");
    EXPECT_EQ(match_verb("committing to")->entry->lemma, "commit to");
    EXPECT_EQ(match_verb("Having considered the report")->entry->lemma, "consider");
    EXPECT_EQ(match_verb("Invites and encourages all States")->entry->lemma, "invite and encourage");
}

TEST(Lexicon, ExpandsPossessives) {
    EXPECT_EQ(match_verb("Expresses its deep concern at")->entry->lemma, "express deep concern");
    EXPECT_EQ(match_verb("express our appreciation to")->entry->lemma, "express appreciation");
}

TEST(Lexicon, RequiresAWordBoundary) {
    EXPECT_FALSE(match_verb("recognized"));
    EXPECT_FALSE(match_verb("Notebook"));
    EXPECT_FALSE(match_verb("Securing Our Common Future"));
}

TEST(Lexicon, RanksFollowTheDocumentedScale) {
    EXPECT_LT(match_verb("notes")->entry->strength, match_verb("welcomes")->entry->strength);
    EXPECT_LT(match_verb("welcomes")->entry->strength, match_verb("encourages")->entry->strength);
    EXPECT_LT(match_verb("encourages")->entry->strength, match_verb("urges")->entry->strength);
    EXPECT_EQ(match_verb("urges")->entry->strength, match_verb("calls upon")->entry->strength);
    EXPECT_LT(match_verb("urges")->entry->strength, match_verb("decides")->entry->strength);
    EXPECT_EQ(match_verb("Recognize")->entry->strength, match_verb("Acknowledges")->entry->strength);
}

TEST(Lexicon, AdverbsRaiseOnlyWhenIntensifying) {
    const auto strongly = match_adverb("Strongly condemn");
    ASSERT_TRUE(strongly);
    EXPECT_EQ(strongly->canonical, "strongly");
    EXPECT_EQ(strongly->raise, 1);
    EXPECT_EQ(strongly->length, 8u);
    EXPECT_EQ(match_adverb("also requests")->raise, 0);
    EXPECT_EQ(match_adverb("once again urges")->canonical, "once again");
    EXPECT_EQ(match_adverb("in the strongest possible terms")->canonical, "in the strongest terms");
    EXPECT_FALSE(match_adverb("alsoX"));
}

TEST(Lexicon, MatchesLinkers) {
    EXPECT_EQ(match_linker("in this regard recognize"), 14u);
    EXPECT_EQ(match_linker("In this context, call"), 15u);
    EXPECT_EQ(match_linker("including"), 0u);
}

}  // namespace
}  // namespace resdraft::grammar
