// libzip over a buffer. Why libzip rather than minizip: it opens an archive held in memory directly
// (zip_source_buffer_create, where minizip needs a hand-written I/O layer), checks each entry's CRC and
// size as it unpacks, reports errors as codes rather than by printing, and writes archives too, which the
// tests use to build their .docx files.
#include "readers/detail/zip.hpp"

#include <zip.h>

#include <algorithm>
#include <cctype>

namespace resdraft::readers::detail {
namespace {

// libzip's reason in words of our own for the common codes, so messages do not change with its version.
std::string reason(zip_error_t* e) {
    switch (zip_error_code_zip(e)) {
        case ZIP_ER_NOZIP: return "not a zip archive";
        case ZIP_ER_INCONS: return "inconsistent entries";
        case ZIP_ER_EOF: return "unexpected end of file";
        case ZIP_ER_CRC: return "CRC mismatch";
        case ZIP_ER_COMPNOTSUPP: return "compression method not supported";
        case ZIP_ER_ENCRNOTSUPP:
        case ZIP_ER_NOPASSWD:
        case ZIP_ER_WRONGPASSWD: return "encrypted";
        case ZIP_ER_ZLIB: return "damaged compressed data";
        case ZIP_ER_MEMORY: return "out of memory";
        default: break;
    }
    std::string text = zip_error_strerror(e);
    if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    return text;
}

struct archive_closer {
    void operator()(zip_t* z) const { zip_discard(z); }
};
struct file_closer {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};

}  // namespace

struct zip_archive::state {
    std::unique_ptr<zip_t, archive_closer> archive;
    zip_limits limits;
    std::size_t unpacked = 0;  // bytes unpacked so far, all entries together
};

zip_archive::zip_archive(std::unique_ptr<state> s) : state_(std::move(s)) {}
zip_archive::zip_archive(zip_archive&&) noexcept = default;
zip_archive& zip_archive::operator=(zip_archive&&) noexcept = default;
zip_archive::~zip_archive() = default;

std::string size_words(std::size_t bytes) {
    if (bytes >= (std::size_t{1} << 30) && bytes % (std::size_t{1} << 30) == 0) return std::to_string(bytes >> 30) + " GiB";
    if (bytes >= (std::size_t{1} << 20) && bytes % (std::size_t{1} << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
    if (bytes >= (std::size_t{1} << 10) && bytes % (std::size_t{1} << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
    return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
}

std::variant<zip_archive, read_error> zip_archive::open(std::string_view bytes, const zip_limits& limits) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
    if (archive == nullptr) {
        if (source) zip_source_free(source);
        read_error e{"damaged zip archive: " + reason(&error), std::nullopt};
        zip_error_fini(&error);
        return e;
    }
    zip_error_fini(&error);
    auto s = std::make_unique<state>();
    s->archive.reset(archive);
    s->limits = limits;
    return zip_archive(std::move(s));
}

bool zip_archive::has(const std::string& name) const {
    return zip_name_locate(state_->archive.get(), name.c_str(), ZIP_FL_NOCASE) >= 0;
}

std::variant<std::optional<std::string>, read_error> zip_archive::read(const std::string& name) {
    zip_t* archive = state_->archive.get();
    const zip_int64_t index = zip_name_locate(archive, name.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return std::optional<std::string>();
    const auto entry_error = [&](const std::string& why) { return read_error{name + ": damaged zip entry: " + why, std::nullopt}; };
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(archive, static_cast<zip_uint64_t>(index), 0, &st) != 0) return entry_error(reason(zip_get_error(archive)));
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
        return read_error{name + ": encrypted zip entry (a password-protected archive)", std::nullopt};
    const zip_limits& limits = state_->limits;
    const std::size_t room = limits.max_unpacked - std::min(limits.max_unpacked, state_->unpacked);
    const auto too_large = [&] {
        return read_error{name + " unpacks to more than " + size_words(limits.max_unpacked) +
                              ", the cap on a .docx's parts: a zip bomb?", std::nullopt};
    };
    const std::uint64_t packed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    const auto too_dense = [&](std::uint64_t unpacked) {
        return unpacked > limits.ratio_floor && unpacked / limits.max_ratio >= std::max<std::uint64_t>(packed, 1);
    };
    const auto dense = [&] {
        return read_error{name + ": unpacks to " + std::to_string(limits.max_ratio) +
                              " or more times its packed size, the cap on a .docx's parts: a zip bomb?", std::nullopt};
    };
    // what the archive declares, before a byte is unpacked
    if ((st.valid & ZIP_STAT_SIZE) && st.size > room) return too_large();
    if ((st.valid & ZIP_STAT_SIZE) && too_dense(st.size)) return dense();

    std::unique_ptr<zip_file_t, file_closer> file(zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0));
    if (!file) return entry_error(reason(zip_get_error(archive)));
    std::string out;
    if (st.valid & ZIP_STAT_SIZE) out.reserve(static_cast<std::size_t>(st.size));
    char block[1 << 16];
    for (;;) {
        const zip_int64_t n = zip_fread(file.get(), block, sizeof block);
        if (n < 0) return entry_error(reason(zip_file_get_error(file.get())));
        if (n == 0) break;
        // and what it unpacks to, in case the declared sizes lie
        if (static_cast<std::size_t>(n) > room - out.size()) return too_large();
        out.append(block, static_cast<std::size_t>(n));
        if (too_dense(out.size())) return dense();
    }
    state_->unpacked += out.size();
    return std::optional<std::string>(std::move(out));
}

}  // namespace resdraft::readers::detail
