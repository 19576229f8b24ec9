#include "models/vector_convert.hpp"

#include "models/vector_file.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>
#include <optional>

namespace resdraft::models {
namespace {

// "well-known", "g-20": runs of lower-case letters and digits joined by single hyphens, with a letter.
bool is_hyphenated(std::string_view word) {
    const bool shaped = std::all_of(word.begin(), word.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
    return shaped && word.find('-') != std::string_view::npos && word.front() != '-' && word.back() != '-' &&
           word.find("--") == std::string_view::npos && std::any_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// One word of the "vectors" object as read: its components are in the reader's float buffer.
struct read_word {
    std::string word;
    std::uint32_t index = 0;    // its position in "words" (0 = most frequent)
    std::size_t first = 0;      // where its components start in the float buffer
};

// The events of the package's JSON: {"precision": 8, "l2NormIndex": D, "wordIndex": D + 1, "size": N,
// "dimensions": D, "words": [N strings], "vectors": {word: [D components, norm, index], ...},
// "unkVector": [...]}. Keys may come in any order; unknown ones are skipped whole.
class wink_reader : public nlohmann::json_sax<nlohmann::json> {
public:
    std::optional<std::uint64_t> dimensions, size, norm_index, word_index;
    std::vector<std::string> words;      // "words", in order
    std::vector<read_word> kept;         // kept entries of "vectors", in file order
    std::vector<float> components;       // their components, D per entry of `kept`
    std::uint64_t vector_entries = 0;    // entries of "vectors", kept or not
    std::uint32_t hyphenated = 0, other = 0;
    std::string failure;                 // set when an event refused the input
    std::optional<std::size_t> failed_at;  // the byte of a syntax error

    bool null() override { return value_at_top("null") && skip_value(); }
    bool boolean(bool) override { return value_at_top("a boolean") && skip_value(); }
    bool number_integer(number_integer_t v) override { return number(static_cast<double>(v), v < 0 ? std::nullopt : std::optional<std::uint64_t>(v)); }
    bool number_unsigned(number_unsigned_t v) override { return number(static_cast<double>(v), v); }
    bool number_float(number_float_t v, const string_t&) override { return number(v, std::nullopt); }
    bool binary(binary_t&) override { return refuse("binary values are not JSON text"); }

    bool string(string_t& s) override {
        if (!value_at_top("a string")) return false;
        if (in_ == place::words) {
            if (words.size() >= std::numeric_limits<std::uint32_t>::max()) return refuse("\"words\" has too many entries");
            words.push_back(std::move(s));
            return true;
        }
        if (in_ == place::vector) return refuse("vector of \"" + entry_ + "\" holds a string");
        return skip_value();
    }

    bool start_object(std::size_t) override {
        ++depth_;
        if (depth_ == 1) return true;
        if (depth_ == 2 && key_ == "vectors") return enter(place::vectors);
        if (in_ == place::vectors || in_ == place::vector || in_ == place::words) return refuse("unexpected object in \"" + key_ + "\"");
        return true;  // inside a skipped value
    }

    bool end_object() override {
        if (depth_ == 2 && in_ == place::vectors) in_ = place::top;
        --depth_;
        return true;
    }

    bool key(string_t& k) override {
        if (depth_ == 1) key_ = k;
        else if (depth_ == 2 && in_ == place::vectors) entry_ = std::move(k);
        return true;
    }

    bool start_array(std::size_t) override {
        ++depth_;
        if (depth_ == 1) return refuse("the file is an array, not the package's object");
        if (depth_ == 2 && key_ == "words") return enter(place::words);
        if (depth_ == 3 && in_ == place::vectors) return start_vector();
        if (in_ == place::vectors || in_ == place::vector || in_ == place::words) return refuse("unexpected array in \"" + key_ + "\"");
        return true;
    }

    bool end_array() override {
        bool ok = true;
        if (in_ == place::vector && depth_ == 3) ok = end_vector();
        else if (in_ == place::words && depth_ == 2) in_ = place::top;
        --depth_;
        return ok;
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) override {
        // "[json.exception.parse_error.101] parse error at line 1, column 3: ..." -> from "parse error"
        const std::string what = e.what();
        const auto at = what.find("] ");
        failure = "not JSON: " + (at == std::string::npos ? what : what.substr(at + 2));
        failed_at = position;
        return false;
    }

private:
    enum class place { top, words, vectors, vector };
    place in_ = place::top;
    int depth_ = 0;
    std::string key_;                  // the current key of the top object
    std::string entry_;                // the current key of "vectors"
    bool keep_ = false;                // whether the current vector's word is kept
    std::size_t values_ = 0;           // values of the current vector so far
    double squares_ = 0;               // sum of squares of its components
    double stored_norm_ = 0;
    std::uint64_t stored_index_ = 0;

    bool refuse(std::string why) {
        if (failure.empty()) failure = std::move(why);
        return false;
    }

    bool enter(place p) {
        in_ = p;
        return true;
    }

    // A scalar where the top object's value or a skipped value may be; false for the file being one.
    bool value_at_top(const char* what) {
        if (depth_ == 0) return refuse(std::string("the file is ") + what + ", not the package's object");
        return true;
    }

    bool skip_value() {
        if (in_ == place::words) return refuse("\"words\" holds a value that is not a string");
        if (in_ == place::vector) return refuse("vector of \"" + entry_ + "\" holds a value that is not a number");
        if (in_ == place::vectors) return refuse("\"vectors\" holds a value that is not an array");
        return true;
    }

    // The header fields (numbers of the top object) and the components of a vector.
    bool number(double v, std::optional<std::uint64_t> whole) {
        if (!value_at_top("a number")) return false;
        if (in_ == place::vector) return component(v, whole);
        if (in_ != place::top) return skip_value();
        if (depth_ != 1) return true;
        std::optional<std::uint64_t>* field = key_ == "dimensions"    ? &dimensions
                                              : key_ == "size"        ? &size
                                              : key_ == "l2NormIndex" ? &norm_index
                                              : key_ == "wordIndex"   ? &word_index
                                                                      : nullptr;
        if (field == nullptr) return true;
        if (!whole) return refuse("\"" + key_ + "\" is not a whole number");
        *field = whole;
        return true;
    }

    bool start_vector() {
        if (!dimensions) return refuse("\"dimensions\" must come before \"vectors\"");
        if (*dimensions < 1 || *dimensions > vector_file::max_dimensions)
            return refuse("\"dimensions\" is " + std::to_string(*dimensions) + ": 1 to " + std::to_string(vector_file::max_dimensions) + " are supported");
        if (norm_index != dimensions || !word_index || *word_index != *dimensions + 1)
            return refuse("unsupported vector layout: expected \"l2NormIndex\" " + std::to_string(*dimensions) + " and \"wordIndex\" " +
                          std::to_string(*dimensions + 1) + " before \"vectors\"");
        ++vector_entries;
        in_ = place::vector;
        values_ = 0;
        squares_ = 0;
        keep_ = is_kept_word(entry_);
        if (keep_) kept.push_back({entry_, 0, components.size()});
        else if (is_hyphenated(entry_)) ++hyphenated;
        else ++other;
        return true;
    }

    bool component(double v, std::optional<std::uint64_t> whole) {
        const std::size_t d = *dimensions;
        if (values_ >= d + 2) return refuse("vector of \"" + entry_ + "\" has more than " + std::to_string(d + 2) + " values");
        if (!std::isfinite(v)) return refuse("vector of \"" + entry_ + "\" holds a number out of range");
        if (values_ < d) {
            if (std::fabs(v) > 1e6) return refuse("vector of \"" + entry_ + "\" holds a component beyond 10^6");
            squares_ += v * v;
            if (keep_) components.push_back(static_cast<float>(v));
        } else if (values_ == d) {
            stored_norm_ = v;
        } else {
            if (!whole) return refuse("vector of \"" + entry_ + "\" ends in an index that is not a whole number");
            stored_index_ = *whole;
        }
        ++values_;
        return true;
    }

    bool end_vector() {
        in_ = place::vectors;
        const std::size_t d = *dimensions;
        if (values_ != d + 2)
            return refuse("vector of \"" + entry_ + "\" has " + std::to_string(values_) + " values, not " + std::to_string(d + 2) +
                          " (components, norm, index)");
        const double norm = std::sqrt(squares_);
        // the package's norms have 8 digits: a mismatch means damaged components
        if (std::fabs(norm - stored_norm_) > 1e-3 * std::max(1.0, norm))
            return refuse("vector of \"" + entry_ + "\": its stored norm " + std::to_string(stored_norm_) + " is not its components' " +
                          std::to_string(norm));
        if (stored_index_ >= std::numeric_limits<std::uint32_t>::max())
            return refuse("vector of \"" + entry_ + "\" has index " + std::to_string(stored_index_));
        if (keep_) kept.back().index = static_cast<std::uint32_t>(stored_index_);
        return true;
    }
};

// q = round(x / scale) with scale = max |x| / 127: each word's largest component is exact.
void quantize(const float* x, std::size_t d, float& scale, std::int8_t* q) {
    float largest = 0;
    for (std::size_t i = 0; i < d; ++i) largest = std::max(largest, std::fabs(x[i]));
    scale = largest / 127.0f;
    for (std::size_t i = 0; i < d; ++i) {
        const float r = scale > 0 ? std::nearbyint(x[i] / scale) : 0.0f;
        q[i] = static_cast<std::int8_t>(std::clamp(r, -127.0f, 127.0f));
    }
}

void put_u32(std::string& out, std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out[at + static_cast<std::size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

void put_f32(std::string& out, std::size_t at, float v) {
    std::uint32_t bits = 0;
    std::memcpy(&bits, &v, 4);
    put_u32(out, at, bits);
}

// Checks what only the whole file tells: counts, indexes against "words". Empty when all is well.
std::string check_whole(const wink_reader& r) {
    if (!r.dimensions) return "no \"dimensions\"";
    if (!r.size) return "no \"size\"";
    if (*r.size != r.words.size())
        return "\"size\" is " + std::to_string(*r.size) + " but \"words\" has " + std::to_string(r.words.size()) + " entries";
    if (r.vector_entries != r.words.size())
        return "\"vectors\" has " + std::to_string(r.vector_entries) + " entries but \"words\" has " + std::to_string(r.words.size());
    for (const read_word& w : r.kept)
        if (w.index >= r.words.size() || r.words[w.index] != w.word)
            return "vector of \"" + w.word + "\" has index " + std::to_string(w.index) + ", which is not its place in \"words\"";
    if (r.kept.empty()) return "no word to keep (lower-case letters and digits)";
    return {};
}

}  // namespace

bool is_kept_word(std::string_view word) {
    bool letter = false;
    for (char c : word) {
        if (c >= 'a' && c <= 'z') letter = true;
        else if (c < '0' || c > '9') return false;
    }
    return letter;
}

std::variant<conversion, convert_error> convert_wink_json(std::istream& in, bool keep_floats) {
    wink_reader r;
    const auto before = in.tellg();
    const bool parsed = nlohmann::json::sax_parse(in, &r, nlohmann::json::input_format_t::json, true, false);
    in.clear();
    const auto stopped = in.tellg();
    const std::size_t offset = r.failed_at ? *r.failed_at
                               : before >= 0 && stopped >= before ? static_cast<std::size_t>(stopped - before) : 0;
    if (!parsed) return convert_error{r.failure.empty() ? "not the package's JSON" : r.failure, offset};
    if (const std::string why = check_whole(r); !why.empty()) return convert_error{why, offset};

    std::vector<std::size_t> order(r.kept.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return r.kept[a].word < r.kept[b].word; });
    for (std::size_t i = 1; i < order.size(); ++i)
        if (r.kept[order[i]].word == r.kept[order[i - 1]].word) return convert_error{"the word \"" + r.kept[order[i]].word + "\" has two vectors", offset};

    conversion out;
    out.dimensions = static_cast<std::uint32_t>(*r.dimensions);
    out.source_words = static_cast<std::uint32_t>(r.words.size());
    for (const read_word& w : r.kept) ++(std::all_of(w.word.begin(), w.word.end(), [](char c) { return c >= 'a' && c <= 'z'; }) ? out.alphabetic : out.alphanumeric);
    out.hyphenated = r.hyphenated;
    out.other = r.other;

    vector_file::header h;
    h.dimensions = out.dimensions;
    h.words = static_cast<std::uint32_t>(r.kept.size());
    h.source_words = out.source_words;
    std::uint64_t pool = 0;
    for (const read_word& w : r.kept) pool += w.word.size();
    if (pool > std::numeric_limits<std::uint32_t>::max()) return convert_error{"the words take more than 4 GiB", offset};
    h.pool_bytes = static_cast<std::uint32_t>(pool);

    const std::size_t d = out.dimensions;
    out.bytes.assign(static_cast<std::size_t>(vector_file::file_bytes(h)), '\0');
    std::memcpy(out.bytes.data(), vector_file::magic.data(), vector_file::magic.size());
    put_u32(out.bytes, 8, vector_file::version);
    put_u32(out.bytes, 12, h.dimensions);
    put_u32(out.bytes, 16, h.words);
    put_u32(out.bytes, 20, h.source_words);
    put_u32(out.bytes, 24, h.pool_bytes);
    if (keep_floats) out.floats.reserve(order.size() * d);
    std::uint32_t at = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        const read_word& w = r.kept[order[i]];
        put_u32(out.bytes, vector_file::offsets_at(h) + 4 * i, at);
        put_u32(out.bytes, vector_file::ranks_at(h) + 4 * i, w.index + 1);
        float scale = 0;
        quantize(&r.components[w.first], d, scale, reinterpret_cast<std::int8_t*>(&out.bytes[vector_file::vectors_at(h) + i * d]));
        put_f32(out.bytes, vector_file::scales_at(h) + 4 * i, scale);
        std::memcpy(&out.bytes[vector_file::pool_at(h) + at], w.word.data(), w.word.size());
        at += static_cast<std::uint32_t>(w.word.size());
        if (keep_floats) out.floats.insert(out.floats.end(), &r.components[w.first], &r.components[w.first] + d);
    }
    put_u32(out.bytes, vector_file::offsets_at(h) + 4 * order.size(), at);
    return out;
}

}  // namespace resdraft::models
