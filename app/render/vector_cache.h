#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <variant>
#include <vector>

#include "onemap/base/feedback.h"
#include "onemap/render/feature_geometries.h"
#include "onemap/render/feature_grid.h"
#include "onemap/render/vector_style.h"

namespace onemap::render {

/// What an in-memory copy of a vector layer depends on: the data, the map CRS it is reprojected
/// to and the attribute fields its style reads. A value type.
struct VectorCacheKey {
  std::filesystem::path source;
  std::string layerName;
  std::string encoding;
  std::string crs;
  std::vector<std::string> fields;  ///< VectorStyle::requiredFields()
  bool operator==(const VectorCacheKey&) const = default;
};

/// A whole vector layer in memory, reprojected to the map CRS: packed geometries, a grid index
/// and, per feature, an index into the distinct tuples of the key's field values. Immutable once
/// built; shared read-only by any number of render threads.
struct VectorCacheData {
  FeatureGeometries geometries;
  FeatureGrid grid;
  std::vector<std::uint32_t> valueIndex;             ///< per feature, into `values`
  std::vector<std::vector<StyleValue>> values;       ///< distinct value tuples (empty tuple when no fields)
  std::size_t bytes() const;
};

/// An attribute as styles see it (same alternatives as vector::AttributeValue).
StyleValue toStyleValue(const std::variant<std::monostate, std::int64_t, double, std::string>& value);

/// Memory limits for cached vector layers, shared by every layer of one RendererFactory.
/// Thread-safe.
class VectorCacheBudget {
 public:
  VectorCacheBudget(std::size_t perLayerBytes, std::size_t totalBytes);
  void setLimits(std::size_t perLayerBytes, std::size_t totalBytes);
  std::size_t perLayerLimit() const { return m_perLayer.load(); }
  /// Takes `bytes` from the total; false (nothing taken) when that would exceed it.
  bool reserve(std::size_t bytes);
  void release(std::size_t bytes);
  std::size_t used() const { return m_used.load(); }

 private:
  std::atomic<std::size_t> m_perLayer;
  std::atomic<std::size_t> m_total;
  std::atomic<std::size_t> m_used{0};
};

/// One cached copy (one key) of a vector layer, built at most once: by the first render that
/// needs it (others wait for that build) or on a background loader thread. A layer too big for
/// the budget, or unreadable, becomes Unavailable and renderers stream from the file instead.
/// Thread-safe; shared by the layer's cache and the renderers using it.
class VectorCacheSlot : public std::enable_shared_from_this<VectorCacheSlot> {
 public:
  enum class State { Empty, Building, Ready, Unavailable };

  VectorCacheSlot(VectorCacheKey key, std::shared_ptr<VectorCacheBudget> budget);
  ~VectorCacheSlot();
  VectorCacheSlot(const VectorCacheSlot&) = delete;
  VectorCacheSlot& operator=(const VectorCacheSlot&) = delete;

  const VectorCacheKey& key() const { return m_key; }
  State state() const;
  /// The data when Ready, else null (never waits).
  std::shared_ptr<const VectorCacheData> data() const;
  /// The data, building it on this thread when nobody has started, or waiting for the thread
  /// that builds it. Returns null when the layer is Unavailable or `waitFeedback` was canceled
  /// while waiting (the build itself goes on: others will use it).
  std::shared_ptr<const VectorCacheData> obtain(const Feedback& waitFeedback);
  /// Starts the build on a background loader thread unless it was started already.
  void buildInBackground();
  /// Stops an unfinished build (the slot becomes Unavailable).
  void cancelBuild();
  /// Why the slot is Unavailable (empty otherwise).
  std::string error() const;
  /// How many builds were started on this slot (0 or 1).
  int buildsStarted() const;

 private:
  bool claimBuild();
  void runBuild();

  const VectorCacheKey m_key;
  std::shared_ptr<VectorCacheBudget> m_budget;
  mutable std::mutex m_mutex;
  std::condition_variable m_changed;
  State m_state = State::Empty;
  std::shared_ptr<const VectorCacheData> m_data;
  std::string m_error;
  std::size_t m_reserved = 0;
  int m_builds = 0;
  Feedback m_buildFeedback;
};

/// The cached copy of one project layer: hands out the slot for the key a render needs and
/// replaces it when the key changes (other CRS, other style fields, other source). Destroying it
/// stops unfinished builds. Thread-safe; owned by RendererFactory and shared with its renderers.
class VectorLayerCache {
 public:
  explicit VectorLayerCache(std::shared_ptr<VectorCacheBudget> budget);
  ~VectorLayerCache();
  VectorLayerCache(const VectorLayerCache&) = delete;
  VectorLayerCache& operator=(const VectorLayerCache&) = delete;

  std::shared_ptr<VectorCacheSlot> slot(const VectorCacheKey& key);
  /// The current slot, or null before the first render.
  std::shared_ptr<VectorCacheSlot> currentSlot() const;

 private:
  std::shared_ptr<VectorCacheBudget> m_budget;
  mutable std::mutex m_mutex;
  std::shared_ptr<VectorCacheSlot> m_slot;
};

}  // namespace onemap::render
