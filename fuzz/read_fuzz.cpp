// libFuzzer target: any bytes read by the command line's block reader (cli/files.hpp), which checks each
// 64 KiB block as it arrives and stops at a size cap, from a regular file (whose size it trusts) or from
// standard input (a pipe, read to the cap). It must agree with checking the whole text at once: the same
// bytes back, or the same first bad byte (a UTF-8 sequence cut at a block end included), or the cap.
// The first byte picks the source and the cap, so that small caps meet block ends too.
#include "cli/files.hpp"
#include "grammar/parser.hpp"
#include "readers/reader.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

using result = std::variant<std::string, resdraft::cli::error>;

void write_all(int fd, std::string_view bytes) {
    if (::write(fd, bytes.data(), bytes.size()) != static_cast<ssize_t>(bytes.size())) std::abort();
}

result read_as_file(std::string_view bytes, std::size_t cap) {
    const int fd = ::memfd_create("read_fuzz", MFD_CLOEXEC);
    if (fd < 0) std::abort();
    write_all(fd, bytes);
    result r = resdraft::cli::read_input("/proc/self/fd/" + std::to_string(fd), cap);
    ::close(fd);
    return r;
}

// Through a pipe on standard input; the pipe holds the whole input (at most 1 MiB), so nothing blocks.
result read_as_stream(std::string_view bytes, std::size_t cap) {
    int ends[2];
    if (::pipe(ends) != 0 || ::fcntl(ends[1], F_SETPIPE_SZ, 1 << 20) < 0) std::abort();
    write_all(ends[1], bytes);
    ::close(ends[1]);
    const int saved = ::dup(STDIN_FILENO);
    ::dup2(ends[0], STDIN_FILENO);
    result r = resdraft::cli::read_input("-", cap);
    ::dup2(saved, STDIN_FILENO);
    ::close(saved);
    ::close(ends[0]);
    return r;
}

// What the reader must answer: the checks of the whole text, within the cap.
void expect_agreement(const result& got, std::string_view bytes, std::size_t cap, bool regular) {
    const auto* text = std::get_if<std::string>(&got);
    const auto* e = std::get_if<resdraft::cli::error>(&got);
    // a .docx, a PDF or an OLE file by its first bytes is read whole, unchecked (its reader checks it), to the
    // cap; a magic the cap cuts is never seen whole, and those bytes are text
    if (resdraft::readers::detect_format(bytes.substr(0, cap)) != resdraft::readers::file_format::text) {
        if (bytes.size() > cap ? !(e && e->offset == cap) : !(text && *text == bytes)) std::abort();
        return;
    }
    if (bytes.size() > cap) {
        const auto bad = resdraft::grammar::check_text_encoding(bytes.substr(0, cap));
        // a regular file is refused by its size; a stream at its first bad byte, or at the cap when nothing
        // before it is surely bad (a sequence the cap cuts may go on past it)
        const bool cut_by_cap = bad && bad->offset + 4 > cap && bad->message == "invalid UTF-8 (truncated sequence)";
        const bool at_cap = e && e->offset == cap && (regular || !bad || cut_by_cap);
        if (!at_cap && !(e && !regular && bad && e->offset == bad->offset)) std::abort();
        return;
    }
    const auto bad = resdraft::grammar::check_text_encoding(bytes);
    if (bad ? !(e && e->offset == bad->offset) : !(text && *text == bytes)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0 || size > (std::size_t{1} << 20)) return 0;
    const bool regular = data[0] & 1;
    const std::size_t cap = data[0] & 2 ? std::size_t{1} << (data[0] >> 3) % 20 : resdraft::cli::default_max_input;
    const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    expect_agreement(regular ? read_as_file(bytes, cap) : read_as_stream(bytes, cap), bytes, cap, regular);
    return 0;
}
