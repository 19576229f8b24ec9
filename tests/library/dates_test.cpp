#include "library/dates.hpp"

#include <gtest/gtest.h>

namespace resdraft::library {
namespace {

TEST(SortDate, FromTheHeaderDateElseTheSession) {
    const struct {
        const char *date, *symbol, *want;
    } cases[] = {
        {"3 December 2025", "A/RES/80/19", "2025-12-03"},
        {"03 December 2025", "", "2025-12-03"},
        {"19 September 2025", "", "2025-09-19"},
        {"-1 December 2025", "A/RES/80/1", "2025"},  // not a day: the session's year
        {"31 Foo 2025", "A/68/L.5", "2013"},
        {"December 2025", "", ""},
        {"3 December 25", "", ""},
        {"32 December 2025", "", ""},
        {"", "A/RES/80/19", "2025"},
        {"", "A/68/L.5", "2013"},
        {"", "A/C.3/80/L.5", ""},   // a Main Committee's symbol: no session where this reads one
        {"", "A/RES/ES-10/1", ""},  // an emergency special session
        {"", "A/RES/1000/1", ""},
        {"", "S/RES/2720", ""},
        {"", "draft", ""},
    };
    for (const auto& c : cases) EXPECT_EQ(sort_date(c.date, c.symbol), c.want) << c.date << " | " << c.symbol;
}

}  // namespace
}  // namespace resdraft::library
