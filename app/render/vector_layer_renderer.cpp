#include "onemap/render/vector_layer_renderer.h"

#include <QImage>
#include <QPainter>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>

#include "onemap/render/feature_painter.h"
#include "onemap/render/label_placer.h"
#include "onemap/render/map_font.h"
#include "onemap/render/render_queue.h"
#include "onemap/render/vector_cache.h"
#include "onemap/vector/feature_reader.h"

namespace onemap::render {
namespace {

/// Layers with at most this many features get their in-memory copy at the first render.
constexpr std::int64_t kBuildAtOnceFeatures = 50000;
/// A larger layer's first render waits for its copy when the view shows this share of it.
constexpr double kBuildAtOnceCoverage = 0.3;
/// From this many features in view, an image is drawn in stripes on idle render threads.
constexpr std::size_t kStripeFeatures = 1000;
constexpr int kStripes = 4;
/// Cancellation is checked (and progress reported) every this many features.
constexpr std::size_t kCheckEvery = 64;

QBrush brushOf(const QColor& color) { return color.alpha() == 0 ? QBrush(Qt::NoBrush) : QBrush(color); }

struct LabelCandidate {
  std::uint32_t feature;
  QString text;
  QPointF anchor;
  double priority;
};

/// Brushes and label texts of the cached value tuples, computed when first needed. One thread.
class TupleStyles {
 public:
  TupleStyles(const VectorCacheData& data, const VectorStyle& style)
      : m_data(data), m_style(style), m_brushes(data.values.size()), m_labels(data.values.size()),
        m_haveBrush(data.values.size(), 0), m_haveLabel(data.values.size(), 0) {}
  const QBrush& brush(std::uint32_t tuple) {
    if (!m_haveBrush[tuple]) {
      m_brushes[tuple] = brushOf(m_style.fillFor(m_data.values[tuple]));
      m_haveBrush[tuple] = 1;
    }
    return m_brushes[tuple];
  }
  const QString& label(std::uint32_t tuple) {
    if (!m_haveLabel[tuple]) {
      m_labels[tuple] = m_style.labelFor(m_data.values[tuple]);
      m_haveLabel[tuple] = 1;
    }
    return m_labels[tuple];
  }

 private:
  const VectorCacheData& m_data;
  const VectorStyle& m_style;
  std::vector<QBrush> m_brushes;
  std::vector<QString> m_labels;
  std::vector<char> m_haveBrush;
  std::vector<char> m_haveLabel;
};

/// True when the feature is big enough on screen to carry a label.
bool labelWorthy(const FeatureGeometries& g, std::size_t f, double priority) {
  return priority >= 1.0 || (g.partBegin(f) < g.partEnd(f) && g.partKind(g.partBegin(f)) == FeatureGeometries::PartKind::Point);
}

/// Draws the cached `features` (ascending) onto `painter`, which covers `bounds` of the map.
FeaturePainter::Counts drawCached(QPainter& painter, const MapSettings& settings, const VectorStyle& style,
                                  const VectorCacheData& data, QRectF bounds,
                                  const std::vector<std::uint32_t>& features, Feedback& feedback,
                                  std::vector<LabelCandidate>* labels) {
  FeaturePainter fp(painter, settings, style, bounds);
  TupleStyles styles(data, style);
  const FeatureGeometries& g = data.geometries;
  for (std::size_t i = 0; i < features.size(); ++i) {
    if (i % kCheckEvery == 0) {
      if (feedback.isCanceled()) break;
      feedback.setProgress(double(i) / double(features.size()));
    }
    const std::uint32_t f = features[i];
    const std::uint32_t tuple = data.valueIndex[f];
    fp.draw(g, f, styles.brush(tuple));
    if (labels) {
      QPointF anchor;
      double priority = 0;
      fp.labelPlace(g, f, anchor, priority);
      if (labelWorthy(g, f, priority) && bounds.contains(anchor))
        if (const QString& text = styles.label(tuple); !text.trimmed().isEmpty())
          labels->push_back({f, text, anchor, priority});
    }
  }
  return fp.counts();
}

/// Runs `tasks` on the calling thread and, while they last, on free render threads.
void runParallel(const std::vector<std::function<void()>>& tasks) {
  std::atomic<std::size_t> next{0};
  std::mutex mutex;
  std::condition_variable done;
  int running = 0;
  const auto work = [&] {
    for (std::size_t i = next++; i < tasks.size(); i = next++) tasks[i]();
  };
  const int helpers = std::min(int(tasks.size()) - 1, RenderQueue::instance().limit() - 1);
  for (int h = 0; h < helpers; ++h) {
    {
      std::lock_guard lock(mutex);
      ++running;
    }
    const bool started = RenderQueue::instance().tryStart([&] {
      work();
      std::lock_guard lock(mutex);
      --running;
      done.notify_all();
    });
    if (!started) {
      std::lock_guard lock(mutex);
      --running;
      break;
    }
  }
  work();
  std::unique_lock lock(mutex);
  done.wait(lock, [&] { return running == 0; });
}

void placeLabels(QPainter& painter, const MapSettings& settings, const VectorStyle& style,
                 std::vector<LabelCandidate>& candidates) {
  if (candidates.empty()) return;
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const LabelCandidate& a, const LabelCandidate& b) { return a.feature < b.feature; });
  LabelPlacer placer(mapFont(style.labelSize), style.labelColor, style.labelHalo, 3.0 * settings.dpi() / 96.0);
  for (std::size_t i = 0; i < candidates.size(); ++i)
    if (i == 0 || candidates[i].feature != candidates[i - 1].feature)
      placer.add(candidates[i].text, candidates[i].anchor, candidates[i].priority);
  placer.paint(painter, QRectF(QPointF(0, 0), QSizeF(settings.outputSize())));
}

}  // namespace

VectorLayerRenderer::VectorLayerRenderer(std::filesystem::path source, std::string layerName,
                                         std::string encoding, VectorStyle style, double opacity,
                                         std::shared_ptr<VectorLayerCache> cache)
    : m_source(std::move(source)),
      m_layerName(std::move(layerName)),
      m_encoding(std::move(encoding)),
      m_style(std::move(style)),
      m_opacity(opacity),
      m_cache(std::move(cache)) {}

QString VectorLayerRenderer::render(QPainter& painter, const MapSettings& settings, Feedback& feedback) {
  // Symbol sizes are screen pixels (1/96 inch): a 300 dpi print gets them ~3x as many pixels.
  const VectorStyle style = m_style.scaledForDpi(settings.dpi());
  m_stats = {};
  if (!style.visibleAtScale(settings.scaleDenominator()) || feedback.isCanceled()) return {};
  const Extent view = settings.visibleExtent();
  const Extent area = view.buffered(FeaturePainter::margin(style) * settings.mapUnitsPerPixel());
  const QRectF bounds(QPointF(0, 0), QSizeF(settings.outputSize()));
  const bool withLabels = !style.labelField.empty();
  std::vector<LabelCandidate> labels;

  // The in-memory copy, if there is one or if it is worth waiting for.
  std::shared_ptr<const VectorCacheData> data;
  std::optional<vector::FeatureReader> reader;
  vector::OpenOptions openOptions;
  openOptions.encoding = m_encoding;
  if (m_cache) {
    auto slot = m_cache->slot({m_source, m_layerName, m_encoding, settings.crs(), style.requiredFields()});
    data = slot->data();
    if (!data && slot->state() != VectorCacheSlot::State::Unavailable) {
      auto opened = vector::FeatureReader::open(m_source, m_layerName, openOptions);
      if (!opened) return QString::fromStdString(opened.error().text());
      bool wait = opened->layer().featureCount <= kBuildAtOnceFeatures;
      if (!wait) {
        const auto extent = opened->extentIn(settings.crs());
        const double coverage = !extent ? 0.0
                                : extent->area() <= 0 ? 1.0
                                                      : extent->intersected(view).area() / extent->area();
        wait = coverage >= kBuildAtOnceCoverage;
      }
      if (wait) data = slot->obtain(feedback);
      else slot->buildInBackground();
      if (feedback.isCanceled()) return {};
      reader = std::move(*opened);
    }
  }

  if (data) {
    m_stats.fromCache = true;
    std::vector<std::uint32_t> features;
    data->grid.query(data->geometries.boxes(), area, features);
    m_stats.candidates = features.size();
    const bool stripes = features.size() >= kStripeFeatures && painter.device() != nullptr &&
                         painter.device()->devType() == QInternal::Image &&
                         painter.transform().type() == QTransform::TxNone && !painter.hasClipping();
    FeaturePainter::Counts counts;
    if (!stripes) {
      painter.save();
      counts = drawCached(painter, settings, style, *data, bounds, features, feedback,
                          withLabels ? &labels : nullptr);
      painter.restore();
    } else {
      // Horizontal stripes drawn into their own images in parallel, then copied in.
      const int width = settings.outputSize().width();
      const int height = settings.outputSize().height();
      const double upp = settings.mapUnitsPerPixel();
      const double marginMap = FeaturePainter::margin(style) * upp;
      std::vector<QImage> images(kStripes);
      std::vector<FeaturePainter::Counts> stripeCounts(kStripes);
      std::vector<std::vector<LabelCandidate>> stripeLabels(kStripes);
      std::vector<std::function<void()>> tasks;
      for (int k = 0; k < kStripes; ++k) {
        const int y0 = height * k / kStripes;
        const int y1 = height * (k + 1) / kStripes;
        if (y1 <= y0) continue;
        tasks.push_back([&, k, y0, y1] {
          if (feedback.isCanceled()) return;
          const Extent stripe =
              Extent(view.minX(), view.maxY() - y1 * upp, view.maxX(), view.maxY() - y0 * upp).buffered(marginMap);
          std::vector<std::uint32_t> ids;
          data->grid.query(data->geometries.boxes(), stripe, ids);
          images[std::size_t(k)] = QImage(width, y1 - y0, QImage::Format_ARGB32_Premultiplied);
          images[std::size_t(k)].fill(Qt::transparent);
          QPainter stripePainter(&images[std::size_t(k)]);
          stripePainter.setFont(painter.font());
          stripePainter.translate(0, -y0);
          stripeCounts[std::size_t(k)] =
              drawCached(stripePainter, settings, style, *data, QRectF(0, y0, width, y1 - y0), ids, feedback,
                         withLabels ? &stripeLabels[std::size_t(k)] : nullptr);
        });
      }
      runParallel(tasks);
      if (feedback.isCanceled()) return {};
      for (int k = 0; k < kStripes; ++k) {
        if (!images[std::size_t(k)].isNull()) painter.drawImage(QPoint(0, height * k / kStripes), images[std::size_t(k)]);
        counts.features += stripeCounts[std::size_t(k)].features;
        counts.dots += stripeCounts[std::size_t(k)].dots;
        counts.points += stripeCounts[std::size_t(k)].points;
        labels.insert(labels.end(), std::make_move_iterator(stripeLabels[std::size_t(k)].begin()),
                      std::make_move_iterator(stripeLabels[std::size_t(k)].end()));
      }
      m_stats.stripes = int(tasks.size());
    }
    m_stats.features = counts.features;
    m_stats.dots = counts.dots;
    m_stats.points = counts.points;
    if (!feedback.isCanceled()) placeLabels(painter, settings, style, labels);
    return {};
  }

  // Streaming: only the features in view, straight from the file.
  if (!reader) {
    auto opened = vector::FeatureReader::open(m_source, m_layerName, openOptions);
    if (!opened) return QString::fromStdString(opened.error().text());
    reader = std::move(*opened);
  }
  vector::ReadOptions options;
  options.targetCrs = settings.crs();
  options.filter = area;
  options.repairInvalid = false;  // drawing tolerates invalid rings; repair is for analysis
  options.fields = style.requiredFields();
  painter.save();
  FeaturePainter fp(painter, settings, style, bounds);
  FeatureGeometries one;
  std::vector<StyleValue> values;
  QColor lastColor;
  QBrush brush;
  const double expected = double(std::max<std::int64_t>(1, reader->layer().featureCount));
  std::size_t count = 0;
  auto result = reader->forEach(options, &feedback, [&](const vector::Feature& feature) {
    one.clear();
    if (feature.wkb.empty() || !one.appendWkb(feature.wkb)) return true;
    values.resize(feature.attributes.size());
    for (std::size_t k = 0; k < feature.attributes.size(); ++k) values[k] = toStyleValue(feature.attributes[k]);
    const QColor color = style.fillFor(values);
    if (count == 0 || color != lastColor) {
      lastColor = color;
      brush = brushOf(color);
    }
    fp.draw(one, 0, brush);
    if (withLabels) {
      QPointF anchor;
      double priority = 0;
      fp.labelPlace(one, 0, anchor, priority);
      if (labelWorthy(one, 0, priority) && bounds.contains(anchor))
        if (const QString text = style.labelFor(values); !text.trimmed().isEmpty())
          labels.push_back({std::uint32_t(count), text, anchor, priority});
    }
    if (++count % kCheckEvery == 0) feedback.setProgress(double(count) / expected);
    return !feedback.isCanceled();
  });
  painter.restore();
  m_stats.candidates = count;
  m_stats.features = fp.counts().features;
  m_stats.dots = fp.counts().dots;
  m_stats.points = fp.counts().points;
  if (!result && result.error().code == ErrorCode::Canceled) return {};
  if (!feedback.isCanceled()) placeLabels(painter, settings, style, labels);
  if (!result) return QString::fromStdString(result.error().text());
  return {};
}

}  // namespace onemap::render
