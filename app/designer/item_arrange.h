#pragma once

#include <QRectF>
#include <QString>

#include <set>
#include <string>
#include <vector>

#include "onemap/layout/layout.h"

namespace onemap::designer {

/// Which edge or centre line items are aligned on.
enum class Alignment { Left, HCenter, Right, Top, VCenter, Bottom };

/// An item's rectangle on the page (mm).
inline QRectF itemRect(const layout::Item& item) { return {item.x, item.y, item.width, item.height}; }
/// Sets an item's rectangle on the page (mm).
void setItemRect(layout::Item& item, const QRectF& rect);

/// Aligns the unlocked items in `ids` on the bounding box of all of them (on the page when only
/// one is given).
void alignItems(layout::Layout& layout, const std::set<std::string>& ids, Alignment alignment);
/// Spreads the unlocked items in `ids` (three or more) evenly between the outermost ones,
/// horizontally or vertically, keeping equal gaps.
void distributeItems(layout::Layout& layout, const std::set<std::string>& ids, Qt::Orientation orientation);

/// Moves the items in `ids` one step up (`steps` > 0) or down in drawing order, or to the top /
/// bottom when `toEnd`.
void reorderItems(layout::Layout& layout, const std::set<std::string>& ids, int steps, bool toEnd);

/// Snapping of a dragged rectangle: to a millimetre grid and to other items' and the page's edges
/// and centre lines within a tolerance (in mm). The lines snapped to are returned for display.
struct Snapper {
  double grid = 1.0;          ///< mm; 0 = no grid snapping
  bool toItems = true;
  double tolerance = 2.0;     ///< mm
  std::vector<double> xs;     ///< candidate vertical lines (item and page edges, centres)
  std::vector<double> ys;

  /// Candidate lines of every visible item of `layout` not in `exclude`, and of the page.
  void collect(const layout::Layout& layout, const std::set<std::string>& exclude);
  /// A moved rectangle: the offset that brings its left/centre/right (top/centre/bottom) onto
  /// the nearest line, else its top-left corner onto the grid. `snappedX/Y` receive the line.
  QPointF snapMove(const QRectF& rect, double* snappedX, double* snappedY) const;
  /// One coordinate of an edge being resized or drawn: onto a line, else onto the grid.
  double snapX(double x, double* snapped) const;
  double snapY(double y, double* snapped) const;
};

/// Default size of a new item of `type` placed with a click (mm).
QSizeF defaultItemSize(layout::ItemType type);

/// The name shown for an item: its name, else its type in the UI language.
QString displayName(const layout::Item& item);
/// The item type's name in the UI language ("Map", "Legend"...).
QString typeName(layout::ItemType type);

}  // namespace onemap::designer
