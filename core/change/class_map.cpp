#include "class_map.h"

#include <cctype>

#include "block_pass.h"
#include "block_pass_rules.h"
#include "image_files.h"
#include "onemap/vector/feature_reader.h"
#include "scratch_rasters.h"

namespace onemap::change::detail {

std::string croplandFilter(const LayerRef& cropland) {
  if (cropland.path.empty()) return {};
  auto reader = vector::FeatureReader::open(cropland.path, cropland.layer);
  if (!reader) return {};
  for (const auto& field : reader->layer().fields) {
    std::string upper = field.name;
    for (char& c : upper) c = char(std::toupper(static_cast<unsigned char>(c)));
    if (upper == "DLBM") return "\"" + field.name + "\" LIKE '01%'";
  }
  return {};
}

Status computeClassMap(const ImagePair& images, const CroplandLayer& cropland, double pixelSizeM,
                       const ChangeParameters& parameters, ClassMapSink& sink, ChangeSummary& summary,
                       Feedback& feedback, BlockPassObserver* observer) {
  // 1. Radiometric normalisation, cloud levels and the automatic threshold (the sample's memory
  //    goes to the block pass once they are set).
  Feedback sampling = feedback.subRange(0.0, 0.1);
  auto rules = prepareRules(images, cropland, pixelSizeM, parameters, summary, sampling);
  if (!rules) return fail(rules.error());
  // 2. The block pass: both dates, cropland mask, rules, clean-up.
  Feedback blocks = feedback.subRange(0.1, 1.0);
  return runBlockPass(images, cropland, *rules, parameters, sink, blocks, observer);
}

Status writeClassMap(const ChangeInputs& inputs, const ChangeParameters& parameters, const std::string& croplandFilter,
                     const std::filesystem::path& scratch, const std::filesystem::path& evidenceScratch,
                     raster::Grid& grid, ChangeSummary& summary, Feedback& feedback, BlockPassObserver* observer) {
  auto images = openImageFiles(inputs, summary);
  if (!images) return fail(images.error());
  grid = images->before->grid();
  auto sink = ScratchRasters::create(scratch, evidenceScratch, grid);
  if (!sink) return fail(sink.error());
  const CroplandLayer cropland = CroplandLayer::of(inputs.cropland, croplandFilter);
  if (auto st = computeClassMap(images->pair(), cropland, images->pixelSizeM, parameters, *sink, summary, feedback,
                                observer);
      !st)
    return st;
  return sink->close();
}

}  // namespace onemap::change::detail
