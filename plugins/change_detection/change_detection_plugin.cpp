#include "change_detection_plugin.h"

#include <QAction>
#include <QCoreApplication>
#include <QFileDialog>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>

#include "detection_dialog.h"
#include "onemap/gui/project_controller.h"
#include "patch_layer.h"
#include "results_dock.h"

namespace onemap::plugins {

void ChangeDetectionPlugin::install(const gui::WindowContext& context) {
  QMainWindow* window = context.window;
  auto* dock = new ResultsDock(context, window);
  window->addDockWidget(Qt::BottomDockWidgetArea, dock);
  dock->hide();

  QMenu* menu = context.analysisMenu ? context.analysisMenu : context.toolsMenu;
  QAction* detect = menu->addAction(QCoreApplication::translate("ChangeDetectionPlugin", "&Detect Cropland Change…"));
  detect->setObjectName(QStringLiteral("detectChangeAction"));
  detect->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+D")));
  detect->setStatusTip(QCoreApplication::translate(
      "ChangeDetectionPlugin", "Find 非农化 / 非粮化 patches between two image dates on cropland"));
  QObject::connect(detect, &QAction::triggered, window, [context, dock, window] {
    auto* dialog = new DetectionDialog(context, window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &DetectionDialog::detected, window,
                     [context, dock, window](const change::ChangeSummary& summary, const std::filesystem::path& output,
                                            const QString& before, const QString& after) {
                       QString error;
                       context.project->addLayer(patchLayer(output), &error);
                       if (!error.isEmpty()) QMessageBox::warning(window, QCoreApplication::translate("ChangeDetectionPlugin", "Change Detection"), error);
                       if (const QString e = dock->showResults(output, before, after); !e.isEmpty())
                         QMessageBox::warning(window, QCoreApplication::translate("ChangeDetectionPlugin", "Change Detection"), e);
                       else
                         dock->showRunSummary(summary);
                     });
    dialog->open();
  });

  QAction* open = menu->addAction(QCoreApplication::translate("ChangeDetectionPlugin", "&Open Change Patches…"));
  open->setObjectName(QStringLiteral("openPatchesAction"));
  open->setStatusTip(QCoreApplication::translate("ChangeDetectionPlugin", "Review the patches of an earlier detection run"));
  QObject::connect(open, &QAction::triggered, window, [context, dock, window] {
    const QString file = QFileDialog::getOpenFileName(
        window, QCoreApplication::translate("ChangeDetectionPlugin", "Open Change Patches"), QString(),
        QCoreApplication::translate("ChangeDetectionPlugin", "GeoPackage (*.gpkg)"));
    if (file.isEmpty()) return;
    const std::filesystem::path path(file.toStdString());
    if (const QString e = dock->showResults(path); !e.isEmpty()) {
      QMessageBox::warning(window, QCoreApplication::translate("ChangeDetectionPlugin", "Change Detection"), e);
      return;
    }
    context.project->addLayer(patchLayer(path));
  });
  QAction* panel = dock->toggleViewAction();
  panel->setText(QCoreApplication::translate("ChangeDetectionPlugin", "Change Patches Panel"));
  menu->addAction(panel);
}

}  // namespace onemap::plugins
