# Writes a C++ source holding the bytes of INPUT as resdraft::corpus::reference_text().
file(READ "${INPUT}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
get_filename_component(name "${INPUT}" NAME)
file(WRITE "${OUTPUT}" "// Generated from corpus/${name} by cmake/embed.cmake; do not edit.
#include \"corpus/embedded.hpp\"
namespace resdraft::corpus {
namespace {
constexpr unsigned char bytes[] = {
${bytes}0x00};
}
std::string_view reference_text() { return {reinterpret_cast<const char*>(bytes), sizeof bytes - 1}; }
std::string_view reference_name() { return \"${name}\"; }
}  // namespace resdraft::corpus
")
