#include <gtest/gtest.h>

#include <cpl_error.h>
#include <gdal_priv.h>

#include <thread>

#include "onemap/gdal/cpl_error_capture.h"
#include "onemap/gdal/gdal_init.h"

using namespace onemap;

TEST(CplErrorCapture, CollectsFailuresRaisedDuringItsLifetime) {
  gdal::ensureInitialized();
  gdal::CplErrorCapture capture;
  CPLError(CE_Warning, CPLE_AppDefined, "just a warning");
  CPLError(CE_Failure, CPLE_OpenFailed, "cannot open x");
  ASSERT_EQ(capture.messages().size(), 2u);
  EXPECT_TRUE(capture.hasFailures());
  EXPECT_EQ(capture.lastMessage(), "cannot open x");
  EXPECT_EQ(capture.warnings(), std::vector<std::string>{"just a warning"});
}

TEST(CplErrorCapture, ConvertsToAnErrorNamingTheFileAndGdalsReason) {
  gdal::ensureInitialized();
  gdal::CplErrorCapture capture;
  GDALDataset* ds = GDALDataset::Open("/no/such/dir/a.tif", GDAL_OF_RASTER | GDAL_OF_VERBOSE_ERROR);
  EXPECT_EQ(ds, nullptr);
  const Error e = capture.toError(ErrorCode::OpenFailed, "cannot open the image", "/no/such/dir/a.tif", "Check it.");
  EXPECT_EQ(e.code, ErrorCode::OpenFailed);
  EXPECT_EQ(e.context, "/no/such/dir/a.tif");
  EXPECT_NE(e.message.find("GDAL:"), std::string::npos) << e.message;
}

TEST(CplErrorCapture, OutOfMemoryIsRecognised) {
  gdal::CplErrorCapture capture;
  CPLError(CE_Failure, CPLE_OutOfMemory, "cannot allocate");
  EXPECT_EQ(capture.toError(ErrorCode::Io, "read failed", "a.tif").code, ErrorCode::OutOfMemory);
}

TEST(CplErrorCapture, NestedCapturesDoNotLeakIntoTheOuterOne) {
  gdal::CplErrorCapture outer;
  {
    gdal::CplErrorCapture inner;
    CPLError(CE_Failure, CPLE_AppDefined, "inner");
    EXPECT_EQ(inner.messages().size(), 1u);
  }
  CPLError(CE_Failure, CPLE_AppDefined, "outer");
  ASSERT_EQ(outer.messages().size(), 1u);
  EXPECT_EQ(outer.lastMessage(), "outer");
}

TEST(CplErrorCapture, EachThreadCollectsOnlyItsOwnMessages) {
  gdal::CplErrorCapture mine;
  std::size_t otherCount = 0;
  std::thread other([&] {
    gdal::CplErrorCapture theirs;
    CPLError(CE_Failure, CPLE_AppDefined, "from the other thread");
    otherCount = theirs.messages().size();
  });
  other.join();
  EXPECT_EQ(otherCount, 1u);
  EXPECT_TRUE(mine.messages().empty());
}
