// Running the resdraft binary (or any shell script) from the CLI tests, its output and exit code captured.
#pragma once

#include "test_support.hpp"

#include <cstdlib>
#include <filesystem>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace resdraft::testing {

struct run_result {
    int exit_code = -1;
    std::string out, err;
};

// A scratch folder of this test process: /tmp/resdraft-SUITE-PID.
inline std::filesystem::path scratch_folder(const std::string& suite) {
    auto dir = std::filesystem::temp_directory_path() / ("resdraft-" + suite + "-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    return dir;
}

// Runs `script` with the shell, its standard output and error captured into `dir` (a redirection in the script wins).
inline run_result run_shell(const std::string& script, const std::filesystem::path& dir) {
    const auto out = dir / "stdout", err = dir / "stderr";
    const std::string command = "{ " + script + "\n} >" + out.string() + " 2>" + err.string();
    const int status = std::system(command.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(out), read_file(err)};
}

}  // namespace resdraft::testing
