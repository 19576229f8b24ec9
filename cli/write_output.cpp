// Writing a report: to standard output, or to --output FILE in the way that suits what FILE is (a new or
// overwritten file replaced whole, a hard-linked file rewritten in place, a device or FIFO written through).
#include "cli/files.hpp"

#include "cli/temp_file.hpp"
#include "cli/unique_fd.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <linux/magic.h>
#include <sys/stat.h>
#include <sys/statfs.h>
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

// A refusal of PATH has no offset: it is about the path, not a byte; a failed write says how far it got.
error file_error(const std::string& path, const std::string& what, std::optional<std::size_t> offset = std::nullopt) {
    return {path + ": " + what, offset, {}};
}

error cannot_write(const std::string& path, int err, std::optional<std::size_t> offset = std::nullopt) {
    return file_error(path, std::string("cannot write: ") + std::strerror(err), offset);
}

// Where --output writes. `open_file`: the links led into /proc (as /dev/stdout and /dev/fd/N do), whose
// links name open files, not paths, so the file is written through them rather than replaced by name.
struct output_target {
    std::string path;
    bool open_file = false;
};

bool in_proc(const std::filesystem::path& link) {
    struct statfs fs {};
    const std::filesystem::path dir = link.has_parent_path() ? link.parent_path() : ".";
    return ::statfs(dir.c_str(), &fs) == 0 && fs.f_type == PROC_SUPER_MAGIC;
}

// PATH with the symbolic links at its end followed, each relative one from its own folder, so that the
// file a link names is replaced and the link stays a link. A dangling link leads to the file to create.
std::variant<output_target, error> follow_links(const std::string& path) {
    std::filesystem::path p = path;
    for (int hops = 0; hops < 40; ++hops) {  // 40: the kernel's own limit
        struct stat st {};
        if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return output_target{p.string()};
        if (in_proc(p)) return output_target{p.string(), true};
        std::error_code ec;
        const std::filesystem::path to = std::filesystem::read_symlink(p, ec);
        if (ec) return cannot_write(path, ec.value());
        p = to.is_absolute() ? to : p.parent_path() / to;
    }
    return cannot_write(path, ELOOP);
}

// What --output never writes to: a directory would be lost, a block device (a disk) overwritten, a socket
// cannot be opened.
std::optional<error> refuse_kind(const std::string& path, mode_t mode) {
    if (S_ISDIR(mode)) return file_error(path, "is a directory; not replaced");
    if (S_ISBLK(mode)) return file_error(path, "is a block device; not written");
    if (S_ISSOCK(mode)) return file_error(path, "is a socket; not written");
    return std::nullopt;
}

// A file no one may write (mode bits), or this user may not (access, which says yes to root for any file).
bool read_only(const std::string& path, mode_t mode) {
    return (mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 || ::access(path.c_str(), W_OK) != 0;
}

// Writes `text` to FD and closes it: a failed close can be a write error reported late.
std::optional<error> write_and_close(const std::string& path, unique_fd& fd, std::string_view text) {
    std::size_t written = 0;
    if (const int err = write_all(fd.get(), text, written)) return cannot_write(path, err, written);
    if (const int err = fd.close()) return cannot_write(path, err, written);
    return std::nullopt;
}

// A device or FIFO is written, not replaced: a rename would put a regular file where /dev/null was, and
// the reader of a FIFO would never see the report. O_TRUNC empties a regular file named through /proc, as
// a shell's > would, and means nothing to devices and FIFOs.
std::optional<error> write_through(const std::string& path, const std::string& target, std::string_view text) {
    unique_fd fd(::open(target.c_str(), O_WRONLY | O_TRUNC | O_NOCTTY | O_CLOEXEC));
    if (fd.get() < 0) return cannot_write(path, errno);
    return write_and_close(path, fd, text);
}

// A file with several hard links is rewritten in place: a rename would give this name a new file and leave
// the other names with the old report. The new size is reserved first, so a full disk fails before a byte
// changes (a signal or crash in the middle still leaves a mix of old and new: the price of keeping links).
std::optional<error> write_in_place(const std::string& path, const std::string& target, std::string_view text) {
    unique_fd fd(::open(target.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC));
    if (fd.get() < 0) return cannot_write(path, errno);
    if (!text.empty()) {
        const int err = ::posix_fallocate(fd.get(), 0, static_cast<off_t>(text.size()));
        if (err != 0 && err != EOPNOTSUPP && err != EINVAL) return cannot_write(path, err);  // else: no reserving here
    }
    std::size_t written = 0;
    if (const int err = write_all(fd.get(), text, written)) return cannot_write(path, err, written);
    if (::ftruncate(fd.get(), static_cast<off_t>(text.size())) != 0) return cannot_write(path, errno, written);
    return write_and_close(path, fd, {});
}

// An overwritten file keeps its mode and, when this process may (as root), its owner; a new file gets
// 0666 less the umask, as a shell's > would give it, rather than mkstemp's 0600. Returns 0 or errno.
int give_mode(int fd, const struct stat* old) {
    if (old == nullptr) {
        const mode_t mask = ::umask(0);  // the only way POSIX offers to read the umask is to set it
        ::umask(mask);
        return ::fchmod(fd, 0666 & ~mask) == 0 ? 0 : errno;
    }
    if (::fchown(fd, old->st_uid, old->st_gid) != 0 && ::geteuid() == 0) return errno;
    return ::fchmod(fd, old->st_mode & 07777) == 0 ? 0 : errno;  // after fchown, which clears set-user-ID bits
}

// Replaces TARGET (or creates it) whole: the text goes to a temporary file beside it, renamed over it when
// complete, so a failure or a signal never leaves a partial report. `old`: TARGET's status, if it exists.
std::optional<error> replace_file(const std::string& path, const std::string& target, std::string_view text,
                                  const struct stat* old) {
    const std::filesystem::path t(target);
    const std::string dir = t.has_parent_path() ? t.parent_path().string() : ".";
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return file_error(path, "directory does not exist");
    temp_file temp(dir);
    if (temp.fd() < 0) return file_error(path, std::string("cannot create a temporary file: ") + std::strerror(temp.error()));
    std::size_t written = 0;
    if (const int err = write_all(temp.fd(), text, written)) return cannot_write(path, err, written);
    if (const int err = give_mode(temp.fd(), old)) return cannot_write(path, err, written);
    if (const int err = temp.close()) return cannot_write(path, err, written);
    if (const int err = temp.commit(target)) return cannot_write(path, err, written);
    return std::nullopt;
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
    auto followed = follow_links(path);
    if (const auto* e = std::get_if<error>(&followed)) return *e;
    const output_target& target = std::get<output_target>(followed);
    struct stat st {};
    if (::stat(target.path.c_str(), &st) != 0) {
        if (errno != ENOENT || target.open_file) return cannot_write(path, errno);
        return replace_file(path, target.path, text, nullptr);
    }
    if (auto refused = refuse_kind(path, st.st_mode)) return refused;
    if (read_only(target.path, st.st_mode)) return file_error(path, "is read-only; not replaced");
    if (!S_ISREG(st.st_mode) || target.open_file) return write_through(path, target.path, text);
    if (st.st_nlink > 1) return write_in_place(path, target.path, text);
    return replace_file(path, target.path, text, &st);
}

}  // namespace resdraft::cli
