#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "onemap/base/error.h"
#include "onemap/base/extent.h"

namespace onemap::proj {

/// Transforms coordinates between two CRSs in traditional GIS order (x = easting/longitude).
/// Owns a PROJ object created in the calling thread's PROJ context: use it on that thread only.
class Transform {
 public:
  /// Source and target as accepted by describeCrs ("EPSG:4549", WKT, PROJJSON).
  static Result<Transform> create(std::string_view source, std::string_view target);

  Transform(Transform&&) noexcept;
  Transform& operator=(Transform&&) noexcept;
  ~Transform();

  /// Transforms one point in place; false when it cannot be transformed.
  bool apply(double& x, double& y) const;
  /// Transforms many points in place; returns how many failed (they are left as infinity).
  std::size_t apply(std::vector<double>& xs, std::vector<double>& ys) const;
  /// The extent of the transformed rectangle (edges densified with `densify` points per side).
  Extent transformExtent(const Extent& extent, int densify = 21) const;

 private:
  struct Impl;
  explicit Transform(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace onemap::proj
