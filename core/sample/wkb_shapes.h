#pragma once
// Internal to onemap_sample: ISO WKB of the simple shapes the sample county is drawn with.

#include <vector>

#include "onemap/sample/scene.h"

namespace onemap::sample {

/// ISO WKB of an axis-aligned rectangle polygon.
std::vector<unsigned char> rectangleWkb(const Rect& r);
/// ISO WKB of a point.
std::vector<unsigned char> pointWkb(double x, double y);
/// ISO WKB of a polygon approximating the disc inscribed in `r`.
std::vector<unsigned char> discWkb(const Rect& r, int segments = 48);
/// ISO WKB of a two-point line.
std::vector<unsigned char> lineWkb(double x0, double y0, double x1, double y1);

}  // namespace onemap::sample
