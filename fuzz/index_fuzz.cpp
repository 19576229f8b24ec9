// libFuzzer target: any bytes through the structural index on every path and layout, which must agree
// with the scalar path and with check_text_encoding (fuzz/targets.hpp).
#include "fuzz/targets.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    resdraft::fuzz::index_target({reinterpret_cast<const char*>(data), size});
    return 0;
}
