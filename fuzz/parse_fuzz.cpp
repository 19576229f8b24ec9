// libFuzzer target: any bytes through the parser and both parse writers (fuzz/targets.hpp).
#include "fuzz/targets.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    resdraft::fuzz::parse_target({reinterpret_cast<const char*>(data), size});
    return 0;
}
