#include "onemap/sample/scene_builder.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "onemap/sample/random.h"
#include "scene_layout.h"

namespace onemap::sample {
namespace {

/// Size-dependent knobs of the layout.
struct Preset {
  double width, height;     // metres
  double blockSpacing;      // road spacing
  double villageSpacing;    // distance between village seeds
  int townships;
  int changes;
  int clouds;
  int outsideBuildings;
};

Preset presetFor(SampleSize size) {
  if (size == SampleSize::County) return {40000, 40000, 800, 2400, 12, 1200, 60, 150};
  return {4000, 3000, 500, 1000, 2, 42, 3, 6};
}

std::string padded(int value, int digits) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%0*d", digits, value);
  return buffer;
}

/// Positions of the road centre lines along one axis: edges at 0 and `length`, interior lines
/// spaced `spacing` ± 20 %.
std::vector<double> roadLines(Random& random, double length, double spacing) {
  std::vector<double> lines{0.0};
  while (lines.back() + spacing * 1.6 < length) lines.push_back(lines.back() + spacing * random.uniform(0.8, 1.2));
  lines.push_back(length);
  return lines;
}

}  // namespace

Scene buildScene(const SceneOptions& options) {
  const Preset preset = presetFor(options.size);
  Scene scene;
  scene.size = options.size;
  scene.seed = options.seed;
  scene.epsg = 4549;
  scene.pixelSize = 2.0;
  // A plain in central-eastern China, on the 120°E central meridian (EPSG:4549).
  const double originX = 500000.0 - std::round(preset.width / 2 / 100) * 100;
  const double originY = 3500000.0;
  scene.extent = {originX, originY, originX + preset.width, originY + preset.height};
  scene.width = int(preset.width / scene.pixelSize);
  scene.height = int(preset.height / scene.pixelSize);
  scene.countyCode = "320999";
  scene.countyName = "青禾县";
  scene.before = {"2024-04-20", 1.0, 0.0, 0.0, 0.0};
  scene.after = {"2024-05-18", 1.06, 8.0, options.misregistrationMetres, options.misregistrationMetres};

  Random random(hashKeys(options.seed, 0x5CE4E));
  layout::Grid grid;
  grid.xs = roadLines(random, preset.width, preset.blockSpacing);
  grid.ys = roadLines(random, preset.height, preset.blockSpacing);
  for (double& x : grid.xs) x += originX;
  for (double& y : grid.ys) y += originY;
  grid.riverLine = int(grid.ys.size()) / 2 - (grid.ys.size() > 4 ? 1 : 0);

  layout::assignAdministration(scene, grid, random, preset.villageSpacing, preset.townships);
  layout::buildParcels(scene, grid, random);
  layout::placeChanges(scene, grid, random, preset.changes);
  layout::placeDistractors(scene, random, preset.clouds, preset.outsideBuildings);
  layout::placeThematic(scene, grid, random);

  for (std::size_t i = 0; i < scene.townships.size(); ++i)
    scene.townships[i].code = scene.countyCode + padded(100 + int(i), 3);
  for (std::size_t i = 0; i < scene.villages.size(); ++i) {
    Village& v = scene.villages[i];
    v.code = scene.townships[std::size_t(v.township)].code + padded(201 + int(i), 3);
  }
  return scene;
}

}  // namespace onemap::sample
