// RasterSource::alignedTo: a warped VRT (GDALCreateWarpedVRT) onto an explicit target grid, so
// pixels are resampled block by block as they are read and nothing is loaded whole.
#include <gdal_alg.h>
#include <gdal_priv.h>
#include <gdalwarper.h>
#include <ogr_spatialref.h>

#include <cmath>
#include <cstdio>
#include <limits>

#include "onemap/base/text.h"
#include "onemap/gdal/cpl_error_capture.h"
#include "onemap/raster/gdal_support.h"
#include "onemap/raster/raster_source.h"
#include "onemap/raster/raster_source_impl.h"

namespace onemap::raster {
namespace {

// A value no real pixel has: marks "no nodata" for bands without one when others have it
// (the warper takes one nodata array for all bands; gdalwarp uses the same value).
constexpr double kNoNoData = -1.1e20;

GDALResampleAlg toGdal(Resampling resampling) {
  switch (resampling) {
    case Resampling::Nearest: return GRA_NearestNeighbour;
    case Resampling::Bilinear: return GRA_Bilinear;
    case Resampling::Cubic: return GRA_Cubic;
    case Resampling::Average: return GRA_Average;
    case Resampling::Mode: return GRA_Mode;
  }
  return GRA_NearestNeighbour;
}

std::string number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.10g", value);
  return buffer;
}

// "the target grid (1000 x 800 pixels, EPSG:4549, extent 500000 3500000 - 510000 3508000)"
std::string describeGrid(const Grid& grid, const OGRSpatialReference* srs) {
  const Extent e = grid.extent();
  std::string out = "the target grid (" + std::to_string(grid.width) + " x " +
                    std::to_string(grid.height) + " pixels";
  if (srs != nullptr) {
    if (const int epsg = detail::identifyEpsg(*srs); epsg != 0)
      out += ", EPSG:" + std::to_string(epsg);
  }
  out += ", extent " + number(e.minX()) + " " + number(e.minY()) + " - " + number(e.maxX()) +
         " " + number(e.maxY()) + ")";
  return out;
}

bool sameGrid(const Grid& a, const Grid& b, const OGRSpatialReference& srsA,
              const OGRSpatialReference& srsB) {
  if (a.width != b.width || a.height != b.height) return false;
  const double tolerance = 1e-9 * std::max(a.pixelSizeX(), a.pixelSizeY());
  for (std::size_t i = 0; i < 6; ++i) {
    const double scale = (i == 0 || i == 3) ? 1.0 : 0.0;  // origins may be large numbers
    if (std::abs(a.geoTransform[i] - b.geoTransform[i]) >
        tolerance + scale * 1e-12 * std::abs(a.geoTransform[i]))
      return false;
  }
  return srsA.IsSame(&srsB) != 0;
}

}  // namespace

Result<RasterSource> RasterSource::alignedTo(const Grid& target, Resampling resampling) const {
  return alignedToNamed(target, resampling, {});
}

Result<RasterSource> RasterSource::alignedTo(const RasterSource& target,
                                             Resampling resampling) const {
  return alignedToNamed(target.grid(), resampling, text::displayPath(target.path()));
}

Result<RasterSource> RasterSource::alignedToNamed(const Grid& target, Resampling resampling,
                                                  const std::string& targetName) const {
  const std::string display = text::displayPath(m_impl->path);
  const auto dstSrs = detail::spatialReferenceFrom(target.crsWkt);
  const std::string targetText =
      targetName.empty() ? describeGrid(target, dstSrs.get()) : targetName;
  if (target.width <= 0 || target.height <= 0 || target.pixelSizeX() <= 0.0 ||
      target.pixelSizeY() <= 0.0)
    return fail(ErrorCode::InvalidInput, "cannot be aligned to an empty grid", display);
  if (m_impl->grid.crsWkt.empty())
    return fail(ErrorCode::InvalidInput,
                "has no coordinate system (CRS), so it cannot be aligned to " + targetText,
                display, "Assign its CRS first.");
  if (target.crsWkt.empty())
    return fail(ErrorCode::InvalidInput,
                "cannot be aligned to " + targetText + ", which has no coordinate system (CRS)",
                display, "Assign the CRS of " + targetText + " first.");
  const auto srcSrs = detail::spatialReferenceFrom(m_impl->grid.crsWkt);
  if (srcSrs == nullptr || dstSrs == nullptr)
    return fail(ErrorCode::InvalidInput,
                "the coordinate system of " + (srcSrs == nullptr ? display : targetText) +
                    " cannot be read",
                display);

  const auto sourceInTarget = detail::transformExtent(m_impl->grid.extent(), *srcSrs, *dstSrs);
  const Extent overlap =
      sourceInTarget ? sourceInTarget->intersected(target.extent()) : Extent();
  if (overlap.isEmpty() || overlap.area() <= 0.0)
    return fail(ErrorCode::InvalidInput, "does not overlap " + targetText, display,
                "Check that both images cover the same area and that their coordinate systems "
                "are right.");

  auto fresh = clone();
  if (!fresh) return fresh;
  if (sameGrid(m_impl->grid, target, *srcSrs, *dstSrs)) return fresh;

  GDALDataset* src = fresh->m_impl->dataset.get();
  const int bandCount = src->GetRasterCount();
  gdal::CplErrorCapture capture;
  char** transformerOptions = CSLSetNameValue(nullptr, "DST_SRS", target.crsWkt.c_str());
  void* projector = GDALCreateGenImgProjTransformer2(GDALDataset::ToHandle(src), nullptr,
                                                     transformerOptions);
  CSLDestroy(transformerOptions);
  if (projector == nullptr)
    return fail(detail::gdalError(capture, ErrorCode::InvalidInput,
                                  "cannot be transformed to the coordinate system of " + targetText,
                                  m_impl->path));
  GDALSetGenImgProjTransformerDstGeoTransform(projector, target.geoTransform.data());
  // Exact transforms on a sparse grid, interpolated within 1/8 pixel (as gdalwarp does).
  void* transformer = GDALCreateApproxTransformer(GDALGenImgProjTransform, projector, 0.125);
  GDALApproxTransformerOwnsSubtransformer(transformer, TRUE);

  GDALWarpOptions* options = GDALCreateWarpOptions();
  options->hSrcDS = GDALDataset::ToHandle(src);
  options->eResampleAlg = toGdal(resampling);
  options->eWorkingDataType = GDT_Float32;
  options->pfnTransformer = GDALApproxTransform;
  options->pTransformerArg = transformer;
  options->nBandCount = bandCount;
  options->panSrcBands = static_cast<int*>(CPLMalloc(sizeof(int) * bandCount));
  options->panDstBands = static_cast<int*>(CPLMalloc(sizeof(int) * bandCount));
  options->padfDstNoDataReal = static_cast<double*>(CPLMalloc(sizeof(double) * bandCount));
  bool anySourceNoData = false;
  for (int i = 0; i < bandCount; ++i) {
    options->panSrcBands[i] = i + 1;
    options->panDstBands[i] = i + 1;
    options->padfDstNoDataReal[i] = std::numeric_limits<double>::quiet_NaN();
    anySourceNoData = anySourceNoData || fresh->noData(i + 1).has_value();
  }
  if (anySourceNoData) {
    options->padfSrcNoDataReal = static_cast<double*>(CPLMalloc(sizeof(double) * bandCount));
    for (int i = 0; i < bandCount; ++i)
      options->padfSrcNoDataReal[i] = fresh->noData(i + 1).value_or(kNoNoData);
  }
  options->papszWarpOptions = CSLSetNameValue(options->papszWarpOptions, "INIT_DEST", "NO_DATA");
  options->papszWarpOptions =
      CSLSetNameValue(options->papszWarpOptions, "UNIFIED_SRC_NODATA", "NO");

  std::array<double, 6> geoTransform = target.geoTransform;
  GDALDatasetH vrt = GDALCreateWarpedVRT(GDALDataset::ToHandle(src), target.width, target.height,
                                         geoTransform.data(), options);
  GDALDestroyWarpOptions(options);  // the VRT keeps its own copy (and owns the transformer)
  if (vrt == nullptr)
    return fail(detail::gdalError(capture, ErrorCode::Internal,
                                  "cannot build the aligned view onto " + targetText,
                                  m_impl->path));
  // The VRT took a reference on the source: hand it over so the VRT closes it.
  GDALDereferenceDataset(GDALDataset::ToHandle(src));
  static_cast<void>(fresh->m_impl->dataset.release());
  gdal::DatasetPtr warped(GDALDataset::FromHandle(vrt));
  warped->SetSpatialRef(dstSrs.get());
  for (int i = 1; i <= bandCount; ++i)
    warped->GetRasterBand(i)->SetNoDataValue(std::numeric_limits<double>::quiet_NaN());

  auto impl = std::make_unique<Impl>(m_impl->path, std::move(warped));
  impl->grid.geoTransform = target.geoTransform;
  impl->grid.crsWkt = target.crsWkt;
  impl->roles = m_impl->roles;
  impl->steps = m_impl->steps;
  impl->steps.push_back(Impl::AlignStep{target, resampling, targetName});
  return RasterSource(std::move(impl));
}

}  // namespace onemap::raster
