#include "designer_controller.h"

#include <QInputDialog>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>

#include "designer_view.h"
#include "designer_window.h"
#include "layout_document.h"
#include "layout_manager_dialog.h"
#include "page_setup_dialog.h"
#include "onemap/gui/project_controller.h"
#include "onemap/layout/layout_json.h"
#include "onemap/sheet/standard_template.h"

namespace onemap::designer {

DesignerController::DesignerController(const gui::WindowContext& context, QObject* parent)
    : QObject(parent), m_context(context), m_menu(new QMenu(tr("&Map Sheets"), context.window)) {
  setObjectName(QStringLiteral("designerController"));
  m_menu->setObjectName(QStringLiteral("mapSheetsMenu"));
  QMenuBar* bar = context.window->menuBar();
  if (context.settingsMenu)
    bar->insertMenu(context.settingsMenu->menuAction(), m_menu);
  else
    bar->addMenu(m_menu);
  connect(m_menu, &QMenu::aboutToShow, this, &DesignerController::fillMenu);
  connect(context.project, &gui::ProjectController::layersChanged, this, &DesignerController::projectChanged);
  fillMenu();
}

QStringList DesignerController::layoutNames() const {
  QStringList names;
  for (const auto& l : m_context.project->project().layouts) names << QString::fromStdString(l.name);
  return names;
}

void DesignerController::fillMenu() {
  m_menu->clear();
  auto* village = m_menu->addAction(tr("New Village Map Sheet (一村一图)…"), this, &DesignerController::newVillageSheetDialog);
  village->setObjectName(QStringLiteral("newVillageSheetAction"));
  auto* blank = m_menu->addAction(tr("New Layout…"), this, &DesignerController::newLayoutDialog);
  blank->setObjectName(QStringLiteral("newLayoutAction"));
  auto* manager = m_menu->addAction(tr("Layout Manager…"), this, &DesignerController::showManager);
  manager->setObjectName(QStringLiteral("layoutManagerAction"));
  const auto& layouts = m_context.project->project().layouts;
  if (!layouts.empty()) m_menu->addSection(tr("Layouts"));
  for (const auto& l : layouts) {
    const std::string name = l.name;
    auto* open = m_menu->addAction(QString::fromStdString(name), this, [this, name] { openDesigner(name); });
    open->setObjectName(QStringLiteral("openLayout:%1").arg(QString::fromStdString(name)));
  }
}

void DesignerController::projectChanged() {
  // Another project was opened (or this one replaced): designers of layouts that are gone or
  // differ close; their layouts stay in the project they came from.
  for (auto it = m_windows.begin(); it != m_windows.end();) {
    DesignerWindow* window = it->second;
    if (!window || !window->document()->matchesProject()) {
      if (window) window->close();
      it = m_windows.erase(it);
    } else {
      ++it;
    }
  }
  fillMenu();
}

DesignerWindow* DesignerController::designer(const std::string& name) const {
  auto it = m_windows.find(name);
  return it == m_windows.end() ? nullptr : it->second.data();
}

DesignerWindow* DesignerController::openDesigner(const std::string& name) {
  if (!m_context.project->project().findLayout(name)) return nullptr;
  DesignerWindow* window = designer(name);
  if (!window) {
    window = new DesignerWindow(m_context, name, m_context.window);
    m_windows[name] = window;
    window->show();
    window->view()->fitPage();
  }
  window->show();
  window->raise();
  window->activateWindow();
  return window;
}

std::string DesignerController::addLayout(layout::Layout layout) {
  auto& project = m_context.project->project();
  layout.name = project.uniqueLayoutName(layout.name.empty() ? tr("Layout").toStdString() : layout.name);
  project.layouts.push_back(layout);
  m_context.project->setModified(true);
  fillMenu();
  emit layoutsChanged();
  openDesigner(layout.name);
  return layout.name;
}

std::string DesignerController::newVillageSheet(const std::string& name) {
  const auto& project = m_context.project->project();
  return addLayout(sheet::villageMapTemplate(project, project.uniqueLayoutName(name)));
}

std::string DesignerController::newLayout(const std::string& name, double widthMm, double heightMm, double dpi) {
  const auto& project = m_context.project->project();
  layout::Layout l = sheet::blankLayout(project, project.uniqueLayoutName(name), widthMm, heightMm);
  l.exportDpi = dpi;
  return addLayout(std::move(l));
}

std::string DesignerController::duplicateLayout(const std::string& name) {
  const auto* source = m_context.project->project().findLayout(name);
  if (!source) return {};
  layout::Layout copy = *source;
  copy.name = m_context.project->project().uniqueLayoutName(name);
  auto& project = m_context.project->project();
  project.layouts.push_back(copy);
  m_context.project->setModified(true);
  fillMenu();
  emit layoutsChanged();
  return copy.name;
}

QString DesignerController::renameLayout(const std::string& name, const std::string& newName) {
  auto& project = m_context.project->project();
  auto* target = project.findLayout(name);
  if (!target) return tr("There is no layout “%1”.").arg(QString::fromStdString(name));
  if (newName.empty()) return tr("A layout needs a name.");
  if (project.findLayout(newName)) return tr("A layout named “%1” exists already.").arg(QString::fromStdString(newName));
  target->name = newName;
  m_context.project->setModified(true);
  if (auto it = m_windows.find(name); it != m_windows.end()) {
    QPointer<DesignerWindow> window = it->second;
    m_windows.erase(it);
    if (window) {
      window->document()->renamed(newName);
      m_windows[newName] = window;
    }
  }
  fillMenu();
  emit layoutsChanged();
  return {};
}

void DesignerController::removeLayout(const std::string& name) {
  if (auto it = m_windows.find(name); it != m_windows.end()) {
    if (it->second) it->second->close();
    m_windows.erase(it);
  }
  auto& layouts = m_context.project->project().layouts;
  std::erase_if(layouts, [&](const layout::Layout& l) { return l.name == name; });
  m_context.project->setModified(true);
  fillMenu();
  emit layoutsChanged();
}

Result<std::string> DesignerController::importTemplate(const std::filesystem::path& file) {
  auto loaded = layout::loadTemplate(file);
  if (!loaded) return fail(loaded.error());
  auto& project = m_context.project->project();
  loaded->name = project.uniqueLayoutName(loaded->name.empty() ? file.stem().string() : loaded->name);
  const std::string name = loaded->name;
  project.layouts.push_back(std::move(*loaded));
  m_context.project->setModified(true);
  fillMenu();
  emit layoutsChanged();
  return name;
}

Status DesignerController::saveTemplate(const std::string& name, const std::filesystem::path& file, bool overwrite) {
  const auto* source = m_context.project->project().findLayout(name);
  if (!source) return fail(ErrorCode::NotFound, "no such layout in the project", name);
  return layout::saveTemplate(*source, file, overwrite);
}

void DesignerController::newVillageSheetDialog() {
  if (m_context.project->project().layers.empty()) {
    QMessageBox::information(m_context.window, tr("New Village Map Sheet"),
                             tr("Open a project with village boundaries (CJDCQ) first."));
    return;
  }
  bool ok = false;
  const QString proposed =
      QString::fromStdString(m_context.project->project().uniqueLayoutName(tr("Village Map Sheet").toStdString()));
  const QString name = QInputDialog::getText(m_context.window, tr("New Village Map Sheet"), tr("Layout name:"),
                                             QLineEdit::Normal, proposed, &ok).trimmed();
  if (ok && !name.isEmpty()) newVillageSheet(name.toStdString());
}

void DesignerController::newLayoutDialog() {
  PageSetupDialog dialog(true, m_context.window);
  dialog.setLayoutName(QString::fromStdString(m_context.project->project().uniqueLayoutName(tr("Layout").toStdString())));
  dialog.setPage(297, 210, 300);
  if (dialog.exec() != QDialog::Accepted) return;
  newLayout(dialog.layoutName().toStdString(), dialog.pageWidth(), dialog.pageHeight(), dialog.dpi());
}

void DesignerController::showManager() {
  LayoutManagerDialog dialog(this, m_context.window);
  dialog.exec();
}

}  // namespace onemap::designer
