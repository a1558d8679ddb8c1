#pragma once

#include <QColor>
#include <QImage>
#include <QPointF>
#include <QRect>

#include <functional>

/// Pixel questions the item tests ask of rendered images.
namespace probe {

inline bool dark(QRgb c) { return qGray(c) < 100; }
inline bool near(QRgb c, QColor want, int tolerance = 40) {
  return std::abs(qRed(c) - want.red()) <= tolerance && std::abs(qGreen(c) - want.green()) <= tolerance &&
         std::abs(qBlue(c) - want.blue()) <= tolerance;
}

/// Pixels in `area` (whole image when null) for which `test` holds.
inline int count(const QImage& image, const std::function<bool(QRgb)>& test, QRect area = {}) {
  if (area.isNull()) area = image.rect();
  area &= image.rect();
  int n = 0;
  for (int y = area.top(); y <= area.bottom(); ++y)
    for (int x = area.left(); x <= area.right(); ++x) n += test(image.pixel(x, y)) ? 1 : 0;
  return n;
}

/// The mean position of the pixels for which `test` holds (-1, -1 when none).
inline QPointF centroid(const QImage& image, const std::function<bool(QRgb)>& test) {
  double sx = 0, sy = 0;
  int n = 0;
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x)
      if (test(image.pixel(x, y))) {
        sx += x;
        sy += y;
        ++n;
      }
  return n ? QPointF(sx / n, sy / n) : QPointF(-1, -1);
}

/// The bounding box of the pixels for which `test` holds.
inline QRect bounds(const QImage& image, const std::function<bool(QRgb)>& test) {
  QRect r;
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x)
      if (test(image.pixel(x, y))) r |= QRect(x, y, 1, 1);
  return r;
}

}  // namespace probe
