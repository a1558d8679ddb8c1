#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "onemap/raster/raster_source.h"
#include "onemap/sample/imagery_writer.h"
#include "onemap/sample/scene_builder.h"
#include "onemap/sample/vector_writer.h"
#include "temp_dir.h"

using namespace onemap;
using namespace onemap::sample;

namespace {

/// The small sample's two images, written once for all tests in this file.
struct GeneratedPair {
  test::TempDir dir;
  Scene scene = buildScene({SampleSize::Small, 1, 0.0});
  GeneratedPair() {
    Feedback feedback;
    for (int date = 0; date < 2; ++date) {
      auto status = writeSceneImage(scene, date, dir / (date == 0 ? kBeforeImage : kAfterImage), {}, feedback);
      if (!status) ADD_FAILURE() << status.error().text();
    }
  }
};

GeneratedPair& pair() {
  static GeneratedPair p;
  return p;
}

/// Mean over the window of the per-pixel Euclidean distance between the dates (after undoing the
/// second date's gain and offset), in DN.
double meanChange(const raster::RasterSource& before, const raster::RasterSource& after, const Scene& s,
                  const Rect& r) {
  const auto& gt = before.grid().geoTransform;
  // Interior of the rectangle, one pixel in from the edges.
  const int x0 = int(std::ceil((r.minX - gt[0]) / gt[1])) + 1, x1 = int(std::floor((r.maxX - gt[0]) / gt[1])) - 1;
  const int y0 = int(std::ceil((r.maxY - gt[3]) / gt[5])) + 1, y1 = int(std::floor((r.minY - gt[3]) / gt[5])) - 1;
  if (x1 <= x0 || y1 <= y0) return std::nan("");
  const raster::Window w{x0, y0, x1 - x0, y1 - y0};
  const int bands[] = {1, 2, 3, 4};
  std::vector<float> a, b;
  if (!before.read(w, bands, a) || !after.read(w, bands, b)) return std::nan("");
  const std::size_t n = std::size_t(w.pixelCount());
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i) {
    double d2 = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const double restored = (b[k * n + i] - s.after.offset) / s.after.gain;
      d2 += (restored - a[k * n + i]) * (restored - a[k * n + i]);
    }
    sum += std::sqrt(d2);
  }
  return sum / double(n);
}

}  // namespace

TEST(GeneratedSample, EveryTruthPatchLooksClearlyDifferentOnTheSecondDate) {
  auto& p = pair();
  auto before = raster::RasterSource::open(p.dir / kBeforeImage);
  auto after = raster::RasterSource::open(p.dir / kAfterImage);
  ASSERT_TRUE(before && after);
  int measured = 0;
  for (const auto& c : p.scene.changes) {
    const double change = meanChange(*before, *after, p.scene, c.rect);
    if (std::isnan(change)) continue;  // thinner than three pixels
    ++measured;
    EXPECT_GT(change, 80.0) << changeTypeName(c.type) << " patch " << c.id << " area " << c.rect.area();
  }
  EXPECT_GE(measured, int(p.scene.changes.size()) * 3 / 4);
}

TEST(GeneratedSample, UnchangedCroplandDiffersOnlyByNoise) {
  auto& p = pair();
  auto before = raster::RasterSource::open(p.dir / kBeforeImage);
  auto after = raster::RasterSource::open(p.dir / kAfterImage);
  ASSERT_TRUE(before && after);
  std::vector<bool> touched(p.scene.parcels.size(), false);
  for (const auto& d : p.scene.distractors)
    for (std::size_t i = 0; i < p.scene.parcels.size(); ++i)
      if (p.scene.parcels[i].rect.intersects(d.rect)) touched[i] = true;
  for (const auto& c : p.scene.changes)
    for (std::size_t i = 0; i < p.scene.parcels.size(); ++i)
      if (p.scene.parcels[i].rect.intersects(c.rect)) touched[i] = true;
  int checked = 0;
  for (std::size_t i = 0; i < p.scene.parcels.size() && checked < 60; ++i) {
    const auto& parcel = p.scene.parcels[i];
    if (!parcel.isCropland() || touched[i]) continue;
    const double change = meanChange(*before, *after, p.scene, parcel.rect);
    if (std::isnan(change)) continue;
    ++checked;
    EXPECT_LT(change, 25.0) << "parcel " << parcel.id << " " << parcel.dlbm;  // sensor noise only
  }
  EXPECT_EQ(checked, 60);
}

TEST(GeneratedSample, SameSeedGivesTheSamePixelsForAnyThreadCount) {
  auto& p = pair();
  test::TempDir dir;
  ImageryOptions one;
  one.threads = 1;
  Feedback feedback;
  ASSERT_TRUE(writeSceneImage(p.scene, 1, dir / "again.tif", one, feedback));
  auto a = raster::RasterSource::open(p.dir / kAfterImage);
  auto b = raster::RasterSource::open(dir / "again.tif");
  ASSERT_TRUE(a && b);
  const int bands[] = {1, 2, 3, 4};
  for (const auto& w : a->blockWindows(1 << 20)) {
    std::vector<float> x, y;
    ASSERT_TRUE(a->read(w, bands, x));
    ASSERT_TRUE(b->read(w, bands, y));
    ASSERT_EQ(x, y) << "window at " << w.xOff << "," << w.yOff;
  }
}
