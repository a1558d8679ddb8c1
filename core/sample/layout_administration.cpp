#include <algorithm>
#include <cmath>
#include <limits>

#include "onemap/sample/scene_builder.h"
#include "scene_layout.h"

namespace onemap::sample::layout {

double Grid::verticalHalfWidth(int i) const {
  if (i <= 0 || i >= columns()) return 0.0;
  return i % 3 == 0 ? 6.0 : 3.0;
}

double Grid::horizontalHalfWidth(int j) const {
  if (j <= 0 || j >= rows()) return 0.0;
  if (j == riverLine) return 20.0;
  return j % 3 == 0 ? 6.0 : 3.0;
}

namespace {

struct Seed {
  double x, y;
};

/// Jittered grid of seed points over the extent, `spacing` apart.
std::vector<Seed> jitteredSeeds(const Rect& extent, double spacing, Random& random) {
  std::vector<Seed> seeds;
  const int nx = std::max(1, int(std::round(extent.width() / spacing)));
  const int ny = std::max(1, int(std::round(extent.height() / spacing)));
  const double dx = extent.width() / nx, dy = extent.height() / ny;
  for (int j = 0; j < ny; ++j)
    for (int i = 0; i < nx; ++i)
      seeds.push_back({extent.minX + dx * (i + random.uniform(0.25, 0.75)),
                       extent.minY + dy * (j + random.uniform(0.25, 0.75))});
  return seeds;
}

int nearest(const std::vector<Seed>& seeds, double x, double y) {
  int best = 0;
  double bestD = std::numeric_limits<double>::max();
  for (std::size_t k = 0; k < seeds.size(); ++k) {
    const double d = std::hypot(seeds[k].x - x, seeds[k].y - y);
    if (d < bestD) { bestD = d; best = int(k); }
  }
  return best;
}

}  // namespace

void assignAdministration(Scene& scene, Grid& grid, Random& random, double villageSpacing, int townships) {
  const Rect& e = scene.extent;
  const int columns = grid.columns(), rows = grid.rows();
  grid.cellVillage.assign(std::size_t(columns * rows), -1);

  // County outline: a rounded rectangle with a ragged edge, so corner cells belong to neighbours.
  std::vector<bool> inside(std::size_t(columns * rows), true);
  for (int j = 0; j < rows; ++j)
    for (int i = 0; i < columns; ++i) {
      const Rect c = grid.cellRect(i, j);
      const double u = ((c.minX + c.maxX) / 2 - (e.minX + e.maxX) / 2) / (e.width() / 2);
      const double v = ((c.minY + c.maxY) / 2 - (e.minY + e.maxY) / 2) / (e.height() / 2);
      const double ragged = 0.25 * (unitFromHash(hashKeys(scene.seed, 0xED6E, std::uint64_t(i), std::uint64_t(j))) - 0.5);
      inside[std::size_t(grid.cell(i, j))] = std::pow(std::abs(u), 3) + std::pow(std::abs(v), 3) < 1.0 + ragged;
    }

  const std::vector<Seed> seeds = jitteredSeeds(e, villageSpacing, random);
  std::vector<int> seedToVillage(seeds.size(), -1);
  for (int j = 0; j < rows; ++j)
    for (int i = 0; i < columns; ++i) {
      if (!inside[std::size_t(grid.cell(i, j))]) continue;
      const Rect c = grid.cellRect(i, j);
      const int s = nearest(seeds, (c.minX + c.maxX) / 2, (c.minY + c.maxY) / 2);
      if (seedToVillage[std::size_t(s)] < 0) {
        seedToVillage[std::size_t(s)] = int(scene.villages.size());
        scene.villages.push_back({});
      }
      const int v = seedToVillage[std::size_t(s)];
      grid.cellVillage[std::size_t(grid.cell(i, j))] = v;
      scene.villages[std::size_t(v)].blocks.push_back(c);
    }

  for (auto& village : scene.villages) {
    double sx = 0, sy = 0, area = 0;
    for (const Rect& b : village.blocks) {
      sx += (b.minX + b.maxX) / 2 * b.area();
      sy += (b.minY + b.maxY) / 2 * b.area();
      area += b.area();
    }
    village.centerX = sx / area;
    village.centerY = sy / area;
  }

  // Townships: villages go to the nearest of a few seeds spread over the county.
  const int across = std::max(1, int(std::round(std::sqrt(double(townships) * e.width() / e.height()))));
  const double spacing = e.width() / across;
  std::vector<Seed> townSeeds = jitteredSeeds(e, spacing, random);
  if (int(townSeeds.size()) > townships) townSeeds.resize(std::size_t(townships));
  std::vector<int> seedToTownship(townSeeds.size(), -1);
  for (auto& village : scene.villages) {
    const int s = nearest(townSeeds, village.centerX, village.centerY);
    if (seedToTownship[std::size_t(s)] < 0) {
      seedToTownship[std::size_t(s)] = int(scene.townships.size());
      scene.townships.push_back({});
    }
    village.township = seedToTownship[std::size_t(s)];
  }
  for (std::size_t t = 0; t < scene.townships.size(); ++t) scene.townships[t].name = townshipName(scene.seed, int(t));
  for (std::size_t v = 0; v < scene.villages.size(); ++v) scene.villages[v].name = villageName(scene.seed, int(v));
}

}  // namespace onemap::sample::layout
