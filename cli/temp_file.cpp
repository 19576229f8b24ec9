// A temporary file that a signal cannot leave behind: the handler unlinks it (unlink is async-signal-safe;
// its path waits in a fixed buffer, since a handler may not allocate), then the signal ends the program as
// it would have.
#include "cli/temp_file.hpp"

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

namespace resdraft::cli {
namespace {

constexpr std::array<int, 3> cleanup_signals{SIGINT, SIGTERM, SIGHUP};

char temp_path[PATH_MAX];                  // the one temporary file that exists at a time, if any
volatile std::sig_atomic_t temp_exists = 0;  // whether temp_path names a file to remove

void remove_temp_and_die(int sig) {
    if (temp_exists) ::unlink(temp_path);
    // SA_RESETHAND put back the default action; the signal, blocked while this runs, is delivered on return
    ::raise(sig);
}

// Holds the cleanup signals back for its lifetime, so the file and temp_exists change together.
class signals_held {
public:
    signals_held() {
        sigset_t set;
        sigemptyset(&set);
        for (const int s : cleanup_signals) sigaddset(&set, s);
        pthread_sigmask(SIG_BLOCK, &set, &previous_);
    }
    ~signals_held() { pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }
    signals_held(const signals_held&) = delete;
    signals_held& operator=(const signals_held&) = delete;

private:
    sigset_t previous_;
};

// Installs remove_temp_and_die for each cleanup signal not ignored (`nohup`, or `&` in a script, ignore
// some on purpose), saving what was there.
void install_handlers(std::array<struct sigaction, 3>& previous) {
    struct sigaction ours {};
    ours.sa_handler = remove_temp_and_die;
    ours.sa_flags = SA_RESETHAND;
    sigemptyset(&ours.sa_mask);
    for (const int s : cleanup_signals) sigaddset(&ours.sa_mask, s);  // one cleanup at a time
    for (std::size_t i = 0; i < cleanup_signals.size(); ++i) {
        sigaction(cleanup_signals[i], nullptr, &previous[i]);
        if (previous[i].sa_handler != SIG_IGN) sigaction(cleanup_signals[i], &ours, nullptr);
    }
}

}  // namespace

temp_file::temp_file(const std::string& dir) {
    const signals_held held;
    const int n = std::snprintf(temp_path, sizeof temp_path, "%s/.resdraft-XXXXXX", dir.c_str());
    install_handlers(previous_);
    if (n < 0 || static_cast<std::size_t>(n) >= sizeof temp_path) {
        error_ = ENAMETOOLONG;
        return;
    }
    const int fd = ::mkostemp(temp_path, O_CLOEXEC);
    if (fd < 0) error_ = errno;
    fd_.reset(fd);
    temp_exists = fd >= 0;
}

temp_file::~temp_file() {
    const signals_held held;
    close();
    if (temp_exists) ::unlink(temp_path);
    temp_exists = 0;
    for (std::size_t i = 0; i < cleanup_signals.size(); ++i) sigaction(cleanup_signals[i], &previous_[i], nullptr);
}

int temp_file::commit(const std::string& target) {
    const signals_held held;  // a signal arriving now waits until the file has its final name
    if (::rename(temp_path, target.c_str()) != 0) return errno;
    temp_exists = 0;
    return 0;
}

}  // namespace resdraft::cli
