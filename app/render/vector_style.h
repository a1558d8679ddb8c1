#pragma once

#include <QColor>
#include <QString>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace onemap::render {

/// One attribute value as a style sees it: its text and, when numeric, its number.
struct StyleValue {
  std::string text;
  std::optional<double> number;
};

/// A class of a graduated style: values in [lower, upper) get `color` (the last class includes
/// its upper bound); `label` is shown in the legend.
struct GraduatedClass {
  double lower = 0.0;
  double upper = 0.0;
  QColor color;
  std::string label;
};

/// How a vector layer is drawn, parsed from the layer's style properties (all optional):
/// - "fill", "stroke" colours (#RRGGBB, #AARRGGBB or "none"), "stroke_width", "point_size" (px);
/// - "mode" = "single" | "categorized" | "graduated";
/// - categorized: "category_field", "palette" = "dlbm" (built-in 三调 colours) and/or
///   "categories" = "0101=#ffff8c;0102=#faeb6e";
/// - graduated: "class_field", "classes" = "lower,upper,#color,label;…";
/// - "fill_opacity" (0..1) scales category/class fills;
/// - labels: "label_field", "label_size" (pt), "label_color", "label_halo" (colour or "none");
/// - scale range: "min_scale" / "max_scale" as 1:N denominators (0 = no limit): the layer draws
///   only when maxScale ≤ current scale ≤ minScale (minScale is the most zoomed-out scale).
/// A value type, copied into render jobs.
struct VectorStyle {
  enum class Mode { Single, Categorized, Graduated };

  QColor fill = QColor(255, 255, 255, 0);
  QColor stroke = QColor(40, 40, 40);
  double strokeWidth = 1.0;
  double pointSize = 6.0;
  Mode mode = Mode::Single;
  std::string categoryField;
  bool landUsePalette = false;
  std::map<std::string, QColor> categories;
  std::string classField;
  std::vector<GraduatedClass> classes;
  double fillOpacity = 1.0;
  std::string labelField;
  double labelSize = 9.0;
  QColor labelColor = QColor(20, 20, 20);
  QColor labelHalo = QColor(255, 255, 255);
  double minScale = 0.0;
  double maxScale = 0.0;

  static VectorStyle fromProperties(const std::map<std::string, std::string>& style);
  /// Writes the style back into layer properties (inverse of fromProperties).
  void writeTo(std::map<std::string, std::string>& style) const;

  /// A copy with stroke width and point size (screen pixels at 96 dpi) scaled to `dpi`.
  VectorStyle scaledForDpi(double dpi) const;

  /// Attribute fields the renderer must read for this style, in a fixed order: the class or
  /// category field first (if any), then the label field (if any).
  std::vector<std::string> requiredFields() const;
  /// Fill for a feature given the values of requiredFields() in that order.
  QColor fillFor(const std::vector<StyleValue>& values) const;
  /// Label text for a feature (empty when the style has no labels).
  QString labelFor(const std::vector<StyleValue>& values) const;
  /// False when the scale range excludes `scaleDenominator`.
  bool visibleAtScale(double scaleDenominator) const;
};

}  // namespace onemap::render
