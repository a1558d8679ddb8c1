// writeSceneImage: synthesises one date of the sample county as a GF-1 PMS-like 4-band GeoTIFF.
// Strips of one tile row (512 px) are computed in parallel with oneTBB while the calling thread
// writes the previous strip with GDAL (two strip buffers: memory stays bounded for any image
// size); then internal overviews. Every random draw is a hash of (seed, date, pixel, purpose).
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
#include <cstdlib>
#include <exception>
#include <new>
#include <span>
#include <string>
#include <system_error>
#include <vector>

#include "onemap/base/text.h"
#include "onemap/gdal/cpl_error_capture.h"
#include "onemap/gdal/gdal_init.h"
#include "onemap/gdal/gdal_progress.h"
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
constexpr float kMaxDn = 1023.0f;
constexpr float kNoiseSigma = 4.0f;                      // sensor noise, DN
constexpr std::uint64_t kNoiseKey = 0x6E6F697365ull;      // hash purpose of the sensor noise
constexpr std::array<const char*, kBands> kBandNames = {"Blue", "Green", "Red", "NIR"};
// Fraction of the light a full cloud shadow removes per band (skylight keeps blue brighter).
constexpr std::array<float, kBands> kShadowDarkening = {0.42f, 0.48f, 0.52f, 0.56f};

/// Approximately standard normal from one hash: Irwin–Hall sum of four 16-bit uniforms.
float gaussianFromHash(std::uint64_t h) {
  float sum = 0.0f;
  for (int shift = 0; shift < 64; shift += 16) sum += float((h >> shift) & 0xFFFFu) * (1.0f / 65536.0f);
  return (sum - 2.0f) * 1.7320508f;  // the sum has variance 4/12
}

/// Computes pixel rows of one date: ground → radiometry → cloud shadow → cloud → noise → DN.
class Synthesiser {
 public:
  Synthesiser(const Scene& scene, int date)
      : m_scene(scene), m_date(date), m_index(scene), m_surface(scene),
        m_radiometry(date == 0 ? scene.before : scene.after) {}

  /// Pixel row `row` into `out` (width × 4 values, pixel-interleaved); `field` is width floats.
  void computeRow(int row, std::span<std::uint16_t> out, std::span<float> field) const {
    const double px = m_scene.pixelSize;
    const double shiftX = m_date == 1 ? m_radiometry.shiftX : 0.0;
    const double shiftY = m_date == 1 ? m_radiometry.shiftY : 0.0;
    // Pixel centres; the second date looks at the ground displaced by its misregistration.
    const double x0 = m_scene.extent.minX + 0.5 * px + shiftX;
    const double y = m_scene.extent.maxY - (double(row) + 0.5) * px + shiftY;
    fieldVariationRow(m_scene.seed, x0, px, y, field);
    const auto gain = float(m_radiometry.gain), offset = float(m_radiometry.offset);
    for (int col = 0; col < m_scene.width; ++col) {
      const double x = x0 + double(col) * px;
      const GroundSample ground = m_index.sample(m_date, x, y);
      const float f = field[std::size_t(col)];
      Bands v = m_surface.surface(ground, x, y, f);
      for (float& b : v) b = b * gain + offset;
      if (ground.shadow > 0.0f)
        for (int b = 0; b < kBands; ++b) v[std::size_t(b)] *= 1.0f - kShadowDarkening[std::size_t(b)] * ground.shadow;
      if (ground.cloud > 0.0f) v = mix(v, SurfaceModel::cloudTop(f), ground.cloud);
      const std::uint64_t noise = hashKeys(m_scene.seed, std::uint64_t(m_date), std::uint64_t(col),
                                           std::uint64_t(row), kNoiseKey);
      std::uint16_t* dn = out.data() + std::size_t(col) * kBands;
      for (int b = 0; b < kBands; ++b) {
        const float value = v[std::size_t(b)] + kNoiseSigma * gaussianFromHash(mix64(noise + std::uint64_t(b)));
        dn[b] = std::uint16_t(std::lround(std::clamp(value, 0.0f, kMaxDn)));
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
      : m_synthesiser(synthesiser), m_width(width), m_height(height), m_arena(threads),
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
  const std::vector<std::uint16_t>& buffer(int strip) const { return m_buffers[std::size_t(strip % 2)]; }

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
    tbb::parallel_for(tbb::blocked_range<int>(0, stripRows(strip), 2), [&](const tbb::blocked_range<int>& rows) {
      std::vector<float> field(static_cast<std::size_t>(m_width));
      for (int r = rows.begin(); r != rows.end(); ++r) {
        if (m_stop.load(std::memory_order_relaxed) || m_feedback.isCanceled()) return;
        m_synthesiser.computeRow(row0 + r, std::span(out.data() + std::size_t(r) * rowValues, rowValues), field);
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

Error canceled(const std::string& shown) {
  return Error{ErrorCode::Canceled, "writing the synthetic image was canceled", shown, {}};
}

/// Creates the GeoTIFF at `temporary` with its georeferencing and metadata.
Result<gdal::DatasetPtr> createDataset(const Scene& scene, int date, const std::filesystem::path& temporary,
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
  if (const char* z = std::getenv("XX_ZLEVEL")) options.SetNameValue("ZLEVEL", z);  // XXX experiment
  options.SetNameValue("INTERLEAVE", "PIXEL");
  options.SetNameValue("BIGTIFF", "IF_SAFER");
  options.SetNameValue("NUM_THREADS", std::to_string(threads).c_str());
  gdal::DatasetPtr dataset(driver->Create(temporary.c_str(), scene.width, scene.height, kBands,
                                          GDT_UInt16, options.List()));
  if (!dataset)
    return fail(capture.toError(ErrorCode::Io, "cannot create the image", shown,
                                "Check that the folder exists, is writable and has free space."));
  double transform[6] = {scene.extent.minX, scene.pixelSize, 0.0, scene.extent.maxY, 0.0, -scene.pixelSize};
  OGRSpatialReference srs;
  if (srs.importFromEPSG(scene.epsg) != OGRERR_NONE)
    return fail(ErrorCode::InvalidInput, "unknown CRS EPSG:" + std::to_string(scene.epsg), shown);
  const AcquisitionDate& acquisition = date == 0 ? scene.before : scene.after;
  if (dataset->SetGeoTransform(transform) != CE_None || dataset->SetSpatialRef(&srs) != CE_None ||
      dataset->SetMetadataItem("SATELLITE", "GF1") != CE_None ||
      dataset->SetMetadataItem("SENSOR", "PMS") != CE_None ||
      dataset->SetMetadataItem("ACQUISITION_DATE", acquisition.date.c_str()) != CE_None ||
      dataset->SetMetadataItem("PRODUCT", "OneMap Agri synthetic sample") != CE_None)
    return fail(capture.toError(ErrorCode::Io, "cannot write the georeferencing of the image", shown));
  for (int b = 0; b < kBands; ++b) dataset->GetRasterBand(b + 1)->SetDescription(kBandNames[std::size_t(b)]);
  return dataset;
}

/// Everything but the final rename: create, fill, build overviews, close.
Status writeTemporary(const Scene& scene, int date, const std::filesystem::path& temporary,
                      const std::string& shown, const ImageryOptions& options, Feedback& feedback) {
  gdal::CplErrorCapture capture;
  const int threads = options.threads > 0 ? options.threads : tbb::info::default_concurrency();
  auto dataset = createDataset(scene, date, temporary, shown, threads, capture);
  if (!dataset) return fail(dataset.error());
  GDALDataset& ds = **dataset;

  {
    const Synthesiser synthesiser(scene, date);
    StripProducer producer(synthesiser, scene.width, scene.height, threads, feedback);
    const int strips = producer.stripCount();
    producer.start(0);
    for (int strip = 0; strip < strips; ++strip) {
      producer.wait();
      if (feedback.isCanceled()) return fail(canceled(shown));
      if (strip + 1 < strips) producer.start(strip + 1);
      auto* data = const_cast<std::uint16_t*>(producer.buffer(strip).data());
      const int rows = producer.stripRows(strip);
      const CPLErr written = ds.RasterIO(GF_Write, 0, strip * kTile, scene.width, rows, data, scene.width,
                                         rows, GDT_UInt16, kBands, nullptr, kBands * 2,
                                         GSpacing(scene.width) * kBands * 2, 2, nullptr);
      if (written == CE_None) ds.FlushCache(false);  // keeps GDAL's block cache to one strip
      if (written != CE_None || capture.hasFailures())
        return fail(capture.toError(ErrorCode::Io, "cannot write the image", shown,
                                    "Check the free disk space."));
      feedback.setProgress(0.8 * double(strip + 1) / double(strips), "Synthesising the image");
    }
  }

  if (options.overviews) {
    std::vector<int> factors = overviewFactors(scene.width, scene.height);
    Feedback overviewFeedback = feedback.subRange(0.8, 1.0);
    const CPLErr built = GDALBuildOverviews(GDALDataset::ToHandle(&ds), "AVERAGE", int(factors.size()),
                                            factors.data(), 0, nullptr, gdal::progressToFeedback,
                                            &overviewFeedback);
    if (feedback.isCanceled()) return fail(canceled(shown));
    if (built != CE_None)
      return fail(capture.toError(ErrorCode::Io, "cannot build the overviews of the image", shown,
                                  "Check the free disk space."));
  }
  GDALClose(GDALDataset::ToHandle(dataset->release()));
  if (capture.hasFailures())
    return fail(capture.toError(ErrorCode::Io, "cannot finish writing the image", shown,
                                "Check the free disk space."));
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
    return fail(ErrorCode::InvalidInput, "the image date must be 0 (before) or 1 (after), not " +
                                             std::to_string(date), shown);
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
    status = fail(ErrorCode::Internal, std::string("cannot synthesise the image (") + e.what() + ")", shown);
  }
  if (!status) {
    removeTemporary(temporary);
    return status;
  }
  return storage::publishTemporary(temporary, path);
}

}  // namespace onemap::sample
