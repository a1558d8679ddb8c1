#include "onemap/render/feature_geometries.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace onemap::render {

/// Reads WKB straight into the arrays of a FeatureGeometries; rolls back on malformed input.
struct WkbAppender {
  std::span<const unsigned char> bytes;
  FeatureGeometries& out;
  std::size_t pos = 0;
  bool little = true;
  bool ok = true;

  bool need(std::size_t n) {
    if (pos + n > bytes.size()) ok = false;
    return ok;
  }
  std::uint32_t readUInt32() {
    if (!need(4)) return 0;
    std::uint32_t v;
    std::memcpy(&v, bytes.data() + pos, 4);
    pos += 4;
    return little ? v : __builtin_bswap32(v);
  }
  double readDouble() {
    std::uint64_t v;
    std::memcpy(&v, bytes.data() + pos, 8);
    pos += 8;
    if (!little) v = __builtin_bswap64(v);
    double d;
    std::memcpy(&d, &v, 8);
    return d;
  }
  void readPoints(std::uint32_t n, int extraDims, FeatureGeometries::PartKind kind) {
    const std::size_t stride = std::size_t(8) * std::size_t(2 + extraDims);
    if (n > (bytes.size() - std::min(pos, bytes.size())) / stride || !need(stride * n)) {
      ok = false;
      return;
    }
    if (n == 0) return;
    for (std::uint32_t i = 0; i < n; ++i) {
      const double x = readDouble();
      const double y = readDouble();
      pos += std::size_t(8) * std::size_t(extraDims);
      out.m_xy.push_back(x);
      out.m_xy.push_back(y);
    }
    out.m_partKind.push_back(kind);
    out.m_partStart.push_back(std::uint32_t(out.m_xy.size() / 2));
  }
  void readGeometry(int depth) {
    if (depth > 8 || !need(1)) {
      ok = false;
      return;
    }
    little = bytes[pos++] == 1;
    std::uint32_t type = readUInt32();
    int extraDims = 0;
    // ISO: 1000 Z, 2000 M, 3000 ZM; OGR 2.5D flag 0x80000000.
    if (type & 0x80000000u) {
      extraDims = 1;
      type &= 0x0FFFFFFFu;
    }
    if (type >= 3000) {
      extraDims = 2;
      type -= 3000;
    } else if (type >= 1000) {
      extraDims = 1;
      type -= type >= 2000 ? 2000 : 1000;
    }
    switch (type) {
      case 1: readPoints(1, extraDims, FeatureGeometries::PartKind::Point); break;
      case 2: readPoints(readUInt32(), extraDims, FeatureGeometries::PartKind::Line); break;
      case 3: {
        const std::uint32_t rings = readUInt32();
        for (std::uint32_t r = 0; r < rings && ok; ++r) readPoints(readUInt32(), extraDims, FeatureGeometries::PartKind::Ring);
        break;
      }
      case 4: case 5: case 6: case 7: {
        const std::uint32_t parts = readUInt32();
        for (std::uint32_t p = 0; p < parts && ok; ++p) readGeometry(depth + 1);
        break;
      }
      default: ok = false;
    }
  }
};

bool FeatureGeometries::appendWkb(std::span<const unsigned char> wkb) {
  const std::size_t firstPart = m_partKind.size();
  const std::size_t firstPoint = m_xy.size() / 2;
  WkbAppender appender{wkb, *this};
  appender.readGeometry(0);
  // A point with NaN coordinates is how WKB spells an empty point.
  if (appender.ok && m_partKind.size() > firstPart) {
    for (std::size_t i = firstPoint * 2; i < m_xy.size(); ++i)
      if (!(m_xy[i] == m_xy[i])) appender.ok = false;
  }
  if (!appender.ok || m_partKind.size() == firstPart) {
    m_xy.resize(firstPoint * 2);
    m_partKind.resize(firstPart);
    m_partStart.resize(firstPart + 1);
    return false;
  }
  closeFeature(firstPart, firstPoint);
  return true;
}

bool FeatureGeometries::appendPart(PartKind kind, std::span<const double> xy) {
  if (xy.size() < 2) return false;
  const std::size_t firstPart = m_partKind.size();
  const std::size_t firstPoint = m_xy.size() / 2;
  m_xy.insert(m_xy.end(), xy.begin(), xy.begin() + std::ptrdiff_t(xy.size() / 2 * 2));
  m_partKind.push_back(kind);
  m_partStart.push_back(std::uint32_t(m_xy.size() / 2));
  closeFeature(firstPart, firstPoint);
  return true;
}

void FeatureGeometries::closeFeature(std::size_t, std::size_t firstPoint) {
  std::array<double, 4> box{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
                            std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
  for (std::size_t i = firstPoint; i < m_xy.size() / 2; ++i) {
    const double x = m_xy[2 * i];
    const double y = m_xy[2 * i + 1];
    box[0] = std::min(box[0], x);
    box[1] = std::min(box[1], y);
    box[2] = std::max(box[2], x);
    box[3] = std::max(box[3], y);
  }
  m_box.push_back(box);
  m_featureStart.push_back(std::uint32_t(m_partKind.size()));
}

void FeatureGeometries::append(const FeatureGeometries& other) {
  const auto points = std::uint32_t(m_xy.size() / 2);
  const auto parts = std::uint32_t(m_partKind.size());
  m_xy.insert(m_xy.end(), other.m_xy.begin(), other.m_xy.end());
  m_partKind.insert(m_partKind.end(), other.m_partKind.begin(), other.m_partKind.end());
  for (std::size_t i = 1; i < other.m_partStart.size(); ++i) m_partStart.push_back(other.m_partStart[i] + points);
  for (std::size_t i = 1; i < other.m_featureStart.size(); ++i) m_featureStart.push_back(other.m_featureStart[i] + parts);
  m_box.insert(m_box.end(), other.m_box.begin(), other.m_box.end());
}

void FeatureGeometries::clear() {
  m_xy.clear();
  m_partStart.assign(1, 0);
  m_partKind.clear();
  m_featureStart.assign(1, 0);
  m_box.clear();
}

void FeatureGeometries::shrinkToFit() {
  m_xy.shrink_to_fit();
  m_partStart.shrink_to_fit();
  m_partKind.shrink_to_fit();
  m_featureStart.shrink_to_fit();
  m_box.shrink_to_fit();
}

std::size_t FeatureGeometries::bytes() const {
  return m_xy.capacity() * sizeof(double) + m_partStart.capacity() * sizeof(std::uint32_t) +
         m_partKind.capacity() + m_featureStart.capacity() * sizeof(std::uint32_t) +
         m_box.capacity() * sizeof(std::array<double, 4>);
}

}  // namespace onemap::render
