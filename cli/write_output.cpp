// Writing a report: to standard output, or to --output FILE through a temporary file and a rename.
#include "cli/files.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <unistd.h>

namespace resdraft::cli {
namespace {

// Writes all of `text` to FD at its offset, through short writes and EINTR. Returns 0, or the errno of the
// failed write, with `written` saying how many bytes went out before it.
int write_all(int fd, std::string_view text, std::size_t& written) {
    written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return errno;
        if (n == 0) return EIO;  // no progress and no reason: do not spin
        written += static_cast<std::size_t>(n);
    }
    return 0;
}

error file_error(const std::string& path, const std::string& what, std::size_t offset = 0) {
    return {path + ": " + what, offset, {}};
}

}  // namespace

std::optional<error> write_standard_output(std::string_view text) {
    std::size_t written = 0;
    if (const int err = write_all(STDOUT_FILENO, text, written))
        return error{std::string("cannot write to standard output: ") + std::strerror(err), std::nullopt, {}};
    return std::nullopt;
}

std::optional<int> close_standard_output() {
    std::cout.flush();
    errno = 0;
    const bool flush_failed = std::fflush(stdout) != 0;
    const int err = errno;
    if (flush_failed || std::ferror(stdout) != 0 || std::cout.bad()) return err != 0 ? err : EIO;
    // nothing is left to write now, so EBADF only says standard output was closed to begin with
    if (::close(STDOUT_FILENO) != 0 && errno != EBADF) return errno;
    return std::nullopt;
}

std::optional<error> write_output_file(const std::string& path, std::string_view text) {
    const std::filesystem::path target(path);
    const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return file_error(path, "directory does not exist");
    std::string temp = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) return file_error(path, std::string("cannot create: ") + std::strerror(errno));
    std::size_t written = 0;
    if (write_all(fd, text, written) != 0) {
        ::close(fd);
        std::filesystem::remove(temp, ec);
        return file_error(path, "write failed", written);
    }
    ::close(fd);
    std::filesystem::rename(temp, target, ec);
    if (ec) {
        std::filesystem::remove(temp, ec);
        return file_error(path, "cannot write");
    }
    return std::nullopt;
}

}  // namespace resdraft::cli
