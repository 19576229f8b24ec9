// libFuzzer target: any bytes as a draft, checked against the embedded reference and clustered with it
// (fuzz/targets.hpp).
#include "fuzz/targets.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    resdraft::fuzz::analysis_target({reinterpret_cast<const char*>(data), size});
    return 0;
}
