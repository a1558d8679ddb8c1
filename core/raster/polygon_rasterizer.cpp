#include "onemap/raster/polygon_rasterizer.h"

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <array>
#include <system_error>
#include <utility>

#include "onemap/base/text.h"
#include "onemap/gdal/cpl_error_capture.h"
#include "onemap/gdal/gdal_init.h"
#include "onemap/raster/gdal_support.h"

namespace onemap::raster {

struct PolygonRasterizer::Impl {
  gdal::DatasetPtr dataset;
  OGRLayer* layer = nullptr;
  Grid grid;
  RasterizeOptions options;
  std::string context;                 // "file, layer 'name'"
  gdal::SpatialReferencePtr gridCrs;   // null: no transformation
  gdal::SpatialReferencePtr layerCrs;  // null: no transformation
  gdal::TransformationPtr toGrid;      // layer -> grid, null when the same or unknown
  std::vector<GIntBig> fids;           // sorted; index + 1 is what burnIds writes

  std::int32_t indexOf(GIntBig fid) const {
    const auto it = std::lower_bound(fids.begin(), fids.end(), fid);
    return it != fids.end() && *it == fid ? static_cast<std::int32_t>(it - fids.begin() + 1) : 0;
  }

  using Shapes = std::vector<std::pair<GIntBig, gdal::GeometryPtr>>;
  /// The polygons reaching `window` (in the grid's CRS, FID order) and the window's geotransform.
  Status collect(const Window& window, Shapes& shapes, std::array<double, 6>& gt) const;
  /// Burns `shapes` into `out` (window.pixelCount() values of `type`).
  Status rasterize(const Window& window, const std::array<double, 6>& gt, const Shapes& shapes, GDALDataType type,
                   bool ids, bool allTouched, void* out) const;
  Status burnInto(const Window& window, GDALDataType type, bool ids, void* out) const {
    Shapes shapes;
    std::array<double, 6> gt{};
    if (auto st = collect(window, shapes, gt); !st) return st;
    return rasterize(window, gt, shapes, type, ids, options.allTouched, out);
  }
};

namespace {

bool isPolygonal(const OGRGeometry& geometry) {
  switch (wkbFlatten(geometry.getGeometryType())) {
    case wkbPolygon:
    case wkbMultiPolygon:
    case wkbCurvePolygon:
    case wkbMultiSurface:
      return true;
    default:
      return false;
  }
}

std::string layerList(GDALDataset& dataset) {
  std::string out;
  for (int i = 0; i < dataset.GetLayerCount(); ++i)
    out += (out.empty() ? "" : ", ") + std::string(dataset.GetLayer(i)->GetName());
  return out;
}

}  // namespace

PolygonRasterizer::PolygonRasterizer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
PolygonRasterizer::PolygonRasterizer(PolygonRasterizer&&) noexcept = default;
PolygonRasterizer& PolygonRasterizer::operator=(PolygonRasterizer&&) noexcept = default;
PolygonRasterizer::~PolygonRasterizer() = default;

Result<PolygonRasterizer> PolygonRasterizer::open(const std::filesystem::path& path, const Grid& grid,
                                                  const RasterizeOptions& options) {
  gdal::ensureInitialized();
  const std::string display = text::displayPath(path);
  std::error_code ec;
  if (path.native().rfind("/vsi", 0) != 0 && !std::filesystem::exists(path, ec))
    return fail(ErrorCode::NotFound, "the file does not exist", display,
                "check the path, or whether the file was moved or renamed");
  if (grid.width <= 0 || grid.height <= 0)
    return fail(ErrorCode::InvalidInput, "the target grid is empty", display);
  auto impl = std::make_unique<Impl>();
  impl->grid = grid;
  impl->options = options;
  {
    gdal::CplErrorCapture capture;
    impl->dataset.reset(GDALDataset::Open(detail::gdalPath(path).c_str(),
                                          GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR));
    if (impl->dataset == nullptr)
      return fail(capture.toError(ErrorCode::OpenFailed, "cannot open the file as a vector layer", display,
                                  "use a GeoPackage, Shapefile or GeoJSON file with polygons"));
  }
  GDALDataset& dataset = *impl->dataset;
  if (dataset.GetLayerCount() == 0)
    return fail(ErrorCode::InvalidInput, "the file has no vector layer", display,
                "use a GeoPackage, Shapefile or GeoJSON file with polygons");
  impl->layer = options.layerName.empty() ? dataset.GetLayer(0)
                                          : dataset.GetLayerByName(options.layerName.c_str());
  if (impl->layer == nullptr)
    return fail(ErrorCode::InvalidInput, "there is no layer named '" + options.layerName + "'", display,
                "the layers are: " + layerList(dataset));
  impl->context = display + ", layer '" + impl->layer->GetName() + "'";
  OGRLayer& layer = *impl->layer;
  if (!options.attributeFilter.empty()) {
    gdal::CplErrorCapture capture;
    if (layer.SetAttributeFilter(options.attributeFilter.c_str()) != OGRERR_NONE)
      return fail(capture.toError(ErrorCode::InvalidInput,
                                  "the attribute filter '" + options.attributeFilter + "' is not valid",
                                  impl->context, "write an OGR SQL WHERE clause such as DLBM = '0101'"));
  }
  if (const OGRSpatialReference* srs = layer.GetSpatialRef(); srs != nullptr && !grid.crsWkt.empty()) {
    impl->layerCrs.reset(srs->Clone());
    impl->layerCrs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    impl->gridCrs = detail::spatialReferenceFrom(grid.crsWkt);
    if (impl->gridCrs == nullptr)
      return fail(ErrorCode::InvalidInput, "the target grid's CRS cannot be read", impl->context);
    if (!impl->layerCrs->IsSame(impl->gridCrs.get())) {
      gdal::CplErrorCapture capture;
      impl->toGrid.reset(OGRCreateCoordinateTransformation(impl->layerCrs.get(), impl->gridCrs.get()));
      if (impl->toGrid == nullptr)
        return fail(capture.toError(ErrorCode::InvalidInput,
                                    "cannot transform the layer's CRS to the grid's CRS", impl->context,
                                    "reproject the layer to the CRS of the grid first"));
    } else {
      impl->layerCrs.reset();
      impl->gridCrs.reset();
    }
  }
  if (!options.numberFeatures) return PolygonRasterizer(std::move(impl));
  // One pass over the FIDs (no geometry, no attributes) gives the stable 1-based ids.
  layer.SetIgnoredFields(std::vector<const char*>{"OGR_GEOMETRY", nullptr}.data());
  {
    gdal::CplErrorCapture capture;
    layer.ResetReading();
    for (auto& feature : layer) impl->fids.push_back(feature->GetFID());
    if (capture.hasFailures() && !options.attributeFilter.empty())  // GeoPackage checks the filter here
      return fail(capture.toError(ErrorCode::InvalidInput,
                                  "the attribute filter '" + options.attributeFilter + "' is not valid",
                                  impl->context, "write an OGR SQL WHERE clause such as DLBM = '0101'"));
    if (capture.hasFailures())
      return fail(capture.toError(ErrorCode::Io, "cannot read the features", impl->context));
  }
  layer.SetIgnoredFields(nullptr);
  std::sort(impl->fids.begin(), impl->fids.end());
  return PolygonRasterizer(std::move(impl));
}

std::int64_t PolygonRasterizer::featureCount() const {
  return static_cast<std::int64_t>(m_impl->fids.size());
}

std::int64_t PolygonRasterizer::fidOf(std::int32_t index) const {
  if (index < 1 || static_cast<std::size_t>(index) > m_impl->fids.size()) return -1;
  return m_impl->fids[static_cast<std::size_t>(index) - 1];
}

Status PolygonRasterizer::Impl::collect(const Window& window, Shapes& shapes, std::array<double, 6>& gt) const {
  if (window.width <= 0 || window.height <= 0 || window.xOff < 0 || window.yOff < 0 ||
      window.xOff + window.width > grid.width || window.yOff + window.height > grid.height)
    return fail(ErrorCode::InvalidInput,
                "window " + std::to_string(window.xOff) + "," + std::to_string(window.yOff) + " " +
                    std::to_string(window.width) + "x" + std::to_string(window.height) +
                    " is outside the " + std::to_string(grid.width) + "x" +
                    std::to_string(grid.height) + " grid",
                context);
  const auto& g = grid.geoTransform;
  gt = g;
  gt[0] = g[0] + window.xOff * g[1] + window.yOff * g[2];
  gt[3] = g[3] + window.xOff * g[4] + window.yOff * g[5];
  const Extent extent = detail::gridExtent(window.width, window.height, gt)
                            .buffered(std::max(std::abs(g[1]), std::abs(g[5])));
  std::optional<Extent> filter = extent;
  if (toGrid != nullptr) filter = detail::transformExtent(extent, *gridCrs, *layerCrs);

  shapes.clear();
  {
    gdal::CplErrorCapture capture;
    if (filter)
      layer->SetSpatialFilterRect(filter->minX(), filter->minY(), filter->maxX(), filter->maxY());
    else
      layer->SetSpatialFilter(nullptr);
    layer->ResetReading();
    for (auto& feature : *layer) {
      gdal::GeometryPtr geometry(feature->StealGeometry());
      if (geometry == nullptr || geometry->IsEmpty() || !isPolygonal(*geometry)) continue;
      if (geometry->hasCurveGeometry()) geometry.reset(geometry->getLinearGeometry());
      if (geometry == nullptr) continue;
      if (toGrid != nullptr && geometry->transform(toGrid.get()) != OGRERR_NONE) continue;
      shapes.emplace_back(feature->GetFID(), std::move(geometry));
    }
    layer->SetSpatialFilter(nullptr);
    if (capture.hasFailures())
      return fail(capture.toError(ErrorCode::Io, "cannot read the polygons", context));
  }
  std::sort(shapes.begin(), shapes.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return {};
}

Status PolygonRasterizer::Impl::rasterize(const Window& window, const std::array<double, 6>& gt, const Shapes& shapes,
                                          GDALDataType type, bool ids, bool allTouched, void* out) const {
  GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
  if (mem == nullptr) return fail(ErrorCode::Internal, "GDAL's MEM driver is missing", context);
  gdal::CplErrorCapture capture;
  gdal::DatasetPtr target(mem->Create("", window.width, window.height, 1, type, nullptr));
  if (target == nullptr)
    return fail(capture.toError(ErrorCode::OutOfMemory, "cannot allocate the window", context));
  std::array<double, 6> transform = gt;  // GDAL 3.6 takes a non-const pointer
  target->SetGeoTransform(transform.data());
  if (!shapes.empty()) {
    std::vector<OGRGeometryH> handles;
    std::vector<double> values;
    handles.reserve(shapes.size());
    values.reserve(shapes.size());
    for (const auto& [fid, geometry] : shapes) {
      handles.push_back(OGRGeometry::ToHandle(geometry.get()));
      values.push_back(ids ? indexOf(fid) : 1.0);
    }
    int band = 1;
    CPLStringList rasterizeOptions;
    if (allTouched) rasterizeOptions.SetNameValue("ALL_TOUCHED", "TRUE");
    if (GDALRasterizeGeometries(GDALDataset::ToHandle(target.get()), 1, &band,
                                static_cast<int>(handles.size()), handles.data(), nullptr, nullptr,
                                values.data(), rasterizeOptions.List(), nullptr, nullptr) != CE_None)
      return fail(capture.toError(ErrorCode::Internal, "cannot rasterize the polygons", context));
  }
  if (target->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, window.width, window.height, out, window.width,
                                         window.height, type, 0, 0, nullptr) != CE_None)
    return fail(capture.toError(ErrorCode::Internal, "cannot read the rasterized window", context));
  return {};
}

Status PolygonRasterizer::burn(const Window& window, std::vector<std::uint8_t>& out) const {
  out.assign(static_cast<std::size_t>(std::max<std::int64_t>(window.pixelCount(), 0)), 0);
  return m_impl->burnInto(window, GDT_Byte, false, out.data());
}

Status PolygonRasterizer::burnWithTouched(const Window& window, std::vector<std::uint8_t>& out,
                                          std::vector<std::uint8_t>& touched) const {
  const auto pixels = static_cast<std::size_t>(std::max<std::int64_t>(window.pixelCount(), 0));
  out.assign(pixels, 0);
  touched.assign(pixels, 0);
  Impl::Shapes shapes;
  std::array<double, 6> gt{};
  if (auto st = m_impl->collect(window, shapes, gt); !st) return st;
  if (auto st = m_impl->rasterize(window, gt, shapes, GDT_Byte, false, m_impl->options.allTouched, out.data()); !st)
    return st;
  return m_impl->rasterize(window, gt, shapes, GDT_Byte, false, true, touched.data());
}

Status PolygonRasterizer::burnIds(const Window& window, std::vector<std::int32_t>& out) const {
  if (!m_impl->options.numberFeatures)
    return fail(ErrorCode::Internal, "the rasterizer was opened without numbering the features", m_impl->context,
                "open it with RasterizeOptions::numberFeatures set");
  out.assign(static_cast<std::size_t>(std::max<std::int64_t>(window.pixelCount(), 0)), 0);
  return m_impl->burnInto(window, GDT_Int32, true, out.data());
}

Status burnPolygon(const Grid& grid, const Window& window, std::span<const unsigned char> wkb,
                   std::vector<std::uint8_t>& out) {
  if (window.width <= 0 || window.height <= 0 || window.xOff < 0 || window.yOff < 0 ||
      window.xOff + window.width > grid.width || window.yOff + window.height > grid.height)
    return fail(ErrorCode::InvalidInput, "the window to burn a polygon into is outside the grid");
  out.assign(static_cast<std::size_t>(window.pixelCount()), 0);
  gdal::ensureInitialized();
  gdal::CplErrorCapture capture;
  OGRGeometry* parsed = nullptr;
  if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &parsed, wkb.size()) != OGRERR_NONE || parsed == nullptr)
    return fail(ErrorCode::InvalidInput, "the polygon to burn is not valid WKB");
  gdal::GeometryPtr geometry(parsed);
  GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
  if (mem == nullptr) return fail(ErrorCode::Internal, "GDAL's MEM driver is missing");
  gdal::DatasetPtr target(mem->Create("", window.width, window.height, 1, GDT_Byte, nullptr));
  if (target == nullptr) return fail(capture.toError(ErrorCode::OutOfMemory, "cannot allocate the window", {}));
  const auto& g = grid.geoTransform;
  std::array<double, 6> gt = g;
  gt[0] = g[0] + window.xOff * g[1] + window.yOff * g[2];
  gt[3] = g[3] + window.xOff * g[4] + window.yOff * g[5];
  target->SetGeoTransform(gt.data());
  int band = 1;
  double value = 1.0;
  OGRGeometryH handle = OGRGeometry::ToHandle(geometry.get());
  if (GDALRasterizeGeometries(GDALDataset::ToHandle(target.get()), 1, &band, 1, &handle, nullptr, nullptr, &value,
                              nullptr, nullptr, nullptr) != CE_None ||
      target->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, window.width, window.height, out.data(), window.width,
                                         window.height, GDT_Byte, 0, 0, nullptr) != CE_None)
    return fail(capture.toError(ErrorCode::Internal, "cannot rasterize the polygon", {}));
  return {};
}

}  // namespace onemap::raster
