#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QInputDialog>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QPointer>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTimer>
#include <QTranslator>
#include <QTreeWidget>
#include <QtTest>

#include <cmath>
#include <cstdlib>
#include <memory>

#include "main_window.h"
#include "onemap/designer/atlas_export_dialog.h"
#include "onemap/designer/atlas_panel.h"
#include "onemap/designer/designer_controller.h"
#include "onemap/designer/designer_scene.h"
#include "onemap/designer/designer_view.h"
#include "onemap/designer/designer_window.h"
#include "onemap/designer/export_runner.h"
#include "onemap/designer/item_list.h"
#include "onemap/designer/layout_document.h"
#include "onemap/designer/layout_manager_dialog.h"
#include "onemap/designer/page_setup_dialog.h"
#include "onemap/designer/property_panel.h"
#include "onemap/gui/map_canvas.h"
#include "onemap/gui/project_controller.h"
#include "onemap/i18n/translations.h"
#include "onemap/layout/item_properties.h"
#include "onemap/sample/sample_writer.h"
#include "temp_dir.h"

using namespace onemap;
namespace k = layout::keys;

namespace {

/// Translations read from a "source<TAB>translation" file regardless of context, for
/// screenshots of strings not yet merged into the catalogue (ONEMAP_DESIGNER_TSV).
class TsvTranslator : public QTranslator {
 public:
  explicit TsvTranslator(const QString& file) {
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) return;
    for (const QByteArray& line : in.readAll().split('\n')) {
      const int tab = line.indexOf('\t');
      if (tab > 0) m_texts.insert(QString::fromUtf8(line.left(tab)), QString::fromUtf8(line.mid(tab + 1)));
    }
  }
  bool isEmpty() const override { return m_texts.isEmpty(); }
  QString translate(const char*, const char* source, const char*, int) const override {
    return m_texts.value(QString::fromUtf8(source));
  }

 private:
  QHash<QString, QString> m_texts;
};

}  // namespace

/// The layout designer driven through the main window on the generated sample county: the
/// Map Sheets menu, mouse editing on the page (mm values), undo/redo, the property panel, the
/// project round trip, the atlas preview and an export from the designer.
class LayoutDesignerTest : public QObject {
  Q_OBJECT
 private:
  test::TempDir m_dir;

  std::filesystem::path project() const { return m_dir.path() / "county" / "sample-project.onemap"; }

  static designer::DesignerController* controllerOf(shell::MainWindow& window) {
    return window.findChild<designer::DesignerController*>(QStringLiteral("designerController"));
  }

  /// Map Sheets ▸ New Village Map Sheet (一村一图)…, accepting the proposed name.
  static designer::DesignerWindow* villageSheetFromMenu(shell::MainWindow& window) {
    auto* action = window.findChild<QAction*>(QStringLiteral("newVillageSheetAction"));
    if (!action) return nullptr;
    QTimer::singleShot(0, [] {
      if (auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget())) dialog->accept();
    });
    action->trigger();
    const auto& layouts = window.controller()->project().layouts;
    return layouts.empty() ? nullptr : controllerOf(window)->designer(layouts.back().name);
  }

  static void waitForMaps(designer::DesignerWindow* designer) {
    QTRY_VERIFY_WITH_TIMEOUT(!designer->scene()->isRendering(), 60000);
  }

  static QPoint at(designer::DesignerView* view, double xMm, double yMm) {
    return view->mapFromScene(QPointF(xMm, yMm));
  }

  /// A drag with the left button from `a` to `b` (page mm) in several moves.
  static void drag(designer::DesignerView* view, QPointF a, QPointF b) {
    QWidget* port = view->viewport();
    QTest::mousePress(port, Qt::LeftButton, {}, at(view, a.x(), a.y()));
    for (int i = 1; i <= 5; ++i) {
      const QPointF p = a + (b - a) * (i / 5.0);
      QMouseEvent move(QEvent::MouseMove, QPointF(at(view, p.x(), p.y())), port->mapToGlobal(QPointF(at(view, p.x(), p.y()))),
                       Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
      QApplication::sendEvent(port, &move);
    }
    QTest::mouseRelease(port, Qt::LeftButton, {}, at(view, b.x(), b.y()));
  }

  /// A blank A4 landscape layout in a designer at 2 px/mm, page top-left visible, grid snapping only.
  static designer::DesignerWindow* blankDesigner(shell::MainWindow& window, const std::string& name) {
    auto* controller = controllerOf(window);
    const std::string created = controller->newLayout(name, 297, 210, 300);
    auto* designer = controller->designer(created);
    designer->resize(1400, 900);
    designer->view()->setSnapToItems(false);
    designer->view()->setZoom(2.0);
    designer->view()->centerOn(QPointF(120, 90));
    return designer;
  }

  static QImage grabItem(designer::DesignerWindow* designer, const std::string& id) {
    auto* graphic = designer->scene()->graphic(id);
    const QRectF area = graphic->sceneBoundingRect();
    QImage image((area.size() * 4).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    designer->scene()->render(&painter, QRectF(QPointF(0, 0), image.size()), area);
    return image;
  }

  static int differingPixels(const QImage& a, const QImage& b) {
    if (a.size() != b.size()) return a.width() * a.height();
    int n = 0;
    for (int y = 0; y < a.height(); ++y)
      for (int x = 0; x < a.width(); ++x)
        if (a.pixel(x, y) != b.pixel(x, y)) ++n;
    return n;
  }

 private slots:
  void initTestCase() {
    sample::SampleRequest request;
    request.scene.seed = 1;
    request.folder = m_dir.path() / "county";
    Feedback feedback;
    QVERIFY(sample::writeSample(request, feedback));
  }

  void villageSheetFromTheMenu() {
    shell::MainWindow window;
    window.show();
    QVERIFY(window.openPath(project(), true));
    auto* menu = window.findChild<QMenu*>(QStringLiteral("mapSheetsMenu"));
    QVERIFY(menu);
    // Between Analysis and Settings in the menu bar.
    const auto actions = window.menuBar()->actions();
    const int at = int(actions.indexOf(menu->menuAction()));
    QVERIFY(at > 0 && at + 1 < actions.size());
    QCOMPARE(actions[at + 1], window.context().settingsMenu->menuAction());

    auto* designer = villageSheetFromMenu(window);
    QVERIFY2(designer, "the village sheet opened in a designer");
    QVERIFY(designer->isVisible());
    const auto& stored = window.controller()->project().layouts;
    QCOMPARE(stored.size(), std::size_t(1));
    QVERIFY(window.controller()->isModified());
    const layout::Layout& sheet = designer->document()->layout();
    QCOMPARE(sheet, stored.front());
    QVERIFY(sheet.mainMap());
    QVERIFY(sheet.atlas.enabled);
    QCOMPARE(QString::fromStdString(sheet.atlas.coverageLayerId), QStringLiteral("CJDCQ"));
    // One graphic and one list row per item.
    for (const auto& item : sheet.items) QVERIFY2(designer->scene()->graphic(item.id), item.id.c_str());
    QTRY_COMPARE(designer->itemList()->tree()->topLevelItemCount(), int(sheet.items.size()));
    // The list shows the topmost item first; choosing a row selects it on the page.
    designer->itemList()->tree()->topLevelItem(0)->setSelected(true);
    QCOMPARE(designer->view()->selection(), std::set<std::string>{sheet.items.back().id});
    QCOMPARE(designer->properties()->itemId(), sheet.items.back().id);
    waitForMaps(designer);
    QVERIFY(designer->scene()->graphic(sheet.mainMap()->id)->hasMapImage());
    // The menu lists the layout.
    emit menu->aboutToShow();
    QVERIFY(window.findChild<QAction*>(QStringLiteral("openLayout:%1").arg(QString::fromStdString(sheet.name))));
  }

  void addMoveAndResizeWithTheMouse() {
    shell::MainWindow window;
    window.show();
    QVERIFY(window.openPath(project(), true));
    auto* designer = blankDesigner(window, "mouse");
    designer->show();
    QVERIFY(QTest::qWaitForWindowExposed(designer));
    auto* view = designer->view();
    auto* document = designer->document();
    const std::size_t before = document->layout().items.size();

    // Add a label by dragging a rectangle: corners snap to the millimetre grid.
    designer->findChild<QAction*>(QStringLiteral("add_label"))->trigger();
    QVERIFY(view->addMode());
    drag(view, {20, 30}, {80, 45});
    QCOMPARE(document->layout().items.size(), before + 1);
    const std::string id = document->layout().items.back().id;
    auto item = [&] { return *document->layout().item(id); };
    QCOMPARE(item().type, layout::ItemType::Label);
    QCOMPARE(item().x, 20.0);
    QCOMPARE(item().y, 30.0);
    QCOMPARE(item().width, 60.0);
    QCOMPARE(item().height, 15.0);
    QVERIFY(!view->addMode());
    QCOMPARE(view->selection(), std::set<std::string>{id});

    // Move it by dragging its middle: one command for the whole drag.
    const int commands = document->undoStack()->count();
    drag(view, {50, 37}, {60, 42});
    QCOMPARE(document->undoStack()->count(), commands + 1);
    QCOMPARE(item().x, 30.0);
    QCOMPARE(item().y, 35.0);
    QCOMPARE(item().width, 60.0);

    // Resize with the bottom-right handle.
    drag(view, {90, 50}, {100, 55});
    QCOMPARE(item().x, 30.0);
    QCOMPARE(item().width, 70.0);
    QCOMPARE(item().height, 20.0);

    // Undo restores the exact values step by step; redo brings them back.
    auto* undo = designer->findChild<QAction*>(QStringLiteral("undoAction"));
    auto* redo = designer->findChild<QAction*>(QStringLiteral("redoAction"));
    undo->trigger();
    QCOMPARE(item().width, 60.0);
    QCOMPARE(item().height, 15.0);
    QCOMPARE(item().x, 30.0);
    undo->trigger();
    QCOMPARE(item().x, 20.0);
    QCOMPARE(item().y, 30.0);
    undo->trigger();
    QVERIFY(!document->layout().item(id));
    QCOMPARE(window.controller()->project().findLayout(document->name())->items.size(), before);
    redo->trigger();
    redo->trigger();
    redo->trigger();
    QCOMPARE(item().x, 30.0);
    QCOMPARE(item().width, 70.0);
    QCOMPARE(*window.controller()->project().findLayout(document->name())->item(id), item());

    // Arrow keys nudge by a millimetre (Shift: ten).
    view->setSelection({id});
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Right);
    QCOMPARE(item().x, 31.0);
    QTest::keyClick(view, Qt::Key_Down, Qt::ShiftModifier);
    QCOMPARE(item().y, 45.0);

    // Multi-select with Shift-click and align left.
    const std::string other = designer->addItem(layout::ItemType::Shape, QRectF(100, 120, 40, 30));
    view->setSelection({id});
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ShiftModifier, at(view, 120, 135));
    QCOMPARE(view->selection(), (std::set<std::string>{id, other}));
    designer->findChild<QAction*>(QStringLiteral("alignLeft"))->trigger();
    QCOMPARE(document->layout().item(other)->x, 31.0);
    QCOMPARE(item().x, 31.0);

    // A locked item does not move with the mouse.
    designer->setSelectionLocked(true);
    drag(view, {50, 130}, {70, 150});
    QCOMPARE(document->layout().item(other)->x, 31.0);

    // Copy and paste: a new item with a new id.
    designer->setSelectionLocked(false);
    view->setSelection({other});
    designer->copySelection();
    designer->paste();
    QCOMPARE(document->layout().items.size(), before + 3);
    QVERIFY(document->layout().items.back().id != other);
    designer->deleteSelection();
    QCOMPARE(document->layout().items.size(), before + 2);
  }

  void propertyEditsChangeProps() {
    shell::MainWindow window;
    window.show();
    QVERIFY(window.openPath(project(), true));
    auto* designer = blankDesigner(window, "props");
    auto* document = designer->document();
    const std::string label = designer->addItem(layout::ItemType::Label, QRectF(10, 10, 80, 20));
    auto* panel = designer->properties();
    QCOMPARE(panel->itemId(), label);

    auto* size = qobject_cast<QDoubleSpinBox*>(panel->editor(k::kFontSize));
    QVERIFY(size);
    QCOMPARE(size->value(), 12.0);  // the renderer's default for labels
    size->setValue(20.5);
    QCOMPARE(QString::fromStdString(document->layout().item(label)->prop(k::kFontSize)), QStringLiteral("20.5"));
    auto* text = qobject_cast<QPlainTextEdit*>(panel->editor(k::kText));
    QVERIFY(text);
    text->setPlainText(QStringLiteral("{village_name}村土地利用现状图"));
    QCOMPARE(QString::fromStdString(document->layout().item(label)->prop(k::kText)),
             QStringLiteral("{village_name}村土地利用现状图"));
    auto* align = qobject_cast<QComboBox*>(panel->editor(k::kAlign));
    QVERIFY(align);
    const int left = align->findData(QStringLiteral("left"));
    align->setCurrentIndex(left);
    emit align->activated(left);
    QCOMPARE(document->layout().item(label)->prop(k::kAlign), std::string("left"));
    auto* width = qobject_cast<QDoubleSpinBox*>(panel->editor("width"));
    width->setValue(95);
    QCOMPARE(document->layout().item(label)->width, 95.0);

    // Undo goes back edit by edit, the panel follows.
    document->undoStack()->undo();
    QCOMPARE(document->layout().item(label)->width, 80.0);
    QCOMPARE(width->value(), 80.0);
    document->undoStack()->undo();
    QCOMPARE(document->layout().item(label)->prop(k::kAlign, "center"), std::string("center"));

    // Double-click edits the label text in place.
    designer->show();
    QVERIFY(QTest::qWaitForWindowExposed(designer));
    auto* view = designer->view();
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at(view, 40, 20));
    QVERIFY(view->labelEditor());
    view->labelEditor()->setPlainText(QStringLiteral("一村一图"));
    QTest::keyClick(view->labelEditor(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(!view->labelEditor());
    QCOMPARE(QString::fromStdString(document->layout().item(label)->prop(k::kText)), QStringLiteral("一村一图"));

    // Map frames: grid type from the combo, extent from the main canvas.
    const std::string map = document->layout().mainMap()->id;
    view->setSelection({map});
    QCOMPARE(panel->itemId(), map);
    auto* grid = qobject_cast<QComboBox*>(panel->editor(k::kGrid));
    QVERIFY(grid);
    const int km = grid->findData(QStringLiteral("km"));
    grid->setCurrentIndex(km);
    emit grid->activated(km);
    QCOMPARE(document->layout().item(map)->prop(k::kGrid), std::string("km"));
    window.canvas()->setExtent(Extent(500000, 3500000, 501000, 3501000));
    const Extent shown = window.canvas()->extent();
    designer->setMapExtentFromCanvas();
    const auto parts = QString::fromStdString(document->layout().item(map)->prop(k::kExtent)).split(QLatin1Char(','));
    QCOMPARE(parts.size(), 4);
    QVERIFY(std::abs(parts[0].toDouble() - shown.minX()) < 1e-3);
    QVERIFY(std::abs(parts[3].toDouble() - shown.maxY()) < 1e-3);

    // Page setup is one undoable command.
    designer->setPage(420, 297, 200);
    QCOMPARE(document->layout().pageWidthMm, 420.0);
    QCOMPARE(document->layout().exportDpi, 200.0);
    document->undoStack()->undo();
    QCOMPARE(document->layout().pageWidthMm, 297.0);
    QCOMPARE(document->layout().exportDpi, 300.0);
  }

  void layoutsAreSavedWithTheProject() {
    const auto file = m_dir.path() / "county" / "with-sheet.onemap";
    layout::Layout saved;
    {
      shell::MainWindow window;
      window.show();
      QVERIFY(window.openPath(project(), true));
      auto* designer = villageSheetFromMenu(window);
      QVERIFY(designer);
      layout::Item first = designer->document()->layout().items.front();
      first.x += 3.5;
      designer->document()->changeItem(QStringLiteral("move"), first);
      designer->close();  // closing the designer keeps the layout
      QCOMPARE(window.controller()->project().layouts.size(), std::size_t(1));
      saved = window.controller()->project().layouts.front();
      QCOMPARE(saved.items.front().x, first.x);
      QCOMPARE(window.controller()->saveProject(file), QString());
    }
    shell::MainWindow window;
    QVERIFY(window.openPath(file, true));
    QCOMPARE(window.controller()->project().layouts.size(), std::size_t(1));
    QCOMPARE(window.controller()->project().layouts.front(), saved);
    emit window.findChild<QMenu*>(QStringLiteral("mapSheetsMenu"))->aboutToShow();
    auto* open = window.findChild<QAction*>(QStringLiteral("openLayout:%1").arg(QString::fromStdString(saved.name)));
    QVERIFY(open);
    open->trigger();
    auto* designer = controllerOf(window)->designer(saved.name);
    QVERIFY(designer);
    QCOMPARE(designer->document()->layout(), saved);
  }

  void atlasPreviewFillsTheVillage() {
    shell::MainWindow window;
    window.show();
    QVERIFY(window.openPath(project(), true));
    auto* designer = villageSheetFromMenu(window);
    QVERIFY(designer);
    const auto& sheet = designer->document()->layout();
    std::string title;
    for (const auto& item : sheet.items)
      if (item.type == layout::ItemType::Label && (item.prop(k::kText).find("{village_name}") != std::string::npos ||
                                                   item.prop(k::kText).find("{atlas_name}") != std::string::npos))
        title = item.id;
    QVERIFY2(!title.empty(), "the template titles the sheet with the village name");
    // An atlas sheet opens on its first village, not on "{village_name}".
    auto* atlas = designer->atlasPanel();
    QVERIFY(atlas->isPreviewing());
    QVERIFY2(atlas->error().isEmpty(), qPrintable(atlas->error()));
    QVERIFY(atlas->featureCount() > 1);
    QCOMPARE(atlas->currentIndex(), 0);
    QCOMPARE(designer->scene()->atlasFeature()->name, atlas->features()[0].name);
    const QImage first = grabItem(designer, title);
    atlas->setPreview(false);
    QVERIFY(!designer->scene()->atlasFeature());
    const QImage plain = grabItem(designer, title);
    QVERIFY(differingPixels(plain, first) > 50);
    atlas->setPreview(true);
    QCOMPARE(atlas->currentIndex(), 0);
    QCOMPARE(differingPixels(first, grabItem(designer, title)), 0);

    atlas->next();
    QCOMPARE(atlas->currentIndex(), 1);
    QCOMPARE(designer->scene()->atlasFeature()->name, atlas->features()[1].name);
    QVERIFY(atlas->features()[0].name != atlas->features()[1].name);
    const QImage second = grabItem(designer, title);
    QVERIFY2(differingPixels(first, second) > 50, "the title shows the other village's name");
    atlas->previous();
    QCOMPARE(atlas->currentIndex(), 0);
    QCOMPARE(differingPixels(first, grabItem(designer, title)), 0);
    waitForMaps(designer);

    if (const char* dir = std::getenv("ONEMAP_SCREENSHOT_DIR")) {
      designer->view()->fitPage();
      QTest::qWait(500);
      waitForMaps(designer);
      designer->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/designer_atlas.png"));
    }
    atlas->setPreview(false);
    QVERIFY(!designer->scene()->atlasFeature());
  }

  void exportsThePdfFromTheDesigner() {
    shell::MainWindow window;
    QVERIFY(window.openPath(project(), true));
    auto* designer = blankDesigner(window, "export");
    designer->addItem(layout::ItemType::Label, QRectF(20, 20, 100, 15));
    const auto pdf = m_dir.path() / "sheet.pdf";
    QSignalSpy finished(designer->exporter(), &designer::ExportRunner::finished);
    designer->exportSheetTo(pdf, 150, false);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.takeFirst().at(0).toString(), QString());
    QVERIFY(std::filesystem::exists(pdf));
    QVERIFY(test::readFile(pdf).starts_with("%PDF"));
    const auto size = std::filesystem::file_size(pdf);

    // Not replaced without the file dialog's confirmation.
    designer->exportSheetTo(pdf, 150, false);
    QVERIFY(finished.wait(60000));
    QVERIFY(!finished.takeFirst().at(0).toString().isEmpty());
    QCOMPARE(std::filesystem::file_size(pdf), size);
  }

  void layoutManagerOperations() {
    shell::MainWindow window;
    QVERIFY(window.openPath(project(), true));
    auto* controller = controllerOf(window);
    const std::string a = controller->newLayout("A4 sheet", 210, 297, 300);
    QCOMPARE(window.controller()->project().findLayout(a)->pageWidthMm, 210.0);
    const std::string copy = controller->duplicateLayout(a);
    QVERIFY(copy != a);
    QCOMPARE(window.controller()->project().layouts.size(), std::size_t(2));

    // Renaming follows into the open designer; its edits go to the renamed layout.
    auto* designer = controller->designer(a);
    QVERIFY(designer);
    QCOMPARE(controller->renameLayout(a, copy), QStringLiteral("A layout named “%1” exists already.").arg(QString::fromStdString(copy)));
    QCOMPARE(controller->renameLayout(a, "renamed"), QString());
    QCOMPARE(controller->designer("renamed"), designer);
    QCOMPARE(designer->layoutName(), std::string("renamed"));
    designer->addItem(layout::ItemType::NorthArrow, QRectF(10, 10, 12, 18));
    QCOMPARE(window.controller()->project().findLayout("renamed")->items.size(), std::size_t(2));
    QVERIFY(!window.controller()->project().findLayout(a));

    // Templates: saved, not replaced unasked, imported under a unique name.
    const auto file = m_dir.path() / "sheet.onemap-layout";
    QVERIFY(controller->saveTemplate("renamed", file, false));
    QVERIFY(!controller->saveTemplate("renamed", file, false));
    auto imported = controller->importTemplate(file);
    QVERIFY2(imported, imported ? "" : imported.error().text().c_str());
    QVERIFY(*imported != "renamed");
    layout::Layout back = *window.controller()->project().findLayout(*imported);
    back.name = "renamed";
    QCOMPARE(back, *window.controller()->project().findLayout("renamed"));

    // Deleting closes the designer.
    QPointer<designer::DesignerWindow> open = designer;
    controller->removeLayout("renamed");
    QVERIFY(!window.controller()->project().findLayout("renamed"));
    QTRY_VERIFY(!open);
  }

  void atlasSettingsAndExport() {
    shell::MainWindow window;
    QVERIFY(window.openPath(project(), true));
    auto* designer = villageSheetFromMenu(window);
    QVERIFY(designer);
    auto* document = designer->document();
    const double margin = document->layout().atlas.marginPercent;
    auto* spin = designer->atlasPanel()->findChild<QDoubleSpinBox*>();
    QVERIFY(spin);
    spin->setValue(margin + 7);
    QCOMPARE(document->layout().atlas.marginPercent, margin + 7);
    document->undoStack()->undo();
    QCOMPARE(document->layout().atlas.marginPercent, margin);
    QCOMPARE(spin->value(), margin);

    // Two villages as PNGs into a folder, on the worker thread; the summary counts them.
    designer->atlasPanel()->setPreview(true);
    const auto& features = designer->atlasPanel()->features();
    QVERIFY(features.size() >= 2);
    const auto folder = m_dir.path() / "atlas";
    std::filesystem::create_directories(folder);
    sheet::AtlasOptions options;
    options.format = sheet::ExportFormat::Png;
    options.dpi = 60;
    options.output = folder;
    options.extraFilter = document->layout().atlas.codeField + " IN ('" + features[0].code + "', '" + features[1].code + "')";
    QSignalSpy finished(designer->exporter(), &designer::ExportRunner::finished);
    designer->exportAtlas(options);
    QVERIFY(designer->exporter()->isRunning());
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.takeFirst().at(0).toString(), QString());
    int pngs = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
      if (entry.path().extension() == ".png") ++pngs;
    QCOMPARE(pngs, 2);
    QVERIFY2(designer->exporter()->lastSummary().startsWith(QStringLiteral("2 of 2 sheets")),
             qPrintable(designer->exporter()->lastSummary()));

    // Again without replacing: every sheet fails and the summary names the villages.
    designer->exportAtlas(options);
    QVERIFY(finished.wait(120000));
    QVERIFY(!finished.takeFirst().at(0).toString().isEmpty());
    QVERIFY2(designer->exporter()->lastSummary().contains(QString::fromStdString(features[0].name)),
             qPrintable(designer->exporter()->lastSummary()));
  }

  void chineseScreenshot() {
    const char* dir = std::getenv("ONEMAP_SCREENSHOT_DIR");
    if (!dir) QSKIP("set ONEMAP_SCREENSHOT_DIR to write screenshots");
    QVERIFY(i18n::installTranslations(*QCoreApplication::instance(), QStringLiteral("zh_CN")));
    std::unique_ptr<TsvTranslator> extra;
    if (const char* tsv = std::getenv("ONEMAP_DESIGNER_TSV")) {
      extra = std::make_unique<TsvTranslator>(QString::fromLocal8Bit(tsv));
      QCoreApplication::installTranslator(extra.get());
    }
    {
      shell::MainWindow window;
      window.show();
      QVERIFY(window.openPath(project(), true));
      auto* designer = villageSheetFromMenu(window);
      QVERIFY(designer);
      designer->resize(1600, 1000);
      designer->view()->fitPage();
      designer->atlasPanel()->setPreview(true);
      const std::string map = designer->document()->layout().mainMap()->id;
      designer->view()->setSelection({map});
      QTest::qWait(500);
      waitForMaps(designer);
      designer->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/designer_zh.png"));
      window.grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/main_window_zh.png"));
      if (auto* dock = qobject_cast<QDockWidget*>(designer->atlasPanel()->parentWidget())) dock->raise();
      designer->atlasPanel()->next();
      QTest::qWait(300);
      waitForMaps(designer);
      designer->grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/designer_atlas_zh.png"));
      {
        designer::PageSetupDialog page(true, designer);
        page.setLayoutName(QStringLiteral("一村一图 2"));
        page.show();
        page.grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/page_setup_zh.png"));
        designer::AtlasExportDialog atlas(300, QStringLiteral("/tmp"), designer);
        atlas.show();
        atlas.grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/atlas_export_zh.png"));
        designer::LayoutManagerDialog manager(controllerOf(window), &window);
        manager.show();
        manager.grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/layout_manager_zh.png"));
      }
      QSignalSpy finished(designer->exporter(), &designer::ExportRunner::finished);
      designer->exportSheetTo(std::filesystem::path(dir) / "designer_zh.pdf", 100, true);
      QVERIFY(finished.wait(60000));
    }
    QVERIFY(i18n::installTranslations(*QCoreApplication::instance(), QStringLiteral("en")));
  }
};

QTEST_MAIN(LayoutDesignerTest)
#include "layout_designer_test.moc"
