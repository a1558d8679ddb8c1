#pragma once

#include <array>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace onemap::raster {
class RasterSource;
}

namespace onemap::render {

/// How a raster layer is drawn, parsed from the layer's style properties:
/// "bands" = roles or 1-based numbers ("nir,red,green", "3,2,1", "4" for one grey band),
/// "stretch" = "percentile" (2–98 %, default), "minmax" or "stddev" (mean ± 2σ),
/// "stretch_values" = cached "min,max;min,max;min,max" (written back once computed).
struct RasterStyle {
  enum class Stretch { Percentile, MinMax, StdDev };
  std::vector<std::string> bandSpecs;  ///< as written by the user (roles or numbers)
  Stretch stretch = Stretch::Percentile;
  std::vector<std::pair<double, double>> stretchValues;  ///< per drawn band, when known

  static RasterStyle fromProperties(const std::map<std::string, std::string>& style);
  void writeTo(std::map<std::string, std::string>& style) const;
};

/// What a raster renderer resolved about a layer once (band numbers, stretch), shared by the
/// layer's successive renders across threads; guarded by its own mutex.
class RasterLayerCache {
 public:
  struct Resolved {
    std::vector<int> bands;                            ///< 1 (grey) or 3 (RGB) band numbers
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
