#pragma once

#include <span>
#include <vector>

#include "onemap/base/error.h"

namespace onemap::raster {

class RasterSource;

/// How display ranges are chosen from a band's values.
enum class StretchMethod { Percentile, MinMax, StdDev };

/// A display range: values ≤ min draw black, ≥ max draw white.
struct StretchRange {
  double min = 0.0;
  double max = 1.0;
};

/// Display ranges for `bands` (1-based) computed from a reduced read of the whole raster
/// (at most `sampleSize` pixels on the long side, so GDAL serves it from overviews):
/// Percentile uses [lowPercent, highPercent] (2–98 by default), StdDev mean ± 2σ, MinMax the
/// extremes. NaN/nodata pixels are ignored.
Result<std::vector<StretchRange>> computeStretch(const RasterSource& source, std::span<const int> bands,
                                                 StretchMethod method, double lowPercent = 2.0,
                                                 double highPercent = 98.0, int sampleSize = 1024);

/// The value at `percent` (0–100) of `values` (NaN ignored; reorders the vector).
double percentile(std::vector<float>& values, double percent);

}  // namespace onemap::raster
