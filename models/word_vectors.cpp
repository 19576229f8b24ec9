#include "models/word_vectors.hpp"

#include "models/text_model.hpp"
#include "models/vector_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <tuple>
#include <utility>

namespace resdraft::models {
namespace {

vectors_error failure(const std::string& name, const std::string& why) { return {name + ": " + why}; }

// What a damaged file is told by, with the way out.
vectors_error damaged(const std::string& name, const std::string& why) {
    return failure(name, "damaged word-vector file: " + why + " (run scripts/setup to convert it again)");
}

std::uint32_t load_u32(const char* p) {
    std::uint32_t v = 0;
    std::memcpy(&v, p, 4);
    return v;
}

// The vectors of a bag's words as unit columns (dimensions x words): q / |q|, the scale cancelling out.
Eigen::MatrixXf unit_columns(const word_vectors& v, const word_bag& bag) {
    Eigen::MatrixXf out(static_cast<Eigen::Index>(v.dimensions()), static_cast<Eigen::Index>(bag.size()));
    for (std::size_t c = 0; c < bag.size(); ++c) {
        const auto q = v.stored(bag[c].index).components;
        float norm = 0;
        for (std::int8_t x : q) norm += static_cast<float>(x) * static_cast<float>(x);
        norm = std::sqrt(norm);
        for (std::size_t d = 0; d < q.size(); ++d)
            out(static_cast<Eigen::Index>(d), static_cast<Eigen::Index>(c)) = norm > 0 ? static_cast<float>(q[d]) / norm : 0.0f;
    }
    return out;
}

// Cosines between the words of two bags (a.size() x b.size()); 1 where both are the same word.
Eigen::MatrixXf cosines(const word_vectors& v, const word_bag& a, const word_bag& b) {
    Eigen::MatrixXf s = unit_columns(v, a).transpose() * unit_columns(v, b);
    for (std::size_t i = 0; i < a.size(); ++i)
        for (std::size_t j = 0; j < b.size(); ++j)
            if (a[i].index == b[j].index) s(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = 1.0f;
    return s;
}

double total_weight(const word_bag& bag) {
    double sum = 0;
    for (const bag_word& w : bag) sum += w.weight;
    return sum;
}

}  // namespace

std::variant<word_vectors, vectors_error> word_vectors::open(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return failure(path, std::string("cannot open: ") + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        const int e = errno;
        ::close(fd);
        return failure(path, S_ISDIR(st.st_mode) ? "is a directory" : !S_ISREG(st.st_mode) ? "not a regular file" : std::strerror(e));
    }
    const auto size = static_cast<std::size_t>(st.st_size);
    if (size < vector_file::header_bytes) {
        ::close(fd);
        return failure(path, "not a resdraft word-vector file (" + std::to_string(size) + " bytes, shorter than a header)");
    }
    void* mapped = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    const int e = errno;
    ::close(fd);  // the mapping keeps the file
    if (mapped == MAP_FAILED) return failure(path, std::string("cannot map into memory: ") + std::strerror(e));
    word_vectors v;
    v.name_ = path;
    v.bytes_ = std::string_view(static_cast<const char*>(mapped), size);
    v.mapping_ = mapped;
    return checked(std::move(v));
}

std::variant<word_vectors, vectors_error> word_vectors::view(std::string_view bytes, const std::string& name) {
    word_vectors v;
    v.name_ = name;
    v.bytes_ = bytes;
    return checked(std::move(v));
}

std::variant<word_vectors, vectors_error> word_vectors::checked(word_vectors v) {
    if constexpr (std::endian::native != std::endian::little)
        return failure(v.name_, "word-vector files are little-endian; this machine is not");
    const std::string_view b = v.bytes_;
    if (b.size() < vector_file::header_bytes || !std::equal(vector_file::magic.begin(), vector_file::magic.end(), b.begin()))
        return failure(v.name_, "not a resdraft word-vector file (run scripts/setup to make one)");
    const std::uint32_t version = load_u32(b.data() + 8);
    if (version != vector_file::version)
        return failure(v.name_, "word-vector file version " + std::to_string(version) + "; this resdraft reads version " +
                                    std::to_string(vector_file::version) + " (run scripts/setup to convert again)");
    vector_file::header h{load_u32(b.data() + 12), load_u32(b.data() + 16), load_u32(b.data() + 20), load_u32(b.data() + 24)};
    if (h.dimensions < 1 || h.dimensions > vector_file::max_dimensions)
        return damaged(v.name_, std::to_string(h.dimensions) + " dimensions (1 to " + std::to_string(vector_file::max_dimensions) + ")");
    if (h.words == 0) return damaged(v.name_, "no words");
    if (h.source_words < h.words)
        return damaged(v.name_, std::to_string(h.words) + " words from a list of " + std::to_string(h.source_words));
    if (load_u32(b.data() + 28) != 0) return damaged(v.name_, "reserved header field is not 0");
    if (vector_file::file_bytes(h) != b.size())
        return damaged(v.name_, std::to_string(b.size()) + " bytes where its header says " + std::to_string(vector_file::file_bytes(h)));
    v.words_ = h.words;
    v.dimensions_ = h.dimensions;
    v.source_words_ = h.source_words;
    v.offsets_at_ = static_cast<std::size_t>(vector_file::offsets_at(h));
    v.ranks_at_ = static_cast<std::size_t>(vector_file::ranks_at(h));
    v.scales_at_ = static_cast<std::size_t>(vector_file::scales_at(h));
    v.vectors_at_ = static_cast<std::size_t>(vector_file::vectors_at(h));
    v.pool_at_ = static_cast<std::size_t>(vector_file::pool_at(h));
    // the words: offsets from 0 up to the pool's end, none empty, in strictly increasing order
    if (v.u32_at(v.offsets_at_) != 0) return damaged(v.name_, "the first word does not start the string pool");
    if (v.u32_at(v.offsets_at_ + 4 * v.words_) != h.pool_bytes) return damaged(v.name_, "the last word does not end the string pool");
    for (std::size_t i = 0; i < v.words_; ++i) {
        const std::uint32_t next = v.u32_at(v.offsets_at_ + 4 * i + 4);
        if (next <= v.u32_at(v.offsets_at_ + 4 * i) || next > h.pool_bytes)
            return damaged(v.name_, "string offset of word " + std::to_string(i + 1) + " is out of order");
        if (i > 0 && !(v.word(i - 1) < v.word(i))) return damaged(v.name_, "word " + std::to_string(i + 1) + " is out of order");
        const std::uint32_t r = v.rank(i);
        if (r < 1 || r > h.source_words) return damaged(v.name_, "rank " + std::to_string(r) + " of word " + std::to_string(i + 1));
        const float scale = v.stored(i).scale;
        if (!std::isfinite(scale) || scale < 0) return damaged(v.name_, "scale of word " + std::to_string(i + 1));
    }
    constexpr double euler_gamma = 0.57721566490153286;
    const double n = h.source_words;
    v.harmonic_ = std::log(n) + euler_gamma + 1 / (2 * n);
    return v;
}

word_vectors::word_vectors(word_vectors&& other) noexcept { *this = std::move(other); }

word_vectors& word_vectors::operator=(word_vectors&& other) noexcept {
    if (this == &other) return *this;
    if (mapping_ != nullptr) ::munmap(mapping_, bytes_.size());
    name_ = std::move(other.name_);
    bytes_ = std::exchange(other.bytes_, {});
    mapping_ = std::exchange(other.mapping_, nullptr);
    words_ = other.words_, dimensions_ = other.dimensions_, source_words_ = other.source_words_, harmonic_ = other.harmonic_;
    offsets_at_ = other.offsets_at_, ranks_at_ = other.ranks_at_, scales_at_ = other.scales_at_;
    vectors_at_ = other.vectors_at_, pool_at_ = other.pool_at_;
    return *this;
}

word_vectors::~word_vectors() {
    if (mapping_ != nullptr) ::munmap(mapping_, bytes_.size());
}

std::uint32_t word_vectors::u32_at(std::size_t at) const { return load_u32(bytes_.data() + at); }

std::string_view word_vectors::word(std::size_t index) const {
    const std::uint32_t begin = u32_at(offsets_at_ + 4 * index), end = u32_at(offsets_at_ + 4 * index + 4);
    return bytes_.substr(pool_at_ + begin, end - begin);
}

std::ptrdiff_t word_vectors::find(std::string_view w) const {
    // models::words() gives lower-case ASCII as it is; anything else is normalized as it would be
    const bool normal = std::all_of(w.begin(), w.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); });
    const std::string folded = normal ? std::string() : normalized_word(w);
    const std::string_view key = normal ? w : std::string_view(folded);
    std::size_t lo = 0, hi = words_;
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (word(mid) < key) lo = mid + 1;
        else hi = mid;
    }
    return lo < words_ && word(lo) == key ? static_cast<std::ptrdiff_t>(lo) : -1;
}

std::uint32_t word_vectors::rank(std::size_t index) const { return u32_at(ranks_at_ + 4 * index); }

double word_vectors::probability(std::size_t index) const { return 1.0 / (static_cast<double>(rank(index)) * harmonic_); }

float word_vectors::sif_weight(std::size_t index, double a) const { return static_cast<float>(a / (a + probability(index))); }

word_vectors::row word_vectors::stored(std::size_t index) const {
    float scale = 0;
    std::memcpy(&scale, bytes_.data() + scales_at_ + 4 * index, 4);
    const auto* q = reinterpret_cast<const std::int8_t*>(bytes_.data() + vectors_at_ + index * dimensions_);
    return {{q, dimensions_}, scale};
}

void word_vectors::vector(std::size_t index, std::span<float> out) const {
    const row r = stored(index);
    for (std::size_t d = 0; d < dimensions_; ++d) out[d] = r.scale * static_cast<float>(r.components[d]);
}

Eigen::VectorXf word_vectors::vector(std::size_t index) const {
    Eigen::VectorXf out(static_cast<Eigen::Index>(dimensions_));
    vector(index, std::span<float>(out.data(), dimensions_));
    return out;
}

float word_vectors::cosine(std::size_t a, std::size_t b) const {
    // the scales cancel: the cosine of the int8 rows
    const auto qa = stored(a).components, qb = stored(b).components;
    std::int64_t ab = 0, aa = 0, bb = 0;
    for (std::size_t d = 0; d < dimensions_; ++d) ab += qa[d] * qb[d], aa += qa[d] * qa[d], bb += qb[d] * qb[d];
    return aa > 0 && bb > 0 ? static_cast<float>(static_cast<double>(ab) / std::sqrt(static_cast<double>(aa) * static_cast<double>(bb))) : 0.0f;
}

Eigen::VectorXf sif_average(const word_vectors& v, std::span<const std::string> words, double a) {
    Eigen::VectorXf sum = Eigen::VectorXf::Zero(static_cast<Eigen::Index>(v.dimensions()));
    int known = 0;
    for (const std::string& w : words) {
        const std::ptrdiff_t i = v.find(w);
        if (i < 0) continue;
        sum += v.sif_weight(static_cast<std::size_t>(i), a) * v.vector(static_cast<std::size_t>(i));
        ++known;
    }
    return known > 0 ? Eigen::VectorXf(sum / static_cast<float>(known)) : sum;
}

Eigen::MatrixXf common_components(const Eigen::MatrixXf& rows, int k) {
    if (rows.rows() == 0 || rows.cols() == 0 || k <= 0) return Eigen::MatrixXf(0, rows.cols());
    // right singular vectors of the rows, from the eigenvectors of the smaller Gram matrix: X'X (dimensions
    // square) for many rows, XX' (rows square) for few, whose eigenvector w gives X'w
    const Eigen::MatrixXd x = rows.cast<double>();
    const bool by_rows = x.rows() < x.cols();
    const Eigen::MatrixXd gram = by_rows ? Eigen::MatrixXd(x * x.transpose()) : Eigen::MatrixXd(x.transpose() * x);
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(gram);
    Eigen::MatrixXf out(0, x.cols());
    if (eig.info() != Eigen::Success) return out;  // not finite
    const Eigen::Index n = gram.rows();
    const double largest = eig.eigenvalues()(n - 1);
    for (Eigen::Index c = n - 1; c >= 0 && out.rows() < k; --c) {
        if (!(eig.eigenvalues()(c) > 1e-9 * std::max(1.0, largest))) break;  // no more rank
        Eigen::VectorXd u = by_rows ? Eigen::VectorXd(x.transpose() * eig.eigenvectors().col(c)) : Eigen::VectorXd(eig.eigenvectors().col(c));
        if (!(u.norm() > 0)) break;
        u.normalize();
        out.conservativeResize(out.rows() + 1, x.cols());
        out.row(out.rows() - 1) = u.cast<float>().transpose();
    }
    return out;
}

void remove_components(Eigen::MatrixXf& rows, const Eigen::MatrixXf& components) {
    if (components.rows() == 0 || rows.rows() == 0) return;
    rows -= (rows * components.transpose()) * components;
}

Eigen::MatrixXf sif_vectors(const word_vectors& v, const std::vector<std::vector<std::string>>& texts, const sif_options& options) {
    Eigen::MatrixXf rows(static_cast<Eigen::Index>(texts.size()), static_cast<Eigen::Index>(v.dimensions()));
    for (std::size_t t = 0; t < texts.size(); ++t) rows.row(static_cast<Eigen::Index>(t)) = sif_average(v, texts[t], options.a).transpose();
    remove_components(rows, common_components(rows, options.components));
    return rows;
}

word_bag bag_of(const word_vectors& v, std::span<const std::string> words, std::span<const float> weights, double a) {
    if (!weights.empty() && weights.size() != words.size())  // a caller's bug, not bad input
        throw std::invalid_argument("bag_of: " + std::to_string(weights.size()) + " weights for " + std::to_string(words.size()) + " words");
    word_bag bag;
    for (std::size_t k = 0; k < words.size(); ++k) {
        const std::ptrdiff_t i = v.find(words[k]);
        if (i < 0) continue;
        const float weight = weights.empty() ? v.sif_weight(static_cast<std::size_t>(i), a) : weights[k];
        if (weight > 0) bag.push_back({static_cast<std::uint32_t>(i), weight});
    }
    std::sort(bag.begin(), bag.end(), [](const bag_word& x, const bag_word& y) { return x.index < y.index; });
    word_bag merged;
    for (const bag_word& w : bag) {
        if (!merged.empty() && merged.back().index == w.index) merged.back().weight += w.weight;
        else merged.push_back(w);
    }
    return merged;
}

namespace {

// The soft-cosine similarity of word pairs: 1 for the same word, max(0, cos)^exponent from the threshold up.
Eigen::MatrixXf soft_similarities(const word_vectors& v, const word_bag& a, const word_bag& b, const soft_cosine_options& o) {
    Eigen::MatrixXf s = cosines(v, a, b);
    for (Eigen::Index i = 0; i < s.rows(); ++i)
        for (Eigen::Index j = 0; j < s.cols(); ++j) {
            float& x = s(i, j);
            if (a[static_cast<std::size_t>(i)].index == b[static_cast<std::size_t>(j)].index) x = 1.0f;
            else x = x < o.threshold || x <= 0 ? 0.0f : std::pow(x, o.exponent);
        }
    return s;
}

double quadratic_form(const word_bag& a, const Eigen::MatrixXf& s, const word_bag& b) {
    double sum = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        for (std::size_t j = 0; j < b.size(); ++j)
            sum += double{a[i].weight} * s(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) * b[j].weight;
    return sum;
}

}  // namespace

double soft_cosine(const word_vectors& v, const word_bag& a, const word_bag& b, const soft_cosine_options& options) {
    if (a.empty() || b.empty()) return 0;
    const double ab = quadratic_form(a, soft_similarities(v, a, b, options), b);
    const double aa = quadratic_form(a, soft_similarities(v, a, a, options), a);
    const double bb = quadratic_form(b, soft_similarities(v, b, b, options), b);
    return aa > 0 && bb > 0 ? std::clamp(ab / std::sqrt(aa * bb), 0.0, 1.0) : 0.0;
}

double relaxed_wmd(const word_vectors& v, const word_bag& a, const word_bag& b) {
    const double wa = total_weight(a), wb = total_weight(b);
    if (a.empty() || b.empty() || !(wa > 0) || !(wb > 0)) return 2.0;
    const Eigen::MatrixXf c = cosines(v, a, b);
    // |u - w| = sqrt(2 - 2 cos) for unit vectors: the nearest word is the most similar one
    const auto distance = [](float cosine) { return std::sqrt(std::max(0.0, 2.0 - 2.0 * double{cosine})); };
    double from_a = 0, from_b = 0;
    for (Eigen::Index i = 0; i < c.rows(); ++i) from_a += a[static_cast<std::size_t>(i)].weight / wa * distance(c.row(i).maxCoeff());
    for (Eigen::Index j = 0; j < c.cols(); ++j) from_b += b[static_cast<std::size_t>(j)].weight / wb * distance(c.col(j).maxCoeff());
    return std::max(from_a, from_b);
}

std::vector<word_pair> carrying_pairs(const word_vectors& v, const word_bag& a, const word_bag& b, float min_cosine, std::size_t limit) {
    std::vector<word_pair> pairs;
    const double wa = total_weight(a);
    if (a.empty() || b.empty() || !(wa > 0)) return pairs;
    // the words only one side holds: a shared word is lexical evidence, which the redline shows
    const auto holds = [](const word_bag& bag, std::uint32_t index) {
        return std::binary_search(bag.begin(), bag.end(), bag_word{index, 0}, [](const bag_word& x, const bag_word& y) { return x.index < y.index; });
    };
    word_bag only_a, only_b;
    for (const bag_word& w : a)
        if (!holds(b, w.index)) only_a.push_back(w);
    for (const bag_word& w : b)
        if (!holds(a, w.index)) only_b.push_back(w);
    if (only_a.empty() || only_b.empty()) return pairs;
    // one word to one word, closest first: a hub ("need" is close to most words) pairs once
    const Eigen::MatrixXf c = cosines(v, only_a, only_b);
    std::vector<std::tuple<float, std::size_t, std::size_t>> candidates;  // (cosine, i, j)
    for (Eigen::Index i = 0; i < c.rows(); ++i)
        for (Eigen::Index j = 0; j < c.cols(); ++j)
            if (c(i, j) >= min_cosine) candidates.emplace_back(c(i, j), static_cast<std::size_t>(i), static_cast<std::size_t>(j));
    std::sort(candidates.begin(), candidates.end(), [](const auto& x, const auto& y) {
        if (std::get<0>(x) != std::get<0>(y)) return std::get<0>(x) > std::get<0>(y);
        return std::tie(std::get<1>(x), std::get<2>(x)) < std::tie(std::get<1>(y), std::get<2>(y));
    });
    std::vector<bool> used_a(only_a.size()), used_b(only_b.size());
    for (const auto& [cosine, i, j] : candidates) {
        if (used_a[i] || used_b[j]) continue;
        used_a[i] = used_b[j] = true;
        pairs.push_back({std::string(v.word(only_a[i].index)), std::string(v.word(only_b[j].index)), cosine,
                         static_cast<float>(only_a[i].weight * cosine / wa)});
    }
    std::sort(pairs.begin(), pairs.end(), [](const word_pair& x, const word_pair& y) {
        if (x.share != y.share) return x.share > y.share;
        return std::tie(x.a, x.b) < std::tie(y.a, y.b);
    });
    if (pairs.size() > limit) pairs.resize(limit);
    return pairs;
}

}  // namespace resdraft::models
