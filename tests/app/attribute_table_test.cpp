#include <QComboBox>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QtTest>

#include "gdal_fixtures.h"
#include "main_window.h"
#include "onemap/gui/attribute_table_dock.h"
#include "onemap/gui/attribute_table_model.h"
#include "onemap/gui/map_canvas.h"
#include "onemap/gui/project_controller.h"
#include "onemap/gui/select_tool.h"
#include "onemap/gui/selection_model.h"
#include "temp_dir.h"

using namespace onemap;

namespace {

struct Parcel {
  const char* dlbm;
  const char* dlmc;
  const char* tbmj;
};
// TBMJ is text in the file: sorting must still order it by value (9 < 10 < 100).
constexpr Parcel kParcels[] = {{"0101", "水田", "9"},     {"0103", "旱地", "100"},  {"0101", "水田", "10"},
                               {"0201", "果园", "25.5"}, {"0101", "水田", "1.5"}, {"1001", "铁路用地", "2"}};

/// Square i (40 m, 3 per row, 20 m apart) of the fixture, as an extent.
Extent square(int i) {
  const double x = 500000 + (i % 3) * 60;
  const double y = 3499900 - (i / 3) * 60;
  return Extent(x, y, x + 40, y + 40);
}

std::filesystem::path writeParcels(const test::TempDir& dir) {
  std::vector<test::FixtureFeature> features;
  for (int i = 0; i < 6; ++i) {
    const Extent e = square(i);
    const QString wkt = QStringLiteral("POLYGON((%1 %2,%3 %2,%3 %4,%1 %4,%1 %2))")
                            .arg(e.minX(), 0, 'f', 0).arg(e.minY(), 0, 'f', 0)
                            .arg(e.maxX(), 0, 'f', 0).arg(e.maxY(), 0, 'f', 0);
    features.push_back({wkt.toStdString(), {kParcels[i].dlbm, kParcels[i].dlmc, kParcels[i].tbmj}});
  }
  const auto path = dir / "dltb.gpkg";
  test::writeVector(path, "GPKG", "DLTB", 4549, {"DLBM", "DLMC", "TBMJ"}, features);
  return path;
}

int columnOf(const QAbstractItemModel& model, const QString& name) {
  for (int c = 0; c < model.columnCount(); ++c)
    if (model.headerData(c, Qt::Horizontal).toString() == name) return c;
  return -1;
}

QStringList columnValues(const QAbstractItemModel& model, int column) {
  QStringList out;
  for (int r = 0; r < model.rowCount(); ++r) out << model.index(r, column).data().toString();
  return out;
}

/// How much more yellow than blue a pixel is (the selection fill raises it).
int yellowness(QRgb pixel) { return (qRed(pixel) + qGreen(pixel)) / 2 - qBlue(pixel); }

struct Fixture {
  test::TempDir dir;
  shell::MainWindow window;
  gui::AttributeTableDock* dock = nullptr;
  gui::SelectionModel* selection = nullptr;

  bool open() {
    window.resize(1100, 800);
    window.show();
    if (!window.openPath(writeParcels(dir), true)) return false;
    window.canvas()->setExtent(Extent(499990, 3499830, 500150, 3499950));
    dock = window.findChild<gui::AttributeTableDock*>();
    selection = window.findChild<gui::SelectionModel*>();
    if (dock == nullptr || selection == nullptr) return false;
    QSignalSpy loaded(dock->model(), &gui::AttributeTableModel::loaded);
    dock->showAttributeTable(0);
    return loaded.wait(10000) && loaded.first().first().toString().isEmpty();
  }
};

}  // namespace

/// The attribute table: loading, numeric-aware sorting, filters, and selection in step with the map.
class AttributeTableTest : public QObject {
  Q_OBJECT
 private slots:
  void loadsEveryFeatureWithItsAttributes() {
    Fixture f;
    QVERIFY(f.open());
    gui::AttributeTableModel* model = f.dock->model();
    QCOMPARE(model->rowCount(), 6);
    QCOMPARE(model->columnCount(), 3);
    const int dlmc = columnOf(*model, QStringLiteral("DLMC"));
    QCOMPARE(columnValues(*model, dlmc),
             QStringList({"水田", "旱地", "水田", "果园", "水田", "铁路用地"}));
    QCOMPARE(model->extentAt(3), square(3));
    QVERIFY(f.dock->isVisible());
    QCOMPARE(f.dock->layerBox()->currentText(), QStringLiteral("dltb"));
    QCOMPARE(f.dock->countText(), QStringLiteral("6 features, 6 shown, 0 selected"));
  }

  void sortsTextNumbersByValue() {
    Fixture f;
    QVERIFY(f.open());
    const int tbmj = columnOf(*f.dock->model(), QStringLiteral("TBMJ"));
    f.dock->view()->sortByColumn(tbmj, Qt::AscendingOrder);
    QCOMPARE(columnValues(*f.dock->model(), tbmj), QStringList({"1.5", "2", "9", "10", "25.5", "100"}));
    f.dock->view()->sortByColumn(tbmj, Qt::DescendingOrder);
    QCOMPARE(columnValues(*f.dock->model(), tbmj), QStringList({"100", "25.5", "10", "9", "2", "1.5"}));
    const int dlbm = columnOf(*f.dock->model(), QStringLiteral("DLBM"));
    f.dock->view()->sortByColumn(dlbm, Qt::AscendingOrder);
    QCOMPARE(columnValues(*f.dock->model(), dlbm), QStringList({"0101", "0101", "0101", "0103", "0201", "1001"}));
  }

  void bigTablesSortAndFilterOffTheGuiThreadAndKeepTheMapSelection() {
    Fixture f;
    QVERIFY(f.open());
    gui::AttributeTableModel* model = f.dock->model();
    model->setSynchronousRowLimit(0);  // as for a 300 000-row layer
    const std::string layerId = f.window.controller()->project().layers.at(0).id;
    f.selection->setSelection(layerId, {model->fidAt(1), model->fidAt(4)});
    const int tbmj = columnOf(*model, QStringLiteral("TBMJ"));
    QSignalSpy updated(model, &gui::AttributeTableModel::viewUpdated);
    f.dock->view()->sortByColumn(tbmj, Qt::AscendingOrder);
    QVERIFY(model->isUpdating());
    QVERIFY(updated.wait(5000));
    QCOMPARE(columnValues(*model, tbmj), QStringList({"1.5", "2", "9", "10", "25.5", "100"}));
    // Rows 1 (TBMJ 100) and 4 (TBMJ 1.5) stay selected, now at view rows 5 and 0.
    QList<int> rows;
    for (const QModelIndex& index : f.dock->view()->selectionModel()->selectedRows()) rows << index.row();
    std::sort(rows.begin(), rows.end());
    QCOMPARE(rows, QList<int>({0, 5}));
    QVERIFY(model->setFilter(QStringLiteral("DLBM = 0101")).isEmpty());
    QVERIFY(updated.wait(5000));
    QCOMPARE(columnValues(*model, tbmj), QStringList({"1.5", "9", "10"}));
    // The filter hides row 1 but the map keeps both features selected.
    QCOMPARE(f.selection->selectedCount(layerId), 2);
    QCOMPARE(f.dock->view()->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(f.dock->countText(), QStringLiteral("6 features, 3 shown, 2 selected"));
  }

  void filtersWithExpressionsAndText() {
    Fixture f;
    QVERIFY(f.open());
    gui::AttributeTableModel* model = f.dock->model();
    gui::AttributeTableModel* proxy = f.dock->model();
    const int dlmc = columnOf(*proxy, QStringLiteral("DLMC"));
    const int tbmj = columnOf(*proxy, QStringLiteral("TBMJ"));

    f.dock->filterEdit()->setText(QStringLiteral("DLBM = 0101"));
    QTest::keyClick(f.dock->filterEdit(), Qt::Key_Return);
    QCOMPARE(proxy->rowCount(), 3);
    QCOMPARE(columnValues(*proxy, dlmc), QStringList({"水田", "水田", "水田"}));
    QCOMPARE(f.dock->countText(), QStringLiteral("6 features, 3 shown, 0 selected"));

    QVERIFY(model->setFilter(QStringLiteral("TBMJ > 9")).isEmpty());
    QCOMPARE(proxy->rowCount(), 3);
    QVERIFY(model->setFilter(QStringLiteral("tbmj >= '9'")).isEmpty());
    QCOMPARE(proxy->rowCount(), 4);
    QVERIFY(model->setFilter(QStringLiteral("DLMC != 水田")).isEmpty());
    QCOMPARE(proxy->rowCount(), 3);
    QVERIFY(model->setFilter(QStringLiteral("铁路")).isEmpty());
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->index(0, tbmj).data().toString(), QStringLiteral("2"));
    // A field that does not exist is an error naming the fields; every row stays.
    const QString error = model->setFilter(QStringLiteral("NOPE = 1"));
    QVERIFY(error.contains(QStringLiteral("NOPE")) && error.contains(QStringLiteral("DLBM")));
    QCOMPARE(proxy->rowCount(), 6);
    QVERIFY(model->setFilter(QString()).isEmpty());
    QCOMPARE(proxy->rowCount(), 6);
  }

  void rowSelectionAndMapSelectionFollowEachOther() {
    Fixture f;
    QVERIFY(f.open());
    gui::MapCanvas* canvas = f.window.canvas();
    QTRY_VERIFY_WITH_TIMEOUT(!canvas->isRendering() && !canvas->renderedImage().isNull(), 20000);
    const std::string layerId = f.window.controller()->project().layers.at(0).id;
    gui::AttributeTableModel* model = f.dock->model();
    gui::AttributeTableModel* proxy = f.dock->model();
    const QPoint centre1 = canvas->mapToPixelTransform().map(QPointF(square(1).centerX(), square(1).centerY())).toPoint();
    const QPoint centre4 = canvas->mapToPixelTransform().map(QPointF(square(4).centerX(), square(4).centerY())).toPoint();
    const QImage before = canvas->grab().toImage();

    // Rows → map.
    QSignalSpy loadedShapes(f.selection, &gui::SelectionModel::geometriesLoaded);
    QItemSelection rows;
    rows.select(proxy->index(1, 0), proxy->index(1, proxy->columnCount() - 1));
    f.dock->view()->selectionModel()->select(rows, QItemSelectionModel::ClearAndSelect);
    QCOMPARE(f.selection->selectedIds(layerId), std::vector<std::int64_t>({model->fidAt(1)}));
    QVERIFY(loadedShapes.wait(10000));
    QCOMPARE(f.selection->selectedShapes(layerId).size(), std::size_t(1));
    QCOMPARE(f.selection->selectionExtent(layerId), square(1));
    const QImage selected = canvas->grab().toImage();
    QVERIFY2(yellowness(selected.pixel(centre1)) > yellowness(before.pixel(centre1)) + 40,
             qPrintable(QStringLiteral("%1 → %2").arg(yellowness(before.pixel(centre1))).arg(yellowness(selected.pixel(centre1)))));
    QCOMPARE(selected.pixel(centre4), before.pixel(centre4));
    QCOMPARE(f.dock->countText(), QStringLiteral("6 features, 6 shown, 1 selected"));

    // Map → rows (e.g. the identify panel's "Select Feature").
    f.selection->setSelection(layerId, {model->fidAt(4), model->fidAt(5)});
    const QModelIndexList selectedRows = f.dock->view()->selectionModel()->selectedRows();
    QCOMPARE(selectedRows.size(), 2);
    QList<int> sourceRows;
    for (const QModelIndex& index : selectedRows) sourceRows << index.row();
    std::sort(sourceRows.begin(), sourceRows.end());
    QCOMPARE(sourceRows, QList<int>({4, 5}));
    QVERIFY(loadedShapes.wait(10000));
    QVERIFY(yellowness(canvas->grab().toImage().pixel(centre4)) > yellowness(before.pixel(centre4)) + 40);

    // Zoom to the selection: both squares in view, closer than before.
    const Extent overview = canvas->currentSettings().visibleExtent();
    f.dock->zoomToSelection();
    const Extent view = canvas->currentSettings().visibleExtent();
    QVERIFY(view.contains(square(4).united(square(5))));
    QVERIFY(view.area() < 0.9 * overview.area());

    f.dock->clearSelection();
    QCOMPARE(f.selection->selectedCount(layerId), 0);
    QVERIFY(f.dock->view()->selectionModel()->selectedRows().isEmpty());
  }

  void selectToolClicksAndRectanglesSelectOnTheMapAndInTheTable() {
    Fixture f;
    QVERIFY(f.open());
    gui::MapCanvas* canvas = f.window.canvas();
    auto* tool = canvas->findChild<gui::SelectTool*>();
    QVERIFY(tool != nullptr);
    const std::string layerId = f.window.controller()->project().layers.at(0).id;
    QCOMPARE(tool->targetLayer(), layerId);
    canvas->setMapTool(tool);
    gui::AttributeTableModel* model = f.dock->model();
    const QTransform toPixel = canvas->mapToPixelTransform();
    const auto centre = [&](int i) { return toPixel.map(QPointF(square(i).centerX(), square(i).centerY())).toPoint(); };
    const auto selectedSourceRows = [&] {
      QList<int> rows;
      for (const QModelIndex& index : f.dock->view()->selectionModel()->selectedRows())
        rows << index.row();
      std::sort(rows.begin(), rows.end());
      return rows;
    };
    QSignalSpy selected(tool, &gui::SelectTool::selected);

    // Click: the square under the cursor.
    QTest::mouseClick(canvas, Qt::LeftButton, {}, centre(2));
    QVERIFY(selected.wait(10000));
    QCOMPARE(f.selection->selectedIds(layerId), std::vector<std::int64_t>({model->fidAt(2)}));
    QCOMPARE(selectedSourceRows(), QList<int>({2}));

    // Shift-drag a rectangle over squares 0 and 1 (touching, not containing them): added.
    const QPoint from = toPixel.map(QPointF(square(0).centerX(), square(0).maxY() + 5)).toPoint();
    const QPoint to = toPixel.map(QPointF(square(1).centerX(), square(0).centerY())).toPoint();
    QTest::mousePress(canvas, Qt::LeftButton, Qt::ShiftModifier, from);
    QTest::mouseMove(canvas, to);
    QTest::mouseRelease(canvas, Qt::LeftButton, Qt::ShiftModifier, to);
    QVERIFY(selected.wait(10000));
    QCOMPARE(selectedSourceRows(), QList<int>({0, 1, 2}));
    QCOMPARE(f.selection->selectedCount(layerId), 3);

    // Ctrl-click removes one.
    QTest::mouseClick(canvas, Qt::LeftButton, Qt::ControlModifier, centre(1));
    QVERIFY(selected.wait(10000));
    QCOMPARE(selectedSourceRows(), QList<int>({0, 2}));

    // A click between the squares selects nothing.
    QTest::mouseClick(canvas, Qt::LeftButton, {}, toPixel.map(QPointF(square(0).maxX() + 10, square(0).centerY())).toPoint());
    QVERIFY(selected.wait(10000));
    QCOMPARE(f.selection->selectedCount(layerId), 0);
    QVERIFY(selectedSourceRows().isEmpty());
  }
};

QTEST_MAIN(AttributeTableTest)
#include "attribute_table_test.moc"
