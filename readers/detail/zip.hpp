// A zip archive read from memory, each entry unpacked under the caps of zip_limits. libzip stays in zip.cpp.
#pragma once

#include "readers/reader.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace resdraft::readers::detail {

class zip_archive {
public:
    // Opens the archive held by `bytes`, which must outlive it. Fails on what is not a zip archive or is a
    // damaged one ("damaged zip archive: not a zip archive", "... unexpected end of file").
    static std::variant<zip_archive, read_error> open(std::string_view bytes, const zip_limits& limits);

    // Whether the archive has an entry of that name (ASCII case ignored, as OPC part names are compared).
    [[nodiscard]] bool has(const std::string& name) const;

    // The unpacked bytes of entry `name`, or nothing when there is no such entry. Fails on a damaged or
    // encrypted entry, and when the entry would pass the caps: the bytes unpacked by this archive so far
    // and this entry's past limits.max_unpacked ("word/document.xml unpacks to more than 256 MiB, the cap
    // on a .docx's parts: a zip bomb?"), or an entry larger than limits.ratio_floor unpacking to more than
    // limits.max_ratio times its packed size; both are checked on the sizes the archive declares, before
    // unpacking, and on the bytes unpacked, as they come.
    std::variant<std::optional<std::string>, read_error> read(const std::string& name);

    zip_archive(zip_archive&&) noexcept;
    zip_archive& operator=(zip_archive&&) noexcept;
    ~zip_archive();

private:
    struct state;
    explicit zip_archive(std::unique_ptr<state> s);
    std::unique_ptr<state> state_;
};

// "256 MiB", "1 KiB", "300 bytes": a size for messages.
std::string size_words(std::size_t bytes);

}  // namespace resdraft::readers::detail
