// libFuzzer target: any bytes through the parser and both parse writers. Must never crash or hang.
#include "grammar/parser.hpp"
#include "report/parse_report.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto result = resdraft::grammar::parse_document(input, {"fuzz.txt"});
    if (!result.ok()) return 0;
    const auto& doc = result.value();
    for (const auto& p : doc.paragraphs)
        for (const auto& c : p.clauses)
            if (c.whole.end > size || c.phrase.begin < c.whole.begin) __builtin_trap();  // spans stay inside the input
    (void)resdraft::report::parse_json(input, doc, "fuzz.txt");
    (void)resdraft::report::parse_outline(input, doc, "fuzz.txt");
    return 0;
}
