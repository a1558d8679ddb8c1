#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "onemap/sample/scene.h"

namespace onemap::sample {

/// What the ground is at one point on one date, as the imagery synthesiser needs it.
struct GroundSample {
  Cover cover = Cover::Grass;
  float vigour = 1.0f;
  bool rowsAlongX = true;
  int parcel = -1;        ///< parcel index, -1 outside every parcel
  int change = -1;        ///< change index when a change shows here (second date)
  float cloud = 0.0f;     ///< cloud opacity 0..1 (second date)
  float shadow = 0.0f;    ///< cloud-shadow darkening 0..1 (second date)
};

/// Bucketed spatial index over a Scene answering "what covers (x, y) on date 0/1".
/// Immutable after construction; safe to query from many threads. Keeps a reference to the scene.
class SceneIndex {
 public:
  explicit SceneIndex(const Scene& scene, double bucketSize = 100.0);

  /// date 0 = before, 1 = after (changes, harvest, rotation, clouds applied).
  GroundSample sample(int date, double x, double y) const;

  /// sample() at the points (x0 + i·dx, y), i < out.size(): one pixel row, faster because
  /// neighbouring points usually fall in the same parcel (parcels do not overlap).
  void sampleRow(int date, double x0, double dx, double y, std::span<GroundSample> out) const;

  const Scene& scene() const { return m_scene; }

 private:
  template <class T>
  void bucketise(const std::vector<T>& items, std::vector<std::vector<int>>& buckets) const;
  int bucketOf(double x, double y) const;
  GroundSample sampleNear(int date, double x, double y, int parcelHint) const;

  const Scene& m_scene;
  double m_bucket;
  int m_cols = 0, m_rows = 0;
  std::vector<std::vector<int>> m_parcels;
  std::vector<std::vector<int>> m_changes;
  std::vector<std::vector<int>> m_distractors;
};

/// The cover a change turns its ground into on the second date.
Cover coverAfterChange(ChangeType type);

}  // namespace onemap::sample
