#include "class_rows.h"

#include <algorithm>
#include <cmath>

#include "class_cleanup.h"
#include "class_map_sink.h"
#include "pixel_kernels.h"
#include "rule_reach.h"
#include "summed_area.h"

namespace onemap::change::detail {
namespace {

/// The evidence of a change pixel as a byte: its strength (change magnitude over the threshold,
/// or crown texture rise over the tree threshold) in units of 1 / kEvidenceUnit, at least 1.
inline std::uint8_t evidenceByte(float strength) {
  return std::uint8_t(std::clamp(std::lround(double(strength) * kEvidenceUnit), 1L, 255L));
}

/// The columns [a, b) of strip `s` of kTextureStripWidth columns of a row `w` wide.
inline std::pair<int, int> stripColumns(int s, int w) {
  return std::pair<int, int>(s * kTextureStripWidth, std::min(w, (s + 1) * kTextureStripWidth));
}

}  // namespace

void ClassRows::reserve(int rowStep, int maxColumns) {
  const std::size_t columns = std::size_t(maxColumns);
  const int capacity = rowStep + 2 * kHalo;  // rows a step holds
  const std::size_t classRows = std::size_t(rowStep + kHalo + 2 * kClassMargin) * columns;
  const std::size_t textureRows = classRows + std::size_t(2 * kShift) * columns;
  m_columnSums.resize(columns);
  m_magnitudes.reserve(classRows + 2 * columns);
  m_meanMagnitudes.reserve(classRows);
  m_zeroRow.assign(columns, 0.0f);
  m_texB.reserve(textureRows);
  m_texA.reserve(textureRows);
  m_cloud.reserve(std::size_t(capacity) * columns);
  m_cloudCount.reserve((columns + 1) * std::size_t(capacity + 1));
  for (auto* v : {&m_mask, &m_classes, &m_changed, &m_evidence, &m_candidates}) v->reserve(classRows);
}

Status ClassRows::burnCropland(const raster::PolygonRasterizer* crop, const StepRows& held, int c0, int c1) {
  m_width = held.width();
  m_c0 = c0;
  m_c1 = c1;
  const raster::Window classWindow{held.x0(), c0, m_width, c1 - c0};
  if (crop) return crop->burn(classWindow, m_mask);
  m_mask.assign(std::size_t(classWindow.pixelCount()), 1);
  return {};
}

bool ClassRows::classify(const StepRows& held, const BandSelection& bands, const BlockPassRules& rules) {
  const std::size_t RW = std::size_t(m_width);
  const int ch = m_c1 - m_c0;
  const std::size_t cn = std::size_t(ch) * RW;
  const bool anyCropland = std::find(m_mask.begin(), m_mask.begin() + std::ptrdiff_t(cn), std::uint8_t(1)) !=
                           m_mask.begin() + std::ptrdiff_t(cn);
  m_classes.resize(cn);
  std::fill(m_classes.begin(), m_classes.end(), std::uint8_t(0));
  if (!anyCropland) return false;
  // Classes are needed kClassMargin rows beyond the rows written, textures one more.
  m_t0 = std::max(held.top(), m_c0 - kShift);
  m_t1 = std::min(held.end(), m_c1 + kShift);
  const std::size_t textureValues = std::size_t(m_t1 - m_t0) * RW;
  m_texB.resize(textureValues);
  m_texA.resize(textureValues);
  m_strips = textureStrips(m_width);
  markCroplandStrips();
  if (rules.useTexture) {
    afterTextures(held);
  } else {
    std::fill(m_texB.begin(), m_texB.end(), 0.0f);  // the tree rule is off: no texture rises
    std::fill(m_texA.begin(), m_texA.end(), 0.0f);
  }
  const bool anyCloud = findCloudCores(held, rules);
  m_changed.resize(cn);
  std::fill(m_changed.begin(), m_changed.end(), std::uint8_t(0));
  m_evidence.resize(cn);
  std::fill(m_evidence.begin(), m_evidence.end(), std::uint8_t(0));
  changeMagnitudes(held, bands, rules);
  preTest(rules);
  if (rules.useTexture) beforeTextures(held);
  return classifyCandidates(held, bands, rules, anyCloud);
}

void ClassRows::markCroplandStrips() {
  const std::size_t RW = std::size_t(m_width), strips = std::size_t(m_strips);
  const int ch = m_c1 - m_c0;
  m_croplandStrips.resize(std::size_t(ch) * strips);
  for (int cy = 0; cy < ch; ++cy) {
    const std::uint8_t* m = m_mask.data() + std::size_t(cy) * RW;
    for (int s = 0; s < m_strips; ++s) {
      const auto [xa, xb] = stripColumns(s, m_width);
      m_croplandStrips[std::size_t(cy) * strips + std::size_t(s)] = std::uint8_t(nextNonZero(m, xa, xb) < xb);
    }
  }
}

void ClassRows::afterTextures(const StepRows& held) {
  const int th = m_t1 - m_t0, classOffset = m_c0 - m_t0;  // the texture row of class row 0
  m_need.assign(std::size_t(th) * std::size_t(m_strips), 0);
  std::copy(m_croplandStrips.begin(), m_croplandStrips.end(),
            m_need.begin() + std::ptrdiff_t(classOffset) * std::ptrdiff_t(m_strips));
  textureOf(held.after() + 3 * held.plane(), m_width, held.rows(), m_t0 - held.top(), m_t1 - held.top(),
            m_texA.data(), m_textureScratch, m_need.data());
}

bool ClassRows::findCloudCores(const StepRows& held, const BlockPassRules& rules) {
  const int rw = m_width, bufRows = held.rows();
  const std::size_t RW = std::size_t(rw);
  const std::size_t bn = std::size_t(bufRows) * RW;
  const std::uint8_t* const cloudRaw = held.cloudFlags();
  const bool anyCloud = rules.thresholds.cloudMask && nextNonZero(cloudRaw, 0, int(bn)) < int(bn);
  // The summed-area tables of cloud candidates, then of cores, cover only the candidates'
  // bounding box [bx0, bx1) × [by0, by1) (every count outside it is 0).
  m_bx0 = rw, m_bx1 = 0, m_by0 = bufRows, m_by1 = 0;
  if (!anyCloud) return false;
  const auto cloudTable = [&]() {
    summedArea(m_bx1 - m_bx0, m_by1 - m_by0, m_cloudCount, [&](int x, int y) {
      return int(m_cloud[std::size_t(y + m_by0) * RW + std::size_t(x + m_bx0)]);
    });
  };
  m_cloud.assign(cloudRaw, cloudRaw + bn);
  for (int y = 0; y < bufRows; ++y) {
    const std::uint8_t* row = m_cloud.data() + std::size_t(y) * RW;
    int last = -1;
    for (int x = nextNonZero(row, 0, rw); x < rw; x = nextNonZero(row, x + 1, rw)) {
      m_bx0 = std::min(m_bx0, x);
      last = x;
    }
    if (last < 0) continue;
    m_bx1 = std::max(m_bx1, last + 1);
    m_by0 = std::min(m_by0, y);
    m_by1 = y + 1;
  }
  cloudTable();
  const int coreRadius = rules.coreRadius;
  for (int y = m_by0; y < m_by1; ++y) {
    std::uint8_t* row = m_cloud.data() + std::size_t(y) * RW;
    for (int x = nextNonZero(row, m_bx0, m_bx1); x < m_bx1; x = nextNonZero(row, x + 1, m_bx1)) {
      std::uint8_t& c = row[x];
      const int window = (std::min(rw, x + coreRadius + 1) - std::max(0, x - coreRadius)) *
                         (std::min(bufRows, y + coreRadius + 1) - std::max(0, y - coreRadius));
      c = 10 * cloudSum(x, y, coreRadius) >= 9 * window ? 1 : 0;
    }
  }
  cloudTable();
  return true;
}

int ClassRows::cloudSum(int x, int y, int r) const {
  if (x + r < m_bx0 || x - r >= m_bx1 || y + r < m_by0 || y - r >= m_by1) return 0;
  return boxSum(m_cloudCount, m_bx1 - m_bx0, m_by1 - m_by0, x - m_bx0, y - m_by0, r);
}

void ClassRows::changeMagnitudes(const StepRows& held, const BandSelection& bands, const BlockPassRules& rules) {
  // Only where the pre-test and the rules read them: the mean at the cropland strips of each
  // class row, hence the magnitudes of the rows beside it at those strips and one column more.
  const int rw = m_width, c0 = m_c0, ch = m_c1 - m_c0, bufTop = held.top(), strips = m_strips;
  const std::size_t RW = std::size_t(rw), plane = held.plane();
  m_m0 = std::max(bufTop, c0 - 1);
  m_m1 = std::min(held.end(), m_c1 + 1);
  const int m0 = m_m0, m1 = m_m1;
  m_magnitudes.resize(std::size_t(m1 - m0) * RW);
  m_meanMagnitudes.resize(std::size_t(ch) * RW);
  const auto croplandStrip = [&](int cy, int s) {
    return cy >= 0 && cy < ch && m_croplandStrips[std::size_t(cy) * std::size_t(strips) + std::size_t(s)] != 0;
  };
  // Calls `columns(xa, xb)` for the runs of strips `wanted(s)` holds.
  const auto forRuns = [&](const auto& wanted, const auto& columns) {
    for (int s = 0; s < strips;) {
      if (!wanted(s)) {
        ++s;
        continue;
      }
      const int s0 = s;
      while (s < strips && wanted(s)) ++s;
      columns(stripColumns(s0, rw).first, stripColumns(s - 1, rw).second);
    }
  };
  for (int y = m0; y < m1; ++y) {
    const std::size_t row = std::size_t(y - bufTop) * RW;
    const int cy = y - c0;
    float* out = m_magnitudes.data() + std::size_t(y - m0) * RW;
    forRuns([&](int s) { return croplandStrip(cy - 1, s) || croplandStrip(cy, s) || croplandStrip(cy + 1, s); },
            [&](int xa, int xb) {
              xa = std::max(0, xa - 1);
              xb = std::min(rw, xb + 1);
              magnitudesOf(held.before() + row + std::size_t(xa), held.after() + row + std::size_t(xa), plane, bands,
                           rules.thresholds.bandWeights, xb - xa, out + xa);
            });
  }
  for (int cy = 0; cy < ch; ++cy) {
    const int y = c0 + cy;
    const float* here = m_magnitudes.data() + std::size_t(y - m0) * RW;
    forRuns([&](int s) { return croplandStrip(cy, s); }, [&](int xa, int xb) {
      meanOfNeighbours(y - 1 >= m0 ? here - RW : nullptr, here, y + 1 < m1 ? here + RW : nullptr, rw, xa, xb,
                       m_columnSums.data(), m_meanMagnitudes.data() + std::size_t(cy) * RW);
    });
  }
}

void ClassRows::preTest(const BlockPassRules& rules) {
  // Cropland whose change reaches the growth threshold or whose after-date texture alone reaches
  // the rise (the before date's texture is at least 0, so no other pixel's texture can rise by
  // that much).
  const int rw = m_width, ch = m_c1 - m_c0, strips = m_strips, classOffset = m_c0 - m_t0;
  const std::size_t RW = std::size_t(rw);
  const float growThreshold = kGrowThreshold * rules.thresholds.changeMagnitude;
  m_candidates.resize(std::size_t(ch) * RW);
  m_candidateRows.resize(std::size_t(ch));
  for (int cy = 0; cy < ch; ++cy) {
    const std::size_t textureRow = std::size_t(cy + classOffset) * RW;
    std::uint8_t* flagged = m_candidates.data() + std::size_t(cy) * RW;
    const std::uint8_t* rowStrips = m_croplandStrips.data() + std::size_t(cy) * std::size_t(strips);
    bool any = false;
    // Runs of strips with cropland; the others have no candidate.
    for (int s = 0; s < strips;) {
      const int s0 = s;
      const bool onCropland = rowStrips[s] != 0;
      while (s < strips && (rowStrips[s] != 0) == onCropland) ++s;
      const int xa = stripColumns(s0, rw).first, xb = stripColumns(s - 1, rw).second;
      if (!onCropland) {
        std::fill(flagged + xa, flagged + xb, std::uint8_t(0));
        continue;
      }
      any |= flagCandidates(m_meanMagnitudes.data() + std::size_t(cy) * RW + std::size_t(xa), xb - xa,
                            m_zeroRow.data(), m_texA.data() + textureRow + std::size_t(xa),
                            m_mask.data() + std::size_t(cy) * RW + std::size_t(xa), growThreshold,
                            rules.thresholds.texture, flagged + xa);
    }
    m_candidateRows[std::size_t(cy)] = std::uint8_t(any);
  }
}

void ClassRows::beforeTextures(const StepRows& held) {
  const int rw = m_width, ch = m_c1 - m_c0, th = m_t1 - m_t0, classOffset = m_c0 - m_t0;
  const std::size_t RW = std::size_t(rw), strips = std::size_t(m_strips);
  m_need.assign(std::size_t(th) * strips, 0);
  for (int cy = 0; cy < ch; ++cy) {
    if (!m_candidateRows[std::size_t(cy)]) continue;
    const std::uint8_t* flagged = m_candidates.data() + std::size_t(cy) * RW;
    for (int s = 0; s < m_strips; ++s) {
      const int xa = std::max(0, s * kTextureStripWidth - 1), xb = std::min(rw, (s + 1) * kTextureStripWidth + 1);
      if (nextNonZero(flagged, xa, xb) >= xb) continue;
      for (int tr = std::max(0, cy + classOffset - 1); tr <= std::min(th - 1, cy + classOffset + 1); ++tr)
        m_need[std::size_t(tr) * strips + std::size_t(s)] = 1;
    }
  }
  textureOf(held.before() + 3 * held.plane(), rw, held.rows(), m_t0 - held.top(), m_t1 - held.top(), m_texB.data(),
            m_textureScratch, m_need.data());
}

bool ClassRows::classifyCandidates(const StepRows& held, const BandSelection& bands, const BlockPassRules& rules,
                                   bool anyCloud) {
  const PixelRuleThresholds& thresholds = rules.thresholds;
  const int rw = m_width, ch = m_c1 - m_c0, c0 = m_c0, t0 = m_t0, m0 = m_m0, bufRows = held.rows();
  const int shift = rules.shift, hazeRadius = rules.hazeRadius;
  const std::size_t RW = std::size_t(rw), plane = held.plane();
  const float* const vb = held.before();
  const float* const va = held.after();
  const float* const texB = m_texB.data();
  const float* const texA = m_texA.data();
  const float* const magnitudes = m_magnitudes.data();
  const float* const meanMagnitudes = m_meanMagnitudes.data();
  std::uint8_t* const classes = m_classes.data();
  std::uint8_t* const changed = m_changed.data();
  std::uint8_t* const evidence = m_evidence.data();
  const float growThreshold = kGrowThreshold * thresholds.changeMagnitude;
  // Pixel values of the buffer at (x, buffer row y), textures at class rows.
  const auto bandsAt = [&](const float* v, std::size_t k) { return pixelAt(v, plane, k, bands); };
  const auto texAt = [&](const float* t, int x, int y) { return t[std::size_t(y - t0) * RW + std::size_t(x)]; };
  bool anyClass = false;
  for (int cy = 0; cy < ch; ++cy) {
    if (!m_candidateRows[std::size_t(cy)]) continue;
    const int y = c0 - held.top() + cy;  // buffer row
    const int ty = c0 + cy;              // image row (textures)
    const std::size_t row = std::size_t(y) * RW;
    const std::uint8_t* flagged = m_candidates.data() + std::size_t(cy) * RW;
    for (int x = nextNonZero(flagged, 0, rw); x < rw; x = nextNonZero(flagged, x + 1, rw)) {
      const std::size_t ck = std::size_t(cy) * RW + std::size_t(x);
      const std::size_t k = row + std::size_t(x);
      const PixelBands pb = bandsAt(vb, k);
      const PixelBands pa = bandsAt(va, k);
      const float tb = texAt(texB, x, ty), ta = texAt(texA, x, ty);
      const float direct = meanMagnitudes[ck];
      // The pixels the rules look at: flagCandidates()'s test with both textures.
      if (!(direct >= growThreshold) && !(ta - tb >= thresholds.texture)) continue;
      ChangeClass c = classifyPixel(pb, pa, tb, ta, direct, thresholds);
      if (c == ChangeClass::Invalid) continue;
      if (c == ChangeClass::None && direct < growThreshold) continue;  // most pixels
      // Misregistration: a change that the before image explains within kShift pixels (the
      // after spectrum matches a shifted before pixel, or the crown texture was there already)
      // is the edge of a field or road moved by the registration error, not a conversion.
      float shifted = direct, textureBefore = tb;
      for (int dy = -shift; dy <= shift; ++dy)
        for (int dx = -shift; dx <= shift; ++dx) {
          const int xx = x + dx, yy = y + dy;
          if ((dx == 0 && dy == 0) || xx < 0 || yy < 0 || xx >= rw || yy >= bufRows) continue;
          const std::size_t kk = std::size_t(yy) * RW + std::size_t(xx);
          const float m = changeMagnitude(bandsAt(vb, kk), pa, thresholds.bandWeights);
          if (std::isfinite(m)) shifted = std::min(shifted, m);
          textureBefore = std::max(textureBefore, texAt(texB, xx, ty + dy));
        }
      // The 3 × 3 mean decides, but a pixel beside strong change must have changed itself
      // too (half the threshold, as growth): the mean alone would widen every patch by a pixel.
      const float own = magnitudes[std::size_t(ty - m0) * RW + std::size_t(x)];
      if (c == ChangeClass::Trees ? ta - textureBefore < thresholds.texture
                                  : c != ChangeClass::None &&
                                        (shifted < thresholds.changeMagnitude || !(own >= growThreshold)))
        c = ChangeClass::None;
      // Near an opaque cloud, a change towards the cloud's spectrum is its thin edge (or
      // haze), not new concrete: such pixels are masked like the cloud itself.
      if (anyCloud) {
        if (cloudSum(x, y, hazeRadius) > 0 &&
            (isThinCloudOver(pb, pa, rules.cloudSpectrum) || isThinCloudOver(pa, pb, rules.cloudSpectrum)))
          continue;
      }
      classes[ck] = std::uint8_t(c);
      evidence[ck] = evidenceByte(c == ChangeClass::Trees ? (ta - textureBefore) / thresholds.texture
                                                          : shifted / thresholds.changeMagnitude);
      anyClass |= c != ChangeClass::None;
      // Hysteresis: growth needs only half the change threshold (seeds need all of it).
      changed[ck] = shifted >= growThreshold && own >= growThreshold ? 1 : 0;
    }
  }
  return anyClass;
}

}  // namespace onemap::change::detail
