// Writing a report: to standard output, or to --output FILE through a temporary file and a rename.
#include "cli/files.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <unistd.h>

namespace resdraft::cli {
namespace {

error file_error(const std::string& path, const std::string& what, std::size_t offset = 0) {
    return {path + ": " + what, offset, {}};
}

}  // namespace

std::optional<error> write_standard_output(std::string_view text) {
    std::cout << text;
    std::cout.flush();
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
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n <= 0) {
            ::close(fd);
            std::filesystem::remove(temp, ec);
            return file_error(path, "write failed", written);
        }
        written += static_cast<std::size_t>(n);
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
