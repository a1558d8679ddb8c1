// writeSceneImage: synthesises one date of the sample county as a GF-1 PMS-like 4-band GeoTIFF.
// Strips of one tile row (512 px) are computed in parallel with oneTBB while the calling thread
// writes the previous strip, and the AVERAGE overviews streamed from it, with GDAL: memory stays
// bounded for any image size and nothing is read back. Every random draw is a hash of (seed,
// date, pixel, purpose), so the pixels do not depend on the thread count.
#include "onemap/sample/imagery_writer.h"

#include <cpl_string.h>
#include <gdal.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <tbb/blocked_range.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>
#include <tbb/task_group.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <exception>
#include <new>
#include <span>
#include <string>
#include <system_error>
#include <vector>

#include "onemap/base/text.h"
#include "onemap/gdal/cpl_error_capture.h"
#include "onemap/gdal/gdal_init.h"
#include "onemap/gdal/handles.h"
#include "onemap/sample/random.h"
#include "onemap/sample/scene_index.h"
#include "onemap/sample/spectra.h"
#include "onemap/sample/texture.h"
#include "onemap/storage/atomic_file.h"

namespace onemap::sample {
namespace {

constexpr int kTile = 512;
constexpr int kBands = 4;
constexpr int kWriteColumns = 8 * kTile;  // pixels written to GDAL at a time
constexpr float kMaxDn = 1023.0f;
constexpr float kNoiseSigma = 4.0f;                   // sensor noise, DN
constexpr std::uint64_t kNoiseKey = 0x6E6F697365ull;  // hash purpose of the sensor noise
constexpr std::array<const char*, kBands> kBandNames = {"Blue", "Green", "Red", "NIR"};
// Fraction of the light a full cloud shadow removes per band (skylight keeps blue brighter).
constexpr std::array<float, kBands> kShadowDarkening = {0.42f, 0.48f, 0.52f, 0.56f};

/// Approximately standard normal from 32 random bits: Irwin–Hall sum of four 8-bit uniforms
/// (steps of 0.007 σ, tails cut at 3.5 σ: indistinguishable from Gaussian sensor noise).
float gaussianFromBits(std::uint32_t bits) {
  const auto sum =
      float((bits & 0xFFu) + ((bits >> 8) & 0xFFu) + ((bits >> 16) & 0xFFu) + (bits >> 24));
  return (sum + 2.0f - 512.0f) * (1.7320508f / 256.0f);  // uniforms (k + 0.5) / 256, variance 4/12
}

/// Per-thread buffers of one pixel row.
struct RowScratch {
  explicit RowScratch(int width) : field(std::size_t(width)), ground(std::size_t(width)) {}
  std::vector<float> field;
  std::vector<GroundSample> ground;
};

/// Computes pixel rows of one date: ground → radiometry → cloud shadow → cloud → noise → DN.
class Synthesiser {
 public:
  Synthesiser(const Scene& scene, int date)
      : m_scene(scene),
        m_date(date),
        m_index(scene),
        m_surface(scene),
        m_radiometry(date == 0 ? scene.before : scene.after) {}

  /// Pixel row `row` into `out` (width × 4 values, pixel-interleaved).
  void computeRow(int row, std::span<std::uint16_t> out, RowScratch& scratch) const {
    const double px = m_scene.pixelSize;
    const double shiftX = m_date == 1 ? m_radiometry.shiftX : 0.0;
    const double shiftY = m_date == 1 ? m_radiometry.shiftY : 0.0;
    // Pixel centres; the second date looks at the ground displaced by its misregistration.
    const double x0 = m_scene.extent.minX + 0.5 * px + shiftX;
    const double y = m_scene.extent.maxY - (double(row) + 0.5) * px + shiftY;
    fieldVariationRow(m_scene.seed, x0, px, y, scratch.field);
    m_index.sampleRow(m_date, x0, px, y, scratch.ground);
    const auto gain = float(m_radiometry.gain), offset = float(m_radiometry.offset);
    const std::uint64_t rowNoise =
        hashKeys(m_scene.seed, std::uint64_t(m_date), std::uint64_t(row), kNoiseKey);
    for (int col = 0; col < m_scene.width; ++col) {
      const double x = x0 + double(col) * px;
      const GroundSample& ground = scratch.ground[std::size_t(col)];
      const float f = scratch.field[std::size_t(col)];
      Bands v = m_surface.surface(ground, x, y, f);
      for (float& b : v) b = b * gain + offset;
      if (ground.shadow > 0.0f)
        for (int b = 0; b < kBands; ++b)
          v[std::size_t(b)] *= 1.0f - kShadowDarkening[std::size_t(b)] * ground.shadow;
      if (ground.cloud > 0.0f) v = mix(v, SurfaceModel::cloudTop(f), ground.cloud);
      // 128 bits per pixel, 32 per band, from the row's hash and the column.
      const std::uint64_t noise1 = mix64(rowNoise ^ std::uint64_t(col));
      const std::uint64_t noise2 = mix64(noise1);
      const std::uint32_t bits[kBands] = {std::uint32_t(noise1), std::uint32_t(noise1 >> 32),
                                          std::uint32_t(noise2), std::uint32_t(noise2 >> 32)};
      std::uint16_t* dn = out.data() + std::size_t(col) * kBands;
      for (int b = 0; b < kBands; ++b) {
        const float value = v[std::size_t(b)] + kNoiseSigma * gaussianFromBits(bits[b]);
        dn[b] = std::uint16_t(std::clamp(value, 0.0f, kMaxDn) + 0.5f);
      }
    }
  }

 private:
  const Scene& m_scene;
  int m_date;
  SceneIndex m_index;
  SurfaceModel m_surface;
  AcquisitionDate m_radiometry;
};

/// Computes strips (one tile row each) on a oneTBB arena while the caller writes the previous
/// one: two strip buffers in flight. The destructor stops and waits for any running strip.
class StripProducer {
 public:
  StripProducer(const Synthesiser& synthesiser, int width, int height, int threads,
                const Feedback& feedback)
      : m_synthesiser(synthesiser),
        m_width(width),
        m_height(height),
        m_arena(threads),
        m_feedback(feedback) {
    const std::size_t values = std::size_t(width) * std::size_t(std::min(height, kTile)) * kBands;
    for (auto& buffer : m_buffers) buffer.resize(values);
  }
  ~StripProducer() {
    m_stop = true;
    try {
      m_arena.execute([this] { m_group.wait(); });
    } catch (...) {  // the error was already reported by wait()
    }
  }
  StripProducer(const StripProducer&) = delete;
  StripProducer& operator=(const StripProducer&) = delete;

  int stripCount() const { return (m_height + kTile - 1) / kTile; }
  int stripRows(int strip) const { return std::min(kTile, m_height - strip * kTile); }
  std::vector<std::uint16_t>& buffer(int strip) { return m_buffers[std::size_t(strip % 2)]; }

  /// Starts computing `strip` in the background.
  void start(int strip) {
    m_arena.execute([this, strip] { m_group.run([this, strip] { compute(strip); }); });
  }
  /// Waits for the strip started last; rethrows what it threw.
  void wait() {
    m_arena.execute([this] { m_group.wait(); });
  }

 private:
  void compute(int strip) {
    std::vector<std::uint16_t>& out = m_buffers[std::size_t(strip % 2)];
    const int row0 = strip * kTile;
    const std::size_t rowValues = std::size_t(m_width) * kBands;
    tbb::parallel_for(
        tbb::blocked_range<int>(0, stripRows(strip), 2), [&](const tbb::blocked_range<int>& rows) {
          RowScratch scratch(m_width);
          for (int r = rows.begin(); r != rows.end(); ++r) {
            if (m_stop.load(std::memory_order_relaxed) || m_feedback.isCanceled()) return;
            m_synthesiser.computeRow(
                row0 + r, std::span(out.data() + std::size_t(r) * rowValues, rowValues), scratch);
          }
        });
  }

  const Synthesiser& m_synthesiser;
  int m_width, m_height;
  tbb::task_arena m_arena;
  tbb::task_group m_group;
  const Feedback& m_feedback;
  std::atomic<bool> m_stop{false};
  std::array<std::vector<std::uint16_t>, 2> m_buffers;
};

std::vector<int> overviewFactors(int width, int height) {
  std::vector<int> factors;
  const int size = std::max(width, height);
  for (int factor = 2;; factor *= 2) {
    factors.push_back(factor);
    if ((size + factor - 1) / factor < kTile) break;
  }
  return factors;
}

/// Writes whole rows (pixel-interleaved, all bands) a few tiles at a time, each flushed at once
/// so that GDAL's block cache never holds more than kWriteColumns × rows pixels.
bool writeRows(GDALDataset& dataset, int row0, int rows, const std::uint16_t* data) {
  const int width = dataset.GetRasterXSize();
  for (int col = 0; col < width; col += kWriteColumns) {
    const int columns = std::min(kWriteColumns, width - col);
    auto* first = const_cast<std::uint16_t*>(data + std::size_t(col) * kBands);  // read by GDAL
    if (dataset.RasterIO(GF_Write, col, row0, columns, rows, first, columns, rows, GDT_UInt16,
                         kBands, nullptr, kBands * 2, GSpacing(width) * kBands * 2, 2,
                         nullptr) != CE_None)
      return false;
    dataset.FlushCache(false);
  }
  return true;
}

/// AVERAGE overviews (2, 4, 8, …) streamed from the full-resolution rows as they are written:
/// each level averages 2 × 2 pixels of the level above and is written one block row at a time,
/// so nothing is read back from the file and memory stays at about two block rows per level.
/// The levels themselves are created empty beforehand by GDALBuildOverviews("NONE").
class OverviewStream {
 public:
  explicit OverviewStream(GDALDataset& dataset) {
    GDALRasterBand* band = dataset.GetRasterBand(1);
    int inWidth = dataset.GetRasterXSize(), inHeight = dataset.GetRasterYSize();
    for (int i = 0; i < band->GetOverviewCount(); ++i) {
      Level level;
      level.dataset = band->GetOverview(i)->GetDataset();  // all four bands of that level
      level.inWidth = inWidth;
      level.inHeight = inHeight;
      GDALRasterBand* overview = band->GetOverview(i);
      level.width = overview->GetXSize();  // (inWidth + 1) / 2: factors are powers of two
      level.height = overview->GetYSize();
      int blockWidth = 0;
      overview->GetBlockSize(&blockWidth, &level.blockRows);
      level.pending.resize(std::size_t(inWidth) * kBands);
      level.block.resize(std::size_t(level.width) * std::size_t(level.blockRows) * kBands);
      inWidth = level.width;
      inHeight = level.height;
      m_levels.push_back(std::move(level));
    }
  }

  /// The next `count` full-resolution rows, top to bottom. False when GDAL failed to write.
  bool push(const std::uint16_t* rows, int count) { return pushLevel(0, rows, count); }

 private:
  struct Level {
    GDALDataset* dataset = nullptr;
    int inWidth = 0, inHeight = 0, width = 0, height = 0, blockRows = 1;
    int inRowsSeen = 0, blockFill = 0, rowsWritten = 0;
    std::vector<std::uint16_t> pending;  ///< the upper row of the next pair
    std::vector<std::uint16_t> block;    ///< the block row being filled
  };

  bool pushLevel(std::size_t index, const std::uint16_t* rows, int count) {
    if (index >= m_levels.size()) return true;
    Level& level = m_levels[index];
    const std::size_t inValues = std::size_t(level.inWidth) * kBands;
    for (int i = 0; i < count; ++i) {
      const std::uint16_t* row = rows + std::size_t(i) * inValues;
      const int inRow = level.inRowsSeen++;
      const bool lastRow = inRow == level.inHeight - 1;
      if (inRow % 2 == 0 && !lastRow) {
        std::copy(row, row + inValues, level.pending.begin());
        continue;
      }
      const bool pair = inRow % 2 == 1;
      average(
          level, pair ? level.pending.data() : row, pair ? row : nullptr,
          level.block.data() + std::size_t(level.blockFill) * std::size_t(level.width) * kBands);
      ++level.blockFill;
      if (level.blockFill < level.blockRows && level.rowsWritten + level.blockFill < level.height)
        continue;
      if (!writeRows(*level.dataset, level.rowsWritten, level.blockFill, level.block.data()) ||
          !pushLevel(index + 1, level.block.data(), level.blockFill))
        return false;
      level.rowsWritten += level.blockFill;
      level.blockFill = 0;
    }
    return true;
  }

  /// One output row from one or two input rows: the rounded mean of the 1–4 pixels under it.
  static void average(const Level& level, const std::uint16_t* upper, const std::uint16_t* lower,
                      std::uint16_t* out) {
    for (int x = 0; x < level.width; ++x) {
      const int x0 = 2 * x, x1 = std::min(2 * x + 1, level.inWidth - 1);
      const unsigned n = (x1 > x0 ? 2u : 1u) * (lower != nullptr ? 2u : 1u);
      for (int b = 0; b < kBands; ++b) {
        unsigned sum = upper[std::size_t(x0) * kBands + std::size_t(b)];
        if (x1 > x0) sum += upper[std::size_t(x1) * kBands + std::size_t(b)];
        if (lower != nullptr) {
          sum += lower[std::size_t(x0) * kBands + std::size_t(b)];
          if (x1 > x0) sum += lower[std::size_t(x1) * kBands + std::size_t(b)];
        }
        out[std::size_t(x) * kBands + std::size_t(b)] = std::uint16_t((sum + n / 2) / n);
      }
    }
  }

  std::vector<Level> m_levels;
};

Error canceled(const std::string& shown) {
  return Error{ErrorCode::Canceled, "writing the synthetic image was canceled", shown, {}};
}

/// Creates the GeoTIFF at `temporary` with its georeferencing and metadata.
Result<gdal::DatasetPtr> createDataset(const Scene& scene, int date,
                                       const std::filesystem::path& temporary,
                                       const std::string& shown, int threads,
                                       const gdal::CplErrorCapture& capture) {
  GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
  if (driver == nullptr) return fail(ErrorCode::Unsupported, "GDAL has no GTiff driver", shown);
  CPLStringList options;
  options.SetNameValue("TILED", "YES");
  options.SetNameValue("BLOCKXSIZE", std::to_string(kTile).c_str());
  options.SetNameValue("BLOCKYSIZE", std::to_string(kTile).c_str());
  options.SetNameValue("COMPRESS", "DEFLATE");
  options.SetNameValue("PREDICTOR", "2");
  // Noisy imagery barely compresses better at higher levels (+1.6 % size at level 1) but
  // compresses three times faster: level 1 keeps the writer from being bound by DEFLATE.
  options.SetNameValue("ZLEVEL", "1");
  options.SetNameValue("INTERLEAVE", "PIXEL");
  options.SetNameValue("BIGTIFF", "IF_SAFER");
  options.SetNameValue("NUM_THREADS", std::to_string(threads).c_str());
  gdal::DatasetPtr dataset(driver->Create(temporary.c_str(), scene.width, scene.height, kBands,
                                          GDT_UInt16, options.List()));
  if (!dataset)
    return fail(capture.toError(ErrorCode::Io, "cannot create the image", shown,
                                "Check that the folder exists, is writable and has free space."));
  double transform[6] = {scene.extent.minX, scene.pixelSize, 0.0, scene.extent.maxY, 0.0,
                         -scene.pixelSize};
  OGRSpatialReference srs;
  if (srs.importFromEPSG(scene.epsg) != OGRERR_NONE)
    return fail(ErrorCode::InvalidInput, "unknown CRS EPSG:" + std::to_string(scene.epsg), shown);
  const AcquisitionDate& acquisition = date == 0 ? scene.before : scene.after;
  if (dataset->SetGeoTransform(transform) != CE_None || dataset->SetSpatialRef(&srs) != CE_None ||
      dataset->SetMetadataItem("SATELLITE", "GF1") != CE_None ||
      dataset->SetMetadataItem("SENSOR", "PMS") != CE_None ||
      dataset->SetMetadataItem("ACQUISITION_DATE", acquisition.date.c_str()) != CE_None ||
      dataset->SetMetadataItem("PRODUCT", "OneMap Agri synthetic sample") != CE_None)
    return fail(
        capture.toError(ErrorCode::Io, "cannot write the georeferencing of the image", shown));
  for (int b = 0; b < kBands; ++b)
    dataset->GetRasterBand(b + 1)->SetDescription(kBandNames[std::size_t(b)]);
  return dataset;
}

/// Everything but the final rename: create, fill (full resolution and overviews), close.
Status writeTemporary(const Scene& scene, int date, const std::filesystem::path& temporary,
                      const std::string& shown, const ImageryOptions& options, Feedback& feedback) {
  gdal::CplErrorCapture capture;
  const int threads = options.threads > 0 ? options.threads : tbb::info::default_concurrency();
  auto dataset = createDataset(scene, date, temporary, shown, threads, capture);
  if (!dataset) return fail(dataset.error());
  GDALDataset& ds = **dataset;
  const auto writeFailed = [&] {
    return fail(capture.toError(ErrorCode::Io, "cannot write the image", shown,
                                "Check the free disk space."));
  };
  if (options.overviews) {
    std::vector<int> factors = overviewFactors(scene.width, scene.height);
    if (GDALBuildOverviews(GDALDataset::ToHandle(&ds), "NONE", int(factors.size()), factors.data(),
                           0, nullptr, nullptr, nullptr) != CE_None)
      return fail(
          capture.toError(ErrorCode::Io, "cannot create the overviews of the image", shown));
  }

  {
    const Synthesiser synthesiser(scene, date);
    StripProducer producer(synthesiser, scene.width, scene.height, threads, feedback);
    OverviewStream overviews(ds);
    const int strips = producer.stripCount();
    producer.start(0);
    for (int strip = 0; strip < strips; ++strip) {
      producer.wait();
      if (feedback.isCanceled()) return fail(canceled(shown));
      if (strip + 1 < strips) producer.start(strip + 1);
      const std::uint16_t* data = producer.buffer(strip).data();
      const int rows = producer.stripRows(strip);
      if (!writeRows(ds, strip * kTile, rows, data) || !overviews.push(data, rows) ||
          capture.hasFailures())
        return writeFailed();
      feedback.setProgress(0.95 * double(strip + 1) / double(strips), "Synthesising the image");
    }
  }
  GDALClose(GDALDataset::ToHandle(dataset->release()));
  if (capture.hasFailures()) return writeFailed();
  if (feedback.isCanceled()) return fail(canceled(shown));
  feedback.setProgress(1.0, "Synthesising the image");
  return {};
}

void removeTemporary(const std::filesystem::path& temporary) {
  std::error_code ec;
  std::filesystem::remove(temporary, ec);
  std::filesystem::remove(std::filesystem::path(temporary.string() + ".aux.xml"), ec);
}

}  // namespace

Status writeSceneImage(const Scene& scene, int date, const std::filesystem::path& path,
                       const ImageryOptions& options, Feedback& feedback) {
  const std::string shown = text::displayPath(path);
  if (date != 0 && date != 1)
    return fail(ErrorCode::InvalidInput,
                "the image date must be 0 (before) or 1 (after), not " + std::to_string(date),
                shown);
  if (scene.width <= 0 || scene.height <= 0 || !(scene.pixelSize > 0.0))
    return fail(ErrorCode::InvalidInput, "the scene has no pixels to write", shown);
  if (feedback.isCanceled()) return fail(canceled(shown));
  gdal::ensureInitialized();

  const std::filesystem::path temporary = storage::temporarySibling(path);
  Status status;
  try {
    status = writeTemporary(scene, date, temporary, shown, options, feedback);
  } catch (const std::bad_alloc&) {
    status = fail(ErrorCode::OutOfMemory, "not enough memory to synthesise the image", shown);
  } catch (const std::exception& e) {
    status = fail(ErrorCode::Internal,
                  std::string("cannot synthesise the image (") + e.what() + ")", shown);
  }
  if (!status) {
    removeTemporary(temporary);
    return status;
  }
  return storage::publishTemporary(temporary, path);
}

}  // namespace onemap::sample
