#include "models/lsa.hpp"

#include <algorithm>
#include <random>

namespace resdraft::models {

lsa_space::lsa_space(const sparse_rows& a, int rank) {
    const auto n = static_cast<int>(a.rows()), d = static_cast<int>(a.cols());
    const int k = std::max(1, std::min({rank, n - 1, d - 1}));
    const int l = std::min({k + 10, n, d});  // oversampled sketch
    if (l == 0 || a.nonZeros() == 0) {
        basis_ = Eigen::MatrixXf::Zero(d, 0);  // Eigen's SVD of an empty sketch dereferences null
        return;
    }
    std::mt19937 random(20131003);
    std::normal_distribution<float> gauss(0.0f, 1.0f);
    Eigen::MatrixXf omega(d, l);
    for (int j = 0; j < l; ++j)
        for (int i = 0; i < d; ++i) omega(i, j) = gauss(random);
    auto orthonormal = [](const Eigen::MatrixXf& m) {
        Eigen::HouseholderQR<Eigen::MatrixXf> qr(m);
        return Eigen::MatrixXf(qr.householderQ() * Eigen::MatrixXf::Identity(m.rows(), m.cols()));
    };
    Eigen::MatrixXf q = orthonormal(a * omega);
    for (int power = 0; power < 2; ++power) q = orthonormal(a * orthonormal(a.transpose() * q));  // sharpen the spectrum
    const Eigen::MatrixXf b = (a.transpose() * q).transpose();  // l x d
    Eigen::BDCSVD<Eigen::MatrixXf> svd(b, Eigen::ComputeThinV);
    basis_ = svd.matrixV().leftCols(k);
}

Eigen::MatrixXf lsa_space::project(const sparse_rows& rows) const {
    Eigen::MatrixXf out = rows * basis_;
    if (out.cols() == 0) return out;  // no dimension: a row of an empty matrix points at null (UBSan)
    for (Eigen::Index r = 0; r < out.rows(); ++r) {
        const float norm = out.row(r).norm();
        if (norm > 0) out.row(r) /= norm;
    }
    return out;
}

}  // namespace resdraft::models
