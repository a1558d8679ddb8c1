#include "onemap/render/vector_cache.h"

#include <QString>
#include <QThreadPool>

#include <atomic>
#include <chrono>
#include <limits>
#include <optional>
#include <cstdlib>
#include <unordered_map>

#include "onemap/vector/feature_reader.h"

namespace onemap::render {
namespace {

/// Background builds run here, apart from the render threads that may wait for them.
QThreadPool& loaderPool() {
  static QThreadPool pool;
  static const bool configured = [] {
    pool.setMaxThreadCount(2);
    pool.setObjectName(QStringLiteral("onemap-vector-cache"));
    return true;
  }();
  (void)configured;
  return pool;
}

/// Layers with this many features are read by two readers at once where the format allows.
constexpr std::int64_t kSplitReadFeatures = 40000;

struct BuildResult {
  std::shared_ptr<VectorCacheData> data;
  std::string error;
};

/// Features of one FID range read into the cache's arrays, with the keys of its value tuples so
/// that parts can be merged.
struct Part {
  std::shared_ptr<VectorCacheData> data = std::make_shared<VectorCacheData>();
  std::unordered_map<std::string, std::uint32_t> tuples;
  std::vector<const std::string*> tupleKeys;  ///< per tuple, into `tuples`
  std::string error;
  bool tooLarge = false;
};

/// Reads the features of `key` (those in `range` when set) into `out`; stops when the arrays
/// outgrow `limit` bytes.
void readPart(const VectorCacheKey& key, std::optional<std::pair<std::int64_t, std::int64_t>> range,
              std::size_t limit, Feedback& feedback, Part& out) {
  vector::OpenOptions openOptions;
  openOptions.encoding = key.encoding;
  auto reader = vector::FeatureReader::open(key.source, key.layerName, openOptions);
  if (!reader) {
    out.error = reader.error().text();
    return;
  }
  vector::ReadOptions options;
  options.targetCrs = key.crs;
  options.repairInvalid = false;  // drawing tolerates invalid rings; repair is for analysis
  options.fields = key.fields;
  options.fidRange = range;
  VectorCacheData& data = *out.data;
  std::string tupleKey;
  std::size_t count = 0;
  auto result = reader->forEach(options, &feedback, [&](const vector::Feature& feature) {
    if (feature.wkb.empty() || !data.geometries.appendWkb(feature.wkb)) return true;
    tupleKey.clear();
    for (const auto& value : feature.attributes) {
      tupleKey += char('0' + value.index());
      if (const auto* text = std::get_if<std::string>(&value)) tupleKey += *text;
      else if (const auto* i = std::get_if<std::int64_t>(&value)) tupleKey += std::to_string(*i);
      else if (const auto* d = std::get_if<double>(&value)) tupleKey.append(reinterpret_cast<const char*>(d), sizeof *d);
      tupleKey += '\x1f';
    }
    auto [it, inserted] = out.tuples.try_emplace(tupleKey, std::uint32_t(data.values.size()));
    if (inserted) {
      std::vector<StyleValue> values;
      values.reserve(feature.attributes.size());
      for (const auto& value : feature.attributes) values.push_back(toStyleValue(value));
      data.values.push_back(std::move(values));
      out.tupleKeys.push_back(&it->first);
    }
    data.valueIndex.push_back(it->second);
    if ((++count & 4095) == 0 && data.geometries.bytes() + data.valueIndex.capacity() * 4 > limit) {
      out.tooLarge = true;
      return false;
    }
    return true;
  });
  if (!result) out.error = result.error().text();
}

/// Appends `b`'s features to `a`, sharing value tuples.
void merge(Part& a, const Part& b) {
  VectorCacheData& data = *a.data;
  std::vector<std::uint32_t> remap(b.data->values.size());
  for (std::size_t t = 0; t < remap.size(); ++t) {
    auto [it, inserted] = a.tuples.try_emplace(*b.tupleKeys[t], std::uint32_t(data.values.size()));
    if (inserted) {
      data.values.push_back(b.data->values[t]);
      a.tupleKeys.push_back(&it->first);
    }
    remap[t] = it->second;
  }
  data.geometries.append(b.data->geometries);
  data.valueIndex.reserve(data.valueIndex.size() + b.data->valueIndex.size());
  for (const std::uint32_t t : b.data->valueIndex) data.valueIndex.push_back(remap[t]);
}

/// Reads the whole layer for `key`, in two FID halves on two threads when the format allows;
/// fails when it outgrows `limit` bytes.
BuildResult readLayer(const VectorCacheKey& key, std::size_t limit, Feedback& feedback) {
  BuildResult out;
  std::int64_t split = 0;
  {
    vector::OpenOptions openOptions;
    openOptions.encoding = key.encoding;
    auto reader = vector::FeatureReader::open(key.source, key.layerName, openOptions);
    if (!reader) {
      out.error = reader.error().text();
      return out;
    }
    if (reader->layer().featureCount >= kSplitReadFeatures && reader->hasFastFidFilter())
      split = reader->layer().featureCount / 2;  // FIDs usually run 1..N; any split is correct
  }
  Part first;
  if (split == 0) {
    readPart(key, std::nullopt, limit, feedback, first);
  } else {
    // The second half goes to a loader thread, unless this thread gets to it first.
    struct Shared {
      Part part;
      std::atomic<bool> claimed{false};
      std::mutex mutex;
      std::condition_variable done;
      bool finished = false;
    };
    auto shared = std::make_shared<Shared>();
    const auto secondHalf = [shared, key, split, limit, feedback]() mutable {
      if (shared->claimed.exchange(true)) return;
      readPart(key, std::pair{split + 1, std::numeric_limits<std::int64_t>::max()}, limit, feedback, shared->part);
      std::lock_guard lock(shared->mutex);
      shared->finished = true;
      shared->done.notify_all();
    };
    loaderPool().start(secondHalf);
    readPart(key, std::pair{std::numeric_limits<std::int64_t>::min(), split}, limit, feedback, first);
    auto self = secondHalf;
    self();  // no-op when the loader thread took it
    std::unique_lock lock(shared->mutex);
    shared->done.wait(lock, [&] { return shared->finished; });
    if (first.error.empty()) first.error = shared->part.error;
    first.tooLarge = first.tooLarge || shared->part.tooLarge;
    if (first.error.empty() && !first.tooLarge) merge(first, shared->part);
  }
  if (!first.error.empty()) {
    out.error = first.error;
    return out;
  }
  auto& data = first.data;
  if (first.tooLarge || data->geometries.bytes() > limit) {
    out.error = "the layer needs more memory than the vector cache allows (" + std::to_string(limit >> 20) +
                " MB); it is drawn from the file";
    return out;
  }
  data->geometries.shrinkToFit();
  data->valueIndex.shrink_to_fit();
  data->grid = FeatureGrid(data->geometries.boxes());
  out.data = std::move(data);
  return out;
}

}  // namespace

std::size_t VectorCacheData::bytes() const {
  std::size_t valueBytes = 0;
  for (const auto& tuple : values)
    for (const auto& v : tuple) valueBytes += sizeof(StyleValue) + v.text.capacity();
  return geometries.bytes() + grid.bytes() + valueIndex.capacity() * sizeof(std::uint32_t) + valueBytes;
}

StyleValue toStyleValue(const std::variant<std::monostate, std::int64_t, double, std::string>& value) {
  StyleValue out;
  if (const auto* text = std::get_if<std::string>(&value)) {
    out.text = *text;
    char* end = nullptr;
    const double parsed = std::strtod(text->c_str(), &end);
    if (end != text->c_str() && *end == '\0') out.number = parsed;
  } else if (const auto* i = std::get_if<std::int64_t>(&value)) {
    out.text = std::to_string(*i);
    out.number = double(*i);
  } else if (const auto* d = std::get_if<double>(&value)) {
    out.text = QString::number(*d, 'g', 10).toStdString();
    out.number = *d;
  }
  return out;
}

VectorCacheBudget::VectorCacheBudget(std::size_t perLayerBytes, std::size_t totalBytes)
    : m_perLayer(perLayerBytes), m_total(totalBytes) {}

void VectorCacheBudget::setLimits(std::size_t perLayerBytes, std::size_t totalBytes) {
  m_perLayer = perLayerBytes;
  m_total = totalBytes;
}

bool VectorCacheBudget::reserve(std::size_t bytes) {
  std::size_t used = m_used.load();
  do {
    if (used + bytes > m_total.load()) return false;
  } while (!m_used.compare_exchange_weak(used, used + bytes));
  return true;
}

void VectorCacheBudget::release(std::size_t bytes) { m_used -= bytes; }

VectorCacheSlot::VectorCacheSlot(VectorCacheKey key, std::shared_ptr<VectorCacheBudget> budget)
    : m_key(std::move(key)), m_budget(std::move(budget)) {}

VectorCacheSlot::~VectorCacheSlot() {
  if (m_reserved > 0) m_budget->release(m_reserved);
}

VectorCacheSlot::State VectorCacheSlot::state() const {
  std::lock_guard lock(m_mutex);
  return m_state;
}

std::shared_ptr<const VectorCacheData> VectorCacheSlot::data() const {
  std::lock_guard lock(m_mutex);
  return m_data;
}

std::string VectorCacheSlot::error() const {
  std::lock_guard lock(m_mutex);
  return m_error;
}

int VectorCacheSlot::buildsStarted() const {
  std::lock_guard lock(m_mutex);
  return m_builds;
}

bool VectorCacheSlot::claimBuild() {
  std::lock_guard lock(m_mutex);
  if (m_state != State::Empty) return false;
  if (m_budget->perLayerLimit() == 0) {
    m_state = State::Unavailable;
    m_error = "the vector cache is off";
    return false;
  }
  m_state = State::Building;
  ++m_builds;
  return true;
}

void VectorCacheSlot::runBuild() {
  BuildResult result = readLayer(m_key, m_budget->perLayerLimit(), m_buildFeedback);
  std::size_t bytes = result.data ? result.data->bytes() : 0;
  if (result.data && !m_budget->reserve(bytes)) {
    result.error = "the vector cache is full; the layer is drawn from the file";
    result.data.reset();
    bytes = 0;
  }
  {
    std::lock_guard lock(m_mutex);
    m_data = std::move(result.data);
    m_reserved = bytes;
    m_state = m_data ? State::Ready : State::Unavailable;
    m_error = result.error;
  }
  m_changed.notify_all();
}

std::shared_ptr<const VectorCacheData> VectorCacheSlot::obtain(const Feedback& waitFeedback) {
  if (claimBuild()) runBuild();
  std::unique_lock lock(m_mutex);
  while (m_state == State::Building) {
    if (waitFeedback.isCanceled()) return nullptr;
    m_changed.wait_for(lock, std::chrono::milliseconds(10));
  }
  return m_data;
}

void VectorCacheSlot::buildInBackground() {
  if (!claimBuild()) return;
  auto self = shared_from_this();
  loaderPool().start([self] { self->runBuild(); });
}

void VectorCacheSlot::cancelBuild() { m_buildFeedback.cancel(); }

VectorLayerCache::VectorLayerCache(std::shared_ptr<VectorCacheBudget> budget) : m_budget(std::move(budget)) {}

VectorLayerCache::~VectorLayerCache() {
  if (m_slot && m_slot->state() != VectorCacheSlot::State::Ready) m_slot->cancelBuild();
}

std::shared_ptr<VectorCacheSlot> VectorLayerCache::slot(const VectorCacheKey& key) {
  std::lock_guard lock(m_mutex);
  if (m_slot && m_slot->key() == key) return m_slot;
  if (m_slot && m_slot->state() != VectorCacheSlot::State::Ready) m_slot->cancelBuild();
  m_slot = std::make_shared<VectorCacheSlot>(key, m_budget);
  return m_slot;
}

std::shared_ptr<VectorCacheSlot> VectorLayerCache::currentSlot() const {
  std::lock_guard lock(m_mutex);
  return m_slot;
}

}  // namespace onemap::render
