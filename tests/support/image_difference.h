#pragma once

#include <QImage>

namespace onemap::test {

/// Mean absolute channel difference of two same-size images, and the share of pixels that differ
/// by more than a tolerance in any channel (control-image tests).
struct ImageDifference {
  double meanAbs = 0.0;
  double differingShare = 0.0;
};

/// Compares `a` and `b` (same size) channel by channel; `tolerance` is in 0..255.
ImageDifference compareImages(const QImage& a, const QImage& b, int tolerance);

}  // namespace onemap::test
