#include <algorithm>
#include <cmath>
#include <cstdio>

#include "onemap/sample/scene_builder.h"
#include "scene_layout.h"

namespace onemap::sample::layout {
namespace {

std::string phoneNumber(std::uint64_t seed, int index) {
  const std::uint64_t h = hashKeys(seed, 0x7E1, std::uint64_t(index));
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "13%09llu", static_cast<unsigned long long>(h % 1000000000ull));
  return buffer;
}

/// A point inside the village's settlement, or its centre when it has none.
std::pair<double, double> villageAnchor(const Scene& scene, int village, Random& random) {
  const Village& v = scene.villages[std::size_t(village)];
  double bx = v.centerX, by = v.centerY, best = 1e300;
  for (const auto& p : scene.parcels) {
    if (p.village != village || p.dlbm != "0702") continue;
    const double d = std::hypot((p.rect.minX + p.rect.maxX) / 2 - v.centerX, (p.rect.minY + p.rect.maxY) / 2 - v.centerY);
    if (d < best) {
      best = d;
      bx = p.rect.minX + p.rect.width() * random.uniform(0.3, 0.7);
      by = p.rect.minY + p.rect.height() * random.uniform(0.3, 0.7);
    }
  }
  return {bx, by};
}

}  // namespace

void placeThematic(Scene& scene, const Grid& grid, Random& random) {
  // Ecological red line: the wooded hills inside the county.
  for (int j = 0; j < grid.rows(); ++j)
    for (int i = 0; i < grid.columns(); ++i) {
      const int cell = grid.cell(i, j);
      if (grid.cellZone[std::size_t(cell)] == Zone::Forest && grid.cellVillage[std::size_t(cell)] >= 0)
        scene.redLine.push_back(grid.cellRect(i, j));
    }

  for (std::size_t v = 0; v < scene.villages.size(); ++v) {
    Village& village = scene.villages[v];
    village.fieldChief = personName(scene.seed, int(v));
    village.fieldChiefPhone = phoneNumber(scene.seed, int(v));
    village.households = random.integer(180, 950);
    village.onlineShops = random.chance(0.2) ? 0 : random.integer(1, 45);
    village.ecommerceSalesWan = village.onlineShops == 0 ? 0.0 : std::round(random.uniform(8, 40) * village.onlineShops);
  }

  // 益农信息社 in most villages; gaps are part of what the e-commerce map must show.
  for (std::size_t v = 0; v < scene.villages.size(); ++v) {
    if (!random.chance(0.85)) continue;
    const auto [x, y] = villageAnchor(scene, int(v), random);
    PointOfInterest poi;
    poi.code = "YN" + std::to_string(v + 1);
    poi.name = scene.villages[v].name + "益农信息社";
    poi.type = "益农信息社";
    poi.village = int(v);
    poi.x = x;
    poi.y = y;
    scene.pois.push_back(poi);
  }

  // Logistics: one county centre, a station per township, points in about 70 % of villages.
  const double cx = (scene.extent.minX + scene.extent.maxX) / 2, cy = (scene.extent.minY + scene.extent.maxY) / 2;
  int nearestVillage = 0;
  double best = 1e300;
  for (std::size_t v = 0; v < scene.villages.size(); ++v) {
    const double d = std::hypot(scene.villages[v].centerX - cx, scene.villages[v].centerY - cy);
    if (d < best) { best = d; nearestVillage = int(v); }
  }
  {
    const auto [x, y] = villageAnchor(scene, nearestVillage, random);
    scene.pois.push_back({"WL1", scene.countyName + "电商物流配送中心", "县级物流中心", nearestVillage, x + 30, y + 30});
  }
  for (std::size_t t = 0; t < scene.townships.size(); ++t) {
    int seat = -1;
    double sx = 0, sy = 0;
    int n = 0;
    for (const auto& v : scene.villages)
      if (v.township == int(t)) { sx += v.centerX; sy += v.centerY; ++n; }
    best = 1e300;
    for (std::size_t v = 0; v < scene.villages.size(); ++v) {
      if (scene.villages[v].township != int(t)) continue;
      const double d = std::hypot(scene.villages[v].centerX - sx / n, scene.villages[v].centerY - sy / n);
      if (d < best) { best = d; seat = int(v); }
    }
    if (seat < 0) continue;
    const auto [x, y] = villageAnchor(scene, seat, random);
    scene.pois.push_back({"WL" + std::to_string(100 + t), scene.townships[t].name + "物流服务站", "乡镇物流站", seat,
                          x - 25, y + 20});
  }
  for (std::size_t v = 0; v < scene.villages.size(); ++v) {
    if (!random.chance(0.7)) continue;
    const auto [x, y] = villageAnchor(scene, int(v), random);
    scene.pois.push_back({"WL" + std::to_string(1000 + v), scene.villages[v].name + "快递服务点", "村级物流点", int(v),
                          x + 15, y - 15});
  }
}

}  // namespace onemap::sample::layout
