#pragma once

#include <QString>

#include "onemap/base/feedback.h"
#include "onemap/layout/layout_variables.h"

class QPainter;

namespace onemap::layout {
struct Layout;
struct Item;
}  // namespace onemap::layout

namespace onemap::sheet {

struct SheetContext;

/// What an item drawer gets besides the item: the layout it is on, the sheet context, the
/// device resolution and the variables resolved for this item ({scale} of its map frame...).
struct DrawContext {
  const layout::Layout& layout;
  const SheetContext& sheet;
  double dotsPerMm;              ///< device pixels per page millimetre (raster resolution)
  const layout::Variables& variables;
  Feedback& feedback;
};

// Item drawers. On entry the painter's origin is the item's top-left corner, its unit is one
// page millimetre and the item's rotation is applied; a drawer draws within [0, width] ×
// [0, height] (grid labels and shadows may go outside) and restores the painter state. Each
// returns an error text for the designer and the export report, or empty when all went well.
// Text uses render::mapFont (searchable Chinese in PDF); font sizes are points (1 pt = 0.3528 mm).

/// Label: "text" with variables expanded; font_size, bold, color, align, letter_spacing.
QString drawLabel(QPainter& painter, const layout::Item& item, const DrawContext& context);
/// Legend of the layers in the item's map frame: title, symbols from the layers' styles
/// (render::legendEntries), only entries present in the frame when "only_visible".
QString drawLegend(QPainter& painter, const layout::Item& item, const DrawContext& context);
/// Scale bar of the item's map frame: nice segment lengths in m or km, alternating blocks,
/// labels, and "1:N" when "numeric".
QString drawScaleBar(QPainter& painter, const layout::Item& item, const DrawContext& context);
/// North arrow (built-in, or the SVG/PNG in "path"), turned by its map frame's rotation.
QString drawNorthArrow(QPainter& painter, const layout::Item& item, const DrawContext& context);
/// Table: "summary" of a change-patch layer by BHLX/BHZL (count, MJ_MU 亩, PBF area in 亩) or
/// "attributes" rows, restricted to the atlas feature when "atlas_filter".
QString drawTable(QPainter& painter, const layout::Item& item, const DrawContext& context);
/// Picture: the image or SVG file in "path" (relative to the project), aspect kept by default.
QString drawPicture(QPainter& painter, const layout::Item& item, const DrawContext& context);
/// Producer block: 制图单位 / 制图日期 / 坐标系 / 数据来源 rows in a ruled box.
QString drawProducer(QPainter& painter, const layout::Item& item, const DrawContext& context);
/// Shape: rectangle or line.
QString drawShape(QPainter& painter, const layout::Item& item, const DrawContext& context);
/// A map frame's coordinate grid: Gauss–Krüger kilometre grid and/or graticule with labelled
/// ticks outside the frame ("grid" property). Drawn after the map content, unclipped.
QString drawMapGrid(QPainter& painter, const layout::Item& item, const DrawContext& context);

}  // namespace onemap::sheet
