// A file descriptor closed when it goes out of scope.
#pragma once

#include <cerrno>
#include <unistd.h>

namespace resdraft::cli {

class unique_fd {
public:
    explicit unique_fd(int fd = -1) : fd_(fd) {}
    unique_fd(const unique_fd&) = delete;
    unique_fd& operator=(const unique_fd&) = delete;
    ~unique_fd() { close(); }

    // The descriptor; negative when the open failed or after close().
    [[nodiscard]] int get() const { return fd_; }

    // Closes the descriptor held, if any, and holds `fd` instead.
    void reset(int fd) {
        close();
        fd_ = fd;
    }

    // Closes it now; returns 0, or the errno of a failed close (a write error an NFS server reports late).
    int close() {
        if (fd_ < 0) return 0;
        const int rc = ::close(fd_);
        fd_ = -1;
        return rc == 0 ? 0 : errno;
    }

private:
    int fd_;
};

}  // namespace resdraft::cli
