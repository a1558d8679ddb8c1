#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "onemap/sample/scene.h"
#include "onemap/sample/scene_index.h"
#include "onemap/sample/spectra.h"

namespace onemap::sample {

/// Low-frequency, field-scale variation of the ground (two octaves, ~120 m and ~35 m) in [-1, 1]
/// for one row of points, as SurfaceModel::surface expects it.
void fieldVariationRow(std::uint64_t seed, double x0, double dx, double y, std::span<float> out);

/// Noise-free ground DN of a scene at any point: cover spectra with within-field texture (crop
/// rows, tree crowns, roofs, pond banks, homestead mosaics, greenhouse strips). Everything is a
/// function of the world position and per-object hashes, never of the date or of the pixel grid,
/// so unchanged ground looks the same on both dates. Immutable; safe to share across threads.
class SurfaceModel {
 public:
  explicit SurfaceModel(const Scene& scene);

  /// DN of `ground` at world (x, y); `field` is fieldVariationRow's value at that point.
  Bands surface(const GroundSample& ground, double x, double y, float field) const;

  /// DN of a thick cloud top (bright in every band, ~950–1000) with a soft texture from `field`.
  static Bands cloudTop(float field);

 private:
  /// Per-object texture parameters, drawn once from the scene seed and the object's id.
  struct Layout {
    Rect rect;                   ///< the object (parcel, change patch, new building)
    std::uint64_t key = 0;       ///< hash key of the object for crowns, cells, roofs
    float rowPeriod = 4.0f;      ///< crop-row period (m), 1–3 px
    float rowPhase = 0.0f;       ///< 0..1
    float u1 = 0.5f, u2 = 0.5f;  ///< uniform draws: tree spacing, cell size, bank width…
    std::uint32_t bits = 0;      ///< random bits: roof kind, understorey…
  };

  static Layout makeLayout(std::uint64_t seed, std::uint64_t kind, std::size_t index,
                           const Rect& rect, double pixelSize);
  const Layout& layoutOf(const GroundSample& ground, double x, double y) const;
  int bucketColumn(double x) const;
  int bucketRow(double y) const;

  const Scene& m_scene;
  double m_crownEdge = 1.4;  ///< soft rim of tree crowns (m), from the pixel size
  Layout m_default;
  std::vector<Layout> m_parcels;
  std::vector<Layout> m_changes;
  std::vector<Layout> m_distractors;
  int m_bucketCols = 1, m_bucketRows = 1;
  std::vector<std::vector<int>> m_newBuildings;  ///< buckets of new buildings outside cropland
};

}  // namespace onemap::sample
