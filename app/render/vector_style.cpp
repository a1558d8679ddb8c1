#include "onemap/render/vector_style.h"

#include <cmath>

#include <cstdio>
#include <sstream>

#include "onemap/render/land_use_palette.h"

namespace onemap::render {
namespace {

QColor parseColor(const std::string& text, QColor fallback) {
  if (text == "none") return QColor(0, 0, 0, 0);
  QColor c(QString::fromStdString(text));
  return c.isValid() ? c : fallback;
}

std::string colorText(const QColor& c) {
  if (c.alpha() == 0) return "none";
  return (c.alpha() == 255 ? c.name(QColor::HexRgb) : c.name(QColor::HexArgb)).toStdString();
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> out;
  std::stringstream stream(text);
  std::string item;
  while (std::getline(stream, item, separator)) out.push_back(item);
  return out;
}

double number(const std::map<std::string, std::string>& style, const char* key, double fallback) {
  auto it = style.find(key);
  if (it == style.end()) return fallback;
  try {
    return std::stod(it->second);
  } catch (...) {
    return fallback;
  }
}

std::string formatNumber(double v) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.10g", v);
  return buffer;
}

}  // namespace

VectorStyle VectorStyle::fromProperties(const std::map<std::string, std::string>& style) {
  VectorStyle s;
  auto text = [&](const char* key) -> std::string {
    auto it = style.find(key);
    return it == style.end() ? std::string() : it->second;
  };
  if (!text("fill").empty()) s.fill = parseColor(text("fill"), s.fill);
  if (!text("stroke").empty()) s.stroke = parseColor(text("stroke"), s.stroke);
  s.strokeWidth = number(style, "stroke_width", s.strokeWidth);
  s.pointSize = number(style, "point_size", s.pointSize);
  s.categoryField = text("category_field");
  s.landUsePalette = text("palette") == "dlbm";
  for (const auto& item : split(text("categories"), ';')) {
    const auto eq = item.find('=');
    if (eq != std::string::npos) s.categories[item.substr(0, eq)] = parseColor(item.substr(eq + 1), s.fill);
  }
  s.classField = text("class_field");
  for (const auto& item : split(text("classes"), ';')) {
    const auto parts = split(item, ',');
    if (parts.size() < 3) continue;
    try {
      s.classes.push_back({std::stod(parts[0]), std::stod(parts[1]), parseColor(parts[2], s.fill),
                           parts.size() > 3 ? parts[3] : std::string()});
    } catch (...) {
    }
  }
  const std::string mode = text("mode");
  if (mode == "graduated" || (mode.empty() && !s.classField.empty())) s.mode = Mode::Graduated;
  else if (mode == "categorized" || (mode.empty() && !s.categoryField.empty())) s.mode = Mode::Categorized;
  s.fillOpacity = number(style, "fill_opacity", 1.0);
  s.labelField = text("label_field");
  s.labelSize = number(style, "label_size", s.labelSize);
  if (!text("label_color").empty()) s.labelColor = parseColor(text("label_color"), s.labelColor);
  if (!text("label_halo").empty()) s.labelHalo = parseColor(text("label_halo"), s.labelHalo);
  s.minScale = number(style, "min_scale", 0.0);
  s.maxScale = number(style, "max_scale", 0.0);
  return s;
}

void VectorStyle::writeTo(std::map<std::string, std::string>& style) const {
  style["fill"] = colorText(fill);
  style["stroke"] = colorText(stroke);
  style["stroke_width"] = formatNumber(strokeWidth);
  style["point_size"] = formatNumber(pointSize);
  style["mode"] = mode == Mode::Graduated ? "graduated" : mode == Mode::Categorized ? "categorized" : "single";
  style.erase("category_field");
  style.erase("palette");
  style.erase("categories");
  style.erase("class_field");
  style.erase("classes");
  if (!categoryField.empty()) style["category_field"] = categoryField;
  if (landUsePalette) style["palette"] = "dlbm";
  std::string categoryText;
  for (const auto& [value, color] : categories)
    categoryText += (categoryText.empty() ? "" : ";") + value + "=" + colorText(color);
  if (!categoryText.empty()) style["categories"] = categoryText;
  if (!classField.empty()) style["class_field"] = classField;
  std::string classText;
  for (const auto& c : classes)
    classText += (classText.empty() ? "" : ";") + formatNumber(c.lower) + "," + formatNumber(c.upper) + "," +
                 colorText(c.color) + "," + c.label;
  if (!classText.empty()) style["classes"] = classText;
  style["fill_opacity"] = formatNumber(fillOpacity);
  if (labelField.empty()) style.erase("label_field");
  else style["label_field"] = labelField;
  style["label_size"] = formatNumber(labelSize);
  style["label_color"] = colorText(labelColor);
  style["label_halo"] = colorText(labelHalo);
  style["min_scale"] = formatNumber(minScale);
  style["max_scale"] = formatNumber(maxScale);
}

std::vector<std::string> VectorStyle::requiredFields() const {
  std::vector<std::string> fields;
  if (mode == Mode::Categorized && !categoryField.empty()) fields.push_back(categoryField);
  if (mode == Mode::Graduated && !classField.empty()) fields.push_back(classField);
  if (!labelField.empty()) fields.push_back(labelField);
  return fields;
}

QColor VectorStyle::fillFor(const std::vector<StyleValue>& values) const {
  if (mode == Mode::Single || values.empty()) return fill;
  QColor c = fill;
  const StyleValue& v = values.front();
  if (mode == Mode::Categorized) {
    if (auto it = categories.find(v.text); it != categories.end()) c = it->second;
    else if (landUsePalette) c = landUseColor(v.text);
  } else if (v.number) {
    for (std::size_t i = 0; i < classes.size(); ++i) {
      const bool last = i + 1 == classes.size();
      if (*v.number >= classes[i].lower && (*v.number < classes[i].upper || (last && *v.number <= classes[i].upper))) {
        c = classes[i].color;
        break;
      }
    }
  }
  c.setAlphaF(float(c.alphaF() * fillOpacity));
  return c;
}

QString VectorStyle::labelFor(const std::vector<StyleValue>& values) const {
  if (labelField.empty() || values.empty()) return {};
  return QString::fromStdString(values.back().text);
}

bool VectorStyle::visibleAtScale(double scaleDenominator) const {
  if (minScale > 0 && scaleDenominator > minScale) return false;
  if (maxScale > 0 && scaleDenominator < maxScale) return false;
  return true;
}

VectorStyle VectorStyle::scaledForDpi(double dpi) const {
  VectorStyle scaled = *this;
  if (dpi > 0.0 && std::abs(dpi - 96.0) > 1e-9) {
    const double factor = dpi / 96.0;
    scaled.strokeWidth *= factor;
    scaled.pointSize *= factor;
  }
  return scaled;
}

}  // namespace onemap::render
