#include <gtest/gtest.h>

#include <cpl_progress.h>

#include "onemap/base/feedback.h"
#include "onemap/gdal/gdal_progress.h"

using namespace onemap;

TEST(GdalProgress, ForwardsProgressToTheFeedback) {
  Feedback feedback;
  EXPECT_EQ(gdal::progressToFeedback(0.4, "warping", &feedback), 1);
  EXPECT_DOUBLE_EQ(feedback.progress(), 0.4);
  EXPECT_EQ(feedback.step(), "warping");
}

TEST(GdalProgress, TellsGdalToStopWhenCanceled) {
  Feedback feedback;
  feedback.cancel();
  EXPECT_EQ(gdal::progressToFeedback(0.1, nullptr, &feedback), 0);
}

TEST(GdalProgress, WorksThroughGdalScaledProgressForNestedSteps) {
  Feedback feedback;
  // GDAL's own sub-range helper maps 0..1 of a step onto 0.5..1 of the whole.
  void* scaled = GDALCreateScaledProgress(0.5, 1.0, gdal::progressToFeedback, &feedback);
  EXPECT_EQ(GDALScaledProgress(0.5, "", scaled), 1);
  GDALDestroyScaledProgress(scaled);
  EXPECT_DOUBLE_EQ(feedback.progress(), 0.75);
}

TEST(GdalProgress, NullFeedbackJustContinues) {
  EXPECT_EQ(gdal::progressToFeedback(0.5, "x", nullptr), 1);
}
