#include "onemap/raster/raster_source.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <cmath>
#include <limits>

#include "onemap/base/text.h"
#include "onemap/gdal/cpl_error_capture.h"
#include "onemap/raster/gdal_support.h"
#include "onemap/raster/raster_source_impl.h"

namespace onemap::raster {
namespace {

char toLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

GDALRIOResampleAlg toRasterIoResampling(Resampling resampling) {
  switch (resampling) {
    case Resampling::Nearest: return GRIORA_NearestNeighbour;
    case Resampling::Bilinear: return GRIORA_Bilinear;
    case Resampling::Cubic: return GRIORA_Cubic;
    case Resampling::Average: return GRIORA_Average;
    case Resampling::Mode: return GRIORA_Mode;
  }
  return GRIORA_NearestNeighbour;
}

std::string bandsText(int count) {
  return std::to_string(count) + (count == 1 ? " band" : " bands");
}

}  // namespace

Extent Grid::extent() const { return detail::gridExtent(width, height, geoTransform); }
double Grid::pixelSizeX() const { return std::hypot(geoTransform[1], geoTransform[4]); }
double Grid::pixelSizeY() const { return std::hypot(geoTransform[2], geoTransform[5]); }

std::optional<Resampling> parseResampling(std::string_view text) noexcept {
  std::string key;
  for (const char c : text)
    if (c != ' ' && c != '-' && c != '_') key += toLower(c);
  if (key == "nearest" || key == "near" || key == "nearestneighbour" ||
      key == "nearestneighbor")
    return Resampling::Nearest;
  if (key == "bilinear" || key == "linear") return Resampling::Bilinear;
  if (key == "cubic" || key == "bicubic") return Resampling::Cubic;
  if (key == "average" || key == "mean") return Resampling::Average;
  if (key == "mode" || key == "majority") return Resampling::Mode;
  return std::nullopt;
}

std::string_view resamplingName(Resampling resampling) noexcept {
  switch (resampling) {
    case Resampling::Nearest: return "nearest";
    case Resampling::Bilinear: return "bilinear";
    case Resampling::Cubic: return "cubic";
    case Resampling::Average: return "average";
    case Resampling::Mode: return "mode";
  }
  return "nearest";
}

RasterSource::Impl::Impl(std::filesystem::path filePath, gdal::DatasetPtr openDataset)
    : path(std::move(filePath)), dataset(std::move(openDataset)) {
  GDALDataset& ds = *dataset;
  grid.width = ds.GetRasterXSize();
  grid.height = ds.GetRasterYSize();
  {
    gdal::CplErrorCapture quiet;
    if (ds.GetGeoTransform(grid.geoTransform.data()) != CE_None)
      grid.geoTransform = {0, 1, 0, 0, 0, 1};
  }
  if (const OGRSpatialReference* srs = ds.GetSpatialRef(); srs != nullptr && !srs->IsEmpty())
    grid.crsWkt = detail::exportWkt(*srs);
  for (int i = 1; i <= ds.GetRasterCount(); ++i) {
    int hasValue = FALSE;
    const double value = ds.GetRasterBand(i)->GetNoDataValue(&hasValue);
    noData.push_back(hasValue ? std::optional<double>(value) : std::nullopt);
  }
  if (ds.GetRasterCount() > 0)
    ds.GetRasterBand(1)->GetBlockSize(&blockSize.first, &blockSize.second);
  roles = guessBandRoles(detail::collectEvidence(ds, path));
}

RasterSource::RasterSource(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
RasterSource::RasterSource(RasterSource&&) noexcept = default;
RasterSource& RasterSource::operator=(RasterSource&&) noexcept = default;
RasterSource::~RasterSource() = default;

Result<RasterSource> RasterSource::open(const std::filesystem::path& path) {
  auto dataset = detail::openRasterDataset(path);
  if (!dataset) return fail(std::move(dataset.error()));
  return RasterSource(std::make_unique<Impl>(path, std::move(*dataset)));
}

const std::filesystem::path& RasterSource::path() const { return m_impl->path; }
const Grid& RasterSource::grid() const { return m_impl->grid; }
int RasterSource::bandCount() const { return static_cast<int>(m_impl->noData.size()); }
BandRoleMap& RasterSource::bandRoles() { return m_impl->roles; }
const BandRoleMap& RasterSource::bandRoles() const { return m_impl->roles; }
std::pair<int, int> RasterSource::blockSize() const { return m_impl->blockSize; }

std::optional<double> RasterSource::noData(int index) const {
  if (index < 1 || index > bandCount()) return std::nullopt;
  return m_impl->noData[static_cast<std::size_t>(index - 1)];
}

Result<RasterSource> RasterSource::clone() const {
  auto copy = open(m_impl->path);
  if (!copy) return copy;
  for (const auto& step : m_impl->steps) {
    auto aligned = copy->alignedToNamed(step.target, step.resampling, step.targetName);
    if (!aligned) return aligned;
    copy = std::move(aligned);
  }
  copy->m_impl->roles = m_impl->roles;
  return copy;
}

Status RasterSource::read(const Window& window, std::span<const int> bands,
                          std::vector<float>& out) const {
  return readResampled(window, window.width, window.height, bands, out, Resampling::Nearest);
}

Status RasterSource::readResampled(const Window& window, int bufferWidth, int bufferHeight,
                                   std::span<const int> bands, std::vector<float>& out,
                                   Resampling resampling) const {
  const std::size_t pixels = std::size_t(std::max(bufferWidth, 0)) * std::size_t(std::max(bufferHeight, 0));
  out.resize(pixels * bands.size());
  return readFloat(window, bufferWidth, bufferHeight, bands, out.data(), pixels, resampling);
}

Status RasterSource::readInto(const Window& window, std::span<const int> bands, float* out,
                              std::size_t bandStride) const {
  return readFloat(window, window.width, window.height, bands, out, bandStride, Resampling::Nearest);
}

Status RasterSource::readFloat(const Window& window, int bufferWidth, int bufferHeight, std::span<const int> bands,
                               float* out, std::size_t bandStride, Resampling resampling) const {
  const Grid& g = m_impl->grid;
  const std::string display = text::displayPath(m_impl->path);
  if (window.width <= 0 || window.height <= 0 || window.xOff < 0 || window.yOff < 0 ||
      window.xOff > g.width - window.width || window.yOff > g.height - window.height)
    return fail(ErrorCode::InvalidInput,
                "window " + std::to_string(window.width) + " x " + std::to_string(window.height) +
                    " at (" + std::to_string(window.xOff) + ", " + std::to_string(window.yOff) +
                    ") is outside the " + std::to_string(g.width) + " x " +
                    std::to_string(g.height) + " image",
                display);
  if (bufferWidth <= 0 || bufferHeight <= 0)
    return fail(ErrorCode::InvalidInput,
                "buffer size " + std::to_string(bufferWidth) + " x " +
                    std::to_string(bufferHeight) + " is empty",
                display);
  if (bands.empty()) return fail(ErrorCode::InvalidInput, "no bands to read", display);
  std::vector<int> bandMap(bands.begin(), bands.end());
  for (const int band : bandMap) {
    if (band < 1 || band > bandCount())
      return fail(ErrorCode::InvalidInput,
                  "band " + std::to_string(band) + " does not exist; the file has " +
                      bandsText(bandCount()),
                  display);
  }
  const std::int64_t pixels = std::int64_t(bufferWidth) * bufferHeight;
  if (bands.size() > 1 && bandStride < static_cast<std::size_t>(pixels))
    return fail(ErrorCode::InvalidInput, "the bands of a read would overlap in the buffer", display);

  gdal::CplErrorCapture capture;
  GDALRasterIOExtraArg extra;
  INIT_RASTERIO_EXTRA_ARG(extra);
  extra.eResampleAlg = toRasterIoResampling(resampling);
  const auto floatSize = static_cast<GSpacing>(sizeof(float));
  const CPLErr err = m_impl->dataset->RasterIO(
      GF_Read, window.xOff, window.yOff, window.width, window.height, out, bufferWidth, bufferHeight,
      GDT_Float32, static_cast<int>(bandMap.size()), bandMap.data(), floatSize, floatSize * bufferWidth,
      floatSize * static_cast<GSpacing>(bandStride), &extra);
  if (err != CE_None)
    return fail(detail::gdalError(capture, ErrorCode::Io,
                                  "cannot read pixels " + std::to_string(window.width) + " x " +
                                      std::to_string(window.height) + " at (" +
                                      std::to_string(window.xOff) + ", " +
                                      std::to_string(window.yOff) + ")",
                                  m_impl->path, "The file may be truncated or damaged."));

  constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
  for (std::size_t b = 0; b < bandMap.size(); ++b) {
    const auto& noData = m_impl->noData[static_cast<std::size_t>(bandMap[b] - 1)];
    if (!noData || std::isnan(*noData)) continue;  // NaN nodata already reads as NaN
    constexpr double kFloatMax = std::numeric_limits<float>::max();
    const float value = *noData > kFloatMax    ? std::numeric_limits<float>::infinity()
                        : *noData < -kFloatMax ? -std::numeric_limits<float>::infinity()
                                               : static_cast<float>(*noData);
    float* data = out + b * bandStride;
    for (std::int64_t i = 0; i < pixels; ++i)
      if (data[i] == value) data[i] = kNaN;
  }
  return {};
}

}  // namespace onemap::raster
