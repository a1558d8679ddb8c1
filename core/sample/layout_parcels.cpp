#include <algorithm>
#include <cmath>

#include "scene_layout.h"

namespace onemap::sample::layout {
namespace {

Cover coverOf(const std::string& dlbm) {
  if (dlbm == "0101") return Cover::PaddyRice;
  if (dlbm == "0102") return Cover::IrrigatedCrop;
  if (dlbm == "0103") return Cover::DryCrop;
  if (dlbm == "0201") return Cover::Orchard;
  if (dlbm == "0301" || dlbm == "0305") return Cover::Forest;
  if (dlbm == "0404") return Cover::Grass;
  if (dlbm == "0702") return Cover::Homestead;
  if (dlbm == "1003") return Cover::Asphalt;
  if (dlbm == "1006") return Cover::RuralRoad;
  if (dlbm == "1101" || dlbm == "1107") return Cover::River;
  if (dlbm == "1104") return Cover::Pond;
  if (dlbm == "1202") return Cover::Greenhouse;
  return Cover::Grass;
}

/// Spatially coherent noise in [0, 1] at block (i, j): the mean of hashed values around it.
double blockNoise(std::uint64_t seed, std::uint64_t salt, int i, int j) {
  double sum = 0;
  for (int dj = -1; dj <= 1; ++dj)
    for (int di = -1; di <= 1; ++di)
      sum += unitFromHash(hashKeys(seed, salt, std::uint64_t(i + di + 1000), std::uint64_t(j + dj + 1000)));
  return sum / 9.0;
}

/// Adds parcels to the scene, remembering the band each lies in.
class ParcelSink {
 public:
  ParcelSink(Scene& scene, Grid& grid, int village) : m_scene(scene), m_grid(grid), m_village(village) {}
  void add(const Rect& r, const std::string& dlbm, const Rect& band, float vigour = 1.0f, bool rowsAlongX = true,
           bool pbf = false) {
    if (r.width() <= 0.01 || r.height() <= 0.01) return;
    Parcel p;
    p.id = int(m_scene.parcels.size()) + 1;
    p.rect = r;
    p.dlbm = dlbm;
    p.cover = coverOf(dlbm);
    p.village = m_village;
    p.vigour = vigour;
    p.rowsAlongX = rowsAlongX;
    p.isPbf = pbf && p.isCropland();
    m_scene.parcels.push_back(p);
    m_grid.parcelBand.push_back(band);
  }

 private:
  Scene& m_scene;
  Grid& m_grid;
  int m_village;
};

/// Context for filling one block interior with fields.
struct FieldContext {
  Scene& scene;
  Random& random;
  ParcelSink& sink;
  double riverDistance;  // from the block centre
  double paddyReach;     // paddy dominates within this distance of the river
  bool orchardZone;
};

std::string cropClassFor(FieldContext& c, double bandNoise) {
  const double reach = c.paddyReach * (0.75 + 0.5 * bandNoise);
  if (c.riverDistance < reach) return "0101";
  return bandNoise > 0.45 ? "0102" : "0103";
}

/// Fields in strips: bands between field roads/canals across the long axis, strips of 15–45 m
/// inside each band. Strips run along x when `rowsAlongX`.
void fillFields(FieldContext& c, const Rect& area, bool rowsAlongX) {
  const double along = rowsAlongX ? area.width() : area.height();
  const double start = rowsAlongX ? area.minX : area.minY;
  double pos = start;
  while (pos < start + along - 1.0) {
    double bandLength = c.random.uniform(140, 260);
    if (start + along - (pos + bandLength) < 80) bandLength = start + along - pos;  // no slivers
    const double end = std::min(start + along, pos + bandLength);
    const bool lastBand = end >= start + along - 1e-6;
    const double separator = lastBand ? 0.0 : (c.random.chance(0.3) ? 3.0 : 4.0);
    const std::string separatorCode = separator == 3.0 ? "1107" : "1006";
    const double fieldEnd = end - separator;
    Rect band = rowsAlongX ? Rect{pos, area.minY, fieldEnd, area.maxY} : Rect{area.minX, pos, area.maxX, fieldEnd};
    const double bandNoise = c.random.uniform();
    const bool bandPbf = !c.orchardZone && c.random.chance(0.85);
    std::string bandClass = cropClassFor(c, bandNoise);
    // Strips across the band.
    const double across0 = rowsAlongX ? band.minY : band.minX;
    const double across1 = rowsAlongX ? band.maxY : band.maxX;
    double s = across0;
    while (s < across1 - 1e-6) {
      double w = c.random.uniform(15, 45);
      if (across1 - (s + w) < 12) w = across1 - s;
      const double e = std::min(across1, s + w);
      Rect strip = rowsAlongX ? Rect{band.minX, s, band.maxX, e} : Rect{s, band.minY, e, band.maxY};
      std::string code = c.random.chance(0.1) ? cropClassFor(c, c.random.uniform()) : bandClass;
      const double roll = c.random.uniform();
      if (c.orchardZone) {
        if (roll < 0.7) code = "0201";
      } else if (roll < 0.04 && c.riverDistance < 1200) {
        code = "1104";
      } else if (roll < 0.055) {
        code = "1202";
      } else if (roll < 0.075) {
        code = "0201";
      }
      c.sink.add(strip, code, band, float(c.random.uniform(0.85, 1.15)), rowsAlongX, bandPbf);
      s = e;
    }
    if (separator > 0) {
      Rect sep = rowsAlongX ? Rect{fieldEnd, area.minY, end, area.maxY} : Rect{area.minX, fieldEnd, area.maxX, end};
      c.sink.add(sep, separatorCode, sep);
    }
    pos = end;
  }
}

/// Rural settlement: a core of homestead plots with a lane, fields around it.
void fillSettlement(FieldContext& c, const Rect& interior, bool rowsAlongX) {
  const double mx = interior.width() * c.random.uniform(0.2, 0.3);
  const double my = interior.height() * c.random.uniform(0.2, 0.3);
  const Rect core{interior.minX + mx, interior.minY + my, interior.maxX - mx, interior.maxY - my};
  // Ring of fields around the core: bottom, top (full width), left, right (between them).
  fillFields(c, {interior.minX, interior.minY, interior.maxX, core.minY}, true);
  fillFields(c, {interior.minX, core.maxY, interior.maxX, interior.maxY}, true);
  fillFields(c, {interior.minX, core.minY, core.minX, core.maxY}, false);
  fillFields(c, {core.maxX, core.minY, interior.maxX, core.maxY}, false);
  // Core: rows of plots along lanes.
  double y = core.minY;
  while (y < core.maxY - 1e-6) {
    double h = c.random.uniform(28, 45);
    if (core.maxY - (y + h) < 20) h = core.maxY - y;
    const double laneTop = std::min(core.maxY, y + h);
    const bool lane = laneTop < core.maxY - 1e-6;
    const double plotTop = lane ? laneTop - 4.0 : laneTop;
    double x = core.minX;
    while (x < core.maxX - 1e-6) {
      double w = c.random.uniform(22, 40);
      if (core.maxX - (x + w) < 15) w = core.maxX - x;
      const double right = std::min(core.maxX, x + w);
      c.sink.add({x, y, right, plotTop}, c.random.chance(0.08) ? "0201" : "0702", {x, y, right, plotTop});
      x = right;
    }
    if (lane) c.sink.add({core.minX, plotTop, core.maxX, laneTop}, "1006", {core.minX, plotTop, core.maxX, laneTop});
    y = laneTop;
  }
  (void)rowsAlongX;
}

/// Wooded hills: a few large stands of forest, shrub and grass.
void fillForest(FieldContext& c, const Rect& interior) {
  const int cols = std::max(1, int(interior.width() / c.random.uniform(150, 300)));
  const int rows = std::max(1, int(interior.height() / c.random.uniform(150, 300)));
  for (int j = 0; j < rows; ++j)
    for (int i = 0; i < cols; ++i) {
      const Rect r{interior.minX + interior.width() * i / cols, interior.minY + interior.height() * j / rows,
                   interior.minX + interior.width() * (i + 1) / cols, interior.minY + interior.height() * (j + 1) / rows};
      const double roll = c.random.uniform();
      c.sink.add(r, roll < 0.7 ? "0301" : roll < 0.88 ? "0305" : "0404", r, float(c.random.uniform(0.9, 1.1)));
    }
}

/// Road and river halves bordering cell (i, j): each half belongs to the cell it lies in.
void addCellEdges(Scene& scene, Grid& grid, int i, int j, int village) {
  ParcelSink sink(scene, grid, village);
  const Rect cell = grid.cellRect(i, j);
  auto horizontalCode = [&](int line) { return line == grid.riverLine ? "1101" : line % 3 == 0 ? "1003" : "1006"; };
  auto verticalCode = [&](int line) { return line % 3 == 0 ? "1003" : "1006"; };
  const double hb = grid.horizontalHalfWidth(j), ht = grid.horizontalHalfWidth(j + 1);
  const double vl = grid.verticalHalfWidth(i), vr = grid.verticalHalfWidth(i + 1);
  if (hb > 0) sink.add({cell.minX, cell.minY, cell.maxX, cell.minY + hb}, horizontalCode(j), cell);
  if (ht > 0) sink.add({cell.minX, cell.maxY - ht, cell.maxX, cell.maxY}, horizontalCode(j + 1), cell);
  if (vl > 0) sink.add({cell.minX, cell.minY + hb, cell.minX + vl, cell.maxY - ht}, verticalCode(i), cell);
  if (vr > 0) sink.add({cell.maxX - vr, cell.minY + hb, cell.maxX, cell.maxY - ht}, verticalCode(i + 1), cell);
}

}  // namespace

void buildParcels(Scene& scene, Grid& grid, Random& random) {
  const int columns = grid.columns(), rows = grid.rows();
  grid.cellZone.assign(std::size_t(columns * rows), Zone::Cropland);
  const double paddyReach = scene.size == SampleSize::County ? 2500.0 : 700.0;

  // Zones: hills (forest) and orchard districts from coherent noise; one settlement per village.
  int bestHill = 0;
  double bestHillValue = -1;
  for (int j = 0; j < rows; ++j)
    for (int i = 0; i < columns; ++i) {
      const Rect c = grid.cellRect(i, j);
      const bool nearRiver = std::abs((c.minY + c.maxY) / 2 - grid.riverY()) < 1.5 * c.height();
      const double hill = blockNoise(scene.seed, 0x4111, i, j);
      if (!nearRiver && hill > bestHillValue) { bestHillValue = hill; bestHill = grid.cell(i, j); }
      if (!nearRiver && hill > 0.64) grid.cellZone[std::size_t(grid.cell(i, j))] = Zone::Forest;
      else if (blockNoise(scene.seed, 0x0C4A, i, j) > 0.66) grid.cellZone[std::size_t(grid.cell(i, j))] = Zone::Orchard;
    }
  grid.cellZone[std::size_t(bestHill)] = Zone::Forest;  // every county has a hill
  for (std::size_t v = 0; v < scene.villages.size(); ++v) {
    int best = -1;
    double bestD = 1e300;
    for (int j = 0; j < rows; ++j)
      for (int i = 0; i < columns; ++i) {
        if (grid.cellVillage[std::size_t(grid.cell(i, j))] != int(v)) continue;
        const Rect c = grid.cellRect(i, j);
        const double d = std::hypot((c.minX + c.maxX) / 2 - scene.villages[v].centerX,
                                    (c.minY + c.maxY) / 2 - scene.villages[v].centerY);
        if (d < bestD) { bestD = d; best = grid.cell(i, j); }
      }
    if (best >= 0) grid.cellZone[std::size_t(best)] = Zone::Settlement;
  }

  for (int j = 0; j < rows; ++j)
    for (int i = 0; i < columns; ++i) {
      const int village = grid.cellVillage[std::size_t(grid.cell(i, j))];
      addCellEdges(scene, grid, i, j, village);
      const Rect cell = grid.cellRect(i, j);
      const Rect interior{cell.minX + grid.verticalHalfWidth(i), cell.minY + grid.horizontalHalfWidth(j),
                          cell.maxX - grid.verticalHalfWidth(i + 1), cell.maxY - grid.horizontalHalfWidth(j + 1)};
      ParcelSink sink(scene, grid, village);
      const Zone zone = grid.cellZone[std::size_t(grid.cell(i, j))];
      FieldContext context{scene, random, sink, std::abs((cell.minY + cell.maxY) / 2 - grid.riverY()), paddyReach,
                           zone == Zone::Orchard};
      const bool rowsAlongX = random.chance(0.5);
      if (zone == Zone::Forest) fillForest(context, interior);
      else if (zone == Zone::Settlement) fillSettlement(context, interior, rowsAlongX);
      else fillFields(context, interior, rowsAlongX);
    }
}

}  // namespace onemap::sample::layout
