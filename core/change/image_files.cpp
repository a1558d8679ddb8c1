#include "image_files.h"

#include <algorithm>
#include <cstdio>

#include "onemap/base/text.h"
#include "onemap/proj/crs_description.h"
#include "onemap/proj/ground_scale.h"

namespace onemap::change::detail {
namespace {

using raster::BandRole;

/// The error for an image without a CRS: ground distances, areas and the other date's alignment
/// all need one. Suggests one from the coordinates, as `onemap-cli info` does.
Error missingCrs(const raster::Grid& grid, const std::filesystem::path& path) {
  const Extent e = grid.extent();
  std::string hint = "Assign its CRS first (gdal_edit.py -a_srs EPSG:…)";
  if (auto s = proj::suggestCrsFromCoordinates(e.minX(), e.minY(), e.maxX(), e.maxY())) {
    hint += s->epsg != 0 ? "; its coordinates suggest EPSG:" + std::to_string(s->epsg) : "";
    hint += ": " + s->reasonEn;
  } else {
    hint += ".";
  }
  return Error{ErrorCode::InvalidInput, "the image has no coordinate system (CRS)", text::displayPath(path), hint};
}

/// Warns when the pixels of the two images differ over 3 × in size: the coarser image cannot
/// show change smaller than its pixels.
void warnOfPixelSizes(const raster::Grid& before, const raster::Grid& after, ChangeSummary& summary) {
  auto beforeScale = proj::groundScale(before.crsWkt, before.geoTransform, before.width, before.height);
  auto afterScale = proj::groundScale(after.crsWkt, after.geoTransform, after.width, after.height);
  if (beforeScale && afterScale && beforeScale->pixelSizeM() > 0 && afterScale->pixelSizeM() > 0) {
    const double ratio = afterScale->pixelSizeM() / beforeScale->pixelSizeM();
    if (ratio > 3.0 || ratio < 1.0 / 3.0) {
      const auto oneDecimal = [](double v) {
        char text[32];
        std::snprintf(text, sizeof text, "%.1f", v);
        return std::string(text);
      };
      summary.warnings.push_back({RunWarning::Kind::PixelSizes,
                                  {oneDecimal(std::max(ratio, 1.0 / ratio)), oneDecimal(beforeScale->pixelSizeM()),
                                   oneDecimal(afterScale->pixelSizeM())}});
    }
  }
}

}  // namespace

Result<ImageFiles> openImageFiles(const ChangeInputs& inputs, ChangeSummary& summary) {
  auto before = raster::RasterSource::open(inputs.before);
  if (!before) return fail(before.error());
  auto afterFile = raster::RasterSource::open(inputs.after);
  if (!afterFile) return fail(afterFile.error());
  ImageFiles files;
  auto selection = selectBands(*before, inputs.beforeBands, *afterFile, inputs.afterBands);
  if (!selection) return fail(selection.error());
  files.bands = std::move(*selection);
  summary.bands.clear();
  for (BandRole role : files.bands.roles) summary.bands.emplace_back(raster::bandRoleName(role));
  for (const raster::RasterSource* image : {&*before, &*afterFile})
    if (image->grid().crsWkt.empty()) return fail(missingCrs(image->grid(), image->path()));
  warnOfPixelSizes(before->grid(), afterFile->grid(), summary);
  auto after = afterFile->alignedTo(*before, raster::Resampling::Bilinear);
  if (!after) return fail(after.error());
  const raster::Grid& grid = before->grid();
  summary.pixels = std::int64_t(grid.width) * grid.height;
  // Distances and areas of the rules are ground metres: a geographic grid's pixel sizes in
  // degrees are measured on the ellipsoid at its centre.
  auto scale = proj::groundScale(grid.crsWkt, grid.geoTransform, grid.width, grid.height);
  if (!scale) return fail(scale.error().code, scale.error().message, text::displayPath(inputs.before), scale.error().hint);
  if (scale->geographic && (scale->westLon < -180.0 || scale->eastLon > 180.0))
    return fail(ErrorCode::InvalidInput, "the image crosses the 180° meridian", text::displayPath(inputs.before),
                "Warp both images to a projected CRS first, e.g. gdalwarp -t_srs EPSG:32601 (UTM zone 1N).");
  summary.crs = scale->crsName;
  summary.geographicGrid = scale->geographic;
  summary.pixelWidthM = scale->pixelWidthM;
  summary.pixelHeightM = scale->pixelHeightM;
  files.pixelSizeM = scale->pixelSizeM();
  files.before = std::make_unique<SourceReader>(std::move(*before));
  files.after = std::make_unique<SourceReader>(std::move(*after));
  return files;
}

}  // namespace onemap::change::detail
