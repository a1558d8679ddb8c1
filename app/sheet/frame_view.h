#pragma once

#include <QPointF>
#include <QSizeF>
#include <QTransform>

#include "onemap/base/extent.h"

namespace onemap::layout {
struct Layout;
struct Item;
}  // namespace onemap::layout

namespace onemap::sheet {

struct SheetContext;

/// Where a map frame looks on this sheet: centre and scale in the map CRS (metres), the map
/// rotation and the frame's size on paper. Computed by frameView(); a value type.
struct FrameView {
  double centerX = 0.0;
  double centerY = 0.0;
  double scale = 1.0;         ///< denominator: 1 mm on paper = scale / 1000 map units
  double rotation = 0.0;      ///< map rotation, degrees clockwise
  QSizeF sizeMm;              ///< the frame on paper

  double mapUnitsPerMm() const { return scale / 1000.0; }
  /// Map coordinates → millimetres from the frame's top-left corner (y down).
  QPointF toFrame(double x, double y) const;
  /// Millimetres from the frame's top-left corner → map coordinates.
  QPointF toMap(QPointF frameMm) const;
  /// The affine map of toFrame(): map coordinates → frame millimetres (for paths in map units).
  QTransform mapToFrame() const;
  /// The map area the frame shows (the bounding box when rotated).
  Extent visibleExtent() const;
  bool isValid() const { return scale > 0 && sizeMm.width() > 0 && sizeMm.height() > 0; }
};

/// The view of map item `map` on this sheet: the atlas feature's extent plus margin when the
/// item is the atlas map and `context.atlas` is set (scale rounded up by niceScale() unless
/// the item's "atlas_scale" is "fit"), else its "extent" property; a fixed "scale" replaces the
/// fitted one (keeping the centre). With no extent set, the project's extent, else the full
/// extent of the frame's layers, else nothing (scale 0).
/// An overview frame ("overview_of") fits the full extent of its layers (the item's "layers", else
/// the project's visible layers) instead, falling back to its "extent" and the project's.
FrameView frameView(const layout::Layout& layout, const layout::Item& map, const SheetContext& context);

/// A "nice" scale at least `denominator`: 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 7.5 × 10ⁿ (5000,
/// 12 000, 25 000…): at most a quarter wider than the fitted scale, so a village fills its frame.
double niceScale(double denominator);

}  // namespace onemap::sheet
