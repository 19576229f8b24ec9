// The temporary file an output is written to before it is renamed over the target, and the signal
// handling that removes it when SIGINT, SIGTERM or SIGHUP ends the program while it exists.
#pragma once

#include "cli/unique_fd.hpp"

#include <array>
#include <csignal>
#include <string>

namespace resdraft::cli {

class temp_file {
public:
    // Creates DIR/.resdraft-XXXXXX (mode 0600; a short name, so any legal target name leaves room for it)
    // and, unless ignored, handles SIGINT, SIGTERM and SIGHUP. On failure fd() is -1 and error() says why.
    explicit temp_file(const std::string& dir);
    // Removes the file unless commit() renamed it, and puts back the signal handling found on creation.
    ~temp_file();
    temp_file(const temp_file&) = delete;
    temp_file& operator=(const temp_file&) = delete;

    // The file's descriptor; -1 when creation failed or after close().
    [[nodiscard]] int fd() const { return fd_.get(); }
    // The errno of a failed creation; 0 otherwise.
    [[nodiscard]] int error() const { return error_; }
    // Closes the descriptor; returns 0, or the errno of a failed close.
    int close() { return fd_.close(); }
    // Renames the file to TARGET; returns 0, or the errno of a failed rename (the file is then removed).
    int commit(const std::string& target);

private:
    unique_fd fd_;
    int error_ = 0;
    std::array<struct sigaction, 3> previous_{};  // the handling of each cleanup signal before this file
};

}  // namespace resdraft::cli
