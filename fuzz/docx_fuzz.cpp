// libFuzzer target: any bytes through the .docx reader (zip, XML, numbering, tracked changes, notes), then the parser and the JSON writer (fuzz/targets.hpp).
#include "fuzz/targets.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    resdraft::fuzz::docx_target({reinterpret_cast<const char*>(data), size});
    return 0;
}
