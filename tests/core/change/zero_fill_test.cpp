// A pair whose later image covers only part of the earlier one's ground, its outside filled with
// 0 and no nodata declared (what gdalwarp writes without -dstnodata): the fill is no data, not a
// change, even when all change is reported.
#include <gtest/gtest.h>

#include "change_scenes.h"
#include "onemap/change/change_detector.h"
#include "temp_dir.h"

using namespace onemap;

namespace {

constexpr int kSize = 160;

/// Crop with a field texture and a fallow field; in the after image a concrete block
/// (columns and rows 20–39) and, right of column 110, nothing but zeros.
test::GeoTiffSpec scene(bool after) {
  using namespace test::spectra;
  return test::fourBandScene(kSize, [after](int b, int x, int y) {
    const double fallow[] = {300, 345, 385, 470};
    if (after && x >= 110) return 0.0;
    const double* v = kCrop;
    if (x < 10) v = fallow;
    if (after && x >= 20 && x < 40 && y >= 20 && y < 40) v = kConcrete;
    const double texture = double((x * 37 + y * 91) % 21) - 10.0;
    const double noise = double((x * 13 + y * 7 + b * 5 + (after ? 3 : 0)) % 5) - 2.0;
    return v[b - 1] + (b == 4 ? 2.0 * texture : texture / 2.0) + noise;
  });
}

}  // namespace

TEST(ZeroFill, TheZeroFillOfAWarpedImageIsNoDataNotChange) {
  test::TempDir dir;
  test::writeGeoTiff(dir / "before.tif", scene(false));
  test::writeGeoTiff(dir / "after.tif", scene(true));
  change::ChangeInputs in;
  in.before = dir / "before.tif";
  in.after = dir / "after.tif";
  in.output = dir / "patches.gpkg";
  auto parameters = change::ChangeParameters::fromValues({{"all-change", "true"}});
  ASSERT_TRUE(parameters);
  Feedback feedback;
  auto summary = change::detectChanges(in, *parameters, feedback);
  ASSERT_TRUE(summary) << summary.error().text();
  EXPECT_EQ(summary->patches, 1);  // the concrete block only
  EXPECT_NEAR(summary->areaM2, 20 * 20 * 4.0, 20 * 4 * 4.0);
}
