#pragma once

#include <array>
#include <map>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "onemap/base/error.h"

namespace onemap::raster {
class RasterSource;
}

namespace onemap::render {

/// How a raster layer is drawn, parsed from the layer's style properties:
/// - "mode" = "rgb" | "grey" | "pseudocolor" (absent: grey for one band in "bands", else rgb);
/// - "bands" = roles or 1-based numbers ("nir,red,green", "3,2,1", "4" for one grey band);
/// - "stretch" = "percentile" (default), "minmax" or "stddev";
///   "stretch_percent" = "2,98" (percentile limits), "stretch_stddev" = "2" (mean ± N·σ);
/// - "stretch_values" = "min,max;min,max;min,max" per drawn band (cached or typed by the user);
/// - pseudo-colour: "band" (role or number), "ramp" (a ColorRamp name, default "rdylgn"),
///   "min", "max" (values at the two ends of the ramp; computed with the stretch when absent).
/// A value type, copied into render jobs.
struct RasterStyle {
  enum class Mode { Rgb, Grey, PseudoColor };
  enum class Stretch { Percentile, MinMax, StdDev };
  Mode mode = Mode::Rgb;
  std::vector<std::string> bandSpecs;  ///< as written by the user (roles or numbers)
  Stretch stretch = Stretch::Percentile;
  double lowPercent = 2.0;
  double highPercent = 98.0;
  double stdDevFactor = 2.0;
  std::vector<std::pair<double, double>> stretchValues;  ///< per drawn band, when known
  std::string band;                  ///< pseudo-colour band (role or number); empty = first band
  std::string ramp = "rdylgn";
  std::optional<double> min;         ///< pseudo-colour range
  std::optional<double> max;

  static RasterStyle fromProperties(const std::map<std::string, std::string>& style);
  /// Writes the style into layer properties (replacing the raster keys, keeping others).
  void writeTo(std::map<std::string, std::string>& style) const;
};

/// Display ranges (min, max) of `bands` (1-based) of `source` for a stretch method, computed from
/// a reduced read (≤ 1024 px on the long side, so GDAL serves it from overviews). Slow on big
/// rasters without overviews: call it off the GUI thread.
Result<std::vector<std::pair<double, double>>> computeDisplayRanges(const raster::RasterSource& source,
                                                                    std::span<const int> bands,
                                                                    const RasterStyle& style);

/// What a raster renderer resolved about a layer once (band numbers, stretch), shared by the
/// layer's successive renders across threads; guarded by its own mutex.
class RasterLayerCache {
 public:
  struct Resolved {
    std::vector<int> bands;                            ///< 1 (grey, pseudo-colour) or 3 (RGB)
    std::vector<std::pair<double, double>> stretch;    ///< per band
  };
  /// Resolves bands and stretch on first call (reads a small overview of `source`).
  std::optional<Resolved> resolve(const raster::RasterSource& source, const RasterStyle& style,
                                  std::string* error);

 private:
  std::mutex m_mutex;
  std::optional<Resolved> m_resolved;
};

}  // namespace onemap::render
