// dump_with_lists writes the bytes a whole-tree dump writes, one list element at a time.
#include "report/json_lists.hpp"

#include <gtest/gtest.h>

namespace resdraft::report {
namespace {

using nlohmann::ordered_json;

TEST(JsonLists, TheSameBytesAsTheWholeTree) {
    const auto element = [](std::size_t i) {
        return ordered_json{{"id", std::to_string(i)}, {"text", "a \"quoted\" \"items\": []"}, {"list", {1, 2, i}},
                            {"empty", ordered_json::array()}, {"nested", {{"items", ordered_json::array()}}}};
    };
    ordered_json whole{{"name", "items"}, {"items", ordered_json::array()}, {"gaps", ordered_json::array()}, {"after", 1}};
    for (std::size_t i = 0; i < 3; ++i) whole["items"].push_back(element(i));
    ordered_json head = whole;
    head["items"] = ordered_json::array();
    EXPECT_EQ(dump_with_lists(head, {{"items", 3, element}, {"gaps", 0, element}}), whole.dump(2) + "\n");
    EXPECT_EQ(dump_with_lists(head, {}), head.dump(2) + "\n");
    // two lists given in the other order than the head's; a key the head lacks is a bug
    ordered_json both = whole;
    both["gaps"] = ordered_json::array({element(7)});  // array(): a one-element brace list copies under clang
    EXPECT_EQ(dump_with_lists(head, {{"gaps", 1, [&](std::size_t) { return element(7); }}, {"items", 3, element}}),
              both.dump(2) + "\n");
    EXPECT_THROW(dump_with_lists(head, {{"nested", 1, element}}), std::logic_error);  // not at the top level
    EXPECT_THROW(dump_with_lists(head, {{"items", 1, element}, {"items", 1, element}}), std::logic_error);
}

}  // namespace
}  // namespace resdraft::report
