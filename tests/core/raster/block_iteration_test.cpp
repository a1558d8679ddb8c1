#include <gtest/gtest.h>

#include "onemap/raster/raster_source.h"
#include "raster_fixtures.h"
#include "temp_dir.h"

using namespace onemap;
using namespace onemap::raster;
using onemap::test::TempDir;

namespace {

RasterSource openFixture(const TempDir& dir, std::vector<std::string> creationOptions,
                         int width = 100, int height = 80) {
  fixtures::TiffSpec spec;
  spec.width = width;
  spec.height = height;
  spec.creationOptions = std::move(creationOptions);
  fixtures::writeGeoTiff(dir / "img.tif", spec);
  auto source = RasterSource::open(dir / "img.tif");
  if (!source) ADD_FAILURE() << source.error().text();
  return std::move(*source);
}

// Each pixel covered by exactly one window, each window within the budget.
void expectExactCover(const RasterSource& source, const std::vector<Window>& windows,
                      std::int64_t maxPixels) {
  const Grid& grid = source.grid();
  std::vector<int> hits(static_cast<std::size_t>(grid.width) * grid.height, 0);
  for (const Window& w : windows) {
    EXPECT_LE(w.pixelCount(), maxPixels);
    ASSERT_GE(w.xOff, 0);
    ASSERT_GE(w.yOff, 0);
    ASSERT_LE(w.xOff + w.width, grid.width);
    ASSERT_LE(w.yOff + w.height, grid.height);
    for (int y = w.yOff; y < w.yOff + w.height; ++y)
      for (int x = w.xOff; x < w.xOff + w.width; ++x)
        ++hits[static_cast<std::size_t>(y) * grid.width + x];
  }
  for (std::size_t i = 0; i < hits.size(); ++i)
    ASSERT_EQ(hits[i], 1) << "pixel " << i % grid.width << "," << i / grid.width;
}

}  // namespace

TEST(RasterBlocks, WindowsCoverTheGridExactlyOnceForAnyBudget) {
  TempDir striped;
  TempDir tiled;
  const RasterSource strips = openFixture(striped, {"BLOCKYSIZE=8"});
  const RasterSource tiles = openFixture(tiled, {"TILED=YES", "BLOCKXSIZE=32", "BLOCKYSIZE=16"});
  for (const std::int64_t budget : {1LL, 7LL, 100LL, 511LL, 512LL, 1000LL, 2047LL, 8000LL,
                                    1000000LL}) {
    SCOPED_TRACE(budget);
    expectExactCover(strips, strips.blockWindows(budget), std::max<std::int64_t>(budget, 1));
    expectExactCover(tiles, tiles.blockWindows(budget), std::max<std::int64_t>(budget, 1));
  }
}

TEST(RasterBlocks, StripedFileGivesFullWidthWindowsOfWholeStrips) {
  TempDir dir;
  const RasterSource source = openFixture(dir, {"BLOCKYSIZE=8"});
  EXPECT_EQ(source.blockSize(), (std::pair<int, int>{100, 8}));
  const auto windows = source.blockWindows(2500);  // 25 rows fit: 3 strips of 8
  ASSERT_EQ(windows.size(), 4u);
  for (std::size_t i = 0; i < windows.size(); ++i) {
    EXPECT_EQ(windows[i].xOff, 0);
    EXPECT_EQ(windows[i].width, 100);
    EXPECT_EQ(windows[i].yOff, static_cast<int>(i) * 24);
  }
  EXPECT_EQ(windows.back().height, 8);
  EXPECT_EQ(source.blockWindows(1000000).size(), 1u);
}

TEST(RasterBlocks, TiledFileWindowsFollowTileBoundaries) {
  TempDir dir;
  const RasterSource source = openFixture(dir, {"TILED=YES", "BLOCKXSIZE=32", "BLOCKYSIZE=16"});
  const auto windows = source.blockWindows(32 * 16 * 2);  // a row of tiles does not fit
  for (const Window& w : windows) {
    EXPECT_EQ(w.xOff % 32, 0);
    EXPECT_EQ(w.yOff % 16, 0);
    EXPECT_TRUE(w.width == 64 || w.xOff + w.width == 100) << w.xOff << " " << w.width;
  }
  EXPECT_EQ(windows.size(), 10u);  // 5 tile rows x 2 runs
  const auto rows = source.blockWindows(100 * 32);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].height, 32);
  EXPECT_EQ(rows[0].width, 100);
}

TEST(RasterBlocks, BudgetSmallerThanABlockSplitsInsideBlocks) {
  TempDir dir;
  const RasterSource source = openFixture(dir, {"TILED=YES", "BLOCKXSIZE=32", "BLOCKYSIZE=16"});
  const auto windows = source.blockWindows(100);
  for (const Window& w : windows) {
    EXPECT_LE(w.pixelCount(), 100);
    // A window never crosses a tile boundary.
    EXPECT_EQ(w.xOff / 32, (w.xOff + w.width - 1) / 32);
    EXPECT_EQ(w.yOff / 16, (w.yOff + w.height - 1) / 16);
  }
}

TEST(RasterBlocks, ForEachBlockVisitsEveryPixelWithinTheMemoryBudget) {
  TempDir dir;
  const RasterSource source = openFixture(dir, {"BLOCKYSIZE=4"});
  const int bands[] = {1, 2, 3, 4};
  const std::int64_t budget = 4 * 4 * 1000;  // 4 bands of float32: 1000 pixels
  Feedback feedback;
  std::int64_t pixels = 0;
  int windows = 0;
  double checksum = 0.0;
  const auto status = forEachBlock(
      source, bands, budget, feedback, [&](const Window& w, const std::vector<float>& data) {
        EXPECT_LE(w.pixelCount(), 1000);
        EXPECT_LE(static_cast<std::int64_t>(data.size() * sizeof(float)), budget);
        EXPECT_EQ(data.size(), static_cast<std::size_t>(4 * w.pixelCount()));
        // First pixel of the window, band 3.
        EXPECT_EQ(data[static_cast<std::size_t>(2 * w.pixelCount())],
                  fixtures::defaultPixel(3, w.xOff, w.yOff));
        for (const float v : data) checksum += v;
        pixels += w.pixelCount();
        ++windows;
        return Status{};
      });
  ASSERT_TRUE(status) << status.error().text();
  EXPECT_EQ(pixels, 8000);
  EXPECT_EQ(windows, 10);  // 8 rows (2 strips) of 100 per window
  // Sum over bands of 8000 * (b*10000 + 3999.5).
  EXPECT_DOUBLE_EQ(checksum, 8000.0 * (100000.0 + 4 * 3999.5));
  EXPECT_DOUBLE_EQ(feedback.progress(), 1.0);
}

TEST(RasterBlocks, ForEachBlockWithNoBandsReadsAllBands) {
  TempDir dir;
  const RasterSource source = openFixture(dir, {});
  Feedback feedback;
  std::size_t floats = 0;
  ASSERT_TRUE(forEachBlock(source, {}, 1 << 20, feedback,
                           [&](const Window&, const std::vector<float>& data) {
                             floats += data.size();
                             return Status{};
                           }));
  EXPECT_EQ(floats, 4u * 8000u);
}

TEST(RasterBlocks, ForEachBlockStopsWithCanceledWhenCanceled) {
  TempDir dir;
  const RasterSource source = openFixture(dir, {"BLOCKYSIZE=4"});
  const int bands[] = {1};
  Feedback feedback;
  int visits = 0;
  const auto status = forEachBlock(source, bands, 4 * 400, feedback,
                                   [&](const Window&, const std::vector<float>&) {
                                     if (++visits == 2) feedback.cancel();
                                     return Status{};
                                   });
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::Canceled);
  EXPECT_EQ(visits, 2);
  EXPECT_LT(feedback.progress(), 1.0);
}

TEST(RasterBlocks, ForEachBlockStopsWithTheVisitorsError) {
  TempDir dir;
  const RasterSource source = openFixture(dir, {"BLOCKYSIZE=4"});
  const int bands[] = {1};
  Feedback feedback;
  int visits = 0;
  const auto status = forEachBlock(source, bands, 4 * 400, feedback,
                                   [&](const Window&, const std::vector<float>&) -> Status {
                                     if (++visits == 3)
                                       return fail(ErrorCode::Io, "disk full", "out.tif");
                                     return {};
                                   });
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::Io);
  EXPECT_EQ(status.error().message, "disk full");
  EXPECT_EQ(visits, 3);
}

TEST(RasterBlocks, ForEachBlockRejectsAMissingBand) {
  TempDir dir;
  const RasterSource source = openFixture(dir, {});
  const int bands[] = {2, 6};
  Feedback feedback;
  const auto status = forEachBlock(source, bands, 1 << 20, feedback,
                                   [](const Window&, const std::vector<float>&) {
                                     return Status{};
                                   });
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().message, "band 6 does not exist; the file has 4 bands");
}
