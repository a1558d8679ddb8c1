#include "onemap/render/legend.h"

#include <QCoreApplication>
#include <QPainter>

#include <algorithm>
#include <array>
#include <map>

#include "onemap/project/project.h"
#include "onemap/raster/band_role.h"
#include "onemap/raster/raster_source.h"
#include "onemap/render/color_ramp.h"
#include "onemap/render/raster_style.h"
#include "onemap/render/vector_style.h"
#include "onemap/vector/feature_reader.h"

namespace onemap::render {
namespace {

QString number(double v) { return QString::number(v, 'g', 6); }

FieldSource fieldSource(const project::LayerSpec& layer) { return {layer.source, layer.layerName, layer.encoding}; }

LegendData::Geometry geometryKind(const std::string& ogrType) {
  if (ogrType.find("Polygon") != std::string::npos || ogrType.find("Surface") != std::string::npos)
    return LegendData::Geometry::Polygon;
  if (ogrType.find("Line") != std::string::npos || ogrType.find("Curve") != std::string::npos)
    return LegendData::Geometry::Line;
  if (ogrType.find("Point") != std::string::npos) return LegendData::Geometry::Point;
  return LegendData::Geometry::Unknown;
}

/// 1-based band for a "bands" item (number or role), 0 when it cannot be resolved from `roles`.
int bandNumber(const std::string& spec, const std::vector<std::string>& roles) {
  if (!spec.empty() && std::isdigit(static_cast<unsigned char>(spec[0]))) return std::atoi(spec.c_str());
  const auto role = raster::parseBandRole(spec);
  if (!role) return 0;
  const std::string id(raster::bandRoleName(*role));
  for (std::size_t i = 0; i < roles.size(); ++i)
    if (roles[i] == id) return int(i) + 1;
  return 0;
}

/// "Band 4 (NIR)", or the spec itself while the raster has not been read.
QString bandLabel(const std::string& spec, const LegendData* data) {
  const std::vector<std::string> none;
  const auto& roles = data ? data->bandRoles : none;
  const int band = bandNumber(spec, roles);
  if (band <= 0) {
    const auto role = raster::parseBandRole(spec);
    return role ? bandRoleDisplayName(std::string(raster::bandRoleName(*role))) : QString::fromStdString(spec);
  }
  const std::string role = std::size_t(band) <= roles.size() ? roles[std::size_t(band - 1)] : std::string();
  if (role.empty() || role == "unknown") return QCoreApplication::translate("Legend", "Band %1").arg(band);
  return QCoreApplication::translate("Legend", "Band %1 (%2)").arg(band).arg(bandRoleDisplayName(role));
}

/// The "bands" the renderer will draw when the style names none (true colour, else 1,2,3).
std::vector<std::string> defaultBandSpecs(const LegendData* data) {
  if (!data || data->bandRoles.empty()) return {};
  const auto& roles = data->bandRoles;
  const bool rgb = std::find(roles.begin(), roles.end(), "red") != roles.end() &&
                   std::find(roles.begin(), roles.end(), "green") != roles.end() &&
                   std::find(roles.begin(), roles.end(), "blue") != roles.end();
  if (rgb) return {"red", "green", "blue"};
  if (roles.size() >= 3) return {"1", "2", "3"};
  return {"1"};
}

std::vector<LegendEntry> rasterEntries(const project::LayerSpec& layer, const LegendData* data) {
  const RasterStyle style = RasterStyle::fromProperties(layer.style);
  std::vector<LegendEntry> out;
  if (style.mode == RasterStyle::Mode::PseudoColor) {
    LegendEntry e;
    e.symbol = LegendEntry::Symbol::Ramp;
    e.ramp = style.ramp;
    const std::string band = !style.band.empty() ? style.band : !style.bandSpecs.empty() ? style.bandSpecs[0] : "1";
    std::optional<std::pair<double, double>> range;
    if (style.min && style.max) range = std::make_pair(*style.min, *style.max);
    else if (data && data->range) range = data->range;
    if (range) {
      e.rampMin = range->first;
      e.rampMax = range->second;
      e.label = QCoreApplication::translate("Legend", "%1: %2 – %3").arg(bandLabel(band, data), number(range->first), number(range->second));
    } else {
      e.label = bandLabel(band, data);
    }
    out.push_back(e);
    return out;
  }
  std::vector<std::string> specs = style.bandSpecs.empty() ? defaultBandSpecs(data) : style.bandSpecs;
  if (style.mode == RasterStyle::Mode::Grey || specs.size() < 3) {
    if (specs.empty()) return out;
    LegendEntry e;
    e.symbol = LegendEntry::Symbol::Ramp;
    e.ramp = "greys";
    e.label = bandLabel(specs[0], data);
    if (style.stretchValues.size() == 1) {
      e.rampMin = style.stretchValues[0].first;
      e.rampMax = style.stretchValues[0].second;
      e.label = QCoreApplication::translate("Legend", "%1: %2 – %3").arg(e.label, number(e.rampMin), number(e.rampMax));
    }
    out.push_back(e);
    return out;
  }
  static const std::array<const char*, 3> channels{QT_TRANSLATE_NOOP("Legend", "Red: %1"),
                                                   QT_TRANSLATE_NOOP("Legend", "Green: %1"),
                                                   QT_TRANSLATE_NOOP("Legend", "Blue: %1")};
  static const std::array<QColor, 3> colours{QColor(220, 30, 30), QColor(30, 170, 30), QColor(30, 60, 220)};
  for (std::size_t i = 0; i < 3; ++i) {
    LegendEntry e;
    e.symbol = LegendEntry::Symbol::Raster;
    e.fill = colours[i];
    e.label = QCoreApplication::translate("Legend", channels[i]).arg(bandLabel(specs[i], data));
    e.value = specs[i];
    out.push_back(e);
  }
  return out;
}

LegendEntry::Symbol symbolFor(const LegendData* data) {
  if (!data) return LegendEntry::Symbol::Fill;
  switch (data->geometry) {
    case LegendData::Geometry::Line:
      return LegendEntry::Symbol::Line;
    case LegendData::Geometry::Point:
      return LegendEntry::Symbol::Point;
    default:
      return LegendEntry::Symbol::Fill;
  }
}

QString categoryLabel(const VectorStyle& style, const std::string& value, std::string name) {
  if (value.empty()) return QCoreApplication::translate("Legend", "(no value)");
  if (name.empty() && (style.landUsePalette || style.categoryField == "DLBM" || style.categoryField == "dlbm"))
    name = landUseName(value);
  return name.empty() || name == value ? QString::fromStdString(value) : QString::fromStdString(value + " " + name);
}

std::vector<LegendEntry> vectorEntries(const project::LayerSpec& layer, const LegendData* data) {
  const VectorStyle style = VectorStyle::fromProperties(layer.style);
  const LegendEntry::Symbol symbol = symbolFor(data);
  std::vector<LegendEntry> out;
  auto entry = [&](QColor fill, QString label, std::string value) {
    LegendEntry e;
    e.symbol = symbol;
    e.fill = fill;
    e.stroke = style.stroke;
    e.label = std::move(label);
    e.value = std::move(value);
    if (symbol == LegendEntry::Symbol::Line) e.stroke = fill.alpha() > 0 ? fill : style.stroke;
    return e;
  };
  if (style.mode == VectorStyle::Mode::Categorized) {
    if (data && !data->categories.empty()) {
      for (std::size_t i = 0; i < data->categories.size() && i < kMaxLegendCategories; ++i) {
        const auto& c = data->categories[i];
        bool ok = false;
        const double n = QString::fromStdString(c.value).toDouble(&ok);
        const QColor fill = style.fillFor({StyleValue{c.value, ok ? std::optional<double>(n) : std::nullopt}});
        out.push_back(entry(fill, categoryLabel(style, c.value, c.name), c.value));
      }
      if (data->categories.size() > kMaxLegendCategories) {
        LegendEntry more = entry(QColor(0, 0, 0, 0),
                                 QCoreApplication::translate("Legend", "… and %1 more values")
                                     .arg(data->categories.size() - kMaxLegendCategories),
                                 {});
        more.symbol = LegendEntry::Symbol::None;
        out.push_back(more);
      }
      return out;
    }
    std::vector<std::pair<std::string, QColor>> listed(style.categories.begin(), style.categories.end());
    for (const auto& [value, colour] : listed) {
      QColor fill = colour;
      fill.setAlphaF(float(fill.alphaF() * style.fillOpacity));
      out.push_back(entry(fill, categoryLabel(style, value, {}), value));
      if (out.size() >= kMaxLegendCategories) break;
    }
    return out;
  }
  if (style.mode == VectorStyle::Mode::Graduated) {
    for (std::size_t i = 0; i < style.classes.size(); ++i) {
      const auto& c = style.classes[i];
      QColor fill = c.color;
      fill.setAlphaF(float(fill.alphaF() * style.fillOpacity));
      const QString label = c.label.empty() ? QCoreApplication::translate("Legend", "%1 – %2").arg(number(c.lower), number(c.upper))
                                            : QString::fromStdString(c.label);
      out.push_back(entry(fill, label, std::to_string(i)));
    }
    return out;
  }
  out.push_back(entry(style.fill, QString::fromStdString(layer.name), {}));
  return out;
}

}  // namespace

Result<LegendData> readLegendData(const project::LayerSpec& layer, Feedback* feedback) {
  LegendData data;
  if (layer.kind == project::LayerKind::Raster) {
    auto source = raster::RasterSource::open(layer.source);
    if (!source) return fail(source.error());
    for (int b = 1; b <= source->bandCount(); ++b) {
      const auto role = source->bandRoles().role(b);
      data.bandRoles.push_back(role == raster::BandRole::Unknown ? std::string() : std::string(raster::bandRoleName(role)));
    }
    const RasterStyle style = RasterStyle::fromProperties(layer.style);
    if (style.mode == RasterStyle::Mode::PseudoColor && !(style.min && style.max)) {
      const std::string spec = !style.band.empty() ? style.band : !style.bandSpecs.empty() ? style.bandSpecs[0] : "1";
      const int band = bandNumber(spec, data.bandRoles);
      if (band >= 1 && band <= source->bandCount()) {
        const int bands[] = {band};
        if (auto ranges = computeDisplayRanges(*source, bands, style); ranges && !ranges->empty())
          data.range = ranges->front();
      }
    }
    return data;
  }
  vector::OpenOptions options;
  options.encoding = layer.encoding;
  auto reader = vector::FeatureReader::open(layer.source, layer.layerName, options);
  if (!reader) return fail(reader.error());
  data.geometry = geometryKind(reader->layer().geometryType);
  const VectorStyle style = VectorStyle::fromProperties(layer.style);
  if (style.mode == VectorStyle::Mode::Categorized && !style.categoryField.empty()) {
    auto values = readDistinctValues(fieldSource(layer), style.categoryField, feedback);
    if (!values) return fail(values.error());
    data.categories = std::move(*values);
  }
  return data;
}

std::vector<LegendEntry> legendEntries(const project::LayerSpec& layer, const LegendData* data) {
  return layer.kind == project::LayerKind::Raster ? rasterEntries(layer, data) : vectorEntries(layer, data);
}

QImage legendSymbol(const LegendEntry& entry, QSize size) {
  QImage image(size, QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::transparent);
  QPainter painter(&image);
  painter.setRenderHint(QPainter::Antialiasing, true);
  const QRectF box = QRectF(image.rect()).adjusted(1.5, 1.5, -1.5, -1.5);
  // An outline too faint to see (e.g. white at 40 %) is drawn grey so the swatch stays visible.
  const bool faint = !entry.stroke.isValid() || entry.stroke.alpha() < 128 || entry.stroke.lightness() > 235;
  const QPen pen(faint ? QColor(150, 150, 150) : entry.stroke, 1.0);
  switch (entry.symbol) {
    case LegendEntry::Symbol::Fill:
    case LegendEntry::Symbol::Raster:
      painter.setPen(entry.symbol == LegendEntry::Symbol::Raster ? QPen(QColor(90, 90, 90), 1.0) : pen);
      painter.setBrush(entry.fill);
      painter.drawRect(box);
      break;
    case LegendEntry::Symbol::Line:
      painter.setPen(QPen(entry.stroke.alpha() > 0 ? entry.stroke : entry.fill, 2.0));
      painter.drawLine(QPointF(box.left(), box.center().y()), QPointF(box.right(), box.center().y()));
      break;
    case LegendEntry::Symbol::Point: {
      painter.setPen(pen);
      painter.setBrush(entry.fill);
      const double r = std::min(box.width(), box.height()) / 3.0;
      painter.drawEllipse(box.center(), r, r);
      break;
    }
    case LegendEntry::Symbol::None:
      break;
    case LegendEntry::Symbol::Ramp:
      painter.drawImage(box, ColorRamp::byName(entry.ramp).preview(int(box.width()), int(box.height())));
      painter.setPen(QPen(QColor(90, 90, 90), 1.0));
      painter.setBrush(Qt::NoBrush);
      painter.drawRect(box);
      break;
  }
  return image;
}

QString bandRoleDisplayName(const std::string& roleId) {
  static const std::map<std::string, const char*> names{
      {"coastal", QT_TRANSLATE_NOOP("BandRole", "Coastal/aerosol")},
      {"blue", QT_TRANSLATE_NOOP("BandRole", "Blue")},
      {"green", QT_TRANSLATE_NOOP("BandRole", "Green")},
      {"red", QT_TRANSLATE_NOOP("BandRole", "Red")},
      {"rededge1", QT_TRANSLATE_NOOP("BandRole", "Red edge 1")},
      {"rededge2", QT_TRANSLATE_NOOP("BandRole", "Red edge 2")},
      {"rededge3", QT_TRANSLATE_NOOP("BandRole", "Red edge 3")},
      {"nir", QT_TRANSLATE_NOOP("BandRole", "NIR")},
      {"narrownir", QT_TRANSLATE_NOOP("BandRole", "Narrow NIR")},
      {"watervapour", QT_TRANSLATE_NOOP("BandRole", "Water vapour")},
      {"cirrus", QT_TRANSLATE_NOOP("BandRole", "Cirrus")},
      {"swir1", QT_TRANSLATE_NOOP("BandRole", "SWIR 1")},
      {"swir2", QT_TRANSLATE_NOOP("BandRole", "SWIR 2")},
      {"thermal", QT_TRANSLATE_NOOP("BandRole", "Thermal")},
      {"pan", QT_TRANSLATE_NOOP("BandRole", "Panchromatic")},
      {"alpha", QT_TRANSLATE_NOOP("BandRole", "Alpha")},
  };
  if (auto it = names.find(roleId); it != names.end()) return QCoreApplication::translate("BandRole", it->second);
  return QString::fromStdString(roleId);
}

std::string landUseName(const std::string& dlbm) {
  // GB/T 21010-2017 (第三次全国国土调查工作分类) second-level classes.
  static const std::map<std::string, std::string> names{
      {"0101", "水田"},       {"0102", "水浇地"},       {"0103", "旱地"},         {"0201", "果园"},
      {"0202", "茶园"},       {"0203", "橡胶园"},       {"0204", "其他园地"},     {"0301", "乔木林地"},
      {"0302", "竹林地"},     {"0303", "红树林地"},     {"0304", "森林沼泽"},     {"0305", "灌木林地"},
      {"0306", "灌丛沼泽"},   {"0307", "其他林地"},     {"0401", "天然牧草地"},   {"0402", "沼泽草地"},
      {"0403", "人工牧草地"}, {"0404", "其他草地"},     {"05H1", "商业服务业设施用地"}, {"0508", "物流仓储用地"},
      {"0601", "工业用地"},   {"0602", "采矿用地"},     {"0603", "盐田"},         {"0701", "城镇住宅用地"},
      {"0702", "农村宅基地"}, {"08H1", "机关团体新闻出版用地"}, {"08H2", "科教文卫用地"}, {"0809", "公用设施用地"},
      {"0810", "公园与绿地"}, {"09", "特殊用地"},       {"1001", "铁路用地"},     {"1002", "轨道交通用地"},
      {"1003", "公路用地"},   {"1004", "城镇村道路用地"}, {"1005", "交通服务场站用地"}, {"1006", "农村道路"},
      {"1007", "机场用地"},   {"1008", "港口码头用地"}, {"1009", "管道运输用地"}, {"1101", "河流水面"},
      {"1102", "湖泊水面"},   {"1103", "水库水面"},     {"1104", "坑塘水面"},     {"1105", "沿海滩涂"},
      {"1106", "内陆滩涂"},   {"1107", "沟渠"},         {"1108", "沼泽地"},       {"1109", "水工建筑用地"},
      {"1110", "冰川及永久积雪"}, {"1201", "空闲地"},   {"1202", "设施农用地"},   {"1203", "田坎"},
      {"1204", "盐碱地"},     {"1205", "沙地"},         {"1206", "裸土地"},       {"1207", "裸岩石砾地"},
  };
  if (auto it = names.find(dlbm); it != names.end()) return it->second;
  return {};
}

}  // namespace onemap::render
