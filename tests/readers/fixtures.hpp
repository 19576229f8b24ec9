// The Word fixtures of corpus/fixtures/: which text draft each is made from and how (tools/make_fixtures
// writes them, CliFixtures in tests/cli/readers_cli_test.cpp checks them against their texts).
#pragma once

#include "readers/text_as_docx.hpp"

#include <string>
#include <vector>

namespace resdraft::testing {

struct fixture {
    std::string docx;  // file name in corpus/fixtures/
    std::string text;  // the draft it is made from, relative to the clone
    text_as_docx_options options;
};

inline std::vector<fixture> word_fixtures() {
    // a GA-style draft: paragraphs 1., subparagraphs (a), sub-subparagraphs (i) and two footnotes, all as Word holds them
    fixture numbered{"ga-draft-migration.docx", "corpus/ga-draft-migration.txt", {}};
    numbered.options.notes = true;
    // the follow-up draft after a round of negotiation: "Urges" and "Calls upon" softened, with Track Changes on
    fixture round2{"migration-followup-round2.docx", "corpus/drafts/migration-followup.txt", {}};
    round2.options.edits = {{"3", "Urges", "Encourages"}, {"10", "Calls upon", "Invites"}};
    return {numbered, round2};
}

}  // namespace resdraft::testing
