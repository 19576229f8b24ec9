// libFuzzer target: any bytes through the PDF reader (poppler's text layer, laid out as PyMuPDF text), then the parser and the JSON writer (fuzz/targets.hpp).
#include "fuzz/targets.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    resdraft::fuzz::pdf_target({reinterpret_cast<const char*>(data), size});
    return 0;
}
