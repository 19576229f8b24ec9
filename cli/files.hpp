// Reading inputs and writing outputs for the resdraft command line. Failures are values: one line and,
// when it is about a byte of a file, that byte's offset; main.cpp prints them and picks the exit code.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace resdraft::cli {

// Why a file could not be read or written, or why the command line is refused.
struct error {
    std::string message;                // "FILE: is a directory", "--k must be ..."
    std::optional<std::size_t> offset;  // byte offset in the file; none for usage and standard-output errors
    std::string advice;                 // "raise it with --max-input": said after the offset, when there is one
};

// The line to print for `e`: "MESSAGE (byte N); ADVICE", each part only when present.
std::string describe(const error& e);

// The largest input read unless --max-input says otherwise: 256 MiB.
inline constexpr std::size_t default_max_input = std::size_t{256} << 20;

// The bytes of PATH, or of standard input for "-", read in 64 KiB blocks, each checked as text as it arrives.
// Fails at the first NUL or control byte or invalid UTF-8 (offset of that byte); past `max_input` bytes
// (offset max_input, having read one byte more at most); when PATH is missing, unreadable or a directory
// (no offset: it is about the path); on a read error (offset where reading stopped). An input whose first
// bytes are those of a .docx (zip), a PDF or an OLE file (readers::detect_format), or a file named *.docx or
// *.pdf, is read whole without the text checks (its reader checks it), under the same cap.
std::variant<std::string, error> read_input(const std::string& path, std::size_t max_input);

// Writes `text` to standard output. Fails with errno's text ("Broken pipe", "No space left on device").
std::optional<error> write_standard_output(std::string_view text);

// Flushes std::cout and stdout and closes descriptor 1, in the manner of gnulib's close_stdout, so that a
// write error reported only now is not lost. Returns its errno; a descriptor already closed with nothing
// left to write is no error.
std::optional<int> close_standard_output();

// Writes `text` to PATH. A symbolic link is followed to the file it names (created when missing); the link
// stays. A regular file is replaced whole through a temporary file and a rename, keeping its mode and (as
// root) its owner; a new file gets 0666 less the umask. A file with several hard links is rewritten in
// place so every name sees the new text. Character devices and FIFOs are written through. Fails on: a directory,
// block device or socket; a read-only file; a missing folder (no offset: these are about the path); any
// failed system call, naming it (a failed write with how far it got). SIGINT, SIGTERM and SIGHUP remove the temporary file.
std::optional<error> write_output_file(const std::string& path, std::string_view text);

}  // namespace resdraft::cli
