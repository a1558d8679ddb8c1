#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace onemap::render {

/// Geometries of many features packed into flat arrays for drawing: one coordinate array, parts
/// (polygon rings, lines, points) as ranges of it, features as ranges of parts, and each
/// feature's bounding box. Filled by one thread; immutable and shareable once filled.
class FeatureGeometries {
 public:
  enum class PartKind : std::uint8_t { Ring, Line, Point };

  /// Decodes ISO/extended WKB (Point, LineString, Polygon, Multi*, GeometryCollection, Z/M/ZM)
  /// and appends it as one feature; false (nothing appended) when malformed or empty.
  bool appendWkb(std::span<const unsigned char> wkb);
  /// Appends a feature made of one part from `xy` (x0, y0, x1, y1…); false when empty.
  bool appendPart(PartKind kind, std::span<const double> xy);
  /// Appends all features of `other` after this one's.
  void append(const FeatureGeometries& other);
  void clear();
  /// Releases spare capacity (after the last append).
  void shrinkToFit();

  std::size_t featureCount() const { return m_featureStart.size() - 1; }
  std::size_t partCount() const { return m_partKind.size(); }
  std::size_t pointCount() const { return m_xy.size() / 2; }
  /// Bytes held by the arrays.
  std::size_t bytes() const;

  /// Parts of feature `f`: [partBegin(f), partEnd(f)).
  std::uint32_t partBegin(std::size_t f) const { return m_featureStart[f]; }
  std::uint32_t partEnd(std::size_t f) const { return m_featureStart[f + 1]; }
  PartKind partKind(std::size_t part) const { return m_partKind[part]; }
  /// Points of part `p`: [pointBegin(p), pointEnd(p)); coordinates at xy()[2 * i], xy()[2 * i + 1].
  std::uint32_t pointBegin(std::size_t part) const { return m_partStart[part]; }
  std::uint32_t pointEnd(std::size_t part) const { return m_partStart[part + 1]; }
  const double* xy() const { return m_xy.data(); }
  /// minX, minY, maxX, maxY of feature `f`.
  const std::array<double, 4>& box(std::size_t f) const { return m_box[f]; }
  const std::vector<std::array<double, 4>>& boxes() const { return m_box; }
  /// True when the feature's first part is a polygon ring.
  bool isPolygonal(std::size_t f) const { return partBegin(f) < partEnd(f) && partKind(partBegin(f)) == PartKind::Ring; }

 private:
  friend struct WkbAppender;
  void closeFeature(std::size_t firstPart, std::size_t firstPoint);

  std::vector<double> m_xy;
  std::vector<std::uint32_t> m_partStart{0};
  std::vector<PartKind> m_partKind;
  std::vector<std::uint32_t> m_featureStart{0};
  std::vector<std::array<double, 4>> m_box;
};

}  // namespace onemap::render
