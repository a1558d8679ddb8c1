// polygonizeClasses(): GDALPolygonize on chunks of rows, in parallel, with the output of one call
// on the whole raster.
#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <atomic>
#include <optional>

#include "class_runs.h"
#include "onemap/base/worker_pool.h"
#include "onemap/gdal/cpl_error_capture.h"
#include "onemap/gdal/handles.h"
#include "onemap/raster/class_raster.h"

namespace onemap::raster {
namespace {

/// Columns [x0, x1) of rows [y0, y1) of the class raster, polygonized by one GDALPolygonize call.
struct Chunk {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

/// A chunk of a ClassRuns as a byte band rendered from the runs on each read, so that GDAL
/// polygonizes it without file access and without a buffer the size of the chunk.
class RunsBand final : public GDALRasterBand {
 public:
  RunsBand(GDALDataset* owner, const detail::ClassRuns& runs, const Chunk& chunk) : m_runs(runs), m_chunk(chunk) {
    poDS = owner;
    nBand = 1;
    nRasterXSize = chunk.x1 - chunk.x0;
    nRasterYSize = chunk.y1 - chunk.y0;
    eDataType = GDT_Byte;
    nBlockXSize = nRasterXSize;
    nBlockYSize = 1;
  }

 protected:
  CPLErr IReadBlock(int, int y, void* data) override {
    fill(y, 0, nRasterXSize, static_cast<GByte*>(data));
    return CE_None;
  }

  // GDALPolygonize reads whole rows as Int64 or Int32 (values, depending on the GDAL version)
  // and as Byte (mask): those are written straight into its buffer; anything else goes through
  // the blocks.
  CPLErr IRasterIO(GDALRWFlag flag, int x, int y, int width, int height, void* data, int bufferWidth, int bufferHeight,
                   GDALDataType type, GSpacing pixelSpace, GSpacing lineSpace, GDALRasterIOExtraArg* extra) override {
    const bool direct = flag == GF_Read && width == bufferWidth && height == bufferHeight &&
                        (type == GDT_Byte || type == GDT_Int32 || type == GDT_Int64) &&
                        pixelSpace == GDALGetDataTypeSizeBytes(type);
    if (!direct)
      return GDALRasterBand::IRasterIO(flag, x, y, width, height, data, bufferWidth, bufferHeight, type, pixelSpace,
                                       lineSpace, extra);
    for (int row = 0; row < height; ++row) {
      void* line = static_cast<GByte*>(data) + row * lineSpace;
      if (type == GDT_Byte) fill(y + row, x, width, static_cast<GByte*>(line));
      else if (type == GDT_Int32) fill(y + row, x, width, static_cast<GInt32*>(line));
      else fill(y + row, x, width, static_cast<GInt64*>(line));
    }
    return CE_None;
  }

 private:
  /// Columns [x, x + width) of chunk row y.
  template <class T>
  void fill(int y, int x, int width, T* out) const {
    std::fill_n(out, width, T(0));
    for (const detail::ClassRun& run : m_runs.row(m_chunk.y0 + y)) {
      const int from = std::max(run.x0 - m_chunk.x0, x), to = std::min(run.x1 - m_chunk.x0, x + width);
      if (from < to) std::fill(out + (from - x), out + (to - x), T(run.value));
    }
  }

  const detail::ClassRuns& m_runs;
  Chunk m_chunk;
};

/// The dataset of a RunsBand; no geotransform (GDAL works in pixel corners of the chunk).
class RunsDataset final : public GDALDataset {
 public:
  RunsDataset(const detail::ClassRuns& runs, const Chunk& chunk) {
    nRasterXSize = chunk.x1 - chunk.x0;
    nRasterYSize = chunk.y1 - chunk.y0;
    SetBand(1, new RunsBand(this, runs, chunk));
  }
};

/// Cuts the raster into about `count` chunks. GDALPolygonize numbers regions in scan order and
/// writes finished ones every 8 rows, so a chunk that starts on a multiple of 8 rows at a line
/// no region crosses yields the polygons of its rows exactly as, and in the order of, one call
/// on the whole raster. Empty rows (in steps of 8) and columns at its edges are left out, and
/// chunks without pixels dropped.
std::vector<Chunk> planChunks(const detail::ClassRuns& runs, int count) {
  std::vector<int> cuts{0};
  for (int k = 1; k < count; ++k) {
    int y = std::max(int((std::int64_t(runs.height) * k / count + 7) / 8 * 8), cuts.back() + 8);
    while (y < runs.height && runs.joinsRowAbove(y)) y += 8;
    if (y >= runs.height) break;
    cuts.push_back(y);
  }
  cuts.push_back(runs.height);
  std::vector<Chunk> chunks;
  for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
    int first = cuts[i], last = cuts[i + 1];
    while (first < last && runs.row(first).empty()) ++first;
    if (first == last) continue;
    while (runs.row(last - 1).empty()) --last;
    Chunk chunk{runs.width, cuts[i] + (first - cuts[i]) / 8 * 8, 0, 0};
    chunk.y1 = std::min(cuts[i + 1], chunk.y0 + (last - chunk.y0 + 7) / 8 * 8);
    for (int y = first; y < last; ++y)
      if (const auto row = runs.row(y); !row.empty()) {
        chunk.x0 = std::min(chunk.x0, row.front().x0);
        chunk.x1 = std::max(chunk.x1, row.back().x1);
      }
    chunks.push_back(chunk);
  }
  return chunks;
}

int CPL_STDCALL continueUnlessCanceled(double, const char*, void* feedback) {
  return static_cast<Feedback*>(feedback)->isCanceled() ? FALSE : TRUE;
}

/// The polygons of `chunk` in the raster's coordinates, in GDALPolygonize's order.
Result<std::vector<ValuePolygon>> polygonizeChunk(const detail::ClassRuns& runs, const Chunk& chunk,
                                                  Feedback& feedback) {
  gdal::CplErrorCapture capture;
  GDALDriver* memory = GetGDALDriverManager()->GetDriverByName("Memory");
  if (memory == nullptr) return fail(ErrorCode::Unsupported, "GDAL has no Memory vector driver");
  gdal::DatasetPtr polygons(memory->Create("", 0, 0, 0, GDT_Unknown, nullptr));
  OGRLayer* layer = polygons ? polygons->CreateLayer("classes", nullptr, wkbPolygon, nullptr) : nullptr;
  OGRFieldDefn field("value", OFTInteger);
  if (layer == nullptr || layer->CreateField(&field) != OGRERR_NONE)
    return fail(capture.toError(ErrorCode::Internal, "cannot create the polygon layer", "class raster"));
  RunsDataset window(runs, chunk);
  GDALRasterBand* band = window.GetRasterBand(1);
  CPLStringList options;
  options.SetNameValue("8CONNECTED", "8");
  if (GDALPolygonize(band, band, layer, 0, options.List(), continueUnlessCanceled, &feedback) != CE_None) {
    if (feedback.isCanceled()) return fail(ErrorCode::Canceled, "canceled");
    return fail(capture.toError(ErrorCode::Internal, "cannot polygonize the class raster", "class raster"));
  }
  // Georeference the pixel corners with the same expression GDALPolygonize uses on the raster.
  const auto& g = runs.geoTransform;
  std::vector<ValuePolygon> out;
  layer->ResetReading();
  for (gdal::FeaturePtr feature(layer->GetNextFeature()); feature; feature.reset(layer->GetNextFeature())) {
    OGRGeometry* geometry = feature->GetGeometryRef();
    if (geometry == nullptr || wkbFlatten(geometry->getGeometryType()) != wkbPolygon) continue;
    for (OGRLinearRing* ring : *geometry->toPolygon())
      for (int i = 0; i < ring->getNumPoints(); ++i) {
        const double x = ring->getX(i) + chunk.x0, y = ring->getY(i) + chunk.y0;
        ring->setPoint(i, g[0] + x * g[1] + y * g[2], g[3] + x * g[4] + y * g[5]);
      }
    ValuePolygon polygon;
    polygon.value = feature->GetFieldAsInteger(0);
    polygon.wkb.resize(std::size_t(geometry->WkbSize()));
    geometry->exportToWkb(wkbNDR, polygon.wkb.data(), wkbVariantIso);
    out.push_back(std::move(polygon));
  }
  return out;
}

}  // namespace

Status polygonizeClasses(const std::filesystem::path& path, int threads, Feedback& feedback,
                         const std::function<Status(ValuePolygon&&)>& visit) {
  threads = std::max(1, threads);
  Feedback reading = feedback.subRange(0.0, 0.2);
  auto runs = detail::readClassRuns(path, threads, reading);
  if (!runs) return fail(runs.error());
  // Several chunks per thread even out their uneven cost.
  const std::vector<Chunk> chunks = planChunks(*runs, threads == 1 ? 1 : 8 * threads);
  std::vector<std::vector<ValuePolygon>> results(chunks.size());
  std::atomic<std::size_t> next{0};
  std::atomic<std::int64_t> doneRows{0};
  FirstError errors;
  const auto work = [&] {
    for (std::size_t c = next++; c < chunks.size(); c = next++) {
      if (errors.failed() || feedback.isCanceled()) return;
      auto polygons = polygonizeChunk(*runs, chunks[c], feedback);
      if (!polygons) return errors.record(polygons.error());
      results[c] = std::move(*polygons);
      doneRows += chunks[c].y1 - chunks[c].y0;
      feedback.setProgress(0.2 + 0.8 * double(doneRows) / double(std::max(1, runs->height)));
    }
  };
  runOnThreads(std::min<int>(threads, int(chunks.size())), work);
  if (auto st = errors.status(); !st) return st;
  if (feedback.isCanceled()) return fail(ErrorCode::Canceled, "canceled");
  feedback.setProgress(1.0);
  for (auto& polygons : results)
    for (ValuePolygon& polygon : polygons)
      if (auto status = visit(std::move(polygon)); !status) return status;
  return {};
}

}  // namespace onemap::raster
