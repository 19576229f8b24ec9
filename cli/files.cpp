// Reading an input: in blocks, each checked as text as it arrives, so that binary or endless input
// (/dev/zero, /dev/urandom, `yes |`) is refused at its first bad byte or at the size cap instead of
// filling memory first.
#include "cli/files.hpp"

#include "cli/numbers.hpp"
#include "cli/unique_fd.hpp"
#include "grammar/parser.hpp"
#include "readers/reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace resdraft::cli {
namespace {

constexpr std::size_t block_size = std::size_t{64} << 10;

// How many bytes at the end of `s` open a UTF-8 sequence that is not finished yet (0 to 3): the next
// block may finish it, so they are checked with that block, or at the end of the input.
std::size_t unfinished_tail(std::string_view s) {
    for (std::size_t back = 1; back <= 3 && back <= s.size(); ++back) {
        const auto c = static_cast<unsigned char>(s[s.size() - back]);
        if ((c & 0xC0) == 0x80) continue;  // a continuation byte: its lead is further back
        // only a byte that can open a sequence waits (0xC0, 0xC1 and 0xF5 up are wrong wherever they stand)
        const std::size_t length = c > 0xF4 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 1;
        return length > back ? back : 0;
    }
    return 0;
}

// Checks data[checked, end) as text, where `end` leaves out an unfinished tail unless `at_end`; moves
// `checked` to `end`. The error's offset is absolute in the input.
std::optional<error> check_new_bytes(const std::string& name, std::string_view data, std::size_t& checked,
                                     bool at_end) {
    const std::string_view fresh = data.substr(checked);
    const std::size_t end = data.size() - (at_end ? 0 : unfinished_tail(fresh));
    if (auto bad = grammar::check_text_encoding(data.substr(checked, end - checked)))
        return error{name + ": " + bad->message, checked + bad->offset, {}};
    checked = end;
    return std::nullopt;
}

error too_large(const std::string& name, std::size_t max_input) {
    return {name + ": input larger than the " + format_size(max_input) + " limit", max_input, "raise it with --max-input"};
}

error read_error(const std::string& name, int err, std::size_t offset) {
    return {name + ": read error: " + std::strerror(err), offset, {}};
}

// Reads up to `room` bytes onto the end of `data` (growing it at most to `max_input`, so that a 256 MiB
// input never asks for a 512 MiB buffer). Returns the count read, or -1 with errno set.
ssize_t read_block(int fd, std::string& data, std::size_t room, std::size_t max_input) {
    const std::size_t old = data.size();
    if (data.capacity() < old + room) data.reserve(std::min(std::max(old + room, 2 * data.capacity()), max_input));
    data.resize(old + room);
    ssize_t n;
    do n = ::read(fd, data.data() + old, room);
    while (n < 0 && errno == EINTR);
    const int err = errno;
    data.resize(old + static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
    errno = err;
    return n;
}

// Whether FD holds a byte past the cap; reads that one byte only, so the rest of an endless input is never read.
std::optional<error> refuse_more(int fd, const std::string& name, std::size_t max_input) {
    char extra;
    ssize_t n;
    do n = ::read(fd, &extra, 1);
    while (n < 0 && errno == EINTR);
    if (n < 0) return read_error(name, errno, max_input);
    if (n > 0) return too_large(name, max_input);
    return std::nullopt;
}

// Enough bytes to tell a .docx, a PDF or an OLE file by its magic (readers::detect_format).
constexpr std::size_t magic_size = 8;

// All of FD, checked block by block; `expected` (a regular file's size) sizes the buffer up front, with
// room for the read that finds the end. Not checked as text when its first bytes, or `claimed`, say it is
// a .docx, a PDF or an OLE file: its reader checks it.
std::variant<std::string, error> read_blocks(int fd, const std::string& name, std::size_t max_input,
                                             std::size_t expected, bool claimed) {
    std::string data;
    data.reserve(std::min(expected + block_size, max_input));
    std::size_t checked = 0;
    std::optional<bool> binary;  // decided once magic_size bytes are in, no magic can still come, or the input ends
    const auto decide = [&] {
        if (!binary) binary = claimed || readers::detect_format(data) != readers::file_format::text;
    };
    for (;;) {
        const std::size_t room = std::min(block_size, max_input - data.size());
        if (room == 0) {
            // bytes the cap left undecided (a magic's first bytes) are text now: a bad one among them is named first
            decide();
            if (binary == false)
                if (auto e = check_new_bytes(name, data, checked, false)) return *std::move(e);
            if (auto e = refuse_more(fd, name, max_input)) return *std::move(e);
            break;
        }
        const std::size_t old = data.size();
        const ssize_t n = read_block(fd, data, room, max_input);
        if (n < 0) return read_error(name, errno, old);
        if (n == 0) break;
        // decided as soon as no magic can still come (a first byte 0xFF is named at once)
        if (data.size() >= magic_size || !readers::may_become_magic(data)) decide();
        if (binary == false)
            if (auto e = check_new_bytes(name, data, checked, false)) return *std::move(e);
    }
    decide();
    if (binary == false)
        if (auto e = check_new_bytes(name, data, checked, true)) return *std::move(e);
    return data;
}

}  // namespace

std::string describe(const error& e) {
    std::string line = e.message;
    if (e.offset) line += " (byte " + std::to_string(*e.offset) + ")";
    if (!e.advice.empty()) line += "; " + e.advice;
    return line;
}

std::variant<std::string, error> read_input(const std::string& path, std::size_t max_input) {
    if (path == "-") return read_blocks(STDIN_FILENO, path, max_input, 0, false);
    const unique_fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    struct stat st {};
    if (fd.get() < 0 || ::fstat(fd.get(), &st) != 0) return error{path + ": cannot open: " + std::strerror(errno), std::nullopt, {}};
    if (S_ISDIR(st.st_mode)) return error{path + ": is a directory", std::nullopt, {}};
    const bool regular = S_ISREG(st.st_mode);
    // a regular file says its size: one past the cap is refused before a byte is read
    if (regular && static_cast<std::uint64_t>(st.st_size) > max_input) return too_large(path, max_input);
    const auto claimed = readers::format_of_name(path);
    return read_blocks(fd.get(), path, max_input, regular ? static_cast<std::size_t>(st.st_size) : 0,
                       claimed && *claimed != readers::file_format::text);
}

}  // namespace resdraft::cli
