// IR-MAD: Nielsen A. A. (2007), "The regularized iteratively reweighted MAD method for change
// detection in multi- and hyperspectral data", IEEE Transactions on Image Processing 16(2).
// MAD: Nielsen A. A., Conradsen K., Simpson J. J. (1998), "Multivariate alteration detection (MAD)
// and MAF postprocessing in multispectral, bitemporal image data", Remote Sensing of Environment 64.
// The consistency factor of a re-weighted scatter estimate: Maronna, Martin & Yohai (2006),
// "Robust Statistics: Theory and Methods", chapter 6.
#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <limits>

#include "onemap/analysis/change_baselines.h"

namespace onemap::analysis {
namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;

constexpr std::size_t kChunk = 4096;

// Q(dof / 2, z / 2): the probability of a chi-square statistic of at least z under no change
// (a closed form for an even number of degrees of freedom, the usual case).
double noChangeProbability(double z, int dof) {
  if (dof % 2 != 0) return 1.0 - chiSquareCdf(z, dof);
  const double h = z / 2.0;
  double term = 1.0, sum = 1.0;
  for (int j = 1; j < dof / 2; ++j) sum += (term *= h / j);
  return std::exp(-h) * sum;
}

// The canonical variates of one fit: U = aᵀ(x − mean x), V = bᵀ(y − mean y), corr(Uᵢ, Vᵢ) = ρᵢ.
struct Canonical {
  MatrixXd a, b;
  VectorXd meanX, meanY, rho, madVariance;
};

// The pixels valid on both dates, read in chunks as columns (before bands, then after bands)
// minus a fixed shift that keeps the sums well conditioned.
class ValidPixels {
 public:
  explicit ValidPixels(const ImagePair& pair) : m_pair(pair), m_planeSize(std::size_t(pair.width) * pair.height) {
    const int p = pair.bands;
    for (std::size_t i = 0; i < m_planeSize; ++i) {
      bool ok = true;
      for (int b = 0; b < p && ok; ++b)
        ok = std::isfinite(pair.before[b * m_planeSize + i]) && std::isfinite(pair.after[b * m_planeSize + i]);
      if (ok) m_index.push_back(i);
    }
    m_shift = VectorXd::Zero(2 * p);
    VectorXd total = VectorXd::Zero(2 * p);
    MatrixXd chunk;
    for (std::size_t start = 0; start < m_index.size(); start += kChunk) total += columns(start, chunk).rowwise().sum();
    if (!m_index.empty()) m_shift = total / double(m_index.size());
  }

  std::size_t size() const { return m_index.size(); }
  std::size_t pixel(std::size_t k) const { return m_index[k]; }

  // Columns start … start + kChunk (or fewer) into `out`, shifted; returns it.
  const MatrixXd& columns(std::size_t start, MatrixXd& out) const {
    const int p = m_pair.bands;
    const std::size_t count = std::min(kChunk, m_index.size() - start);
    out.resize(2 * p, Eigen::Index(count));
    for (std::size_t k = 0; k < count; ++k) {
      const std::size_t i = m_index[start + k];
      for (int b = 0; b < p; ++b) {
        out(b, Eigen::Index(k)) = double(m_pair.before[b * m_planeSize + i]) - m_shift(b);
        out(p + b, Eigen::Index(k)) = double(m_pair.after[b * m_planeSize + i]) - m_shift(p + b);
      }
    }
    return out;
  }

 private:
  const ImagePair& m_pair;
  std::size_t m_planeSize;
  std::vector<std::size_t> m_index;
  VectorXd m_shift;
};

// Canonical correlation analysis of the weighted covariance: whitening both dates with their
// Cholesky factors turns it into the singular value decomposition of the whitened cross-covariance.
// The MAD variances are 2(1 − ρ) divided by `varianceFactor` (1 for an unweighted fit).
Result<Canonical> fitCanonical(const ValidPixels& pixels, const std::vector<double>& weights, int p,
                               double varianceFactor) {
  double weightSum = 0.0;
  VectorXd sum = VectorXd::Zero(2 * p);
  MatrixXd products = MatrixXd::Zero(2 * p, 2 * p);
  MatrixXd chunk;
  for (std::size_t start = 0; start < pixels.size(); start += kChunk) {
    const MatrixXd& z = pixels.columns(start, chunk);
    const Eigen::Map<const VectorXd> w(weights.data() + start, z.cols());
    weightSum += w.sum();
    sum.noalias() += z * w;
    products.noalias() += z * (z.array().rowwise() * w.transpose().array()).matrix().transpose();
  }
  if (!(weightSum > 0.0)) return fail(ErrorCode::InvalidInput, "(IR-)MAD: no pixel is left with weight");
  const VectorXd mean = sum / weightSum;
  const MatrixXd cov = products / weightSum - mean * mean.transpose();
  const Eigen::LLT<MatrixXd> lx(cov.topLeftCorner(p, p)), ly(cov.bottomRightCorner(p, p));
  if (lx.info() != Eigen::Success || ly.info() != Eigen::Success)
    return fail(ErrorCode::InvalidInput, "(IR-)MAD: a band has no variance on the pixels valid on both dates");
  const MatrixXd kx = lx.matrixL(), ky = ly.matrixL();
  const MatrixXd left = kx.triangularView<Eigen::Lower>().solve(cov.topRightCorner(p, p));  // Kx⁻¹ Sxy
  const MatrixXd whitened = ky.triangularView<Eigen::Lower>().solve(left.transpose()).transpose();  // … Ky⁻ᵀ
  const Eigen::JacobiSVD<MatrixXd> svd(whitened, Eigen::ComputeFullU | Eigen::ComputeFullV);
  Canonical c;
  c.a = kx.transpose().triangularView<Eigen::Upper>().solve(svd.matrixU());
  c.b = ky.transpose().triangularView<Eigen::Upper>().solve(svd.matrixV());
  c.meanX = mean.head(p);
  c.meanY = mean.tail(p);
  c.rho = svd.singularValues().cwiseMin(1.0);
  c.madVariance = (2.0 * (1.0 - c.rho.array()) / varianceFactor).cwiseMax(1e-12).matrix();
  return c;
}

// Chi-square statistic of each valid pixel: the sum of its squared standardised MAD variates.
void statistics(const ValidPixels& pixels, const Canonical& c, int p, std::vector<double>& out) {
  out.resize(pixels.size());
  MatrixXd chunk;
  const Eigen::ArrayXd inverseVariance = c.madVariance.array().inverse();
  for (std::size_t start = 0; start < pixels.size(); start += kChunk) {
    const MatrixXd& z = pixels.columns(start, chunk);
    const MatrixXd u = c.a.transpose() * (z.topRows(p).colwise() - c.meanX);
    const MatrixXd v = c.b.transpose() * (z.bottomRows(p).colwise() - c.meanY);
    const Eigen::ArrayXXd mad = (u - v).array();
    const Eigen::ArrayXd stat = (mad.square().colwise() * inverseVariance).colwise().sum().transpose();
    std::copy(stat.data(), stat.data() + stat.size(), out.begin() + std::ptrdiff_t(start));
  }
}

}  // namespace

Result<ChangeMask> irMadChange(const ImagePair& pair, const IrMadOptions& options) {
  if (auto ok = checkImagePair(pair); !ok) return fail(ok.error());
  const int p = pair.bands;
  const ValidPixels pixels(pair);
  if (pixels.size() <= std::size_t(2 * p)) return fail(ErrorCode::InvalidInput, "no pixel has data on both dates");
  std::vector<double> weights(pixels.size(), 1.0), stat;
  const double reweightedFactor = options.consistencyCorrection ? irMadConsistencyFactor(p) : 1.0;
  ChangeMask result;
  Canonical fit;
  for (int iteration = 1;; ++iteration) {
    auto next = fitCanonical(pixels, weights, p, iteration == 1 ? 1.0 : reweightedFactor);
    if (!next) return fail(next.error());
    const bool settled = iteration > 1 && (next->rho - fit.rho).cwiseAbs().maxCoeff() < options.tolerance;
    fit = std::move(*next);
    result.iterations = iteration;
    if (settled || iteration >= std::max(1, options.maxIterations)) break;
    statistics(pixels, fit, p, stat);
    for (std::size_t k = 0; k < stat.size(); ++k) weights[k] = noChangeProbability(stat[k], p);
  }
  statistics(pixels, fit, p, stat);
  result.threshold = chiSquareQuantile(options.significance, p);
  result.canonicalCorrelations.assign(fit.rho.data(), fit.rho.data() + fit.rho.size());
  result.mask.assign(std::size_t(pair.width) * pair.height, 0);
  for (std::size_t k = 0; k < stat.size(); ++k)
    if (stat[k] > result.threshold) result.mask[pixels.pixel(k)] = 1;
  return result;
}

double irMadConsistencyFactor(int dof) {
  if (dof < 1) return std::numeric_limits<double>::quiet_NaN();
  // z f_p(z) = p f_{p+2}(z) for the chi-square densities f, and E[Q(z)] = 1/2, so
  // k = 2 ∫ f_{p+2}(z) Q_p(z) dz; with z = t² the integrand 2t f_{p+2}(t²) Q_p(t²) is smooth at 0
  // (t^{p+1}), integrated by Simpson's rule far into the tail of f_{p+2}.
  const double a = (dof + 2) / 2.0;
  const double logNorm = a * std::log(2.0) + std::lgamma(a);
  const auto integrand = [&](double t) {
    const double z = t * t;
    return t > 0.0 ? 2.0 * std::exp((dof + 1) * std::log(t) - z / 2.0 - logNorm) * noChangeProbability(z, dof) : 0.0;
  };
  constexpr int kIntervals = 4000;  // even
  const double upper = std::sqrt(2.0 * a + 40.0 * std::sqrt(4.0 * a) + 40.0), h = upper / kIntervals;
  double sum = integrand(0.0) + integrand(upper);
  for (int i = 1; i < kIntervals; ++i) sum += (i % 2 ? 4.0 : 2.0) * integrand(i * h);
  return 2.0 * sum * h / 3.0;
}

}  // namespace onemap::analysis
