#include "onemap/render/vector_style.h"

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
  return s;
}

}  // namespace onemap::render
