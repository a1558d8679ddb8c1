#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QtConcurrent/QtConcurrentRun>
#include <QtTest>

#include <atomic>
#include <cmath>
#include <random>
#include <semaphore>

#include "gdal_fixtures.h"
#include "onemap/project/project.h"
#include "onemap/render/land_use_palette.h"
#include "onemap/render/map_render_job.h"
#include "onemap/render/renderer_factory.h"
#include "onemap/render/vector_cache.h"
#include "onemap/render/vector_layer_renderer.h"
#include "temp_dir.h"

using namespace onemap;

namespace {

/// Map of the fixtures: 500000..500800 E, 3499200..3500000 N (800 m), drawn at 400 x 400 px.
const Extent kExtent{500000, 3499200, 500800, 3500000};
const char* const kCodes[] = {"0101", "0103", "0201", "0301", "0404", "0702", "1001", "1101", "1203"};

std::string ringWkt(const std::vector<QPointF>& ring) {
  std::string out = "(";
  for (std::size_t i = 0; i <= ring.size(); ++i) {
    const QPointF& p = ring[i % ring.size()];
    out += (i ? "," : "") + std::to_string(p.x()) + " " + std::to_string(p.y());
  }
  return out + ")";
}

/// A jittered polygon around (cx, cy) with `n` vertices and radius `r` (map units).
std::vector<QPointF> blob(std::mt19937& random, double cx, double cy, double r, int n) {
  std::uniform_real_distribution<double> jitter(0.75, 1.0);
  std::vector<QPointF> ring;
  for (int i = 0; i < n; ++i) {
    const double a = 2 * M_PI * i / n;
    const double d = r * jitter(random);
    ring.emplace_back(cx + d * std::cos(a), cy + d * std::sin(a));
  }
  return ring;
}

/// A land-use polygon of the fixtures: rings (all parts), DLBM code, name.
struct FixturePolygon {
  std::vector<std::vector<QPointF>> rings;
  bool multipart = false;
  std::string code;
  std::string name;
};

/// `columns` x `rows` land-use polygons over kExtent: jittered blobs, some with holes, some
/// multipart, with DLBM codes and names.
std::vector<FixturePolygon> landUsePolygons(int columns, int rows, unsigned seed = 7) {
  std::mt19937 random(seed);
  std::vector<FixturePolygon> out;
  const double w = kExtent.width() / columns;
  const double h = kExtent.height() / rows;
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < columns; ++c) {
      const double cx = kExtent.minX() + (c + 0.5) * w;
      const double cy = kExtent.minY() + (r + 0.5) * h;
      const int k = (r * columns + c) % 9;
      FixturePolygon polygon;
      polygon.code = kCodes[k];
      polygon.name = "图斑" + std::to_string(r * columns + c);
      if (k == 7) {
        polygon.multipart = true;
        polygon.rings = {blob(random, cx - w / 4, cy, std::min(w, h) * 0.2, 7),
                         blob(random, cx + w / 4, cy, std::min(w, h) * 0.2, 8)};
      } else {
        polygon.rings = {blob(random, cx, cy, std::min(w, h) * 0.48, 5 + (r + c) % 12)};
        if (k == 4) polygon.rings.push_back(blob(random, cx, cy, std::min(w, h) * 0.2, 6));
      }
      out.push_back(std::move(polygon));
    }
  return out;
}

std::vector<test::FixtureFeature> toFeatures(const std::vector<FixturePolygon>& polygons) {
  std::vector<test::FixtureFeature> features;
  for (const auto& polygon : polygons) {
    std::string wkt;
    if (polygon.multipart) {
      wkt = "MULTIPOLYGON(";
      for (std::size_t i = 0; i < polygon.rings.size(); ++i) wkt += (i ? ",(" : "(") + ringWkt(polygon.rings[i]) + ")";
    } else {
      wkt = "POLYGON(";
      for (std::size_t i = 0; i < polygon.rings.size(); ++i) wkt += (i ? "," : "") + ringWkt(polygon.rings[i]);
    }
    features.push_back({wkt + ")", {polygon.code, polygon.name}});
  }
  return features;
}

project::LayerSpec vectorLayer(const std::string& id, const std::filesystem::path& source) {
  project::LayerSpec layer;
  layer.id = id;
  layer.kind = project::LayerKind::Vector;
  layer.source = source;
  layer.style = {{"mode", "categorized"}, {"category_field", "DLBM"}, {"palette", "dlbm"},
                 {"stroke", "#404040"}, {"stroke_width", "1"}};
  return layer;
}

struct Rendered {
  QImage image;
  render::VectorLayerRenderer::Stats stats;
  QString error;
};

Rendered renderWith(render::RendererFactory& factory, const project::LayerSpec& layer, const Extent& extent,
                    QSize size = QSize(400, 400), Feedback feedback = Feedback()) {
  auto renderer = factory.create(layer);
  auto* vector = dynamic_cast<render::VectorLayerRenderer*>(renderer.get());
  Rendered out;
  out.image = QImage(size, QImage::Format_ARGB32_Premultiplied);
  out.image.fill(Qt::white);
  // Like the canvas: on a render thread.
  QtConcurrent::run(render::MapRenderJob::threadPool(), [&] {
    QPainter painter(&out.image);
    out.error = renderer->render(painter, render::MapSettings(extent, size, "EPSG:4549"), feedback);
  }).waitForFinished();
  if (vector) out.stats = vector->stats();
  return out;
}

/// Pixels whose colour differs by more than `tolerance` on some channel.
int differingPixels(const QImage& a, const QImage& b, int tolerance = 0) {
  int count = 0;
  for (int y = 0; y < a.height(); ++y)
    for (int x = 0; x < a.width(); ++x) {
      const QRgb p = a.pixel(x, y);
      const QRgb q = b.pixel(x, y);
      if (std::abs(qRed(p) - qRed(q)) > tolerance || std::abs(qGreen(p) - qGreen(q)) > tolerance ||
          std::abs(qBlue(p) - qBlue(q)) > tolerance)
        ++count;
    }
  return count;
}

}  // namespace

/// The vector renderer's in-memory copies, level of detail and cancellation: the copy draws what
/// the file draws, is built once, follows style changes and memory limits; LOD keeps every
/// visible polygon; a canceled render stops early.
class VectorRenderTest : public QObject {
  Q_OBJECT
 private:
  test::TempDir m_dir;
  std::filesystem::path m_landUse;  // 24 x 24 polygons
  std::filesystem::path m_large;    // 150 x 150 polygons

 private slots:
  void initTestCase() {
    m_landUse = m_dir / "dltb.gpkg";
    test::writeVector(m_landUse, "GPKG", "DLTB", 4549, {"DLBM", "DLMC"}, toFeatures(landUsePolygons(24, 24)));
    m_large = m_dir / "large.gpkg";
    test::writeVector(m_large, "GPKG", "DLTB", 4549, {"DLBM", "DLMC"}, toFeatures(landUsePolygons(150, 150, 11)));
  }

  void cacheDrawsExactlyWhatTheFileDraws() {
    const auto layer = vectorLayer("dltb", m_landUse);
    render::RendererFactory cached;
    render::RendererFactory streamed;
    streamed.setVectorCacheLimits(0, 0);
    // Full view, a zoomed view cutting polygons at the edges, and a view with sub-pixel polygons.
    const std::vector<std::pair<Extent, QSize>> views{
        {kExtent, QSize(400, 400)},
        {Extent(500130, 3499410, 500390, 3499610), QSize(400, 300)},
        {kExtent.scaled(2.0), QSize(60, 60)}};
    for (const auto& [extent, size] : views) {
      const Rendered a = renderWith(cached, layer, extent, size);
      const Rendered b = renderWith(streamed, layer, extent, size);
      QVERIFY2(a.error.isEmpty() && b.error.isEmpty(), qPrintable(a.error + b.error));
      QVERIFY(a.stats.fromCache);
      QVERIFY(!b.stats.fromCache);
      QCOMPARE(a.stats.features + a.stats.dots, b.stats.features + b.stats.dots);
      QVERIFY(a.stats.features + a.stats.dots > 0);
      QCOMPARE(differingPixels(a.image, b.image), 0);
    }
    // The categorized colours really are there: polygon (0, 0) is 0101 and (1, 0) is 0103.
    const Rendered full = renderWith(cached, layer, kExtent);
    const double cell = 400.0 / 24;
    QCOMPARE(QColor(full.image.pixel(int(cell / 2), int(400 - cell / 2))), render::landUseColor("0101"));
    QCOMPARE(QColor(full.image.pixel(int(cell * 1.5), int(400 - cell / 2))), render::landUseColor("0103"));
  }

  void largeLayerInStripesMatchesTheFileDrawing() {
    const auto layer = vectorLayer("large", m_large);
    render::RendererFactory cached;
    render::RendererFactory streamed;
    streamed.setVectorCacheLimits(0, 0);
    const Rendered a = renderWith(cached, layer, kExtent, QSize(600, 600));
    const Rendered b = renderWith(streamed, layer, kExtent, QSize(600, 600));
    QVERIFY(a.stats.fromCache);
    QVERIFY2(a.stats.stripes > 1, "enough features to draw in stripes");
    QCOMPARE(a.stats.candidates, std::size_t(150 * 150));
    // Stripe edges may round a few antialiased pixels differently, nothing more.
    const int differing = differingPixels(a.image, b.image, 8);
    QVERIFY2(differing < 60, qPrintable(QString::number(differing)));
  }

  void cacheIsBuiltOnceWhenTwoRendersRace() {
    const auto layer = vectorLayer("race", m_large);
    render::RendererFactory factory;
    std::vector<std::unique_ptr<render::LayerRenderer>> renderers;
    renderers.push_back(factory.create(layer));
    renderers.push_back(factory.create(layer));
    std::counting_semaphore<2> go(0);
    std::vector<QImage> images(2, QImage(300, 300, QImage::Format_ARGB32_Premultiplied));
    std::vector<QFuture<void>> runs;
    for (int i = 0; i < 2; ++i)
      runs.push_back(QtConcurrent::run(render::MapRenderJob::threadPool(), [&, i] {
        images[std::size_t(i)].fill(Qt::white);
        go.acquire();
        QPainter painter(&images[std::size_t(i)]);
        Feedback feedback;
        renderers[std::size_t(i)]->render(painter, render::MapSettings(kExtent, QSize(300, 300), "EPSG:4549"), feedback);
      }));
    go.release(2);
    for (auto& run : runs) run.waitForFinished();
    const auto slot = factory.vectorCache("race")->currentSlot();
    QVERIFY(slot);
    QCOMPARE(slot->buildsStarted(), 1);
    QCOMPARE(slot->state(), render::VectorCacheSlot::State::Ready);
    for (const auto& renderer : renderers)
      QVERIFY(dynamic_cast<render::VectorLayerRenderer&>(*renderer).stats().fromCache);
    QCOMPARE(differingPixels(images[0], images[1]), 0);
    QVERIFY(factory.vectorCacheBytes() > std::size_t(150 * 150) * 5 * 16);  // at least the coordinates
  }

  void styleChangeDropsTheCopy() {
    auto layer = vectorLayer("style", m_landUse);
    render::RendererFactory factory;
    const Rendered before = renderWith(factory, layer, kExtent);
    QVERIFY(before.stats.fromCache);
    const auto first = factory.vectorCache("style")->currentSlot();
    QCOMPARE(first->key().fields, std::vector<std::string>{"DLBM"});
    // What ProjectController::setLayerStyle does: new style, invalidate.
    layer.style = {{"fill", "#ff0000"}, {"stroke", "none"}, {"label_field", "DLMC"}};
    factory.invalidate("style");
    QVERIFY(!factory.vectorCache("style"));
    const Rendered after = renderWith(factory, layer, kExtent);
    QVERIFY(after.stats.fromCache);
    const auto second = factory.vectorCache("style")->currentSlot();
    QVERIFY(second != first);
    QCOMPARE(second->key().fields, std::vector<std::string>{"DLMC"});
    const double cell = 400.0 / 24;
    QCOMPARE(QColor(after.image.pixel(int(cell / 2), int(400 - cell / 2))), QColor(255, 0, 0));
    // Even without invalidate, a style reading other fields gets its own copy.
    layer.style = {{"mode", "categorized"}, {"category_field", "DLBM"}, {"label_field", "DLMC"}};
    renderWith(factory, layer, kExtent);
    QCOMPARE(factory.vectorCache("style")->currentSlot()->key().fields, (std::vector<std::string>{"DLBM", "DLMC"}));
    QVERIFY(factory.vectorCache("style")->currentSlot() != second);
  }

  void layerOverTheMemoryLimitIsDrawnFromTheFile() {
    const auto layer = vectorLayer("limit", m_landUse);
    render::RendererFactory unlimited;
    render::RendererFactory limited;
    limited.setVectorCacheLimits(4096, 1 << 20);
    const Rendered a = renderWith(unlimited, layer, kExtent);
    const Rendered b = renderWith(limited, layer, kExtent);
    QVERIFY(a.stats.fromCache);
    QVERIFY(!b.stats.fromCache);
    QCOMPARE(limited.vectorCache("limit")->currentSlot()->state(), render::VectorCacheSlot::State::Unavailable);
    QCOMPARE(limited.vectorCacheBytes(), std::size_t(0));
    QCOMPARE(differingPixels(a.image, b.image), 0);
    // The second render does not try again: still from the file, no new build.
    const Rendered c = renderWith(limited, layer, kExtent);
    QVERIFY(!c.stats.fromCache);
    QCOMPARE(limited.vectorCache("limit")->currentSlot()->buildsStarted(), 1);
  }

  void levelOfDetailKeepsEveryPolygonAboveAPixel() {
    // Round polygons of 200 vertices, 1.5 to 9 px across, each filled black on white.
    std::vector<test::FixtureFeature> features;
    std::vector<QPointF> centres;
    std::vector<double> radii;
    int i = 0;
    for (double y = 3499220; y < 3499990; y += 40)
      for (double x = 500020; x < 500790; x += 40, ++i) {
        const double radius = 0.4 + (i % 16) * 0.55;
        std::vector<QPointF> ring;
        for (int k = 0; k < 200; ++k)
          ring.emplace_back(x + radius * std::cos(2 * M_PI * k / 200), y + radius * std::sin(2 * M_PI * k / 200));
        features.push_back({"POLYGON(" + ringWkt(ring) + ")", {"0101", ""}});
        centres.emplace_back(x, y);
        radii.push_back(radius);
      }
    test::writeVector(m_dir / "round.gpkg", "GPKG", "round", 4549, {"DLBM", "DLMC"}, features);
    project::LayerSpec layer = vectorLayer("round", m_dir / "round.gpkg");
    layer.style = {{"fill", "#000000"}, {"stroke", "none"}};
    // 2 m per pixel: radii 0.4..8.65 m are 0.2..4.3 px.
    render::RendererFactory factory;
    const QSize size(400, 400);
    const Rendered lod = renderWith(factory, layer, kExtent, size);
    QVERIFY(lod.stats.fromCache);
    QVERIFY2(lod.stats.points < std::size_t(200) * features.size() / 4,
             qPrintable(QString::number(lod.stats.points)));  // most vertices were dropped
    const render::MapSettings settings(kExtent, size, "EPSG:4549");
    for (std::size_t f = 0; f < centres.size(); ++f) {
      const QPointF p = settings.toPixel(centres[f].x(), centres[f].y());
      const int grey = qGray(lod.image.pixel(int(p.x()), int(p.y())));
      const int limit = radii[f] >= 3.0 ? 40 : 250;  // 3 px across: solid centre; smaller: something
      QVERIFY2(grey < limit, qPrintable(QStringLiteral("polygon %1 (r %2 m) at %3,%4: grey %5")
                                            .arg(f).arg(radii[f]).arg(p.x()).arg(p.y()).arg(grey)));
    }
    // Against every vertex drawn as it is (what the renderer did before level of detail).
    QImage exact(size, QImage::Format_ARGB32_Premultiplied);
    exact.fill(Qt::white);
    {
      QPainter painter(&exact);
      painter.setRenderHint(QPainter::Antialiasing, true);
      painter.setPen(Qt::NoPen);
      painter.setBrush(Qt::black);
      for (std::size_t f = 0; f < centres.size(); ++f) {
        QPainterPath path;
        for (int k = 0; k < 200; ++k) {
          const QPointF p = settings.toPixel(centres[f].x() + radii[f] * std::cos(2 * M_PI * k / 200),
                                             centres[f].y() + radii[f] * std::sin(2 * M_PI * k / 200));
          if (k == 0) path.moveTo(p);
          else path.lineTo(p);
        }
        path.closeSubpath();
        painter.drawPath(path);
      }
    }
    const int differing = differingPixels(lod.image, exact, 64);
    QVERIFY2(differing < int(centres.size()), qPrintable(QString::number(differing)));
  }

  void zoomedInViewIsNearlyTheExactDrawing() {
    // At a large scale level of detail must not change the picture: compare with every vertex of
    // every polygon drawn as a path, the way the renderer drew before it had level of detail.
    const auto polygons = landUsePolygons(24, 24);
    const auto layer = vectorLayer("exact", m_landUse);
    render::RendererFactory factory;
    const Extent view(500200, 3499400, 500500, 3499600);
    const QSize size(600, 400);
    const Rendered lod = renderWith(factory, layer, view, size);
    QVERIFY(lod.stats.fromCache);
    QCOMPARE(lod.stats.dots, std::size_t(0));
    QVERIFY(lod.stats.features > 50);
    const render::MapSettings settings(view, size, "EPSG:4549");
    QImage exact(size, QImage::Format_ARGB32_Premultiplied);
    exact.fill(Qt::white);
    {
      QPainter painter(&exact);
      painter.setRenderHint(QPainter::Antialiasing, true);
      QPen pen(QColor("#404040"), 1);
      pen.setCosmetic(true);
      painter.setPen(pen);
      for (const auto& polygon : polygons) {
        QPainterPath path;
        path.setFillRule(Qt::OddEvenFill);
        for (const auto& ring : polygon.rings) {
          for (std::size_t i = 0; i <= ring.size(); ++i) {
            const QPointF p = settings.toPixel(ring[i % ring.size()].x(), ring[i % ring.size()].y());
            if (i == 0) path.moveTo(p);
            else path.lineTo(p);
          }
          path.closeSubpath();
        }
        painter.setBrush(render::landUseColor(polygon.code));
        painter.drawPath(path);
      }
    }
    const int differing = differingPixels(lod.image, exact, 16);
    QVERIFY2(differing < 100, qPrintable(QString::number(differing)));
  }

  void zoomedInFirstRenderOfALargeLayerReadsTheViewAndCopiesInTheBackground() {
    // 60 000 points: too many to make the first render wait for a whole copy when it shows 1 %.
    std::vector<test::FixtureFeature> points;
    for (int i = 0; i < 60000; ++i)
      points.push_back({"POINT(" + std::to_string(500000 + (i % 300) * 800.0 / 300) + " " +
                            std::to_string(3499200 + (i / 300) * 800.0 / 200) + ")",
                        {kCodes[i % 9], ""}});
    test::writeVector(m_dir / "points.gpkg", "GPKG", "points", 4549, {"DLBM", "DLMC"}, points);
    project::LayerSpec layer = vectorLayer("points", m_dir / "points.gpkg");
    layer.style["point_size"] = "3";
    render::RendererFactory factory;
    const Extent corner(500000, 3499200, 500080, 3499280);
    const Rendered first = renderWith(factory, layer, corner);
    QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
    QVERIFY(!first.stats.fromCache);
    QVERIFY(first.stats.candidates < 1000);  // only the view was read
    QVERIFY(first.stats.features > 100);
    const auto slot = factory.vectorCache("points")->currentSlot();
    QCOMPARE(slot->buildsStarted(), 1);
    // The copy is being made on a loader thread; once there, renders use it.
    QTRY_COMPARE_WITH_TIMEOUT(slot->state(), render::VectorCacheSlot::State::Ready, 60000);
    const Rendered second = renderWith(factory, layer, corner);
    QVERIFY(second.stats.fromCache);
    QCOMPARE(second.stats.features, first.stats.features);
    QCOMPARE(differingPixels(first.image, second.image), 0);
    QCOMPARE(slot->buildsStarted(), 1);
  }

  void canceledRenderStopsEarly() {
    const auto layer = vectorLayer("cancel", m_large);
    for (const bool useCache : {false, true}) {
      render::RendererFactory factory;
      if (!useCache) factory.setVectorCacheLimits(0, 0);
      else renderWith(factory, layer, kExtent);  // builds the copy
      // The first progress report cancels: the renderer must notice within a few dozen features.
      Feedback feedback([&feedback](double, std::string_view) { feedback.cancel(); });
      const Rendered r = renderWith(factory, layer, kExtent, QSize(600, 600), feedback);
      QVERIFY(feedback.isCanceled());
      QCOMPARE(r.stats.fromCache, useCache);
      QVERIFY2(r.stats.features + r.stats.dots < 1000,
               qPrintable(QStringLiteral("%1 of %2 drawn").arg(r.stats.features + r.stats.dots).arg(150 * 150)));
      QVERIFY(r.error.isEmpty());
    }
  }

  void canceledJobStillFinishes() {
    // A canceled job reports finished (the canvas deletes it then) without drawing everything.
    render::RendererFactory factory;
    factory.setVectorCacheLimits(0, 0);
    std::vector<std::unique_ptr<render::LayerRenderer>> layers;
    layers.push_back(factory.create(vectorLayer("job", m_large)));
    render::MapRenderJob job(render::MapSettings(kExtent, QSize(600, 600), "EPSG:4549"), std::move(layers));
    QSignalSpy spy(&job, &render::MapRenderJob::finished);
    job.start();
    job.cancel();
    QVERIFY(spy.wait(10000));
    QVERIFY(!job.isActive());
  }
};

QTEST_MAIN(VectorRenderTest)
#include "vector_render_test.moc"
