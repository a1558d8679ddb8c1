#include <algorithm>
#include <cstdio>
#include <variant>

#include "onemap/layout/layout.h"
#include "onemap/project/project.h"
#include "onemap/render/wkb_painter_path.h"
#include "onemap/sheet/atlas_export.h"
#include "onemap/vector/feature_reader.h"

namespace onemap::sheet {
namespace {

std::string fieldList(const vector::LayerInfo& info) {
  std::string names;
  for (const auto& field : info.fields) names += (names.empty() ? "" : ", ") + field.name;
  return names;
}

std::string layerList(const project::Project& project) {
  std::string ids;
  for (const auto& layer : project.layers)
    if (layer.kind == project::LayerKind::Vector) ids += (ids.empty() ? "" : ", ") + layer.id;
  return ids;
}

}  // namespace

Result<std::vector<AtlasFeature>> readAtlasFeatures(const project::Project& project,
                                                    const layout::AtlasSettings& settings,
                                                    const std::string& mapCrs, const std::string& extraFilter,
                                                    Feedback& feedback) {
  const project::LayerSpec* coverage = nullptr;
  for (const auto& layer : project.layers)
    if (layer.id == settings.coverageLayerId) coverage = &layer;
  if (settings.coverageLayerId.empty())
    return fail(ErrorCode::InvalidInput, "the atlas has no coverage layer", {},
                "Choose the village boundary layer in the atlas settings (vector layers: " + layerList(project) + ").");
  if (!coverage)
    return fail(ErrorCode::NotFound, "the atlas coverage layer is not in the project", settings.coverageLayerId,
                "Choose one of the project's vector layers: " + layerList(project) + ".");
  const std::string where = "layer " + coverage->id;
  if (coverage->kind != project::LayerKind::Vector)
    return fail(ErrorCode::InvalidInput, "the atlas coverage layer must be a polygon layer, not a raster", where);
  vector::OpenOptions open;
  open.encoding = coverage->encoding;
  auto reader = vector::FeatureReader::open(coverage->source, coverage->layerName, open);
  if (!reader) return fail(reader.error().withContext(where));
  const auto& info = reader->layer();
  for (const auto* field : {&settings.codeField, &settings.nameField})
    if (!field->empty() && std::none_of(info.fields.begin(), info.fields.end(),
                                        [&](const vector::FieldInfo& f) { return f.name == *field; }))
      return fail(ErrorCode::InvalidInput, "the coverage layer has no field \"" + *field + "\"", where,
                  "Choose the code and name fields among: " + fieldList(info) + ".");

  vector::ReadOptions options;
  options.targetCrs = mapCrs;
  options.repairInvalid = false;  // an empty or broken outline is reported on its sheet, not dropped
  if (!settings.filter.empty() && !extraFilter.empty())
    options.attributeFilter = "(" + settings.filter + ") AND (" + extraFilter + ")";
  else
    options.attributeFilter = settings.filter.empty() ? extraFilter : settings.filter;

  std::vector<AtlasFeature> features;
  auto read = reader->forEach(options, &feedback, [&](const vector::Feature& feature) {
    AtlasFeature f;
    for (std::size_t i = 0; i < info.fields.size() && i < feature.attributes.size(); ++i)
      f.attributes[info.fields[i].name] = vector::attributeText(feature.attributes[i]);
    f.code = settings.codeField.empty() ? std::to_string(feature.fid) : f.attributes[settings.codeField];
    f.name = settings.nameField.empty() ? std::string() : f.attributes[settings.nameField];
    f.wkb = feature.wkb;
    if (!f.wkb.empty()) {
      auto decoded = render::decodeWkb(f.wkb, [](double x, double y) { return QPointF(x, y); });
      if (decoded.ok && decoded.polygonal && !decoded.path.isEmpty()) {
        f.outline = decoded.path;
        const QRectF box = decoded.path.boundingRect();
        f.extent = Extent(box.left(), box.top(), box.right(), box.bottom());
      }
    }
    features.push_back(std::move(f));
    return !feedback.isCanceled();
  });
  if (!read) {
    if (read.error().code == ErrorCode::Canceled) return fail(read.error());
    if (!options.attributeFilter.empty())
      return fail(read.error().withContext("atlas filter \"" + options.attributeFilter + "\" on " + where));
    return fail(read.error().withContext(where));
  }
  if (feedback.isCanceled()) return fail(ErrorCode::Canceled, "reading the atlas features was canceled", where);
  std::stable_sort(features.begin(), features.end(),
                   [](const AtlasFeature& a, const AtlasFeature& b) { return a.code < b.code; });
  for (std::size_t i = 0; i < features.size(); ++i) {
    features[i].index = int(i);
    features[i].count = int(features.size());
  }
  return features;
}

}  // namespace onemap::sheet
