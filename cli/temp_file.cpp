// The temporary file beside an output, removed unless renamed over it.
#include "cli/temp_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>

namespace resdraft::cli {

temp_file::temp_file(const std::string& dir) : path_(dir + "/.resdraft-XXXXXX") {
    const int fd = ::mkostemp(path_.data(), O_CLOEXEC);
    if (fd < 0) error_ = errno;
    fd_.reset(fd);
    exists_ = fd >= 0;
}

temp_file::~temp_file() {
    close();
    if (exists_) ::unlink(path_.c_str());
}

int temp_file::commit(const std::string& target) {
    if (::rename(path_.c_str(), target.c_str()) != 0) return errno;
    exists_ = false;
    return 0;
}

}  // namespace resdraft::cli
