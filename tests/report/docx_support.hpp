// What the Word report's tests share: the entries of a .docx held in memory.
#pragma once

#include <gtest/gtest.h>
#include <zip.h>

#include <string>
#include <utility>
#include <vector>

namespace resdraft::testing {

// The entries of a zip held in memory, name -> bytes, in archive order; fails the test when libzip cannot open
// it (ZIP_CHECKCONS: the central directory and the local headers must agree).
inline std::vector<std::pair<std::string, std::string>> unzip(const std::string& bytes) {
    std::vector<std::pair<std::string, std::string>> out;
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
    if (archive == nullptr) {
        ADD_FAILURE() << "libzip cannot open the .docx: " << zip_error_strerror(&error);
        if (source) zip_source_free(source);
        return out;
    }
    for (zip_int64_t i = 0; i < zip_get_num_entries(archive, 0); ++i) {
        zip_stat_t st;
        zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st);
        std::string content(static_cast<std::size_t>(st.size), '\0');
        zip_file_t* f = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
        EXPECT_NE(f, nullptr) << st.name;
        if (f == nullptr) continue;
        EXPECT_EQ(zip_fread(f, content.data(), st.size), static_cast<zip_int64_t>(st.size)) << st.name;
        zip_fclose(f);
        out.emplace_back(st.name, std::move(content));
    }
    zip_close(archive);
    return out;
}

// Part `name` of unzipped entries; fails the test when there is none.
inline std::string part_of(const std::vector<std::pair<std::string, std::string>>& parts, const std::string& name) {
    for (const auto& [n, xml] : parts)
        if (n == name) return xml;
    ADD_FAILURE() << "no part " << name;
    return "";
}

}  // namespace resdraft::testing
