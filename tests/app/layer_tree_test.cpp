#include <QDialog>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTreeView>
#include <QtTest>

#include <memory>

#include "gdal_fixtures.h"
#include "onemap/gui/layer_tree_dock.h"
#include "onemap/gui/layer_tree_model.h"
#include "onemap/gui/map_canvas.h"
#include "onemap/gui/project_controller.h"
#include "onemap/render/land_use_palette.h"
#include "temp_dir.h"

using namespace onemap;
using gui::LayerTreeModel;

namespace {

std::string square(double x, double y, double side) {
  const double h = side / 2;
  auto p = [](double a, double b) { return std::to_string(a) + " " + std::to_string(b); };
  return "POLYGON((" + p(x - h, y - h) + "," + p(x + h, y - h) + "," + p(x + h, y + h) + "," + p(x - h, y + h) +
         "," + p(x - h, y - h) + "))";
}

/// Layer names in the order the tree shows them under `parent` (top-most first).
QStringList rowNames(const LayerTreeModel& model, const QModelIndex& parent = {}) {
  QStringList out;
  for (int r = 0; r < model.rowCount(parent); ++r) out << model.index(r, 0, parent).data().toString();
  return out;
}

/// Layer names in drawing order (first drawn first).
QStringList projectNames(const gui::ProjectController& project) {
  QStringList out;
  for (const auto& layer : project.project().layers) out << QString::fromStdString(layer.name);
  return out;
}

}  // namespace

/// The layer tree: order, groups, visibility, rename, drag-and-drop and legend rows.
class LayerTreeTest : public QObject {
  Q_OBJECT
 private:
  test::TempDir m_dir;

  /// A project with layers a (bottom), b, c (top), each a one-square GeoPackage.
  std::unique_ptr<gui::ProjectController> threeLayers() {
    auto project = std::make_unique<gui::ProjectController>();
    for (const char* name : {"a", "b", "c"}) {
      const auto file = m_dir / (std::string(name) + ".gpkg");
      if (!std::filesystem::exists(file))
        test::writeVector(file, "GPKG", name, 4549, {"NAME"}, {{square(500100, 3499900, 50), {name}}});
      const QString error = project->addLayerFile(file);
      if (!error.isEmpty()) qFatal("%s", qPrintable(error));
    }
    return project;
  }

 private slots:
  void treeShowsTheTopMostLayerFirst() {
    auto project = threeLayers();
    LayerTreeModel model(project.get());
    QCOMPARE(rowNames(model), QStringList({"c", "b", "a"}));
    QCOMPARE(model.layerIndex(model.index(0, 0)), 2);
    QCOMPARE(model.indexForLayer(0).row(), 2);
    QCOMPARE(model.index(1, 0).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
  }

  void movingARowReordersTheProject() {
    auto project = threeLayers();
    LayerTreeModel model(project.get());
    // Move "a" (bottom row) to the top.
    QVERIFY(model.moveRows({}, 2, 1, {}, 0));
    QCOMPARE(rowNames(model), QStringList({"a", "c", "b"}));
    QCOMPARE(projectNames(*project), QStringList({"b", "c", "a"}));
    // And "a" back below "b" (row 3 = after the last row).
    QVERIFY(model.moveRows({}, 0, 1, {}, 3));
    QCOMPARE(projectNames(*project), QStringList({"a", "b", "c"}));
    QVERIFY(project->isModified());
  }

  void droppingALayerOnAGroupMovesItIntoTheGroup() {
    auto project = threeLayers();
    project->setLayerGroup(0, "底图");  // a
    LayerTreeModel model(project.get());
    QCOMPARE(rowNames(model), QStringList({"c", "b", "底图"}));
    const QModelIndex group = model.indexForGroup("底图");
    QVERIFY(group.isValid());
    std::unique_ptr<QMimeData> mime(model.mimeData({model.indexForLayer(2)}));  // c
    QVERIFY(model.canDropMimeData(mime.get(), Qt::MoveAction, -1, 0, group));
    QVERIFY(model.dropMimeData(mime.get(), Qt::MoveAction, -1, 0, group));
    QTRY_COMPARE(project->project().layers[std::size_t(project->layerIndex("c"))].group, std::string("底图"));
    QCOMPARE(rowNames(model), QStringList({"b", "底图"}));
    QCOMPARE(rowNames(model, model.indexForGroup("底图")), QStringList({"c", "a"}));
    // A group cannot be dropped into itself.
    std::unique_ptr<QMimeData> groupMime(model.mimeData({model.indexForGroup("底图")}));
    QVERIFY(!model.canDropMimeData(groupMime.get(), Qt::MoveAction, 0, 0, model.indexForGroup("底图")));
  }

  void uncheckingAGroupHidesItsLayers() {
    auto project = threeLayers();
    project->setLayerGroup(0, "影像/2024");
    project->setLayerGroup(1, "影像");
    LayerTreeModel model(project.get());
    const QModelIndex group = model.indexForGroup("影像");
    QVERIFY(group.isValid());
    QCOMPARE(rowNames(model, group), QStringList({"b", "2024"}));
    QVERIFY(model.setData(group, Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(project->project().layers[0].visible, false);
    QCOMPARE(project->project().layers[1].visible, false);
    QCOMPARE(project->project().layers[2].visible, true);
    QCOMPARE(group.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    // Ticking one layer makes the group partly checked.
    project->setLayerVisible(1, true);
    QCOMPARE(model.indexForGroup("影像").data(Qt::CheckStateRole).toInt(), int(Qt::PartiallyChecked));
    QCOMPARE(model.indexForGroup("影像/2024").data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
  }

  void renamingGoesToTheProject() {
    auto project = threeLayers();
    project->setLayerGroup(0, "旧组");
    LayerTreeModel model(project.get());
    QVERIFY(model.setData(model.indexForLayer(2), QStringLiteral("村界"), Qt::EditRole));
    QCOMPARE(project->project().layers[2].name, std::string("村界"));
    QCOMPARE(model.indexForLayer(2).data().toString(), QStringLiteral("村界"));
    QVERIFY(!model.setData(model.indexForLayer(2), QStringLiteral("  "), Qt::EditRole));
    // Renaming a group renames it in every layer.
    QVERIFY(model.setData(model.indexForGroup("旧组"), QStringLiteral("新组"), Qt::EditRole));
    QTRY_COMPARE(project->project().layers[0].group, std::string("新组"));
    QVERIFY(model.indexForGroup("新组").isValid());
  }

  void categorizedLayerShowsTheCodesPresentAsLegendRows() {
    test::writeVector(m_dir / "dltb.gpkg", "GPKG", "DLTB", 4549, {"DLBM", "DLMC"},
                      {{square(500050, 3499800, 50), {"0201", "果园"}},
                       {square(500150, 3499800, 50), {"0101", "水田"}},
                       {square(500250, 3499800, 50), {"0101", "水田"}}});
    gui::ProjectController project;
    QVERIFY(project.addLayerFile(m_dir / "dltb.gpkg").isEmpty());
    project.setLayerStyle(0, {{"mode", "categorized"}, {"category_field", "DLBM"}, {"palette", "dlbm"}});
    LayerTreeModel model(&project);
    QSignalSpy changed(&model, &LayerTreeModel::legendChanged);
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount(model.indexForLayer(0)) == 2, 10000);
    const QModelIndex layer = model.indexForLayer(0);
    QCOMPARE(rowNames(model, layer), QStringList({"0101 水田", "0201 果园"}));
    QCOMPARE(model.kind(model.index(0, 0, layer)), LayerTreeModel::NodeKind::Legend);
    const QIcon icon = model.index(0, 0, layer).data(Qt::DecorationRole).value<QIcon>();
    QVERIFY(!icon.isNull());
    const QImage swatch = icon.pixmap(QSize(24, 16)).toImage();
    QCOMPARE(QColor(swatch.pixel(12, 8)), render::landUseColor("0101"));
    QVERIFY(changed.count() >= 1);
    // Legend rows are neither draggable nor checkable.
    QVERIFY(!(model.flags(model.index(0, 0, layer)) & Qt::ItemIsDragEnabled));
  }

  void legendRowsStayValidWhenTheirDataArrives() {
    // Before the raster is read the legend names the roles; once read, the band numbers. The
    // rows are updated in place, so indexes the view holds stay valid.
    test::GeoTiffSpec spec;
    spec.descriptions = {"Blue", "Green", "Red"};
    test::writeGeoTiff(m_dir / "rgb.tif", spec);
    gui::ProjectController project;
    QVERIFY(project.addLayerFile(m_dir / "rgb.tif").isEmpty());
    project.setLayerStyle(0, {{"bands", "red,green,blue"}});
    LayerTreeModel model(&project);
    QCOMPARE(model.rowCount(model.indexForLayer(0)), 3);
    const QPersistentModelIndex red(model.index(0, 0, model.indexForLayer(0)));
    QCOMPARE(red.data().toString(), QStringLiteral("Red: Red"));
    QTRY_COMPARE_WITH_TIMEOUT(red.data().toString(), QStringLiteral("Red: Band 3 (Red)"), 10000);
    QVERIFY(red.isValid());
    QCOMPARE(model.index(2, 0, model.indexForLayer(0)).data().toString(), QStringLiteral("Blue: Band 1 (Blue)"));
  }

  void dockActionsZoomRemoveAndStyle() {
    auto project = threeLayers();
    QMainWindow window;
    gui::MapCanvas canvas(project.get(), &window);
    window.setCentralWidget(&canvas);
    window.resize(800, 600);
    gui::WindowContext context;
    context.window = &window;
    context.project = project.get();
    context.canvas = &canvas;
    context.layerMenu = window.menuBar()->addMenu(QStringLiteral("Layer"));
    context.statusBar = window.statusBar();
    auto* dock = new gui::LayerTreeDock(context, &window);
    window.show();
    QVERIFY(context.layerMenu->actions().size() >= 7);

    dock->selectLayers({1});
    QCOMPARE(dock->selectedLayers(), std::vector<int>({1}));
    dock->zoomToSelection();
    const Extent e = canvas.extent();
    QVERIFY2(std::abs(e.minX() - 500075) < 1 && std::abs(e.maxX() - 500125) < 1, qPrintable(QString::number(e.minX())));

    QDialog* dialog = dock->openProperties(1);
    QVERIFY(dialog != nullptr);
    QCOMPARE(dialog->objectName(), QStringLiteral("vectorStyleDialog"));
    dialog->close();

    dock->removeSelection(false);
    QCOMPARE(projectNames(*project), QStringList({"a", "c"}));
    QCOMPARE(rowNames(*dock->model()), QStringList({"c", "a"}));
  }
};

QTEST_MAIN(LayerTreeTest)
#include "layer_tree_test.moc"
