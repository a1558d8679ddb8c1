#include <QSignalSpy>
#include <QtTest>

#include "main_window.h"
#include "onemap/gui/map_canvas.h"
#include "onemap/gui/project_controller.h"
#include "temp_dir.h"

using namespace onemap;

namespace {

/// Number of distinct colours in an image, sampled on a grid (a blank or failed map has 1).
int distinctColours(const QImage& image) {
  QSet<QRgb> colours;
  for (int y = 0; y < image.height(); y += 4)
    for (int x = 0; x < image.width(); x += 4) colours.insert(image.pixel(x, y));
  return int(colours.size());
}

}  // namespace

/// The main window opens the sample project headless, draws it, and saves/reopens it unchanged.
class MainWindowTest : public QObject {
  Q_OBJECT
 private slots:
  void opensAndDrawsTheSampleProject() {
    shell::MainWindow window;
    window.resize(1000, 700);
    window.show();
    QSignalSpy rendered(window.canvas(), &gui::MapCanvas::renderFinished);
    QVERIFY(window.openPath(test::sourceDir() / "data-samples" / "landsat_nanjing" / "nanjing-landsat.onemap", true));
    QVERIFY(rendered.wait(30000));
    QVERIFY2(rendered.last().first().toStringList().isEmpty(),
             qPrintable(rendered.last().first().toStringList().join("; ")));
    const QImage image = window.canvas()->renderedImage();
    QVERIFY(!image.isNull());
    QVERIFY2(distinctColours(image) > 100, qPrintable(QString::number(distinctColours(image))));
    QVERIFY(window.controller()->mapCrs().find("UTM zone 50N") != std::string::npos);
  }

  void wheelZoomKeepsThePointUnderTheCursor() {
    shell::MainWindow window;
    window.resize(1000, 700);
    window.show();
    QVERIFY(window.openPath(test::sourceDir() / "data-samples" / "landsat_nanjing" / "nanjing-landsat.onemap", true));
    auto* canvas = window.canvas();
    const QPointF cursor(200, 150);
    const QPointF before = canvas->currentSettings().toMap(cursor);
    canvas->zoomBy(0.5, cursor);
    const QPointF after = canvas->currentSettings().toMap(cursor);
    QVERIFY(std::abs(before.x() - after.x()) < 1e-6 * std::abs(before.x()));
    QVERIFY(std::abs(before.y() - after.y()) < 1e-6 * std::abs(before.y()));
  }

  void savedProjectReopensWithTheSameLayersAndExtent() {
    test::TempDir dir;
    shell::MainWindow window;
    window.resize(800, 600);
    QVERIFY(window.openPath(test::sourceDir() / "data-samples" / "landsat_nanjing" / "nanjing-landsat.onemap", true));
    window.controller()->setLayerVisible(0, true);
    window.canvas()->zoomBy(0.25, QPointF(400, 300));
    window.controller()->project().extent = window.canvas()->extent();
    QVERIFY(window.controller()->saveProject(dir / "copy.onemap").isEmpty());

    shell::MainWindow reopened;
    reopened.resize(800, 600);
    QVERIFY(reopened.openPath(dir / "copy.onemap", true));
    const auto& a = window.controller()->project();
    const auto& b = reopened.controller()->project();
    QCOMPARE(b.layers.size(), a.layers.size());
    for (std::size_t i = 0; i < a.layers.size(); ++i) {
      QCOMPARE(b.layers[i].source, a.layers[i].source);
      QCOMPARE(b.layers[i].visible, a.layers[i].visible);
      QCOMPARE(b.layers[i].style, a.layers[i].style);
    }
    QCOMPARE(reopened.canvas()->extent(), window.canvas()->extent());
  }
};

QTEST_MAIN(MainWindowTest)
#include "main_window_test.moc"
