#pragma once

#include <QColor>

#include <map>
#include <string>

namespace onemap::render {

/// How a vector layer is drawn, parsed from the layer's style properties: "fill" and "stroke"
/// colours (#RRGGBB or #AARRGGBB, "none"), "stroke_width" in pixels, "point_size" in pixels.
struct VectorStyle {
  QColor fill = QColor(255, 255, 255, 0);
  QColor stroke = QColor(40, 40, 40);
  double strokeWidth = 1.0;
  double pointSize = 6.0;

  static VectorStyle fromProperties(const std::map<std::string, std::string>& style);
};

}  // namespace onemap::render
