#include "property_specs.h"

#include <QtGlobal>

#include <cmath>
#include <cstdio>

#include "onemap/layout/item_properties.h"

namespace onemap::designer {

namespace k = layout::keys;

namespace {

PropSpec number(const char* key, const char* label, double fallback, double min, double max, int decimals,
                const char* suffix = "") {
  return PropSpec{key, label, PropKind::Number, formatNumber(fallback), min, max, decimals, suffix, {}};
}
PropSpec simple(const char* key, const char* label, PropKind kind, std::string fallback = {}) {
  return PropSpec{key, label, kind, std::move(fallback)};
}
PropSpec choice(const char* key, const char* label, std::string fallback,
                std::vector<std::pair<std::string, const char*>> choices) {
  PropSpec spec{key, label, PropKind::Choice, std::move(fallback)};
  spec.choices = std::move(choices);
  return spec;
}
PropSpec fontSize(double fallback) {
  return number(k::kFontSize, QT_TRANSLATE_NOOP("ItemProperty", "Font size"), fallback, 1, 400, 1, " pt");
}
PropSpec mapOf() { return simple(k::kMap, QT_TRANSLATE_NOOP("ItemProperty", "Map frame"), PropKind::MapItem); }

std::vector<PropSpec> mapSpecs() {
  return {
      simple(k::kExtent, QT_TRANSLATE_NOOP("ItemProperty", "Extent"), PropKind::Extent),
      simple(k::kLockExtent, QT_TRANSLATE_NOOP("ItemProperty", "Lock extent"), PropKind::Flag, "false"),
      number(k::kScale, QT_TRANSLATE_NOOP("ItemProperty", "Fixed scale 1:"), 0, 0, 1e9, 0),
      choice(k::kAtlasScale, QT_TRANSLATE_NOOP("ItemProperty", "Atlas scale"), "nice",
             {{"nice", QT_TRANSLATE_NOOP("ItemProperty", "Rounded up (1, 1.2, 1.5 … 7.5 × 10ⁿ)")},
              {"fit", QT_TRANSLATE_NOOP("ItemProperty", "Fit the feature")}}),
      number(k::kMapRotation, QT_TRANSLATE_NOOP("ItemProperty", "Map rotation"), 0, -360, 360, 1, " °"),
      simple(k::kLayers, QT_TRANSLATE_NOOP("ItemProperty", "Layers"), PropKind::Layers),
      choice(k::kGrid, QT_TRANSLATE_NOOP("ItemProperty", "Grid"), "none",
             {{"none", QT_TRANSLATE_NOOP("ItemProperty", "None")},
              {"km", QT_TRANSLATE_NOOP("ItemProperty", "Kilometre grid (Gauss–Krüger)")},
              {"graticule", QT_TRANSLATE_NOOP("ItemProperty", "Graticule")},
              {"both", QT_TRANSLATE_NOOP("ItemProperty", "Kilometre grid and graticule")}}),
      number(k::kGridInterval, QT_TRANSLATE_NOOP("ItemProperty", "Grid interval (0 = auto)"), 0, 0, 1e7, 0, " m"),
      number(k::kGraticuleInterval, QT_TRANSLATE_NOOP("ItemProperty", "Graticule interval (0 = auto)"), 0, 0, 90,
             4, " °"),
      simple(k::kGridLabels, QT_TRANSLATE_NOOP("ItemProperty", "Grid labels"), PropKind::Flag, "true"),
      simple(k::kGridLines, QT_TRANSLATE_NOOP("ItemProperty", "Grid lines across the map"), PropKind::Flag, "false"),
      number(k::kGridFontSize, QT_TRANSLATE_NOOP("ItemProperty", "Grid font size"), 7, 1, 72, 1, " pt"),
      simple(k::kOverviewOf, QT_TRANSLATE_NOOP("ItemProperty", "Overview of"), PropKind::MapItem),
      simple(k::kOverviewColor, QT_TRANSLATE_NOOP("ItemProperty", "Overview rectangle"), PropKind::Color, "#e60000"),
  };
}

PropSpec alignChoice(const char* fallback) {
  return choice(k::kAlign, QT_TRANSLATE_NOOP("ItemProperty", "Alignment"), fallback,
                 {{"left", QT_TRANSLATE_NOOP("ItemProperty", "Left")},
                  {"center", QT_TRANSLATE_NOOP("ItemProperty", "Centre")},
                  {"right", QT_TRANSLATE_NOOP("ItemProperty", "Right")}});
}

}  // namespace

std::string formatNumber(double value) {
  if (std::abs(value - std::round(value)) < 1e-9) return std::to_string(static_cast<long long>(std::llround(value)));
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.6f", value);
  std::string text = buffer;
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

std::vector<PropSpec> commonPropertySpecs() {
  return {
      number(k::kFrame, QT_TRANSLATE_NOOP("ItemProperty", "Frame width (0 = none)"), 0, 0, 20, 2, " mm"),
      simple(k::kFrameColor, QT_TRANSLATE_NOOP("ItemProperty", "Frame colour"), PropKind::Color, "#000000"),
      simple(k::kBackground, QT_TRANSLATE_NOOP("ItemProperty", "Background"), PropKind::OptionalColor, "none"),
  };
}

std::vector<PropSpec> propertySpecs(layout::ItemType type) {
  using T = layout::ItemType;
  std::vector<PropSpec> specs;
  switch (type) {
    case T::Map: specs = mapSpecs(); break;
    case T::Label:
      specs = {simple(k::kText, QT_TRANSLATE_NOOP("ItemProperty", "Text"), PropKind::MultiText),
               fontSize(12),
               simple(k::kBold, QT_TRANSLATE_NOOP("ItemProperty", "Bold"), PropKind::Flag, "false"),
               simple(k::kColor, QT_TRANSLATE_NOOP("ItemProperty", "Text colour"), PropKind::Color, "#000000")};
      specs.push_back(alignChoice("center"));
      specs.push_back(number(k::kLetterSpacing, QT_TRANSLATE_NOOP("ItemProperty", "Letter spacing"), 0, -50, 500, 0, " %"));
      break;
    case T::Legend:
      specs = {mapOf(),
               simple(k::kTitle, QT_TRANSLATE_NOOP("ItemProperty", "Title"), PropKind::Text),
               simple(k::kOnlyVisible, QT_TRANSLATE_NOOP("ItemProperty", "Only entries visible in the frame"),
                      PropKind::Flag, "true"),
               number(k::kColumns, QT_TRANSLATE_NOOP("ItemProperty", "Columns"), 1, 1, 10, 0),
               simple(k::kLayers, QT_TRANSLATE_NOOP("ItemProperty", "Layers"), PropKind::Layers),
               fontSize(8)};
      break;
    case T::ScaleBar:
      specs = {mapOf(),
               choice(k::kUnits, QT_TRANSLATE_NOOP("ItemProperty", "Units"), "auto",
                      {{"auto", QT_TRANSLATE_NOOP("ItemProperty", "Automatic")},
                       {"m", QT_TRANSLATE_NOOP("ItemProperty", "Metres")},
                       {"km", QT_TRANSLATE_NOOP("ItemProperty", "Kilometres")}}),
               number(k::kSegments, QT_TRANSLATE_NOOP("ItemProperty", "Segments"), 4, 1, 20, 0),
               number(k::kSegmentLength, QT_TRANSLATE_NOOP("ItemProperty", "Segment length (0 = auto)"), 0, 0, 1e6, 2),
               simple(k::kNumeric, QT_TRANSLATE_NOOP("ItemProperty", "Numeric scale (1:N)"), PropKind::Flag, "true"),
               choice(k::kStyle, QT_TRANSLATE_NOOP("ItemProperty", "Style"), "alternating",
                      {{"alternating", QT_TRANSLATE_NOOP("ItemProperty", "Alternating blocks")},
                       {"line", QT_TRANSLATE_NOOP("ItemProperty", "Line with ticks")}}),
               fontSize(8)};
      break;
    case T::NorthArrow:
    case T::Picture:
      specs = {simple(k::kPath, QT_TRANSLATE_NOOP("ItemProperty", "Image file"), PropKind::File),
               simple(k::kKeepAspect, QT_TRANSLATE_NOOP("ItemProperty", "Keep aspect ratio"), PropKind::Flag, "true")};
      if (type == T::NorthArrow) specs.insert(specs.begin(), mapOf());
      break;
    case T::Table:
      specs = {choice(k::kSource, QT_TRANSLATE_NOOP("ItemProperty", "Contents"), "summary",
                      {{"summary", QT_TRANSLATE_NOOP("ItemProperty", "Summary by change type")},
                       {"attributes", QT_TRANSLATE_NOOP("ItemProperty", "Attribute rows")}}),
               simple(k::kLayer, QT_TRANSLATE_NOOP("ItemProperty", "Layer"), PropKind::Layer),
               simple(k::kFields, QT_TRANSLATE_NOOP("ItemProperty", "Fields (comma-separated)"), PropKind::Text),
               mapOf(),
               simple(k::kAtlasFilter, QT_TRANSLATE_NOOP("ItemProperty", "Only rows inside the atlas feature"),
                      PropKind::Flag, "true"),
               number(k::kMaxRows, QT_TRANSLATE_NOOP("ItemProperty", "Maximum rows"), 20, 1, 1000, 0),
               simple(k::kTitle, QT_TRANSLATE_NOOP("ItemProperty", "Title"), PropKind::Text),
               fontSize(8)};
      break;
    case T::Producer:
      specs = {simple(k::kUnit, QT_TRANSLATE_NOOP("ItemProperty", "Producer (制图单位)"), PropKind::Text),
               simple(k::kDate, QT_TRANSLATE_NOOP("ItemProperty", "Date (制图日期)"), PropKind::Text, "{date}"),
               simple(k::kCrsText, QT_TRANSLATE_NOOP("ItemProperty", "Coordinate system (坐标系)"), PropKind::Text),
               simple(k::kDataSource, QT_TRANSLATE_NOOP("ItemProperty", "Data source (数据来源)"), PropKind::Text),
               fontSize(8)};
      break;
    case T::Shape:
      specs = {choice(k::kShape, QT_TRANSLATE_NOOP("ItemProperty", "Shape"), "rectangle",
                      {{"rectangle", QT_TRANSLATE_NOOP("ItemProperty", "Rectangle")},
                       {"line", QT_TRANSLATE_NOOP("ItemProperty", "Line")}}),
               number(k::kStrokeWidth, QT_TRANSLATE_NOOP("ItemProperty", "Stroke width"), 0.3, 0, 20, 2, " mm"),
               simple(k::kStrokeColor, QT_TRANSLATE_NOOP("ItemProperty", "Stroke colour"), PropKind::Color, "#000000"),
               simple(k::kFill, QT_TRANSLATE_NOOP("ItemProperty", "Fill"), PropKind::OptionalColor, "none")};
      break;
  }
  for (auto& spec : commonPropertySpecs()) specs.push_back(std::move(spec));
  return specs;
}

}  // namespace onemap::designer
