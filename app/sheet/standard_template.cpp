#include "onemap/sheet/standard_template.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <algorithm>
#include <sstream>

#include "onemap/layout/item_properties.h"
#include "onemap/project/project.h"
#include "onemap/vector/vector_info.h"

namespace onemap::sheet {
namespace {

namespace k = layout::keys;
using layout::Item;
using layout::ItemType;

Item makeItem(std::string id, ItemType type, double x, double y, double w, double h,
              std::map<std::string, std::string> props, std::string name = {}) {
  Item item;
  item.id = std::move(id);
  item.type = type;
  item.name = std::move(name);
  item.x = x;
  item.y = y;
  item.width = w;
  item.height = h;
  item.props = std::move(props);
  return item;
}

/// The fields of a vector layer (empty when it cannot be listed).
std::vector<std::string> layerFields(const project::LayerSpec& layer, bool* polygonal = nullptr) {
  vector::OpenOptions options;
  options.encoding = layer.encoding;
  auto listed = vector::listVectorLayers(layer.source, options);
  std::vector<std::string> fields;
  if (!listed) return fields;
  for (const auto& info : listed->layers)
    if (layer.layerName.empty() || info.name == layer.layerName) {
      for (const auto& f : info.fields) fields.push_back(f.name);
      if (polygonal) *polygonal = info.geometryType.find("Polygon") != std::string::npos;
      break;
    }
  return fields;
}

bool hasField(const std::vector<std::string>& fields, const char* name) {
  return std::find(fields.begin(), fields.end(), name) != fields.end();
}

const project::LayerSpec* layerById(const project::Project& project, const std::string& id) {
  for (const auto& layer : project.layers)
    if (layer.id == id) return &layer;
  return nullptr;
}

std::string firstRasterId(const project::Project& project) {
  for (const auto& layer : project.layers)
    if (layer.kind == project::LayerKind::Raster && layer.visible) return layer.id;
  for (const auto& layer : project.layers)
    if (layer.kind == project::LayerKind::Raster) return layer.id;
  return {};
}

std::string joinIds(const std::vector<std::string>& ids) {
  std::string text;
  for (const auto& id : ids)
    if (!id.empty()) text += (text.empty() ? "" : ",") + id;
  return text;
}

std::vector<std::string> splitIds(const std::string& text) {
  std::vector<std::string> ids;
  std::istringstream in(text);
  for (std::string id; std::getline(in, id, ',');)
    if (!id.empty()) ids.push_back(id);
  return ids;
}

/// The sheet in the conventional style, bound to the given layer ids (empty = none).
layout::Layout villageLayout(const std::string& name, const std::string& villages, const std::string& patches,
                             const std::string& image) {
  layout::Layout l;
  l.name = name;
  l.pageWidthMm = 420.0;
  l.pageHeightMm = 297.0;
  l.exportDpi = 300.0;
  // Title over the map, centred.
  l.items.push_back(makeItem("title", ItemType::Label, 12, 6, 300, 15,
                             {{k::kText, villages.empty() ? "{project_title}" : "{village_name}耕地保护监测图"},
                              {k::kFontSize, "24"}, {k::kBold, "true"}, {k::kAlign, "center"},
                              {k::kLetterSpacing, "8"}},
                             "图名"));
  // The map: thin inner neatline, kilometre grid labelled between it and the thick outer one.
  // 10 mm at the sides (northing labels are wider), 8 mm above and below.
  l.items.push_back(makeItem("map", ItemType::Map, 22, 32, 280, 235,
                             {{k::kFrame, "0.2"}, {k::kGrid, "km"}, {k::kGridLabels, "true"}, {k::kGridLines, "false"},
                              {k::kGridFontSize, "7"}, {k::kAtlasScale, "nice"}, {k::kBackground, "#ffffff"}},
                             "主图"));
  l.items.push_back(makeItem("neatline", ItemType::Shape, 12, 24, 300, 251,
                             {{k::kShape, "rectangle"}, {k::kStrokeWidth, "0.8"}}, "外图廓"));
  l.items.push_back(makeItem("north_arrow", ItemType::NorthArrow, 286, 35, 12, 18, {{k::kMap, "map"}}, "指北针"));
  l.items.push_back(makeItem("scale_bar", ItemType::ScaleBar, 112, 278, 100, 13,
                             {{k::kMap, "map"}, {k::kUnits, "auto"}, {k::kSegments, "4"}, {k::kNumeric, "true"},
                              {k::kStyle, "alternating"}, {k::kFontSize, "8"}},
                             "比例尺"));
  // The right-hand column: overview, statistics, legend, producer.
  l.items.push_back(makeItem("column", ItemType::Shape, 318, 24, 90, 251,
                             {{k::kShape, "rectangle"}, {k::kStrokeWidth, "0.8"}}, "右栏边框"));
  l.items.push_back(makeItem("overview_title", ItemType::Label, 321, 26, 84, 7,
                             {{k::kText, "位置示意图"}, {k::kFontSize, "10"}, {k::kBold, "true"},
                              {k::kAlign, "left"}},
                             "位置示意图标题"));
  l.items.push_back(makeItem("overview", ItemType::Map, 321, 33, 84, 60,
                             {{k::kOverviewOf, "map"}, {k::kLayers, joinIds({image, villages})}, {k::kFrame, "0.3"},
                              {k::kBackground, "#ffffff"}, {k::kOverviewColor, "#e60000"}},
                             "位置示意图"));
  double legendTop = 97;
  if (!patches.empty()) {
    l.items.push_back(makeItem("table", ItemType::Table, 321, 97, 84, 56,
                               {{k::kSource, "summary"}, {k::kLayer, patches}, {k::kAtlasFilter, "true"},
                                {k::kTitle, "变化图斑统计"}, {k::kMaxRows, "8"}, {k::kFontSize, "8"}},
                               "统计表"));
    legendTop = 157;
  }
  l.items.push_back(makeItem("legend", ItemType::Legend, 321, legendTop, 84, 231 - legendTop,
                             {{k::kMap, "map"}, {k::kTitle, "图例"}, {k::kOnlyVisible, "true"}, {k::kColumns, "2"},
                              {k::kFontSize, "8"}, {k::kFrame, "0.3"}},
                             "图例"));
  l.items.push_back(makeItem("producer", ItemType::Producer, 321, 235, 84, 37,
                             {{k::kUnit, "{project_title}"}, {k::kDate, "{date_cn}"}, {k::kDataSource,
                              "卫星遥感影像、第三次全国国土调查成果"}, {k::kFontSize, "8"}},
                             "制图说明"));
  if (!villages.empty()) {
    l.atlas.enabled = true;
    l.atlas.coverageLayerId = villages;
    l.atlas.nameField = "ZLDWMC";
    l.atlas.codeField = "ZLDWDM";
    l.atlas.mapItemId = "map";
    l.atlas.marginPercent = 8.0;
    l.atlas.maskOutside = true;
    l.atlas.fileNamePattern = "{atlas_code}_{atlas_name}";
  }
  return l;
}

}  // namespace

std::string villageLayerId(const project::Project& project) {
  for (const auto& layer : project.layers)
    if (layer.kind == project::LayerKind::Vector && (layer.id == "CJDCQ" || layer.layerName == "CJDCQ"))
      return layer.id;
  for (const auto& layer : project.layers) {
    if (layer.kind != project::LayerKind::Vector) continue;
    bool polygonal = false;
    const auto fields = layerFields(layer, &polygonal);
    if (polygonal && hasField(fields, "ZLDWDM")) return layer.id;
  }
  return {};
}

std::string changePatchLayerId(const project::Project& project) {
  for (const auto& layer : project.layers)
    if (layer.kind == project::LayerKind::Vector &&
        (layer.id == "change_patches" || layer.layerName == "change_patches"))
      return layer.id;
  for (const auto& layer : project.layers) {
    if (layer.kind != project::LayerKind::Vector) continue;
    const auto fields = layerFields(layer);
    if (hasField(fields, "BHLX") && hasField(fields, "MJ")) return layer.id;
  }
  return {};
}

layout::Layout villageMapTemplate(const project::Project& project, const std::string& name) {
  return villageLayout(name, villageLayerId(project), changePatchLayerId(project), firstRasterId(project));
}

layout::Layout blankLayout(const project::Project& project, const std::string& name, double widthMm,
                           double heightMm) {
  layout::Layout l;
  l.name = name;
  l.pageWidthMm = widthMm;
  l.pageHeightMm = heightMm;
  const double margin = std::clamp(std::min(widthMm, heightMm) * 0.05, 5.0, 20.0);
  std::map<std::string, std::string> props{{k::kFrame, "0.3"}};
  if (project.extent && !project.extent->isEmpty()) {
    std::ostringstream extent;
    extent.precision(12);
    extent << project.extent->minX() << ',' << project.extent->minY() << ',' << project.extent->maxX() << ','
           << project.extent->maxY();
    props[k::kExtent] = extent.str();
  }
  l.items.push_back(makeItem("map", ItemType::Map, margin, margin, widthMm - 2 * margin, heightMm - 2 * margin,
                             std::move(props)));
  return l;
}

layout::Layout bindTemplate(layout::Layout layout, const project::Project& project) {
  const std::string villages = villageLayerId(project);
  const std::string patches = changePatchLayerId(project);
  const std::string image = firstRasterId(project);
  if (!layout.atlas.coverageLayerId.empty() && !layerById(project, layout.atlas.coverageLayerId))
    layout.atlas.coverageLayerId = villages;
  if (layout.atlas.coverageLayerId.empty()) layout.atlas.enabled = false;
  for (auto& item : layout.items) {
    if (item.type == ItemType::Table) {
      if (const std::string id = item.prop(k::kLayer); !id.empty() && !layerById(project, id)) {
        if (patches.empty()) item.props.erase(k::kLayer);
        else item.props[k::kLayer] = patches;
      }
    }
    if (item.type != ItemType::Map && item.type != ItemType::Legend) continue;
    const std::string listed = item.prop(k::kLayers);
    if (listed.empty()) continue;
    std::vector<std::string> kept;
    bool missing = false;
    for (const auto& id : splitIds(listed)) {
      if (layerById(project, id)) kept.push_back(id);
      else missing = true;
    }
    if (!missing) continue;
    if (item.type == ItemType::Map && !item.prop(k::kOverviewOf).empty()) kept = {image, villages};
    if (joinIds(kept).empty()) item.props.erase(k::kLayers);
    else item.props[k::kLayers] = joinIds(kept);
  }
  return layout;
}

std::filesystem::path installedTemplateFolder() {
  if (!QCoreApplication::instance()) return {};
  const QDir dir(QCoreApplication::applicationDirPath() + QStringLiteral("/../share/onemap/templates"));
  if (!dir.exists()) return {};
  return std::filesystem::path(QFile::encodeName(dir.absolutePath()).toStdString());
}

}  // namespace onemap::sheet
