#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "onemap/base/error.h"

namespace onemap::analysis {

/// Two co-registered images of width × height pixels as band-sequential float planes.
struct ImagePair {
  std::span<const float> before;  ///< blue, green, red, nir[, swir1, swir2], plane b at b·width·height; NaN = no data
  std::span<const float> after;   ///< the same bands on the same grid
  int width = 0;
  int height = 0;
  int bands = 0;
};

/// The classical change detectors a detection engine is measured against.
enum class ChangeBaseline {
  NdviOtsu,           ///< |NDVI(after) − NDVI(before)| above Otsu's threshold
  CvaOtsu,            ///< change vector magnitude over all bands (raw values) above Otsu's threshold
  CvaOtsuMorphology,  ///< the CvaOtsu mask opened then closed with a 3 × 3 square
  IrMad,              ///< IR-MAD (Nielsen 2007, consistency-corrected variances): chi-square above its 0.99 quantile
  Mad,                ///< MAD (one canonical correlation fit, no re-weighting): the same chi-square cut
};

/// How many ChangeBaseline values there are.
inline constexpr std::size_t kChangeBaselineCount = 5;

/// Every baseline, in the order above.
const std::vector<ChangeBaseline>& allChangeBaselines();
/// Short English identifier: "dndvi_otsu", "cva_otsu", "cva_morph", "irmad", "mad".
std::string_view changeBaselineName(ChangeBaseline baseline) noexcept;

/// A byte change mask and the cut that made it.
struct ChangeMask {
  std::vector<std::uint8_t> mask;             ///< 1 changed, 0 unchanged or no data; row-major width × height
  double threshold = 0.0;                     ///< the Otsu threshold, or the chi-square quantile for (IR-)MAD
  int iterations = 0;                         ///< canonical correlation fits run: 1 for MAD (0 for the others)
  std::vector<double> canonicalCorrelations;  ///< (IR-)MAD's final ones, descending (empty for the others)
};

/// Checks that the planes hold width × height × bands values and that there are at least 4 bands
/// (InvalidInput otherwise).
Status checkImagePair(const ImagePair& pair);

/// Runs `baseline` on `pair`. A pixel with no data on either date is never changed.
/// Errors: InvalidInput for planes that do not hold width × height × bands values, fewer than 4
/// bands, no pixel valid on both dates, or ((IR-)MAD) a band without variance.
Result<ChangeMask> detectBaselineChange(ChangeBaseline baseline, const ImagePair& pair);

/// How IR-MAD iterates and where it cuts.
struct IrMadOptions {
  int maxIterations = 30;      ///< canonical correlation fits at most; 1 is plain MAD (no re-weighting)
  double tolerance = 1e-4;     ///< stop when no canonical correlation moves by more than this
  double significance = 0.99;  ///< change where the chi-square statistic exceeds this quantile
  /// Divide the weighted MAD variances 2(1 − ρ) of every re-weighted fit by
  /// irMadConsistencyFactor(bands), so that they estimate the no-change variance the chi-square
  /// test assumes. false is IR-MAD as published (Nielsen 2007; Canty's iMad), whose estimate
  /// shrinks (see irMadChange).
  bool consistencyCorrection = true;
};

/// IR-MAD (Nielsen 2007): canonical correlation of the two dates on the pixels valid on both,
/// re-weighted by each pixel's chi-square probability of no change until the correlations settle;
/// the mask marks the statistic (sum of squared standardised MAD variates, `bands` degrees of
/// freedom) above the `significance` quantile. Invariant to a linear map of either date's bands.
/// With maxIterations = 1 it is plain MAD (Nielsen, Conradsen & Simpson 1998).
///
/// The MAD variances are 2(1 − ρ) from the canonical correlations of the weighted fit, as
/// published. The weights P(no change) favour the pixels whose MADs are small, so on unchanged
/// Gaussian data the weighted variance of a MAD is only k = irMadConsistencyFactor(bands) times
/// its variance (5/8 for 4 bands) even when the weights were computed with the true variances. As
/// published the iteration feeds that shrunk estimate back into the weights and settles at about
/// 0.30 of the true variance for 4 bands (0.44 for 6, towards 0 for 2), so the 0.99 cut takes
/// about 40 % (4 bands) of unchanged pixels. With `consistencyCorrection` the weighted variances
/// are divided by k, the usual Fisher-consistency factor of a re-weighted scatter estimate: the
/// true variance is then the only fixed point on no-change data and the cut takes 1 − significance.
/// The weighted means and canonical directions need no correction (the weights depend on the MADs
/// only, which are independent of the sums U + V under no change); the reported correlations are
/// those of the weighted fit. The correction is exact for one Gaussian no-change population; the
/// unchanged pixels of real pairs mix covers with different noise, the re-weighted fit still
/// settles on the steadiest of them and the cut takes more than 1 - significance of the rest.
Result<ChangeMask> irMadChange(const ImagePair& pair, const IrMadOptions& options = {});

/// k(p) = E[z Q(z)] / (p E[Q(z)]) for z chi-square with p = `dof` degrees of freedom and
/// Q(z) = P(chi-square_p > z) the IR-MAD weight: the factor by which those weights shrink the
/// variance of each of p independent standard normal variates. Equals 2 P(χ²_p > χ²_{p+2}) (two
/// independent variables): 1/2, 5/8, 11/16 for p = 2, 4, 6; tends to 1 as p grows.
double irMadConsistencyFactor(int dof);

/// Otsu's threshold of the finite `values` over a 256-bin histogram of [minimum, 99.9th percentile]
/// (values above go to the last bin); the upper edge of the last bin of the lower class. NaN when
/// no value is finite, the minimum when they are all equal.
double otsuThreshold(std::span<const float> values);

/// Morphological opening (erosion then dilation) of a byte mask with a 3 × 3 square, in place;
/// pixels outside the image neither erode nor dilate.
void openMask3x3(std::vector<std::uint8_t>& mask, int width, int height);
/// Morphological closing (dilation then erosion) with a 3 × 3 square, in place.
void closeMask3x3(std::vector<std::uint8_t>& mask, int width, int height);

/// The regularised lower incomplete gamma function P(a, x) for a > 0, x ≥ 0.
double regularizedGammaP(double a, double x);
/// The chi-square distribution function with `dof` degrees of freedom at `x`.
double chiSquareCdf(double x, double dof);
/// The `p` quantile (0 < p < 1) of chi-square with `dof` degrees of freedom.
double chiSquareQuantile(double p, double dof);

}  // namespace onemap::analysis
