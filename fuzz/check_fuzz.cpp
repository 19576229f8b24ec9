// libFuzzer target: any bytes as a draft checked against the embedded reference, through all three
// check writers. Must never crash or hang.
#include "analysis/check.hpp"
#include "corpus/embedded.hpp"
#include "grammar/parser.hpp"
#include "report/check_report.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const auto reference = resdraft::grammar::parse_document(resdraft::corpus::reference_text(), {"a-68-l5.txt"});
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto draft = resdraft::grammar::parse_document(input, {"fuzz.txt"});
    if (!draft.ok()) return 0;
    const auto result = resdraft::analysis::check({resdraft::corpus::reference_text(), &reference.value(), "a-68-l5.txt"},
                                                  {input, &draft.value(), "fuzz.txt"});
    (void)resdraft::report::check_json(result, {});
    (void)resdraft::report::check_text(result, true);
    (void)resdraft::report::check_html(result);
    return 0;
}
