#include "onemap/vector/feature_update.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "onemap/base/text.h"
#include "onemap/gdal/cpl_error_capture.h"
#include "onemap/gdal/gdal_init.h"
#include "onemap/gdal/handles.h"

namespace onemap::vector {

Status updateFeatureFields(const std::filesystem::path& path, const std::string& layerName, std::int64_t fid,
                           const std::vector<std::pair<std::string, std::string>>& values) {
  gdal::ensureInitialized();
  gdal::CplErrorCapture capture;
  const std::string context = text::displayPath(path) + (layerName.empty() ? "" : ": " + layerName);
  gdal::DatasetPtr dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr));
  if (!dataset)
    return fail(capture.toError(ErrorCode::Io, "cannot open the file for writing", context,
                                "Close other programs using it and check that it is not read-only."));
  OGRLayer* layer = layerName.empty() ? dataset->GetLayer(0) : dataset->GetLayerByName(layerName.c_str());
  if (layer == nullptr) return fail(ErrorCode::NotFound, "the layer does not exist", context);
  gdal::FeaturePtr feature(layer->GetFeature(fid));
  if (!feature) return fail(ErrorCode::NotFound, "no feature with id " + std::to_string(fid), context);
  for (const auto& [name, value] : values) {
    const int index = feature->GetFieldIndex(name.c_str());
    if (index < 0) return fail(ErrorCode::NotFound, "the layer has no field " + name, context);
    feature->SetField(index, value.c_str());
  }
  const bool transaction = dataset->StartTransaction() == OGRERR_NONE;
  if (layer->SetFeature(feature.get()) != OGRERR_NONE) {
    if (transaction) dataset->RollbackTransaction();
    return fail(capture.toError(ErrorCode::Io, "cannot write feature " + std::to_string(fid), context));
  }
  if (transaction && dataset->CommitTransaction() != OGRERR_NONE)
    return fail(capture.toError(ErrorCode::Io, "cannot commit the change", context));
  dataset.reset();
  if (capture.hasFailures()) return fail(capture.toError(ErrorCode::Io, "cannot close the file", context));
  return {};
}

}  // namespace onemap::vector
