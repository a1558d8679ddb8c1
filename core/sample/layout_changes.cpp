#include <algorithm>
#include <cmath>
#include <numeric>

#include "scene_layout.h"

namespace onemap::sample::layout {
namespace {

/// Land-use code a conversion turns cropland into.
std::string afterCode(ChangeType type) {
  switch (type) {
    case ChangeType::Building: return "0702";
    case ChangeType::Hardened: return "0604";
    case ChangeType::Road: return "1003";
    case ChangeType::Pond: return "1104";
    case ChangeType::Orchard: return "0201";
    case ChangeType::Nursery: return "0301";
  }
  return "1201";
}

/// Parcel indices in a deterministic shuffled order.
std::vector<int> shuffledParcels(const Scene& scene, std::uint64_t salt) {
  std::vector<int> order(scene.parcels.size());
  std::iota(order.begin(), order.end(), 0);
  std::vector<std::uint64_t> keys(order.size());
  for (std::size_t i = 0; i < order.size(); ++i) keys[i] = hashKeys(scene.seed, salt, i);
  std::sort(order.begin(), order.end(), [&](int a, int b) { return keys[std::size_t(a)] < keys[std::size_t(b)]; });
  return order;
}

/// A w × h rectangle placed at random inside `outer` (shrunk to fit, 1 m margin).
Rect placeInside(const Rect& outer, double w, double h, Random& random) {
  w = std::min(w, outer.width() - 2.0);
  h = std::min(h, outer.height() - 2.0);
  const double x = outer.minX + 1.0 + random.uniform() * std::max(0.0, outer.width() - 2.0 - w);
  const double y = outer.minY + 1.0 + random.uniform() * std::max(0.0, outer.height() - 2.0 - h);
  return {x, y, x + w, y + h};
}

/// Target area band: 0 below 400 m², 1 400–1000, 2 1000–3000, 3 above 3000.
std::pair<double, double> sizeFor(int sizeClass, Random& random) {
  switch (sizeClass) {
    case 0: return {random.uniform(8, 14), random.uniform(10, 22)};
    case 1: return {random.uniform(14, 24), random.uniform(30, 40)};
    case 2: return {random.uniform(22, 40), random.uniform(50, 75)};
    default: return {random.uniform(40, 60), random.uniform(80, 140)};
  }
}

bool overlapsAny(const Rect& r, const std::vector<ChangeTruth>& changes, double margin) {
  const Rect grown{r.minX - margin, r.minY - margin, r.maxX + margin, r.maxY + margin};
  for (const auto& c : changes)
    if (c.rect.intersects(grown)) return true;
  return false;
}

}  // namespace

void placeChanges(Scene& scene, const Grid& grid, Random& random, int count) {
  std::vector<bool> used(scene.parcels.size(), false);
  const std::vector<int> order = shuffledParcels(scene, 0xC4A6);
  std::size_t next = 0;
  const ChangeType types[] = {ChangeType::Building, ChangeType::Hardened, ChangeType::Road,
                              ChangeType::Pond,     ChangeType::Orchard,  ChangeType::Nursery};
  for (int k = 0; k < count && next < order.size(); ++k) {
    const ChangeType type = types[k % 6];
    const int sizeClass = (k / 6) % 4;
    // Next unused cropland parcel inside the county, large enough to hold the change.
    int parcelIndex = -1;
    while (next < order.size()) {
      const int candidate = order[next++];
      const Parcel& p = scene.parcels[std::size_t(candidate)];
      if (used[std::size_t(candidate)] || p.village < 0 || !p.isCropland() || p.rect.area() < 1500) continue;
      if (p.cover == Cover::BareSoil) continue;
      parcelIndex = candidate;
      break;
    }
    if (parcelIndex < 0) break;
    const Parcel& parcel = scene.parcels[std::size_t(parcelIndex)];
    ChangeTruth change;
    change.id = int(scene.changes.size()) + 1;
    change.type = type;
    change.parcel = parcelIndex;
    change.beforeDlbm = parcel.dlbm;
    change.afterDlbm = afterCode(type);
    change.village = parcel.village;

    if (type == ChangeType::Road) {
      // A new road cuts across the strips of its band, 6 m wide.
      const double length = sizeClass == 0 ? 45.0 : sizeClass == 1 ? 110.0 : sizeClass == 2 ? 260.0 : 520.0;
      const Rect& band = grid.parcelBand[std::size_t(parcelIndex)];
      const double cx = (parcel.rect.minX + parcel.rect.maxX) / 2, cy = (parcel.rect.minY + parcel.rect.maxY) / 2;
      if (parcel.rowsAlongX)
        change.rect = {cx - 3, std::max(band.minY, cy - length / 2), cx + 3, std::min(band.maxY, cy + length / 2)};
      else
        change.rect = {std::max(band.minX, cx - length / 2), cy - 3, std::min(band.maxX, cx + length / 2), cy + 3};
    } else if ((type == ChangeType::Pond || type == ChangeType::Orchard || type == ChangeType::Nursery) && sizeClass >= 2) {
      change.rect = parcel.rect;  // the whole field converted
    } else {
      const auto [w, h] = sizeFor(sizeClass, random);
      change.rect = parcel.rowsAlongX ? placeInside(parcel.rect, h, w, random) : placeInside(parcel.rect, w, h, random);
    }
    if (overlapsAny(change.rect, scene.changes, 20.0)) continue;
    // Every parcel the change touches is used up (roads cross several).
    for (std::size_t i = 0; i < scene.parcels.size(); ++i)
      if (scene.parcels[i].rect.intersects(change.rect)) used[i] = true;
    scene.changes.push_back(change);
  }
}

void placeDistractors(Scene& scene, Random& random, int clouds, int outsideBuildings) {
  auto touchesChange = [&](const Rect& r) { return overlapsAny(r, scene.changes, 10.0); };
  auto add = [&](DistractorType type, const Rect& r, int parcel) {
    scene.distractors.push_back({int(scene.distractors.size()) + 1, type, r, parcel});
  };

  // Harvest and rotation on cropland parcels that carry no change.
  const std::vector<int> order = shuffledParcels(scene, 0xD157);
  const std::size_t cropland = std::size_t(std::count_if(scene.parcels.begin(), scene.parcels.end(),
                                                         [](const Parcel& p) { return p.isCropland(); }));
  const std::size_t harvests = std::max<std::size_t>(4, cropland / 25);
  const std::size_t rotations = std::max<std::size_t>(4, cropland / 35);
  std::size_t h = 0, r = 0;
  for (int index : order) {
    const Parcel& p = scene.parcels[std::size_t(index)];
    if (!p.isCropland() || p.village < 0 || touchesChange(p.rect)) continue;
    if (h < harvests && p.cover != Cover::PaddyRice) {
      add(DistractorType::Harvest, p.rect, index);
      ++h;
    } else if (r < rotations && (p.cover == Cover::PaddyRice || p.cover == Cover::DryCrop)) {
      add(DistractorType::Rotation, p.rect, index);
      ++r;
    }
    if (h >= harvests && r >= rotations) break;
  }

  // Clouds with their shadows to the north-west, away from truth patches.
  const double minRadius = scene.size == SampleSize::County ? 100 : 45;
  const double maxRadius = scene.size == SampleSize::County ? 350 : 110;
  for (int placed = 0, attempts = 0; placed < clouds && attempts < clouds * 50; ++attempts) {
    const double radius = random.uniform(minRadius, maxRadius);
    const double cx = random.uniform(scene.extent.minX + radius, scene.extent.maxX - radius);
    const double cy = random.uniform(scene.extent.minY + radius, scene.extent.maxY - radius * 2.5);
    const Rect cloud{cx - radius, cy - radius, cx + radius, cy + radius};
    const Rect shadow{cloud.minX - radius * 1.1, cloud.minY + radius * 0.9, cloud.maxX - radius * 1.1,
                      cloud.maxY + radius * 0.9};
    if (touchesChange(cloud) || touchesChange(shadow)) continue;
    add(DistractorType::Cloud, cloud, -1);
    add(DistractorType::CloudShadow, shadow, -1);
    ++placed;
  }

  // New buildings outside cropland (forest, homestead, orchard parcels): real change, not cropland.
  int built = 0;
  for (int index : shuffledParcels(scene, 0x0B1D)) {
    if (built >= outsideBuildings) break;
    const Parcel& p = scene.parcels[std::size_t(index)];
    const bool eligible = p.dlbm == "0301" || p.dlbm == "0702" || p.dlbm == "0404" || p.dlbm == "0305";
    if (!eligible || p.rect.width() < 16 || p.rect.height() < 16) continue;
    const Rect b = placeInside(p.rect, random.uniform(10, 24), random.uniform(10, 24), random);
    if (touchesChange(b)) continue;
    add(DistractorType::OutsideCropland, b, index);
    ++built;
  }
}

}  // namespace onemap::sample::layout
