// The temporary file an output is written to before it is renamed over the target.
#pragma once

#include "cli/unique_fd.hpp"

#include <string>

namespace resdraft::cli {

class temp_file {
public:
    // Creates DIR/.resdraft-XXXXXX (mode 0600; a short name, so any legal target name leaves room for it).
    // On failure fd() is -1 and error() says why.
    explicit temp_file(const std::string& dir);
    // Removes the file unless commit() renamed it.
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
    std::string path_;
    unique_fd fd_;
    int error_ = 0;
    bool exists_ = false;  // whether path_ names a file to remove
};

}  // namespace resdraft::cli
