#pragma once

namespace onemap {
class Feedback;
}

namespace onemap::gdal {

/// A GDALProgressFunc that forwards to the onemap::Feedback passed as `userData` and tells GDAL
/// to stop when it is canceled. Pass `&feedback` as the progress argument of warp, polygonize,
/// overview building, translate... A null userData just continues.
int progressToFeedback(double complete, const char* message, void* userData);

}  // namespace onemap::gdal
