#include "onemap/gdal/gdal_progress.h"

#include "onemap/base/feedback.h"

namespace onemap::gdal {

int progressToFeedback(double complete, const char* message, void* userData) {
  auto* feedback = static_cast<Feedback*>(userData);
  if (feedback == nullptr) return 1;
  feedback->setProgress(complete, message != nullptr ? message : "");
  return feedback->isCanceled() ? 0 : 1;
}

}  // namespace onemap::gdal
