#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "onemap/base/error.h"

namespace onemap::analysis {

/// How numeric values are cut into classes for a graduated map.
enum class ClassificationMethod {
  Quantile,       ///< about the same number of values in each class
  EqualInterval,  ///< classes of equal width between the minimum and the maximum
  NaturalBreaks,  ///< Jenks natural breaks (Fisher's exact optimum of within-class variance)
};

/// Class limits are returned as ascending `breaks` of size classes + 1: class i covers
/// [breaks[i], breaks[i+1]) and the last class also includes its upper limit. The first break is
/// the minimum and the last the maximum of the values. Inner breaks are strictly increasing: when
/// ties make two limits equal the classes merge, so fewer classes than asked may come back. Only
/// the last two breaks may be equal: the top class is then the maximum alone (an outlier), and a
/// constant gives {v, v}. NaN and infinite values are ignored.
/// Errors: InvalidInput when `classes` < 1 or no finite value is given.
Result<std::vector<double>> equalIntervalBreaks(std::span<const double> values, int classes);

/// Quantile limits: break i is the i/classes quantile, interpolated linearly between the sorted
/// values (the "type 7" definition used by R and NumPy).
Result<std::vector<double>> quantileBreaks(std::span<const double> values, int classes);

/// Jenks natural breaks computed exactly (Fisher 1958: dynamic programming over the sorted
/// distinct values, weighted by how often each occurs), minimising the sum of squared deviations
/// from the class means. Each inner break is the smallest value of the class above it. When
/// there are more than `maxDistinct` distinct values, that many are taken evenly from the sorted
/// distinct values (always including the minimum and maximum) and each break is then moved to the best
/// value between its neighbouring picks, so big layers stay fast
/// (O(classes · maxDistinct²)).
Result<std::vector<double>> naturalBreaks(std::span<const double> values, int classes,
                                          std::size_t maxDistinct = 3000);

/// Dispatches to one of the functions above.
Result<std::vector<double>> computeBreaks(ClassificationMethod method, std::span<const double> values,
                                          int classes);

/// Index of the class `value` falls in for `breaks` as above, or -1 when outside / NaN.
int classIndex(double value, std::span<const double> breaks);

/// One distinct value of a field and how many times it occurs.
struct UniqueValue {
  std::string value;
  std::int64_t count = 0;
};

/// The distinct values with their counts, in natural order: values that are numbers sort
/// numerically and before text ("2" < "10" < "水田"), text sorts by its UTF-8 bytes.
std::vector<UniqueValue> uniqueValues(std::span<const std::string> values);

/// True when `a` sorts before `b` in the natural order of uniqueValues().
bool naturalLess(const std::string& a, const std::string& b);

}  // namespace onemap::analysis
