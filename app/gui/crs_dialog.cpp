#include "onemap/gui/crs_dialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "onemap/gui/layer_source_info.h"
#include "onemap/gui/project_controller.h"
#include "onemap/i18n/translations.h"
#include "onemap/proj/crs_description.h"

namespace onemap::gui {
namespace {

constexpr int kCrsRole = Qt::UserRole;       // "EPSG:n" or WKT
constexpr int kSearchRole = Qt::UserRole + 1;  // every text the search matches

struct Names {
  QString en;
  QString zh;
};

Names namesFor(int epsg) {
  if (auto names = proj::cgcs2000Names(epsg))
    return {QString::fromStdString(names->second), QString::fromStdString(names->first)};
  if (epsg == 4326) return {QStringLiteral("WGS 84"), QStringLiteral("WGS 84 地理坐标系")};
  if (epsg > 32600 && epsg <= 32660) {
    const int zone = epsg - 32600;
    return {QStringLiteral("WGS 84 / UTM zone %1N").arg(zone),
            QStringLiteral("WGS 84 / UTM 第%1带 北半球").arg(zone, 2, 10, QLatin1Char('0'))};
  }
  return {QStringLiteral("EPSG:%1").arg(epsg), QStringLiteral("EPSG:%1").arg(epsg)};
}

}  // namespace

CrsDialog::CrsDialog(ProjectController* project, QWidget* parent)
    : QDialog(parent),
      m_project(project),
      m_message(new QLabel(this)),
      m_search(new QLineEdit(this)),
      m_tree(new QTreeWidget(this)),
      m_details(new QLabel(this)) {
  setWindowTitle(tr("Project Coordinate System"));
  auto* layout = new QVBoxLayout(this);
  m_message->setWordWrap(true);
  m_message->hide();
  layout->addWidget(m_message);
  m_search->setPlaceholderText(tr("Search: EPSG code, name, central meridian (e.g. 4549, 120, 高斯)"));
  m_search->setClearButtonEnabled(true);
  layout->addWidget(m_search);
  m_tree->setColumnCount(3);
  m_tree->setHeaderLabels({tr("Code"), tr("Name"), tr("Chinese name")});
  m_tree->setColumnHidden(2, i18n::isChinese());
  m_tree->setUniformRowHeights(true);
  m_tree->setAlternatingRowColors(true);
  m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
  layout->addWidget(m_tree, 1);
  m_details->setWordWrap(true);
  m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_details->setMinimumHeight(m_details->fontMetrics().height() * 3);
  layout->addWidget(m_details);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  layout->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(m_search, &QLineEdit::textChanged, this, &CrsDialog::setFilter);
  connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &CrsDialog::selectionChanged);
  connect(m_tree, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) {
    if (!item->data(0, kCrsRole).toString().isEmpty()) accept();
  });
  populate();
  m_tree->resizeColumnToContents(0);
  m_tree->setColumnWidth(1, 420);
  resize(760, 560);
  if (!selectCrs(QString::fromStdString(project->project().crs.empty() ? project->mapCrs() : project->project().crs)))
    selectionChanged();
  buttons->button(QDialogButtonBox::Ok)->setEnabled(!selectedCrs().isEmpty());
  connect(m_tree, &QTreeWidget::itemSelectionChanged, this,
          [this, buttons] { buttons->button(QDialogButtonBox::Ok)->setEnabled(!selectedCrs().isEmpty()); });
}

QTreeWidgetItem* CrsDialog::addGroup(const QString& title) {
  auto* group = new QTreeWidgetItem(m_tree, {title});
  group->setFlags(Qt::ItemIsEnabled);
  QFont bold = group->font(0);
  bold.setBold(true);
  group->setFont(0, bold);
  group->setFirstColumnSpanned(true);
  return group;
}

QTreeWidgetItem* CrsDialog::addEpsg(QTreeWidgetItem* group, int epsg) {
  const Names names = namesFor(epsg);
  const QString code = QStringLiteral("EPSG:%1").arg(epsg);
  auto* item = new QTreeWidgetItem(group, {code, i18n::isChinese() ? names.zh : names.en, names.zh});
  item->setData(0, kCrsRole, code);
  QString search = code + QLatin1Char(' ') + names.en + QLatin1Char(' ') + names.zh;
  if (auto zone = proj::gaussKrugerZoneFromEpsg(epsg))
    search += QStringLiteral(" %1E %1°E zone %2 第%2带").arg(zone->centralMeridian).arg(zone->zone);
  item->setData(0, kSearchRole, search);
  item->setToolTip(1, names.en + QLatin1Char('\n') + names.zh);
  return item;
}

void CrsDialog::populate() {
  addEpsg(addGroup(tr("CGCS2000 geographic (longitude/latitude)")), 4490);
  QTreeWidgetItem* three = addGroup(tr("CGCS2000 3° Gauss–Krüger, by central meridian"));
  for (int cm = 75; cm <= 135; cm += 3) addEpsg(three, proj::epsgForGaussKruger(3, cm, false));
  QTreeWidgetItem* threePrefixed = addGroup(tr("CGCS2000 3° Gauss–Krüger, zone number in the easting"));
  for (int cm = 75; cm <= 135; cm += 3) addEpsg(threePrefixed, proj::epsgForGaussKruger(3, cm, true));
  QTreeWidgetItem* six = addGroup(tr("CGCS2000 6° Gauss–Krüger"));
  for (int cm = 75; cm <= 135; cm += 6) addEpsg(six, proj::epsgForGaussKruger(6, cm, false));
  for (int cm = 75; cm <= 135; cm += 6) addEpsg(six, proj::epsgForGaussKruger(6, cm, true));
  QTreeWidgetItem* wgs = addGroup(tr("WGS 84 and UTM"));
  addEpsg(wgs, 4326);
  for (int zone = 43; zone <= 53; ++zone) addEpsg(wgs, 32600 + zone);

  // "Same as layer…": the CRS of each layer that has one.
  QTreeWidgetItem* layers = nullptr;
  for (auto it = m_project->project().layers.rbegin(); it != m_project->project().layers.rend(); ++it) {
    auto info = readLayerSourceInfo(*it);
    if (!info || info->crsWkt.empty()) continue;
    if (!layers) layers = addGroup(tr("Same as layer"));
    const auto description = proj::describeCrs(info->crsWkt);
    const QString crs = description && description->epsg > 0 ? QStringLiteral("EPSG:%1").arg(description->epsg)
                                                              : QString::fromStdString(info->crsWkt);
    const QString en = description ? QString::fromStdString(description->nameEn) : tr("(unnamed)");
    const QString zh = description ? QString::fromStdString(description->nameZh) : en;
    const QString name = QString::fromStdString(it->name);
    auto* item = new QTreeWidgetItem(layers, {name, i18n::isChinese() ? zh : en, zh});
    item->setData(0, kCrsRole, crs);
    item->setData(0, kSearchRole, name + QLatin1Char(' ') + crs.left(200) + QLatin1Char(' ') + en + QLatin1Char(' ') + zh);
  }
  m_tree->expandAll();
}

QString CrsDialog::selectedCrs() const {
  const auto items = m_tree->selectedItems();
  return items.isEmpty() ? QString() : items.first()->data(0, kCrsRole).toString();
}

QTreeWidgetItem* CrsDialog::itemForEpsg(int epsg) const {
  const QString code = QStringLiteral("EPSG:%1").arg(epsg);
  for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
    QTreeWidgetItem* group = m_tree->topLevelItem(g);
    for (int i = 0; i < group->childCount(); ++i)
      if (group->child(i)->data(0, kCrsRole).toString() == code) return group->child(i);
  }
  return nullptr;
}

bool CrsDialog::selectCrs(const QString& crs) {
  if (crs.isEmpty()) return false;
  QTreeWidgetItem* found = nullptr;
  QString wanted = crs.trimmed();
  if (!wanted.startsWith(QLatin1String("EPSG:"), Qt::CaseInsensitive)) {
    // WKT or another definition: find it by its EPSG code when it has one.
    if (auto d = proj::describeCrs(wanted.toStdString()); d && d->epsg > 0)
      wanted = QStringLiteral("EPSG:%1").arg(d->epsg);
  }
  bool ok = false;
  const int epsg = wanted.mid(5).toInt(&ok);
  if (ok) found = itemForEpsg(epsg);
  if (!found) {
    for (int g = 0; g < m_tree->topLevelItemCount() && !found; ++g) {
      QTreeWidgetItem* group = m_tree->topLevelItem(g);
      for (int i = 0; i < group->childCount() && !found; ++i)
        if (group->child(i)->data(0, kCrsRole).toString() == crs) found = group->child(i);
    }
  }
  if (!found) return false;
  if (found->isHidden() || found->parent()->isHidden()) {
    // Show every entry again.
    m_search->clear();
    setFilter(QString());
  }
  m_tree->setCurrentItem(found);
  found->setSelected(true);
  m_tree->scrollToItem(found);
  return true;
}

void CrsDialog::setMessage(const QString& text) {
  m_message->setText(text);
  m_message->setVisible(!text.isEmpty());
}

void CrsDialog::setFilter(const QString& text) {
  const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
  for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
    QTreeWidgetItem* group = m_tree->topLevelItem(g);
    int shown = 0;
    for (int i = 0; i < group->childCount(); ++i) {
      QTreeWidgetItem* item = group->child(i);
      const QString haystack = item->data(0, kSearchRole).toString();
      bool match = true;
      for (const QString& word : words) match = match && haystack.contains(word, Qt::CaseInsensitive);
      item->setHidden(!match);
      shown += match ? 1 : 0;
    }
    group->setHidden(shown == 0);
  }
}

void CrsDialog::selectionChanged() {
  const QString crs = selectedCrs();
  if (crs.isEmpty()) {
    m_details->setText(tr("Choose the coordinate system all layers are drawn in; layers in other systems are "
                          "reprojected on the fly."));
    return;
  }
  auto d = proj::describeCrs(crs.toStdString());
  if (!d) {
    m_details->setText(QString::fromStdString(d.error().text()));
    return;
  }
  const QString name = QString::fromStdString(i18n::isChinese() ? d->nameZh : d->nameEn);
  const QString axes = QString::fromStdString(i18n::isChinese() ? d->axisOrderTextZh() : d->axisOrderText());
  const QString units = QString::fromStdString(d->linearUnit);
  m_details->setText(tr("%1\nUnits: %2. %3").arg(name, units, axes));
}

bool CrsDialog::chooseProjectCrs(ProjectController* project, QWidget* parent, const QString& message,
                                 const QString& preselect) {
  CrsDialog dialog(project, parent);
  dialog.setMessage(message);
  if (!preselect.isEmpty()) dialog.selectCrs(preselect);
  if (dialog.exec() != QDialog::Accepted || dialog.selectedCrs().isEmpty()) return false;
  project->setProjectCrs(dialog.selectedCrs().toStdString());
  return true;
}

}  // namespace onemap::gui
