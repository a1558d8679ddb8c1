#include "image_difference.h"

#include <algorithm>
#include <cstdlib>

namespace onemap::test {

ImageDifference compareImages(const QImage& a, const QImage& b, int tolerance) {
  ImageDifference d;
  const QImage x = a.convertToFormat(QImage::Format_RGB32);
  const QImage y = b.convertToFormat(QImage::Format_RGB32);
  long long sum = 0;
  long long differing = 0;
  for (int row = 0; row < x.height(); ++row) {
    const auto* p = reinterpret_cast<const QRgb*>(x.constScanLine(row));
    const auto* q = reinterpret_cast<const QRgb*>(y.constScanLine(row));
    for (int col = 0; col < x.width(); ++col) {
      const int dr = std::abs(qRed(p[col]) - qRed(q[col]));
      const int dg = std::abs(qGreen(p[col]) - qGreen(q[col]));
      const int db = std::abs(qBlue(p[col]) - qBlue(q[col]));
      sum += dr + dg + db;
      if (std::max({dr, dg, db}) > tolerance) ++differing;
    }
  }
  const double pixels = double(x.width()) * double(x.height());
  d.meanAbs = double(sum) / (3.0 * pixels);
  d.differingShare = double(differing) / pixels;
  return d;
}

}  // namespace onemap::test
