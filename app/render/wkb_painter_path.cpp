#include "onemap/render/wkb_painter_path.h"

#include <cstdint>
#include <cstring>

namespace onemap::render {
namespace {

/// Cursor over WKB bytes with the byte order of the current geometry.
class WkbCursor {
 public:
  explicit WkbCursor(std::span<const unsigned char> bytes) : m_bytes(bytes) {}
  bool ok() const { return m_ok; }
  bool readByteOrder() {
    if (!need(1)) return false;
    m_little = m_bytes[m_pos++] == 1;
    return true;
  }
  std::uint32_t readUInt32() {
    if (!need(4)) return 0;
    std::uint32_t v;
    std::memcpy(&v, m_bytes.data() + m_pos, 4);
    m_pos += 4;
    if (!m_little) v = __builtin_bswap32(v);
    return v;
  }
  double readDouble() {
    if (!need(8)) return 0.0;
    std::uint64_t v;
    std::memcpy(&v, m_bytes.data() + m_pos, 8);
    m_pos += 8;
    if (!m_little) v = __builtin_bswap64(v);
    double d;
    std::memcpy(&d, &v, 8);
    return d;
  }
  void skipDoubles(int n) {
    if (need(std::size_t(8) * std::size_t(n))) m_pos += std::size_t(8) * std::size_t(n);
  }

 private:
  bool need(std::size_t n) {
    if (m_pos + n > m_bytes.size()) m_ok = false;
    return m_ok;
  }
  std::span<const unsigned char> m_bytes;
  std::size_t m_pos = 0;
  bool m_little = true;
  bool m_ok = true;
};

struct Decoder {
  WkbCursor cursor;
  const std::function<QPointF(double, double)>& toPixel;
  DecodedGeometry out;

  void readRing(int extraDims, bool close) {
    const std::uint32_t n = cursor.readUInt32();
    if (n > 100'000'000) return;
    for (std::uint32_t i = 0; i < n && cursor.ok(); ++i) {
      const double x = cursor.readDouble();
      const double y = cursor.readDouble();
      cursor.skipDoubles(extraDims);
      const QPointF p = toPixel(x, y);
      if (i == 0) out.path.moveTo(p);
      else out.path.lineTo(p);
    }
    if (close && n > 0) out.path.closeSubpath();
  }

  void readGeometry(int depth) {
    if (depth > 8 || !cursor.readByteOrder()) return;
    std::uint32_t type = cursor.readUInt32();
    int extraDims = 0;
    // ISO: 1000 Z, 2000 M, 3000 ZM; OGR 2.5D flag 0x80000000.
    if (type & 0x80000000u) { extraDims = 1; type &= 0x0FFFFFFFu; }
    if (type >= 3000) { extraDims = 2; type -= 3000; }
    else if (type >= 2000) { extraDims = 1; type -= 2000; }
    else if (type >= 1000) { extraDims = 1; type -= 1000; }
    switch (type) {
      case 1: {
        const double x = cursor.readDouble();
        const double y = cursor.readDouble();
        cursor.skipDoubles(extraDims);
        if (cursor.ok()) out.points.push_back(toPixel(x, y));
        break;
      }
      case 2: readRing(extraDims, false); break;
      case 3: {
        out.polygonal = true;
        const std::uint32_t rings = cursor.readUInt32();
        for (std::uint32_t r = 0; r < rings && cursor.ok(); ++r) readRing(extraDims, true);
        break;
      }
      case 4: case 5: case 6: case 7: {
        const std::uint32_t parts = cursor.readUInt32();
        for (std::uint32_t p = 0; p < parts && cursor.ok(); ++p) readGeometry(depth + 1);
        break;
      }
      default: return;
    }
  }
};

}  // namespace

DecodedGeometry decodeWkb(std::span<const unsigned char> wkb,
                          const std::function<QPointF(double, double)>& toPixel) {
  Decoder decoder{WkbCursor(wkb), toPixel, {}};
  decoder.out.path.setFillRule(Qt::OddEvenFill);
  decoder.readGeometry(0);
  decoder.out.ok = decoder.cursor.ok() && !wkb.empty();
  return std::move(decoder.out);
}

}  // namespace onemap::render
