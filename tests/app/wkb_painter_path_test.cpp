#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "onemap/render/wkb_painter_path.h"

using namespace onemap::render;

namespace {

/// Little-endian WKB builder for tests.
struct Wkb {
  std::vector<unsigned char> bytes;
  Wkb& u8(unsigned char v) { bytes.push_back(v); return *this; }
  Wkb& u32(std::uint32_t v) { for (int i = 0; i < 4; ++i) bytes.push_back((v >> (8 * i)) & 0xFF); return *this; }
  Wkb& f64(double d) {
    unsigned char b[8];
    std::memcpy(b, &d, 8);
    bytes.insert(bytes.end(), b, b + 8);
    return *this;
  }
};

QPointF identity(double x, double y) { return {x, y}; }

}  // namespace

TEST(WkbPainterPath, PolygonWithHoleFillsOnlyTheRing) {
  Wkb w;
  w.u8(1).u32(3).u32(2);
  w.u32(5).f64(0).f64(0).f64(10).f64(0).f64(10).f64(10).f64(0).f64(10).f64(0).f64(0);
  w.u32(5).f64(4).f64(4).f64(6).f64(4).f64(6).f64(6).f64(4).f64(6).f64(4).f64(4);
  const auto g = decodeWkb(w.bytes, identity);
  ASSERT_TRUE(g.ok);
  EXPECT_TRUE(g.polygonal);
  EXPECT_TRUE(g.path.contains(QPointF(2, 2)));
  EXPECT_FALSE(g.path.contains(QPointF(5, 5)));
  EXPECT_FALSE(g.path.contains(QPointF(12, 5)));
}

TEST(WkbPainterPath, MultiPointZKeepsEveryPointAndDropsZ) {
  Wkb w;
  w.u8(1).u32(1004).u32(2);
  w.u8(1).u32(1001).f64(1).f64(2).f64(99);
  w.u8(1).u32(1001).f64(3).f64(4).f64(99);
  const auto g = decodeWkb(w.bytes, identity);
  ASSERT_TRUE(g.ok);
  ASSERT_EQ(g.points.size(), 2u);
  EXPECT_EQ(g.points[1], QPointF(3, 4));
}

TEST(WkbPainterPath, CoordinatesGoThroughTheMapping) {
  Wkb w;
  w.u8(1).u32(2).u32(2).f64(0).f64(0).f64(10).f64(0);
  const auto g = decodeWkb(w.bytes, [](double x, double y) { return QPointF(x * 2, -y); });
  ASSERT_TRUE(g.ok);
  EXPECT_EQ(g.path.boundingRect().width(), 20.0);
}

TEST(WkbPainterPath, TruncatedInputIsRejected) {
  Wkb w;
  w.u8(1).u32(3).u32(1).u32(5).f64(0).f64(0);
  EXPECT_FALSE(decodeWkb(w.bytes, identity).ok);
  EXPECT_FALSE(decodeWkb({}, identity).ok);
}

TEST(WkbPainterPath, BigEndianIsRead) {
  std::vector<unsigned char> b{0, 0, 0, 0, 1};  // big-endian point
  double x = 5, y = 6;
  auto push = [&](double d) {
    unsigned char tmp[8];
    std::memcpy(tmp, &d, 8);
    for (int i = 7; i >= 0; --i) b.push_back(tmp[i]);
  };
  push(x);
  push(y);
  const auto g = decodeWkb(b, identity);
  ASSERT_TRUE(g.ok);
  ASSERT_EQ(g.points.size(), 1u);
  EXPECT_EQ(g.points[0], QPointF(5, 6));
}
