// Within-field texture of the synthetic imagery. Every pattern is a function of the world
// position and of per-object hash keys (parcel, change patch, new building), so tiles can be
// computed in any order and unchanged ground is identical on both dates (up to the whole-scene
// misregistration).
#include "onemap/sample/texture.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "onemap/sample/random.h"

namespace onemap::sample {
namespace {

// Hash purposes (the second key of hashKeys), distinct from the imagery writer's.
constexpr std::uint64_t kFieldLow = 0x7465780001ull;
constexpr std::uint64_t kFieldHigh = 0x7465780002ull;
constexpr std::uint64_t kLayoutKey = 0x7465780003ull;
constexpr std::uint64_t kCrownKey = 0x7465780004ull;
constexpr std::uint64_t kCellKey = 0x7465780005ull;
constexpr std::uint64_t kSlabKey = 0x7465780006ull;

// Bucket size (m) of the index of new buildings outside cropland.
constexpr double kBucket = 100.0;

// Object kinds for layout keys.
constexpr std::uint64_t kParcelObject = 1, kChangeObject = 2, kDistractorObject = 3;

float smoothStep(double t) { return float(t * t * (3.0 - 2.0 * t)); }

/// Uniform in [0, 1) from 16 bits of `h` starting at `shift`.
float bits16(std::uint64_t h, int shift) {
  return float((h >> shift) & 0xFFFFu) * (1.0f / 65536.0f);
}

float lattice(std::uint64_t seed, std::uint64_t purpose, std::int64_t k, std::int64_t j) {
  return float(unitFromHash(hashKeys(seed, purpose, std::uint64_t(k), std::uint64_t(j)))) * 2.0f -
         1.0f;
}

/// Adds amplitude × value noise of `wavelength` to out[i] for points (x0 + i·dx, y).
void addValueNoise(std::uint64_t seed, std::uint64_t purpose, double x0, double dx, double y,
                   double wavelength, float amplitude, std::span<float> out) {
  const double gy = y / wavelength;
  const double jf = std::floor(gy);
  const auto j = std::int64_t(jf);
  const float ty = smoothStep(gy - jf);
  std::int64_t lastK = std::numeric_limits<std::int64_t>::min();
  float a0 = 0.0f, a1 = 0.0f;  // noise interpolated in y at lattice columns k and k + 1
  const auto column = [&](std::int64_t k) {
    const float b = lattice(seed, purpose, k, j);
    return b + (lattice(seed, purpose, k, j + 1) - b) * ty;
  };
  for (std::size_t i = 0; i < out.size(); ++i) {
    const double gx = (x0 + double(i) * dx) / wavelength;
    const double kf = std::floor(gx);
    const auto k = std::int64_t(kf);
    if (k != lastK) {
      a0 = k == lastK + 1 ? a1 : column(k);
      a1 = column(k + 1);
      lastK = k;
    }
    out[i] += amplitude * (a0 + (a1 - a0) * smoothStep(gx - kf));
  }
}

/// 0 on a row's centre line, 1 half-way between rows.
float triangle(double t) { return float(std::fabs(2.0 * (t - std::floor(t)) - 1.0)); }

/// Low-frequency ground variation: vegetation gets patchy vigour, other covers brightness.
Bands applyField(Bands v, float field, bool vegetation) {
  if (!vegetation) return scaled(v, 1.0f + 0.04f * field);
  v[0] *= 1.0f - 0.03f * field;
  v[1] *= 1.0f + 0.01f * field;
  v[2] *= 1.0f - 0.06f * field;
  v[3] *= 1.0f + 0.06f * field;
  return v;
}

/// The tree crown nearest to a point on a (jittered) lattice: coverage weight and brightness.
struct Crown {
  float weight = 0.0f;
  float brightness = 1.0f;
};

/// `edge` (m) is the width of the soft crown rim: about half a pixel, so that point samples at
/// pixel centres look like pixel-area averages instead of aliasing the tree grid into moiré.
Crown crownAt(std::uint64_t seed, std::uint64_t key, double along, double across, double sAlong,
              double sAcross, double radius, double jitter, double edge) {
  const double u = along / sAlong - 0.5, v = across / sAcross - 0.5;
  const auto i0 = std::int64_t(std::floor(u)), j0 = std::int64_t(std::floor(v));
  Crown best{-1.0f, 1.0f};
  for (std::int64_t i = i0; i <= i0 + 1; ++i) {
    for (std::int64_t j = j0; j <= j0 + 1; ++j) {
      const std::uint64_t h = hashKeys(seed, kCrownKey, key, std::uint64_t(i), std::uint64_t(j));
      const double cx = (double(i) + 0.5 + jitter * (2.0 * bits16(h, 0) - 1.0)) * sAlong;
      const double cy = (double(j) + 0.5 + jitter * (2.0 * bits16(h, 16) - 1.0)) * sAcross;
      const double r = radius * (0.85 + 0.3 * bits16(h, 32));
      const double dx = along - cx, dy = across - cy;
      const double d = std::sqrt(dx * dx + dy * dy);
      const float w = float(std::clamp((r - d) / edge + 0.5, 0.0, 1.0));
      if (w <= best.weight) continue;
      // Sunlit side brighter, shaded side darker; each tree a little different.
      const double sun = std::clamp((dx + dy) / (1.414 * r), -1.0, 1.0);
      best = {w, float((0.88 + 0.24 * bits16(h, 48)) * (1.0 + 0.12 * sun))};
    }
  }
  best.weight = std::max(best.weight, 0.0f);
  return best;
}

/// Splits `length` into n ≈ length / target equal cells; returns the cell of `t` and its size.
struct CellPos {
  std::int64_t index = 0;
  double size = 0.0;
  double local = 0.0;  ///< position inside the cell, 0..size
};

CellPos cellOf(double t, double length, double target) {
  const auto n = std::max<std::int64_t>(1, std::llround(length / target));
  const double size = length / double(n);
  const auto index = std::clamp<std::int64_t>(std::int64_t(std::floor(t / size)), 0, n - 1);
  return {index, size, t - double(index) * size};
}

/// Roof of one building: material by weighted pick, brightness, ridge shading. Village houses
/// are mostly grey or red tiles; sheds and factories often blue or white coated steel.
Bands roof(std::uint64_t h, bool village, double along, double alongSize, double across,
           double acrossSize) {
  const float pick = bits16(h, 0);
  const Material material = village ? (pick < 0.45f   ? Material::RoofGrey
                                       : pick < 0.80f ? Material::RoofRedTile
                                       : pick < 0.92f ? Material::RoofBlueSteel
                                                      : Material::RoofWhite)
                                    : (pick < 0.35f   ? Material::RoofGrey
                                       : pick < 0.70f ? Material::RoofBlueSteel
                                       : pick < 0.90f ? Material::RoofWhite
                                                      : Material::RoofRedTile);
  float factor = 0.92f + 0.16f * bits16(h, 16);
  // Pitched grey and tiled roofs: the half on one side of the ridge is in partial shade.
  if (material == Material::RoofGrey || material == Material::RoofRedTile) {
    const bool ridgeAlong = alongSize >= acrossSize;
    const bool shadedHalf = ridgeAlong ? across < acrossSize / 2 : along < alongSize / 2;
    if (shadedHalf) factor *= 0.86f;
  }
  return scaled(materialSpectrum(material), factor);
}

}  // namespace

SurfaceModel::Layout SurfaceModel::makeLayout(std::uint64_t seed, std::uint64_t kind,
                                              std::size_t index, const Rect& rect,
                                              double pixelSize) {
  Random random(hashKeys(seed, kLayoutKey, kind, index));
  Layout layout;
  layout.rect = rect;
  layout.key = random.next();
  layout.rowPeriod = float(pixelSize * random.uniform(1.0, 3.0));
  layout.rowPhase = float(random.uniform());
  layout.u1 = float(random.uniform());
  layout.u2 = float(random.uniform());
  layout.bits = std::uint32_t(random.next() >> 32);
  return layout;
}

void fieldVariationRow(std::uint64_t seed, double x0, double dx, double y, std::span<float> out) {
  std::fill(out.begin(), out.end(), 0.0f);
  addValueNoise(seed, kFieldLow, x0, dx, y, 120.0, 0.7f, out);
  addValueNoise(seed, kFieldHigh, x0, dx, y, 35.0, 0.3f, out);
}

SurfaceModel::SurfaceModel(const Scene& scene) : m_scene(scene) {
  const double px = scene.pixelSize > 0 ? scene.pixelSize : 2.0;
  m_crownEdge = 0.4 + 0.5 * px;
  m_default = makeLayout(scene.seed, 0, 0, scene.extent, px);
  m_parcels.reserve(scene.parcels.size());
  for (std::size_t i = 0; i < scene.parcels.size(); ++i)
    m_parcels.push_back(makeLayout(scene.seed, kParcelObject, i, scene.parcels[i].rect, px));
  m_changes.reserve(scene.changes.size());
  for (std::size_t i = 0; i < scene.changes.size(); ++i)
    m_changes.push_back(makeLayout(scene.seed, kChangeObject, i, scene.changes[i].rect, px));
  m_distractors.reserve(scene.distractors.size());
  m_bucketCols = std::max(1, int(std::ceil(scene.extent.width() / kBucket)));
  m_bucketRows = std::max(1, int(std::ceil(scene.extent.height() / kBucket)));
  for (std::size_t i = 0; i < scene.distractors.size(); ++i) {
    const Distractor& d = scene.distractors[i];
    m_distractors.push_back(makeLayout(scene.seed, kDistractorObject, i, d.rect, px));
    if (d.type != DistractorType::OutsideCropland) continue;
    if (m_newBuildings.empty())
      m_newBuildings.resize(std::size_t(m_bucketCols) * std::size_t(m_bucketRows));
    const int c0 = bucketColumn(d.rect.minX), c1 = bucketColumn(d.rect.maxX);
    const int r0 = bucketRow(d.rect.minY), r1 = bucketRow(d.rect.maxY);
    for (int r = r0; r <= r1; ++r)
      for (int c = c0; c <= c1; ++c)
        m_newBuildings[std::size_t(r) * std::size_t(m_bucketCols) + std::size_t(c)].push_back(
            int(i));
  }
}

int SurfaceModel::bucketColumn(double x) const {
  return std::clamp(int(std::floor((x - m_scene.extent.minX) / kBucket)), 0, m_bucketCols - 1);
}

int SurfaceModel::bucketRow(double y) const {
  return std::clamp(int(std::floor((y - m_scene.extent.minY) / kBucket)), 0, m_bucketRows - 1);
}

const SurfaceModel::Layout& SurfaceModel::layoutOf(const GroundSample& ground, double x,
                                                   double y) const {
  if (ground.change >= 0 && std::size_t(ground.change) < m_changes.size())
    return m_changes[std::size_t(ground.change)];
  if (ground.parcel < 0 || std::size_t(ground.parcel) >= m_parcels.size()) return m_default;
  const auto p = std::size_t(ground.parcel);
  if (ground.cover == Cover::Building && m_scene.parcels[p].cover != Cover::Building &&
      !m_newBuildings.empty()) {
    const auto bucket =
        std::size_t(bucketRow(y)) * std::size_t(m_bucketCols) + std::size_t(bucketColumn(x));
    for (int d : m_newBuildings[bucket])
      if (m_scene.distractors[std::size_t(d)].rect.contains(x, y))
        return m_distractors[std::size_t(d)];
  }
  return m_parcels[p];
}

Bands SurfaceModel::cloudTop(float field) {
  return scaled(materialSpectrum(Material::Cloud), 1.0f + 0.025f * field);
}

Bands SurfaceModel::surface(const GroundSample& ground, double x, double y, float field) const {
  const Layout& layout = layoutOf(ground, x, y);
  const std::uint64_t seed = m_scene.seed;
  const double lx = x - layout.rect.minX, ly = y - layout.rect.minY;
  const double w = layout.rect.width(), h = layout.rect.height();
  // Rows (crop rows, tree rows, greenhouse strips) run along X or along Y.
  const double along = ground.rowsAlongX ? lx : ly, across = ground.rowsAlongX ? ly : lx;
  const double alongSize = ground.rowsAlongX ? w : h, acrossSize = ground.rowsAlongX ? h : w;
  const Bands base = parcelSpectrum(ground.cover, ground.vigour);
  const float rows = triangle(across / layout.rowPeriod + layout.rowPhase);

  switch (ground.cover) {
    case Cover::PaddyRice:
      return applyField(mix(base, materialSpectrum(Material::Water), 0.05f + 0.15f * rows), field,
                        true);
    case Cover::IrrigatedCrop:
      return applyField(mix(base, materialSpectrum(Material::Soil), 0.12f * rows), field, true);
    case Cover::DryCrop:
      return applyField(mix(base, materialSpectrum(Material::Soil), 0.25f * rows), field, true);
    case Cover::HarvestedStubble:
      return applyField(mix(base, materialSpectrum(Material::DrySoil), 0.3f * rows), field, false);
    case Cover::BareSoil:
      return applyField(scaled(base, 0.95f + 0.1f * rows), field, false);

    case Cover::Orchard: {
      // Regular grid of crowns 4–6 m apart on weeded soil.
      const double spacing = 4.0 + 2.0 * layout.u1;
      const Crown crown = crownAt(seed, layout.key, along, across, spacing * 0.85, spacing,
                                  spacing * (0.36 + 0.06 * layout.u2), 0.03, m_crownEdge);
      const Bands soil = mix(materialSpectrum(Material::Soil), materialSpectrum(Material::Grass),
                             (layout.bits & 1u) != 0 ? 0.35f : 0.1f);
      const Bands tree = mix(materialSpectrum(Material::Crown),
                             parcelSpectrum(Cover::Orchard, ground.vigour), 0.2f);
      const Bands crownColour = scaled(tree, crown.brightness);
      return applyField(mix(soil, crownColour, crown.weight), field, true);
    }
    case Cover::Nursery: {
      // Dense small young trees, ~2–3 m apart, slightly irregular.
      const double spacing = 2.0 + 0.8 * layout.u1;
      const Crown crown = crownAt(seed, layout.key, along, across, spacing, spacing * 1.15,
                                  spacing * 0.42, 0.12, m_crownEdge);
      const Bands crownColour = scaled(materialSpectrum(Material::Crown),
                                       crown.brightness * (0.9f + 0.1f * ground.vigour));
      return applyField(mix(materialSpectrum(Material::Soil), crownColour, crown.weight), field,
                        true);
    }
    case Cover::Forest: {
      // Closed canopy mottled by crowns, shaded gaps between them.
      const double spacing = 4.0 + 1.0 * layout.u1;
      const Crown crown =
          crownAt(seed, layout.key, x, y, spacing, spacing, spacing * 0.6, 0.22, m_crownEdge);
      const Bands canopy = scaled(base, 1.04f);
      const Bands colour = scaled(canopy, crown.brightness);
      return applyField(mix(scaled(canopy, 0.55f), colour, crown.weight), field, true);
    }
    case Cover::Grass:
      return applyField(base, field, true);

    case Cover::Pond: {
      // Fish ponds of ~45–80 m with bright earth banks of 2–3.5 m (1–2 px).
      const double target = 45.0 + 35.0 * layout.u2, bank = 2.0 + 1.5 * layout.u1;
      const CellPos cx = cellOf(lx, w, target), cy = cellOf(ly, h, target);
      const double edge = std::min({cx.local, cx.size - cx.local, cy.local, cy.size - cy.local});
      const std::uint64_t cell =
          hashKeys(seed, kCellKey, layout.key, std::uint64_t(cx.index), std::uint64_t(cy.index));
      if (edge < bank)
        return applyField(mix(materialSpectrum(Material::DrySoil),
                              materialSpectrum(Material::Grass), 0.3f + 0.4f * bits16(cell, 0)),
                          field, false);
      const float algae = bits16(cell, 16);
      const Bands& water = materialSpectrum(Material::Water);
      const Bands tinted{water[0] - 20.0f * algae, water[1] + 25.0f * algae,
                         water[2] - 5.0f * algae, water[3] + 30.0f * algae};
      return scaled(tinted, 1.0f + 0.02f * field);
    }
    case Cover::River:
      return scaled(base, 1.0f + 0.03f * field);

    case Cover::Building: {
      if (std::min(w, h) < 36.0)  // one building: the whole object is its roof
        return roof(layout.key, false, along, alongSize, across, acrossSize);
      // A compound: buildings of 22–36 m cells on concrete, shadows cast to the north.
      const double target = 22.0 + 14.0 * layout.u2;
      const CellPos cx = cellOf(lx, w, target), cy = cellOf(ly, h, target);
      const std::uint64_t cell =
          hashKeys(seed, kCellKey, layout.key, std::uint64_t(cx.index), std::uint64_t(cy.index));
      const double left = 2.0 + 4.0 * bits16(cell, 0), right = 2.0 + 4.0 * bits16(cell, 16);
      const double bottom = 2.0 + 4.0 * bits16(cell, 32), top = 3.0 + 5.0 * bits16(cell, 48);
      const bool inX = cx.local >= left && cx.local < cx.size - right;
      const double roofTop = cy.size - top;
      if (inX && cy.local >= bottom && cy.local < roofTop)
        return roof(mix64(cell), false, cx.local - left, cx.size - left - right, cy.local - bottom,
                    roofTop - bottom);
      const Bands yard = applyField(materialSpectrum(Material::Concrete), field, false);
      if (inX && cy.local >= roofTop && cy.local < roofTop + 2.0 + 2.0 * bits16(cell, 8))
        return scaled(yard, 0.5f);  // the building's shadow
      return yard;
    }
    case Cover::Hardened: {
      // Concrete slabs of ~5 m with slightly different tones, stains at field scale.
      const std::uint64_t slab =
          hashKeys(seed, kSlabKey, layout.key, std::uint64_t(std::int64_t(std::floor(lx / 5.0))),
                   std::uint64_t(std::int64_t(std::floor(ly / 5.0))));
      return applyField(scaled(base, 0.95f + 0.1f * bits16(slab, 0)), field, false);
    }
    case Cover::Asphalt:
      return scaled(base, 1.0f + 0.02f * field);
    case Cover::RuralRoad:
      return applyField(base, field, false);

    case Cover::Homestead: {
      // 12 m plots: a 5–10 m house with its shadow, the rest trees, a concrete yard or a garden.
      constexpr double kPlot = 12.0;
      const auto px = std::int64_t(std::floor(lx / kPlot)),
                 py = std::int64_t(std::floor(ly / kPlot));
      const double qx = lx - double(px) * kPlot, qy = ly - double(py) * kPlot;
      const std::uint64_t plot =
          hashKeys(seed, kCellKey, layout.key, std::uint64_t(px), std::uint64_t(py));
      const double hw = 5.0 + 5.0 * bits16(plot, 0), hh = 5.0 + 5.0 * bits16(plot, 16);
      const double ox = (kPlot - hw) * bits16(plot, 32), oy = (kPlot - hh) * 0.8 * bits16(plot, 48);
      const bool inX = qx >= ox && qx < ox + hw;
      // Village roofs weather darker than new sheds.
      if (inX && qy >= oy && qy < oy + hh) return scaled(roof(mix64(plot), true, qx - ox, hw, qy - oy, hh), 0.8f);
      const std::uint64_t use = mix64(plot ^ 0x5A5A5A5Aull);
      const float pick = bits16(use, 0);
      Bands yard;
      if (pick < 0.55f) {  // courtyard and village trees
        const Crown crown = crownAt(seed, layout.key, x, y, 3.5, 3.5, 2.1, 0.25, m_crownEdge);
        const Bands leaves = scaled(materialSpectrum(Material::Crown), crown.brightness);
        yard = mix(scaled(leaves, 0.6f), leaves, crown.weight);
      } else if (pick < 0.72f) {  // worn concrete yard
        yard = mix(materialSpectrum(Material::Concrete), materialSpectrum(Material::DrySoil), 0.4f);
      } else if (pick < 0.84f) {
        yard = materialSpectrum(Material::DrySoil);
      } else {  // vegetable garden in rows
        yard = mix(coverSpectrum(Cover::IrrigatedCrop), materialSpectrum(Material::Soil),
                   0.3f * triangle(qy / 1.5));
      }
      if (inX && qy >= oy + hh && qy < oy + hh + 2.5) yard = scaled(yard, 0.55f);  // house shadow
      return applyField(yard, field, false);
    }
    case Cover::Greenhouse: {
      // Plastic tunnels 8–10 m wide along the rows, separated by 1.5 m earth paths.
      const double period = 8.0 + 2.0 * layout.u2;
      const double t = across / period - std::floor(across / period);
      const double gap = 1.5 / period;
      if (t < gap) return applyField(materialSpectrum(Material::Soil), field, false);
      const double s = (t - gap) / (1.0 - gap);
      const auto house = std::uint64_t(std::int64_t(std::floor(across / period)));
      const float tone = 0.9f + 0.12f * bits16(hashKeys(seed, kSlabKey, layout.key, house), 0);
      return scaled(base, tone * float(0.93 + 0.1 * 4.0 * s * (1.0 - s)));
    }
  }
  return applyField(base, field, isVegetation(ground.cover));
}

}  // namespace onemap::sample
