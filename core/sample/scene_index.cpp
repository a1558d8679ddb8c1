#include "onemap/sample/scene_index.h"

#include <algorithm>
#include <cmath>

namespace onemap::sample {
namespace {

const Rect& rectOf(const Parcel& p) { return p.rect; }
const Rect& rectOf(const ChangeTruth& c) { return c.rect; }
const Rect& rectOf(const Distractor& d) { return d.rect; }

/// Soft disc: 1 inside 80 % of the radius, fading to 0 at the edge.
float discWeight(const Rect& r, double x, double y) {
  const double cx = (r.minX + r.maxX) / 2, cy = (r.minY + r.maxY) / 2;
  const double radius = r.width() / 2;
  const double d = std::hypot(x - cx, y - cy) / radius;
  if (d >= 1.0) return 0.0f;
  if (d <= 0.8) return 1.0f;
  return float((1.0 - d) / 0.2);
}

}  // namespace

Cover coverAfterChange(ChangeType type) {
  switch (type) {
    case ChangeType::Building: return Cover::Building;
    case ChangeType::Hardened: return Cover::Hardened;
    case ChangeType::Road: return Cover::Asphalt;
    case ChangeType::Pond: return Cover::Pond;
    case ChangeType::Orchard: return Cover::Orchard;
    case ChangeType::Nursery: return Cover::Nursery;
  }
  return Cover::BareSoil;
}

SceneIndex::SceneIndex(const Scene& scene, double bucketSize) : m_scene(scene), m_bucket(bucketSize) {
  m_cols = std::max(1, int(std::ceil(scene.extent.width() / m_bucket)));
  m_rows = std::max(1, int(std::ceil(scene.extent.height() / m_bucket)));
  bucketise(scene.parcels, m_parcels);
  bucketise(scene.changes, m_changes);
  bucketise(scene.distractors, m_distractors);
}

template <class T>
void SceneIndex::bucketise(const std::vector<T>& items, std::vector<std::vector<int>>& buckets) const {
  buckets.assign(std::size_t(m_cols) * std::size_t(m_rows), {});
  const Rect& e = m_scene.extent;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Rect& r = rectOf(items[i]);
    const int c0 = std::clamp(int(std::floor((r.minX - e.minX) / m_bucket)), 0, m_cols - 1);
    const int c1 = std::clamp(int(std::floor((r.maxX - e.minX) / m_bucket)), 0, m_cols - 1);
    const int r0 = std::clamp(int(std::floor((r.minY - e.minY) / m_bucket)), 0, m_rows - 1);
    const int r1 = std::clamp(int(std::floor((r.maxY - e.minY) / m_bucket)), 0, m_rows - 1);
    for (int row = r0; row <= r1; ++row)
      for (int col = c0; col <= c1; ++col) buckets[std::size_t(row) * std::size_t(m_cols) + std::size_t(col)].push_back(int(i));
  }
}

int SceneIndex::bucketOf(double x, double y) const {
  const Rect& e = m_scene.extent;
  const int col = int(std::floor((x - e.minX) / m_bucket));
  const int row = int(std::floor((y - e.minY) / m_bucket));
  if (col < 0 || row < 0 || col >= m_cols || row >= m_rows) return -1;
  return row * m_cols + col;
}

GroundSample SceneIndex::sample(int date, double x, double y) const {
  return sampleNear(date, x, y, -1);
}

void SceneIndex::sampleRow(int date, double x0, double dx, double y,
                           std::span<GroundSample> out) const {
  int hint = -1;
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i] = sampleNear(date, x0 + double(i) * dx, y, hint);
    hint = out[i].parcel;
  }
}

// `parcelHint` (-1 for none): a parcel to try first, usually the previous pixel's.
GroundSample SceneIndex::sampleNear(int date, double x, double y, int parcelHint) const {
  GroundSample s;
  const int bucket = bucketOf(x, y);
  if (bucket < 0) return s;
  const auto take = [&](int i) {
    const Parcel& p = m_scene.parcels[std::size_t(i)];
    if (!p.rect.contains(x, y)) return false;
    s.cover = p.cover;
    s.vigour = p.vigour;
    s.rowsAlongX = p.rowsAlongX;
    s.parcel = i;
    return true;
  };
  if (parcelHint < 0 || !take(parcelHint)) {
    for (int i : m_parcels[std::size_t(bucket)])
      if (take(i)) break;
  }
  if (date == 0) return s;

  for (int i : m_distractors[std::size_t(bucket)]) {
    const Distractor& d = m_scene.distractors[std::size_t(i)];
    switch (d.type) {
      case DistractorType::Harvest:
        if (d.parcel == s.parcel) s.cover = Cover::HarvestedStubble;
        break;
      case DistractorType::Rotation:
        if (d.parcel == s.parcel)
          s.cover = s.cover == Cover::PaddyRice ? Cover::DryCrop : Cover::PaddyRice;
        break;
      case DistractorType::OutsideCropland:
        if (d.rect.contains(x, y)) s.cover = Cover::Building;
        break;
      case DistractorType::Cloud: s.cloud = std::max(s.cloud, discWeight(d.rect, x, y)); break;
      case DistractorType::CloudShadow: s.shadow = std::max(s.shadow, discWeight(d.rect, x, y)); break;
    }
  }
  for (int i : m_changes[std::size_t(bucket)]) {
    const ChangeTruth& c = m_scene.changes[std::size_t(i)];
    if (!c.rect.contains(x, y)) continue;
    s.cover = coverAfterChange(c.type);
    s.change = i;
    break;
  }
  return s;
}

}  // namespace onemap::sample
