#pragma once
// Internal to onemap_sample: the steps buildScene() runs, one file each.

#include <vector>

#include "onemap/sample/random.h"
#include "onemap/sample/scene.h"

namespace onemap::sample::layout {

/// What a road block is used for.
enum class Zone { Cropland, Settlement, Forest, Orchard };

/// The road grid: centre lines of vertical (xs) and horizontal (ys) roads, the edges of the county
/// included; cell (i, j) is [xs[i], xs[i+1]] × [ys[j], ys[j+1]]. Line `riverLine` of ys is a river.
struct Grid {
  std::vector<double> xs;
  std::vector<double> ys;
  int riverLine = -1;
  std::vector<int> cellVillage;  ///< per cell, -1 outside the county
  std::vector<Zone> cellZone;
  /// Sub-band (between field roads) each parcel lies in, by parcel index (for road changes).
  std::vector<Rect> parcelBand;

  int columns() const { return int(xs.size()) - 1; }
  int rows() const { return int(ys.size()) - 1; }
  int cell(int i, int j) const { return j * columns() + i; }
  Rect cellRect(int i, int j) const { return {xs[std::size_t(i)], ys[std::size_t(j)], xs[std::size_t(i) + 1], ys[std::size_t(j) + 1]}; }
  /// Half width of vertical road line i (0 on the county edge).
  double verticalHalfWidth(int i) const;
  /// Half width of horizontal line j (the river is wide).
  double horizontalHalfWidth(int j) const;
  double riverY() const { return riverLine >= 0 ? ys[std::size_t(riverLine)] : -1e30; }
};

/// Cells → villages (nearest jittered seed), villages → townships, outline of the county.
void assignAdministration(Scene& scene, Grid& grid, Random& random, double villageSpacing, int townships);
/// Roads, river, canals and field parcels of every cell; zones; permanent basic farmland.
void buildParcels(Scene& scene, Grid& grid, Random& random);
/// Conversions of cropland with their truth (sizes from well below to far above 400 m²).
void placeChanges(Scene& scene, const Grid& grid, Random& random, int count);
/// Harvest, rotation, clouds with shadows, new buildings outside cropland.
void placeDistractors(Scene& scene, Random& random, int clouds, int outsideBuildings);
/// Ecological red line, 益农信息社 and logistics points, village statistics and field chiefs.
void placeThematic(Scene& scene, const Grid& grid, Random& random);

}  // namespace onemap::sample::layout
