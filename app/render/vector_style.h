#pragma once

#include <QColor>

#include <map>
#include <optional>
#include <string>

namespace onemap::render {

/// How a vector layer is drawn, parsed from the layer's style properties: "fill" and "stroke"
/// colours (#RRGGBB or #AARRGGBB, "none"), "stroke_width" and "point_size" in pixels; categorized
/// fills with "category_field" and "palette" = "dlbm" (built-in 三调 colours) and/or
/// "categories" = "0101=#ffff8c;0102=#faeb6e"; "fill_opacity" (0..1) scales category fills.
struct VectorStyle {
  QColor fill = QColor(255, 255, 255, 0);
  QColor stroke = QColor(40, 40, 40);
  double strokeWidth = 1.0;
  double pointSize = 6.0;
  std::string categoryField;
  bool landUsePalette = false;
  std::map<std::string, QColor> categories;
  double fillOpacity = 1.0;

  static VectorStyle fromProperties(const std::map<std::string, std::string>& style);
  /// Fill for a feature whose category field holds `value` (the plain fill when not categorized).
  QColor fillFor(const std::string& value) const;
};

}  // namespace onemap::render
