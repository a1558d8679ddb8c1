#pragma once

// The property keys each layout item type reads (Item::props), in one place so that the
// renderer, the designer's property panels, templates and tests agree. Values are text; numbers
// use '.' decimals, flags "true"/"false", colours "#rrggbb" or "#aarrggbb", sizes millimetres
// unless the key says otherwise. Every key is optional: the renderer's default is noted.

namespace onemap::layout::keys {

// ---- every item
inline constexpr const char* kFrame = "frame";              ///< outline width mm; 0 = none (default 0)
inline constexpr const char* kFrameColor = "frame_color";   ///< default #000000
inline constexpr const char* kBackground = "background";    ///< fill; "none" (default) or a colour

// ---- Map
inline constexpr const char* kExtent = "extent";            ///< "minx,miny,maxx,maxy" in the map CRS
inline constexpr const char* kLockExtent = "lock_extent";   ///< "true": the canvas does not move it
inline constexpr const char* kScale = "scale";              ///< fixed denominator (5000); 0/empty = fit the extent
inline constexpr const char* kMapRotation = "map_rotation"; ///< degrees clockwise, map contents only
inline constexpr const char* kLayers = "layers";            ///< comma-separated layer ids; empty = the project's visible layers
inline constexpr const char* kGrid = "grid";                ///< "none" (default), "km" (Gauss–Krüger), "graticule", "both"
inline constexpr const char* kGridInterval = "grid_interval";  ///< km grid spacing in metres; 0 = automatic
inline constexpr const char* kGraticuleInterval = "graticule_interval";  ///< degrees; 0 = automatic
inline constexpr const char* kGridLabels = "grid_labels";   ///< "true" (default): label ticks outside the frame
inline constexpr const char* kGridLines = "grid_lines";     ///< "true": lines across the map; "false" (default): ticks and crosses
inline constexpr const char* kGridFontSize = "grid_font_size";  ///< points, default 7
inline constexpr const char* kAtlasScale = "atlas_scale";  ///< atlas map: "nice" (default: rounded up to 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 7.5·10ⁿ) or "fit"
inline constexpr const char* kOverviewOf = "overview_of";   ///< map item id: this frame is its inset overview
inline constexpr const char* kOverviewColor = "overview_color";  ///< extent rectangle colour, default #e60000

// ---- Label
inline constexpr const char* kText = "text";                ///< with {variables}, may contain \n
inline constexpr const char* kFontSize = "font_size";       ///< points (Label default 12, others below)
inline constexpr const char* kBold = "bold";                ///< default false
inline constexpr const char* kColor = "color";              ///< text colour, default #000000
inline constexpr const char* kAlign = "align";              ///< "left", "center" (default), "right"
inline constexpr const char* kLetterSpacing = "letter_spacing";  ///< extra % between characters (titles), default 0

// ---- Legend, ScaleBar, NorthArrow, Table: the map frame they describe
inline constexpr const char* kMap = "map";                  ///< map item id; empty = the layout's main map

// ---- Legend
inline constexpr const char* kTitle = "title";              ///< default "图例" / "Legend"
inline constexpr const char* kOnlyVisible = "only_visible"; ///< "true" (default): only entries with features in the frame
inline constexpr const char* kColumns = "columns";          ///< default 1
// kLayers: restrict to these layer ids; kFontSize default 8

// ---- ScaleBar
inline constexpr const char* kUnits = "units";              ///< "auto" (default), "m", "km"
inline constexpr const char* kSegments = "segments";        ///< default 4
inline constexpr const char* kSegmentLength = "segment_length";  ///< in `units`; 0 = automatic
inline constexpr const char* kNumeric = "numeric";          ///< "true" (default): also print "1:5000"
inline constexpr const char* kStyle = "style";              ///< "alternating" (default), "line"
// kFontSize default 8

// ---- NorthArrow, Picture
inline constexpr const char* kPath = "path";                ///< SVG/PNG file; relative to the project folder; empty = built-in arrow
inline constexpr const char* kKeepAspect = "keep_aspect";   ///< default true
// NorthArrow: kFontSize of the built-in arrow's "北", default from the item's height

// ---- Table
inline constexpr const char* kSource = "source";            ///< "summary" (default: by BHLX/BHZL) or "attributes"
inline constexpr const char* kLayer = "layer";              ///< layer id of the table's data (change patches)
inline constexpr const char* kFields = "fields";            ///< "attributes": comma-separated field names
inline constexpr const char* kAtlasFilter = "atlas_filter"; ///< "true" (default): only rows inside the atlas feature
inline constexpr const char* kMaxRows = "max_rows";         ///< default 20; more rows are summarised in one line
// kTitle (default "变化图斑统计表" for "summary", the layer name for "attributes"; "" = none),
// kFontSize (default 8). "summary" columns: 变化类型, 变化子类, 图斑个数, 面积(亩) = ΣMJ_MU,
// 其中永久基本农田(亩) = ΣYNMJ / 666.67 (YNMJ is m²), then a 合计 row. "layer" empty = the first
// vector layer with a BHLX field.

// ---- Producer
inline constexpr const char* kUnit = "unit";                ///< 制图单位
inline constexpr const char* kDate = "date";                ///< 制图日期, default "{date_cn}" (2026年12月1日)
inline constexpr const char* kCrsText = "crs_text";         ///< 坐标系, default from the map CRS ("2000国家大地坐标系 高斯-克吕格投影 3度带 中央经线120°")
inline constexpr const char* kDataSource = "data_source";   ///< 数据来源
// kFontSize default 8

// ---- Shape
inline constexpr const char* kShape = "shape";              ///< "rectangle" (default), "line" (top-left to bottom-right)
inline constexpr const char* kStrokeWidth = "stroke_width"; ///< mm, default 0.3
inline constexpr const char* kStrokeColor = "stroke_color"; ///< default #000000
inline constexpr const char* kFill = "fill";                ///< "none" (default) or a colour

}  // namespace onemap::layout::keys
