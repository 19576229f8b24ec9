// Every input in fuzz/regressions/ through the fuzz targets: what once crashed or hung must not again.
#include "fuzz/targets.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace {

std::vector<std::filesystem::path> regression_inputs() {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(RESDRAFT_SOURCE_DIR) / "fuzz/regressions"))
        if (e.path().filename() != "README.md") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

TEST(FuzzRegressions, EveryKeptInputRunsThroughTheTargets) {
    const auto inputs = regression_inputs();
    ASSERT_GE(inputs.size(), 2u) << "fuzz/regressions lost its inputs";
    for (const auto& path : inputs) {
        SCOPED_TRACE(path.filename().string());
        const std::string input = resdraft::testing::read_file(path);
        ASSERT_FALSE(input.empty());
        resdraft::fuzz::parse_target(input);
        resdraft::fuzz::analysis_target(input);
        resdraft::fuzz::index_target(input);
        resdraft::fuzz::vectors_target(input);
        resdraft::fuzz::docx_target(input);
        resdraft::fuzz::pdf_target(input);
    }
}

}  // namespace
