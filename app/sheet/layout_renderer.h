#pragma once

#include <QStringList>

#include "onemap/base/feedback.h"

class QPainter;

namespace onemap::layout {
struct Layout;
struct Item;
}  // namespace onemap::layout

namespace onemap::sheet {

struct SheetContext;

/// Draws a whole page: `painter`'s device shows the page at `dotsPerMm` device pixels per
/// millimetre from its origin (a PDF page, a page image). Items are drawn in order, each with its
/// frame, background and rotation; a failing item is skipped and named in the returned problems.
QStringList renderLayout(QPainter& painter, const layout::Layout& layout, const SheetContext& context,
                         double dotsPerMm, Feedback& feedback);

/// Draws one item as renderLayout() would (the designer draws items one by one). On entry the
/// painter's origin is the page's top-left corner in millimetres; returns an error text or empty.
QString renderItem(QPainter& painter, const layout::Layout& layout, const layout::Item& item,
                   const SheetContext& context, double dotsPerMm, Feedback& feedback);

/// Draws the content of map item `map` (layers, atlas mask, overview rectangle) clipped to its
/// frame; painter origin at the item's top-left corner, unit mm (used by renderItem).
QString drawMapContent(QPainter& painter, const layout::Layout& layout, const layout::Item& map,
                       const SheetContext& context, double dotsPerMm, Feedback& feedback);

}  // namespace onemap::sheet
