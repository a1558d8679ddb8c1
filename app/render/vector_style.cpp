#include "onemap/render/vector_style.h"

#include <sstream>

#include "onemap/render/land_use_palette.h"

namespace onemap::render {
namespace {

QColor parseColor(const std::string& text, QColor fallback) {
  if (text == "none") return QColor(0, 0, 0, 0);
  QColor c(QString::fromStdString(text));
  return c.isValid() ? c : fallback;
}

}  // namespace

VectorStyle VectorStyle::fromProperties(const std::map<std::string, std::string>& style) {
  VectorStyle s;
  if (auto it = style.find("fill"); it != style.end()) s.fill = parseColor(it->second, s.fill);
  if (auto it = style.find("stroke"); it != style.end()) s.stroke = parseColor(it->second, s.stroke);
  if (auto it = style.find("stroke_width"); it != style.end()) s.strokeWidth = std::stod(it->second);
  if (auto it = style.find("point_size"); it != style.end()) s.pointSize = std::stod(it->second);
  if (auto it = style.find("category_field"); it != style.end()) s.categoryField = it->second;
  if (auto it = style.find("palette"); it != style.end()) s.landUsePalette = it->second == "dlbm";
  if (auto it = style.find("fill_opacity"); it != style.end()) s.fillOpacity = std::stod(it->second);
  if (auto it = style.find("categories"); it != style.end()) {
    std::stringstream stream(it->second);
    std::string item;
    while (std::getline(stream, item, ';')) {
      const auto eq = item.find('=');
      if (eq != std::string::npos) s.categories[item.substr(0, eq)] = parseColor(item.substr(eq + 1), s.fill);
    }
  }
  return s;
}

QColor VectorStyle::fillFor(const std::string& value) const {
  if (categoryField.empty()) return fill;
  QColor c;
  if (auto it = categories.find(value); it != categories.end()) c = it->second;
  else if (landUsePalette) c = landUseColor(value);
  else c = fill;
  c.setAlphaF(float(c.alphaF() * fillOpacity));
  return c;
}

}  // namespace onemap::render
