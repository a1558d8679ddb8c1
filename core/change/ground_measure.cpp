#include "ground_measure.h"

#include <bit>
#include <cmath>
#include <cstdint>
#include <utility>
#include <cstring>
#include <vector>

#include "onemap/proj/geodesic.h"

namespace onemap::change::detail {
namespace {

/// Reads WKB values in the byte order of the geometry being read.
class WkbReader {
 public:
  explicit WkbReader(std::span<const unsigned char> wkb) : m_wkb(wkb) {}
  bool byteOrder() {
    if (m_at >= m_wkb.size()) return false;
    m_little = m_wkb[m_at++] == 1;
    return true;
  }
  bool u32(std::uint32_t& v) { return read(&v, 4); }
  bool f64(double& v) { return read(&v, 8); }

 private:
  bool read(void* out, std::size_t n) {
    if (m_at + n > m_wkb.size()) return false;
    unsigned char bytes[8];
    std::memcpy(bytes, m_wkb.data() + m_at, n);
    const bool hostLittle = std::endian::native == std::endian::little;
    if (hostLittle != m_little)
      for (std::size_t i = 0; i < n / 2; ++i) std::swap(bytes[i], bytes[n - 1 - i]);
    std::memcpy(out, bytes, n);
    m_at += n;
    return true;
  }
  std::span<const unsigned char> m_wkb;
  std::size_t m_at = 0;
  bool m_little = true;
};

/// Coordinates per point of a WKB geometry type (ISO 1000/2000/3000 offsets or EWKB flags).
int dimensionsOf(std::uint32_t type) {
  if (type & 0x80000000u || type & 0x40000000u) return 2 + ((type & 0x80000000u) ? 1 : 0) + ((type & 0x40000000u) ? 1 : 0);
  const std::uint32_t iso = type / 1000;
  return iso == 1 || iso == 2 ? 3 : iso == 3 ? 4 : 2;
}

std::uint32_t baseTypeOf(std::uint32_t type) { return (type & 0x0FFFFFFFu) % 1000; }

/// Adds one polygon (after its header) to `size`.
bool addPolygon(WkbReader& r, int dims, const proj::GroundScale& scale, GroundSize& size) {
  std::uint32_t rings = 0;
  if (!r.u32(rings)) return false;
  std::vector<proj::LonLat> ring;
  for (std::uint32_t i = 0; i < rings; ++i) {
    std::uint32_t points = 0;
    if (!r.u32(points)) return false;
    ring.clear();
    ring.reserve(points);
    for (std::uint32_t p = 0; p < points; ++p) {
      double c[4] = {0, 0, 0, 0};
      for (int d = 0; d < dims; ++d)
        if (!r.f64(c[d])) return false;
      ring.push_back({c[0], c[1]});
    }
    double area = 0, perimeter = 0;
    if (scale.geographic) {
      area = proj::geodesicArea(ring);
      perimeter = proj::geodesicPerimeter(ring);
    } else if (ring.size() >= 2) {
      for (std::size_t k = 0; k + 1 < ring.size(); ++k) {
        area += ring[k].lon * ring[k + 1].lat - ring[k + 1].lon * ring[k].lat;
        perimeter += std::hypot(ring[k + 1].lon - ring[k].lon, ring[k + 1].lat - ring[k].lat);
      }
      const double u = scale.metric ? scale.metresPerUnit : 1.0;
      area = std::abs(area) / 2.0 * u * u;
      perimeter *= u;
    }
    size.areaM2 += i == 0 ? area : -area;  // holes after the exterior ring
    size.perimeterM += perimeter;
  }
  return true;
}

}  // namespace

Result<GroundSize> groundSizeOf(std::span<const unsigned char> wkb, const proj::GroundScale& scale) {
  WkbReader r(wkb);
  std::uint32_t type = 0;
  if (!r.byteOrder() || !r.u32(type)) return fail(ErrorCode::InvalidInput, "a patch geometry is cut short");
  GroundSize size;
  const int dims = dimensionsOf(type);
  const auto bad = [] { return fail(ErrorCode::InvalidInput, "a patch geometry is cut short"); };
  if (baseTypeOf(type) == 3) {
    if (!addPolygon(r, dims, scale, size)) return bad();
  } else if (baseTypeOf(type) == 6) {
    std::uint32_t parts = 0;
    if (!r.u32(parts)) return bad();
    for (std::uint32_t i = 0; i < parts; ++i) {
      std::uint32_t partType = 0;
      if (!r.byteOrder() || !r.u32(partType) || baseTypeOf(partType) != 3) return bad();
      if (!addPolygon(r, dimensionsOf(partType), scale, size)) return bad();
    }
  } else {
    return fail(ErrorCode::InvalidInput, "a patch geometry is not a polygon");
  }
  return size;
}

}  // namespace onemap::change::detail
