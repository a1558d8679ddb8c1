#pragma once

#include <QPointF>
#include <QSizeF>

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
  /// The map area the frame shows (the bounding box when rotated).
  Extent visibleExtent() const;
  bool isValid() const { return scale > 0 && sizeMm.width() > 0 && sizeMm.height() > 0; }
};

/// The view of map item `map` on this sheet: the atlas feature's extent plus margin when the
/// item is the atlas map and `context.atlas` is set (scale rounded up to 1/2/2.5/5·10ⁿ unless
/// the item's "atlas_scale" is "fit"), else its "extent" property; a fixed "scale" replaces the
/// fitted one (keeping the centre). With no extent set, the project's extent or nothing.
/// An overview frame ("overview_of") fits the full extent of its layers instead.
FrameView frameView(const layout::Layout& layout, const layout::Item& map, const SheetContext& context);

/// A "nice" scale at least `denominator`: 1, 2, 2.5 or 5 × 10ⁿ (5000, 10 000, 25 000…).
double niceScale(double denominator);

}  // namespace onemap::sheet
