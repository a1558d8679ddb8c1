#pragma once
// Internal to onemap_change: the per-pixel rules of one step of the block pass.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "block_pass_rules.h"
#include "crown_texture.h"
#include "onemap/raster/polygon_rasterizer.h"
#include "step_rows.h"

namespace onemap::change::detail {

/// The classes of one step's class rows (the rows it writes and the margin its clean-up looks
/// at) from the rows held: each pixel's ChangeClass, its evidence and whether it changed enough
/// to grow into (hysteresis), with the cropland mask. Buffers are kept from step to step.
class ClassRows {
 public:
  /// Allocates the buffers once, at their largest: steps of `rowStep` rows of `maxColumns`.
  void reserve(int rowStep, int maxColumns);
  /// Burns the cropland of rows [c0, c1) of the band held into the mask (all cropland without
  /// `crop`): the class rows of the next classify().
  Status burnCropland(const raster::PolygonRasterizer* crop, const StepRows& held, int c0, int c1);
  /// Classifies the class rows: whether any pixel got a class (None elsewhere).
  bool classify(const StepRows& held, const BandSelection& bands, const BlockPassRules& rules);

  int width() const { return m_width; }  ///< columns (the band held)
  int top() const { return m_c0; }       ///< image row of the first class row
  int rows() const { return m_c1 - m_c0; }
  std::vector<std::uint8_t>& classes() { return m_classes; }
  const std::vector<std::uint8_t>& changed() const { return m_changed; }
  const std::vector<std::uint8_t>& evidence() const { return m_evidence; }
  const std::vector<std::uint8_t>& mask() const { return m_mask; }

 private:
  /// Which strips of kTextureStripWidth columns of each class row hold cropland.
  void markCroplandStrips();
  /// The after date's texture where the pre-test reads it (on cropland).
  void afterTextures(const StepRows& held);
  /// Cloud cores on either date (all pixels, cropland or not) and the table of their counts;
  /// whether there is any.
  bool findCloudCores(const StepRows& held, const BlockPassRules& rules);
  /// Change magnitudes of the class rows and the rows beside them, then their 3 × 3 means.
  void changeMagnitudes(const StepRows& held, const BandSelection& bands, const BlockPassRules& rules);
  /// Flags the pixels the rules must look at (flagCandidates() with a before-date texture of 0).
  void preTest(const BlockPassRules& rules);
  /// The before date's texture where the rules read it: at the flagged pixels and beside them.
  void beforeTextures(const StepRows& held);
  /// The rules at the flagged pixels; whether any got a class.
  bool classifyCandidates(const StepRows& held, const BandSelection& bands, const BlockPassRules& rules,
                          bool anyCloud);
  /// Number of cloud cores within `r` of buffer pixel (x, y) (0 outside their bounding box).
  int cloudSum(int x, int y, int r) const;

  int m_width = 0, m_c0 = 0, m_c1 = 0;  // class rows [c0, c1) of the band
  int m_t0 = 0, m_t1 = 0;               // rows with textures
  int m_m0 = 0, m_m1 = 0;               // rows with magnitudes
  int m_strips = 0;
  int m_bx0 = 0, m_bx1 = 0, m_by0 = 0, m_by1 = 0;  // bounding box of the cloud candidates (buffer rows)
  std::vector<std::uint8_t> m_mask, m_classes, m_changed, m_evidence, m_candidates, m_candidateRows, m_croplandStrips,
      m_need, m_cloud;
  std::vector<float> m_texB, m_texA, m_columnSums, m_magnitudes, m_meanMagnitudes;
  std::vector<float> m_zeroRow;  // a before-date texture of 0 for the pre-test
  std::vector<int> m_cloudCount;
  TextureScratch m_textureScratch;
};

}  // namespace onemap::change::detail
