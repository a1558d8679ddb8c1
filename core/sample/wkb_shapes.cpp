#include "wkb_shapes.h"

#include <cmath>
#include <cstring>

namespace onemap::sample {

namespace {

void put32(std::vector<unsigned char>& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<unsigned char>((v >> (8 * i)) & 0xFF));
}
void putDouble(std::vector<unsigned char>& out, double d) {
  unsigned char bytes[8];
  std::memcpy(bytes, &d, 8);
  out.insert(out.end(), bytes, bytes + 8);
}
std::vector<unsigned char> ringPolygon(const std::vector<std::pair<double, double>>& ring) {
  std::vector<unsigned char> out{1};
  put32(out, 3);
  put32(out, 1);
  put32(out, std::uint32_t(ring.size()));
  for (const auto& [x, y] : ring) {
    putDouble(out, x);
    putDouble(out, y);
  }
  return out;
}

}  // namespace

std::vector<unsigned char> rectangleWkb(const Rect& r) {
  return ringPolygon({{r.minX, r.minY}, {r.maxX, r.minY}, {r.maxX, r.maxY}, {r.minX, r.maxY}, {r.minX, r.minY}});
}

std::vector<unsigned char> pointWkb(double x, double y) {
  std::vector<unsigned char> out{1};
  put32(out, 1);
  putDouble(out, x);
  putDouble(out, y);
  return out;
}

std::vector<unsigned char> discWkb(const Rect& r, int segments) {
  const double cx = (r.minX + r.maxX) / 2, cy = (r.minY + r.maxY) / 2, radius = r.width() / 2;
  std::vector<std::pair<double, double>> ring;
  for (int i = 0; i <= segments; ++i) {
    const double a = 2 * M_PI * (i % segments) / segments;
    ring.emplace_back(cx + radius * std::cos(a), cy + radius * std::sin(a));
  }
  return ringPolygon(ring);
}

std::vector<unsigned char> lineWkb(double x0, double y0, double x1, double y1) {
  std::vector<unsigned char> out{1};
  put32(out, 2);
  put32(out, 2);
  putDouble(out, x0);
  putDouble(out, y0);
  putDouble(out, x1);
  putDouble(out, y1);
  return out;
}

}  // namespace onemap::sample
