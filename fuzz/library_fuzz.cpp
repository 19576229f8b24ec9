// libFuzzer target: any bytes as a library file (an outside file, like a text or a .docx). Opening it and
// every read the commands make must end in a value or a library error, never a crash: a damaged page,
// a posting list cut short, a schema that says one thing and holds another. Seeds: a real library.
#include "analysis/precedents.hpp"
#include "grammar/parser.hpp"
#include "library/library.hpp"
#include "library/shingles.hpp"

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>

namespace {

void read_everything(resdraft::library::library& lib) {
    (void)lib.documents();
    (void)lib.stats();
    const auto ids = lib.all_text_ids();
    (void)lib.texts(std::vector<std::int64_t>(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(ids.size(), 20))));
    (void)lib.phrase_occurrences("the Secretary-General", 20);
    static const auto draft = resdraft::grammar::parse_document(
        "1. Recognizes that remittances constitute an important source of private capital;\n", "draft.txt");
    (void)resdraft::analysis::find_precedents(draft.value(), lib, "fuzz.db");
    for (const auto& d : lib.documents())
        if (const auto content = lib.document_content(d.symbol)) (void)resdraft::grammar::parse_document(content->second, content->first);
}

}  // namespace

// The same bytes as one bucket of the shingle index and as a posting list: what a damaged index row holds.
void decode_as_index_rows(const std::uint8_t* data, std::size_t size) {
    const std::vector<unsigned char> bytes(data, data + std::min<std::size_t>(size, 4096));
    std::vector<std::int64_t> ids;
    for (std::uint64_t shingle : {std::uint64_t{0}, std::uint64_t{5}, ~std::uint64_t{0}}) (void)resdraft::library::find_in_bucket(bytes, shingle, true, ids);
    (void)resdraft::library::decode_postings(bytes, ids);
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    decode_as_index_rows(data, size);
    static const std::string path = "/tmp/resdraft-library-fuzz-" + std::to_string(::getpid()) + ".db";
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    auto opened = resdraft::library::library::open(path, resdraft::library::library::access::read);
    if (auto* lib = std::get_if<resdraft::library::library>(&opened)) {
        try {
            read_everything(*lib);
        } catch (const resdraft::library::database_error&) {  // a damaged file, said in one line by the CLI
        }
    }
    return 0;
}
