#include <QMainWindow>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QSplitter>
#include <QtTest>

#include "gdal_fixtures.h"
#include "onemap/gui/map_canvas.h"
#include "onemap/gui/project_controller.h"
#include "onemap/gui/side_by_side_view.h"
#include "onemap/gui/swipe_tool.h"
#include "onemap/gui/window_context.h"
#include "temp_dir.h"

using namespace onemap;

namespace {

constexpr QRgb kRed = 0xffff0000;
constexpr QRgb kGreen = 0xff00ff00;
constexpr QRgb kWhite = 0xffffffff;

/// A 64×64 three-band Byte GeoTIFF of one colour (EPSG:4549, 2 m pixels).
void writeColourRaster(const std::filesystem::path& path, QRgb colour) {
  test::GeoTiffSpec spec;
  spec.dataType = "Byte";
  spec.value = [colour](int band, int, int) {
    return double(band == 1 ? qRed(colour) : band == 2 ? qGreen(colour) : qBlue(colour));
  };
  test::writeGeoTiff(path, spec);
}

/// A window with a canvas as its central widget, as the shell builds it.
struct Harness {
  gui::ProjectController project;
  QMainWindow window;
  gui::MapCanvas* canvas;
  gui::WindowContext context;

  Harness() : canvas(new gui::MapCanvas(&project, &window)) {
    window.setCentralWidget(canvas);
    context.window = &window;
    context.project = &project;
    context.canvas = canvas;
    window.resize(800, 400);
    window.show();
  }

  /// Adds a raster with a fixed 0–255 stretch so colours come out exactly.
  void addRaster(const std::filesystem::path& file) {
    QVERIFY(project.addLayerFile(file).isEmpty());
    const int index = int(project.project().layers.size()) - 1;
    project.setLayerStyle(index, {{"bands", "1,2,3"}, {"stretch_values", "0,255;0,255;0,255"}});
  }
};

bool idle(const gui::MapCanvas* canvas) { return !canvas->isRendering() && !canvas->renderedImage().isNull(); }

QRgb pixelAt(QWidget* widget, QPoint p) { return widget->grab().toImage().pixel(p); }

void sendMouse(QWidget* widget, QEvent::Type type, QPoint pos, Qt::MouseButton button, Qt::MouseButtons buttons) {
  QMouseEvent event(type, QPointF(pos), widget->mapToGlobal(QPointF(pos)), button, buttons, Qt::NoModifier);
  QCoreApplication::sendEvent(widget, &event);
}

void drag(QWidget* widget, QPoint from, QPoint to) {
  sendMouse(widget, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
  sendMouse(widget, QEvent::MouseMove, (from + to) / 2, Qt::NoButton, Qt::LeftButton);
  sendMouse(widget, QEvent::MouseMove, to, Qt::NoButton, Qt::LeftButton);
  sendMouse(widget, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
}

/// Centre and map units per pixel agree (the two canvases show the same place at the same scale).
void verifySameView(const gui::MapCanvas* a, const gui::MapCanvas* b) {
  const auto sa = a->currentSettings();
  const auto sb = b->currentSettings();
  QVERIFY(sa.isValid() && sb.isValid());
  const double upp = sa.mapUnitsPerPixel();
  QVERIFY2(std::abs(upp - sb.mapUnitsPerPixel()) < upp * 1e-6,
           qPrintable(QStringLiteral("%1 vs %2").arg(upp).arg(sb.mapUnitsPerPixel())));
  QVERIFY(std::abs(sa.visibleExtent().centerX() - sb.visibleExtent().centerX()) < upp * 0.01);
  QVERIFY(std::abs(sa.visibleExtent().centerY() - sb.visibleExtent().centerY()) < upp * 0.01);
}

}  // namespace

/// Comparing two dates: the swipe tool and the linked side-by-side view.
class CompareViewsTest : public QObject {
  Q_OBJECT
 private slots:
  void swipeShowsTheSwipeLayerLeftOfTheDividerAndTheRestRight() {
    test::TempDir dir;
    writeColourRaster(dir / "before_green.tif", kGreen);
    writeColourRaster(dir / "after_red.tif", kRed);
    Harness h;
    h.addRaster(dir / "before_green.tif");
    h.addRaster(dir / "after_red.tif");  // top-most: the default swipe layer
    QTRY_VERIFY(idle(h.canvas));
    QCOMPARE(pixelAt(h.canvas, {400, 200}), kRed);  // the red image covers the green one

    gui::SwipeTool swipe(h.canvas, &h.project);
    QCOMPARE(gui::SwipeTool::defaultLayer(h.project.project()), std::string("after_red"));
    QSignalSpy swiped(&swipe, &gui::SwipeTool::swipeRendered);
    h.canvas->setMapTool(&swipe);
    QCOMPARE(swipe.layerId(), std::string("after_red"));
    QVERIFY(swiped.wait(20000));
    QTRY_VERIFY(idle(h.canvas) && !swipe.isRendering());
    // The canvas draws everything but the swipe layer; the swipe layer shows left of the divider.
    QVERIFY(h.canvas->excludedLayers().contains("after_red"));
    // The images cover x 204..596 of the 800 × 400 canvas.
    QCOMPARE(h.canvas->renderedImage().pixel(300, 200), kGreen);
    QCOMPARE(h.canvas->renderedImage().pixel(500, 200), kGreen);
    QCOMPARE(swipe.fraction(), 0.5);
    QCOMPARE(pixelAt(h.canvas, {300, 200}), kRed);
    QCOMPARE(pixelAt(h.canvas, {500, 200}), kGreen);

    // Dragging the divider only repaints: no new render of either image.
    const int renders = int(swiped.count());
    drag(h.canvas, {400, 300}, {560, 300});
    QCOMPARE(swipe.fraction(), 0.7);
    QVERIFY(!h.canvas->isRendering());
    QVERIFY(!swipe.isRendering());
    QCOMPARE(pixelAt(h.canvas, {500, 200}), kRed);
    QCOMPARE(pixelAt(h.canvas, {580, 200}), kGreen);
    QCOMPARE(int(swiped.count()), renders);

    // A drag away from the divider pans the map; the swipe image is rendered again for the new view.
    drag(h.canvas, {300, 100}, {300, 160});
    QVERIFY(swiped.wait(20000));
    QTRY_VERIFY(idle(h.canvas) && !swipe.isRendering());
    QCOMPARE(swipe.fraction(), 0.7);

    // Horizontal divider: the swipe layer above it.
    swipe.setOrientation(Qt::Horizontal);
    swipe.setFraction(0.5);
    QCOMPARE(pixelAt(h.canvas, {400, 150}), kRed);
    QCOMPARE(pixelAt(h.canvas, {400, 300}), kGreen);

    // Back to the normal view: everything draws again.
    h.canvas->setMapTool(nullptr);
    QVERIFY(h.canvas->excludedLayers().empty());
    QTRY_VERIFY(idle(h.canvas));
    QCOMPARE(pixelAt(h.canvas, {400, 300}), kRed);
    QCOMPARE(pixelAt(h.canvas, {400, 150}), kRed);
  }

  void swipeLayerCanBeChosen() {
    test::TempDir dir;
    writeColourRaster(dir / "before_green.tif", kGreen);
    writeColourRaster(dir / "after_red.tif", kRed);
    Harness h;
    h.addRaster(dir / "before_green.tif");
    h.addRaster(dir / "after_red.tif");
    gui::SwipeTool swipe(h.canvas, &h.project);
    swipe.setLayerId("before_green");
    QSignalSpy swiped(&swipe, &gui::SwipeTool::swipeRendered);
    h.canvas->setMapTool(&swipe);
    QVERIFY(swiped.wait(20000));
    QTRY_VERIFY(idle(h.canvas) && !swipe.isRendering());
    QCOMPARE(pixelAt(h.canvas, {300, 200}), kGreen);
    QCOMPARE(pixelAt(h.canvas, {500, 200}), kRed);
  }

  void sideBySideCanvasesShowTheirOwnLayersAndShareTheView() {
    test::TempDir dir;
    writeColourRaster(dir / "before_green.tif", kGreen);
    writeColourRaster(dir / "after_red.tif", kRed);
    Harness h;
    h.window.resize(1000, 400);
    h.addRaster(dir / "before_green.tif");
    h.addRaster(dir / "after_red.tif");
    QTRY_VERIFY(idle(h.canvas));

    gui::SideBySideView view(h.context);
    view.open();
    QVERIFY(view.isOpen());
    gui::MapCanvas* left = view.leftCanvas();
    gui::MapCanvas* right = view.rightCanvas();
    QCOMPARE(left, h.canvas);
    QVERIFY(right != nullptr);
    QVERIFY(qobject_cast<QSplitter*>(h.window.centralWidget()) != nullptr);
    QCOMPARE(view.side("after_red"), gui::SideBySideView::Right);
    QCOMPARE(view.side("before_green"), gui::SideBySideView::Left);
    QTRY_VERIFY(idle(left) && idle(right));
    QTRY_VERIFY(left->width() > 300 && right->width() > 300);
    QTRY_VERIFY(idle(left) && idle(right));
    verifySameView(left, right);
    const QPoint leftCentre = left->rect().center();
    const QPoint rightCentre = right->rect().center();
    QCOMPARE(pixelAt(left, leftCentre), kGreen);
    QCOMPARE(pixelAt(right, rightCentre), kRed);

    // Zoom on the right: the left follows (centre and scale).
    right->zoomBy(0.5, QPointF(rightCentre) + QPointF(40, 20));
    QTRY_VERIFY(idle(left) && idle(right));
    verifySameView(left, right);
    // Pan on the left: the right follows.
    const QPointF before = right->currentSettings().toMap(QPointF(rightCentre));
    drag(left, leftCentre, leftCentre + QPoint(30, 10));
    QTRY_VERIFY(idle(left) && idle(right));
    verifySameView(left, right);
    const double upp = right->currentSettings().mapUnitsPerPixel();
    const QPointF after = right->currentSettings().toMap(QPointF(rightCentre));
    QVERIFY(std::abs((before.x() - after.x()) / upp - 30.0) < 0.6);
    QVERIFY(std::abs((after.y() - before.y()) / upp - 10.0) < 0.6);

    // The cursor over one canvas shows as a crosshair in the other.
    sendMouse(left, QEvent::MouseMove, leftCentre, Qt::NoButton, Qt::NoButton);
    QVERIFY(right->crosshair().has_value());
    const QPointF expected = left->toMap(QPointF(leftCentre));
    QVERIFY(std::abs(right->crosshair()->x() - expected.x()) < 1e-6);
    QVERIFY(std::abs(right->crosshair()->y() - expected.y()) < 1e-6);
    const QImage withCrosshair = right->grab().toImage();
    const QPointF mark = right->mapToPixelTransform().map(*right->crosshair());
    bool redArm = false;
    for (int dy = -1; dy <= 1; ++dy)
      redArm = redArm || withCrosshair.pixel(qRound(mark.x()) + 8, qRound(mark.y()) + dy) == qRgb(220, 0, 0);
    QVERIFY(redArm);

    // Showing the green image on the right too.
    view.setSide("before_green", gui::SideBySideView::Both);
    view.setSide("after_red", gui::SideBySideView::Left);
    QTRY_VERIFY(idle(left) && idle(right));
    QCOMPARE(pixelAt(left, leftCentre), kRed);
    QCOMPARE(pixelAt(right, rightCentre + QPoint(0, 40)), kGreen);

    // Closing returns to the single view drawing every layer.
    view.close();
    QVERIFY(!view.isOpen());
    QCOMPARE(h.window.centralWidget(), static_cast<QWidget*>(h.canvas));
    QTRY_VERIFY(idle(h.canvas));
    QTRY_COMPARE(pixelAt(h.canvas, h.canvas->rect().center()), kRed);
    QVERIFY(!h.canvas->crosshair().has_value());
    Q_UNUSED(kWhite);
  }
};

QTEST_MAIN(CompareViewsTest)
#include "compare_views_test.moc"
