#include "onemap/vector/vector_info.h"

#include <ogrsf_frmts.h>

#include "detail/dataset_open.h"
#include "detail/layer_describe.h"
#include "detail/layer_scan.h"

namespace onemap::vector {

Result<VectorInfo> readVectorInfo(const std::filesystem::path& path, const OpenOptions& options,
                                  const std::string& layerName, Feedback* feedback) {
  auto opened = detail::openDataset(path, options);
  if (!opened) return fail(opened.error());
  VectorInfo info;
  info.path = path;
  info.driver = opened->driver;
  info.driverLongName = opened->driverLongName;

  std::vector<OGRLayer*> layers;
  if (!layerName.empty()) {
    auto layer = detail::findLayer(*opened, layerName);
    if (!layer) return fail(layer.error());
    layers.push_back(*layer);
  } else {
    for (int i = 0; i < opened->dataset->GetLayerCount(); ++i) layers.push_back(opened->dataset->GetLayer(i));
  }

  const double share = layers.empty() ? 1.0 : 1.0 / static_cast<double>(layers.size());
  for (std::size_t i = 0; i < layers.size(); ++i) {
    LayerInfo layer = detail::describeLayer(*opened, *layers[i]);
    Feedback step = feedback != nullptr ? feedback->subRange(static_cast<double>(i) * share,
                                                             static_cast<double>(i + 1) * share)
                                        : Feedback();
    if (auto status = detail::scanLayer(*opened, *layers[i], layer, feedback != nullptr ? &step : nullptr);
        !status)
      return fail(status.error());
    info.layers.push_back(std::move(layer));
  }
  if (feedback != nullptr) feedback->setProgress(1.0);
  return info;
}

Result<VectorInfo> listVectorLayers(const std::filesystem::path& path, const OpenOptions& options) {
  auto opened = detail::openDataset(path, options);
  if (!opened) return fail(opened.error());
  VectorInfo info;
  info.path = path;
  info.driver = opened->driver;
  info.driverLongName = opened->driverLongName;
  for (int i = 0; i < opened->dataset->GetLayerCount(); ++i)
    info.layers.push_back(detail::describeLayer(*opened, *opened->dataset->GetLayer(i)));
  return info;
}

}  // namespace onemap::vector
