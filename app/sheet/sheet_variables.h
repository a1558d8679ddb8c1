#pragma once

#include <string>

#include "onemap/layout/layout_variables.h"

namespace onemap::layout {
struct Layout;
struct Item;
}  // namespace onemap::layout

namespace onemap::sheet {

struct SheetContext;
struct FrameView;

/// The map frame an item describes: the item itself for a map, its "map" property when that names
/// a map item, else the layout's main map; null when the layout has none.
const layout::Item* itemMapFrame(const layout::Layout& layout, const layout::Item& item);

/// The {variables} of `item` on this sheet: project_title, layout_name, date (today, ISO),
/// date_cn, scale (of the item's map frame), crs_name, page, page_count and, on atlas sheets,
/// atlas_name, atlas_code, village_name, village_code and field:NAME for every attribute.
/// Values in `context.variables` replace the computed ones (a fixed {date}, {page}...).
layout::Variables sheetVariables(const layout::Layout& layout, const layout::Item& item,
                                 const SheetContext& context);

/// As above with the item's map frame view already computed (or null when it has none).
layout::Variables sheetVariables(const layout::Layout& layout, const SheetContext& context,
                                 const FrameView* mapView);

/// The Chinese name of a CRS for sheets ("CGCS2000 / 3度带高斯-克吕格投影 中央经线120°E"), or the
/// definition itself when PROJ cannot describe it. Cached; thread-safe.
std::string crsDisplayName(const std::string& crs);

}  // namespace onemap::sheet
