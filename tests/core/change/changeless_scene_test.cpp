// A pair without change — the same fields, bare plots and village under independent sensor
// noise — must give no patch, even when all change is reported: Otsu always splits, and on
// such a pair it would cut through the noise.
#include <gtest/gtest.h>

#include <cstdint>

#include "change_scenes.h"
#include "onemap/change/change_detector.h"
#include "temp_dir.h"

using namespace onemap;

namespace {

/// ±`amplitude` DN of noise, different for each date, band and pixel (a fixed hash).
double noise(int date, int b, int x, int y, double amplitude) {
  std::uint32_t h = std::uint32_t(x) * 73856093u ^ std::uint32_t(y) * 19349663u ^ std::uint32_t(b) * 83492791u ^
                    std::uint32_t(date) * 2654435761u;
  h ^= h >> 13;
  h *= 0x5bd1e995u;
  h ^= h >> 15;
  return (double(h % 2001u) / 1000.0 - 1.0) * amplitude;
}

/// Crop fields, bare plots (columns 0–63) and roofs (rows 200–229) on both dates.
test::GeoTiffSpec scene(int date) {
  using namespace test::spectra;
  return test::fourBandScene(256, [date](int b, int x, int y) {
    const double bare[] = {300, 345, 385, 470};
    const double* v = y >= 200 && y < 230 ? kRoofs : x < 64 ? bare : kCrop;
    return v[b - 1] + noise(date, b, x, y, 12.0);
  });
}

}  // namespace

TEST(ChangelessScene, NoiseAloneGivesNoPatchEvenReportingAllChange) {
  test::TempDir dir;
  test::writeGeoTiff(dir / "before.tif", scene(1));
  test::writeGeoTiff(dir / "after.tif", scene(2));
  for (const char* allChange : {"false", "true"}) {
    change::ChangeInputs in;
    in.before = dir / "before.tif";
    in.after = dir / "after.tif";
    in.output = dir / (std::string("patches_") + allChange + ".gpkg");
    auto parameters = change::ChangeParameters::fromValues({{"all-change", allChange}});
    ASSERT_TRUE(parameters);
    Feedback feedback;
    auto summary = change::detectChanges(in, *parameters, feedback);
    ASSERT_TRUE(summary) << summary.error().text();
    EXPECT_EQ(summary->patches, 0) << "all-change " << allChange << ", threshold " << summary->threshold;
    // The floor: 1.6 × the scene's median magnitude (unchanged ground), whatever Otsu chose.
    EXPECT_GE(summary->threshold, 1.6f * summary->medianMagnitude * 0.999f);
    EXPECT_GT(summary->medianMagnitude, 0.5f);
  }
}
