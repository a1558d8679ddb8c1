#include "onemap/change_text/run_warning_text.h"
#include "results_dock.h"

#include <QDate>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrent>

#include <algorithm>
#include <cmath>

#include "onemap/gui/abandon_watcher.h"
#include "onemap/gui/map_canvas.h"
#include "onemap/gui/project_controller.h"
#include "onemap/gui/selection_model.h"
#include "onemap/render/map_render_job.h"
#include "onemap/vector/feature_update.h"
#include "image_inspection.h"

namespace onemap::plugins {
namespace {

constexpr int kChipSize = 200;
constexpr int kSortRole = Qt::UserRole;
constexpr int kPatchRole = Qt::UserRole + 1;  ///< index into m_patches

QStandardItem* textItem(const QString& text) {
  auto* item = new QStandardItem(text);
  item->setData(text, kSortRole);
  item->setEditable(false);
  return item;
}

QStandardItem* numberItem(double value, int decimals) {
  auto* item = new QStandardItem(QString::number(value, 'f', decimals));
  item->setData(value, kSortRole);
  item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  item->setEditable(false);
  return item;
}

/// A render of `layer` around `extent` with `outline` (map coordinates) drawn on top.
QImage chip(std::unique_ptr<render::LayerRenderer> renderer, const render::MapSettings& settings,
            const QPainterPath& outline) {
  QImage image(settings.outputSize(), QImage::Format_ARGB32_Premultiplied);
  image.fill(QColor(235, 235, 235));
  QPainter painter(&image);
  if (renderer) {
    std::vector<std::unique_ptr<render::LayerRenderer>> layers;
    layers.push_back(std::move(renderer));
    Feedback feedback;
    render::MapRenderJob::renderSynchronously(painter, settings, layers, feedback);
  }
  const Extent& e = settings.visibleExtent();
  const double upp = settings.mapUnitsPerPixel();
  const QTransform toPixel(1.0 / upp, 0, 0, -1.0 / upp, -e.minX() / upp, e.maxY() / upp);
  painter.setRenderHint(QPainter::Antialiasing);
  painter.setPen(QPen(QColor(255, 230, 0), 2.0));
  painter.setBrush(Qt::NoBrush);
  painter.drawPath(toPixel.map(outline));
  return image;
}

/// The sub-type code of a patch (BHZL) as a reader of the UI language says it.
QString subtypeName(const QString& code) {
  if (code == QLatin1String("building")) return ResultsDock::tr("building / hardened ground");
  if (code == QLatin1String("road")) return ResultsDock::tr("road");
  if (code == QLatin1String("pond")) return ResultsDock::tr("pond");
  if (code == QLatin1String("orchard_forest")) return ResultsDock::tr("orchard / forest");
  if (code == QLatin1String("bare")) return ResultsDock::tr("bare soil / earth moving");
  if (code == QLatin1String("other")) return ResultsDock::tr("other change");
  return code;
}

}  // namespace

ResultsDock::ResultsDock(const gui::WindowContext& context, QWidget* parent)
    : QDockWidget(tr("Change Patches"), parent),
      m_context(context),
      m_tabs(new QTabWidget(this)),
      m_table(new QTableView(this)),
      m_model(new QStandardItemModel(this)),
      m_proxy(new QSortFilterProxyModel(this)),
      m_summaryTable(new QTableView(this)),
      m_summary(new QStandardItemModel(this)),
      m_beforeLabel(new QLabel(this)),
      m_afterLabel(new QLabel(this)),
      m_status(new QLabel(this)),
      m_runSummary(new QLabel(this)),
      m_confirm(new QPushButton(tr("&Confirm Change"), this)),
      m_falseChange(new QPushButton(tr("&False Change (伪变化)"), this)) {
  setObjectName(QStringLiteral("changePatchesDock"));
  m_model->setHorizontalHeaderLabels({tr("JCBH"), tr("Village"), tr("Type"), tr("Sub-type"), tr("Area (m²)"),
                                      tr("Area (亩)"), tr("Confidence"), tr("PBF (m²)"), tr("Office judgement")});
  m_proxy->setSourceModel(m_model);
  m_proxy->setSortRole(kSortRole);
  m_table->setModel(m_proxy);
  m_table->setSortingEnabled(true);
  m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_table->setSelectionMode(QAbstractItemView::SingleSelection);
  m_table->verticalHeader()->hide();
  m_summaryTable->setModel(m_summary);
  m_summaryTable->verticalHeader()->hide();

  auto* page = new QWidget(this);
  auto* layout = new QHBoxLayout(page);
  auto* left = new QVBoxLayout;
  left->addWidget(m_table, 1);
  left->addWidget(m_status);
  m_runSummary->setObjectName(QStringLiteral("runSummary"));
  m_runSummary->setWordWrap(true);
  m_runSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
  m_runSummary->hide();
  left->addWidget(m_runSummary);
  layout->addLayout(left, 1);
  auto* chips = new QVBoxLayout;
  auto* images = new QHBoxLayout;
  for (QLabel* label : {m_beforeLabel, m_afterLabel}) {
    label->setFixedSize(kChipSize, kChipSize);
    label->setAlignment(Qt::AlignCenter);
    label->setFrameShape(QFrame::StyledPanel);
    images->addWidget(label);
  }
  m_beforeLabel->setToolTip(tr("Earlier image (前时相), false colour NIR-red-green"));
  m_afterLabel->setToolTip(tr("Later image (后时相), false colour NIR-red-green"));
  chips->addLayout(images);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(m_confirm);
  buttons->addWidget(m_falseChange);
  chips->addLayout(buttons);
  chips->addStretch();
  layout->addLayout(chips);
  m_tabs->addTab(page, tr("Patches"));
  m_tabs->addTab(m_summaryTable, tr("By Village"));
  setWidget(m_tabs);

  m_confirm->setToolTip(tr("Mark the selected patch as a real change to verify in the field (NYJG = 确认)"));
  m_falseChange->setToolTip(tr("Mark the selected patch as a false change (NYJG = 伪变化)"));
  connect(m_confirm, &QPushButton::clicked, this, [this] {
    if (const QString e = judgeSelected(QStringLiteral("确认")); !e.isEmpty()) m_status->setText(e);
  });
  connect(m_falseChange, &QPushButton::clicked, this, [this] {
    if (const QString e = judgeSelected(QStringLiteral("伪变化")); !e.isEmpty()) m_status->setText(e);
  });
  connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ResultsDock::patchSelected);
}

ResultsDock::~ResultsDock() {
  if (m_chipWatcher) m_chipWatcher->waitForFinished();
}

QString ResultsDock::showResults(const std::filesystem::path& gpkg, const QString& beforeLayer, const QString& afterLayer) {
  auto patches = readPatches(gpkg, m_context.project->mapCrs());
  if (!patches) return QString::fromStdString(patches.error().text());
  auto summary = readSummary(gpkg);
  m_file = gpkg;
  m_patches = std::move(*patches);
  m_beforeLayer = beforeLayer;
  m_afterLayer = afterLayer;
  if (m_beforeLayer.isEmpty() || m_afterLayer.isEmpty()) {
    // The two top rasters: the top one is the later date.
    const auto& layers = m_context.project->project().layers;
    std::vector<QString> rasters;
    for (auto it = layers.rbegin(); it != layers.rend(); ++it)
      if (it->kind == project::LayerKind::Raster) rasters.push_back(QString::fromStdString(it->id));
    if (rasters.size() >= 1) m_afterLayer = rasters[0];
    if (rasters.size() >= 2) m_beforeLayer = rasters[1];
  }
  m_table->setSortingEnabled(false);
  m_model->removeRows(0, m_model->rowCount());
  for (std::size_t i = 0; i < m_patches.size(); ++i) {
    const PatchRow& p = m_patches[i];
    QList<QStandardItem*> row{textItem(p.jcbh),           textItem(p.village),          textItem(p.type),
                              textItem(subtypeName(p.subtype)), numberItem(p.areaM2, 0),      numberItem(p.areaMu, 2),
                              numberItem(p.confidence, 2), numberItem(p.pbfAreaM2, 0), textItem(p.judgement)};
    row[0]->setData(int(i), kPatchRole);
    m_model->appendRow(row);
  }
  m_table->setSortingEnabled(true);
  m_table->sortByColumn(4, Qt::DescendingOrder);  // largest first
  m_table->resizeColumnsToContents();
  fillSummary(summary ? *summary : std::vector<SummaryLine>{});
  m_status->setText(tr("%1 patches in %2").arg(m_patches.size()).arg(QString::fromStdString(gpkg.filename().string())));
  m_runSummary->clear();
  m_runSummary->hide();
  show();
  raise();
  return {};
}

void ResultsDock::showRunSummary(const change::ChangeSummary& summary) {
  QStringList bands;
  for (const auto& band : summary.bands) bands << QString::fromStdString(band);
  QStringList parts;
  if (std::isfinite(summary.threshold)) parts << tr("Threshold %1").arg(double(summary.threshold), 0, 'f', 3);
  if (!bands.isEmpty()) parts << tr("bands %1").arg(bands.join(QStringLiteral(", ")));
  if (const QString grid = gridText(QString::fromStdString(summary.crs), summary.geographicGrid, summary.pixelWidthM,
                                    summary.pixelHeightM);
      !grid.isEmpty())
    parts << tr("Grid: %1").arg(grid);
  QString text = parts.join(QStringLiteral(" · "));
  for (const auto& w : summary.warnings) text += QStringLiteral("\n⚠ ") + change_text::runWarningText(w);
  m_runSummary->setText(text);
  m_runSummary->show();
}

QString ResultsDock::runSummaryText() const { return m_runSummary->text(); }

void ResultsDock::fillSummary(const std::vector<SummaryLine>& lines) {
  m_summary->clear();
  m_summary->setHorizontalHeaderLabels({tr("Village code"), tr("Village"), tr("Type"), tr("Patches"), tr("Area (m²)"),
                                        tr("Area (亩)"), tr("PBF (m²)")});
  for (const auto& l : lines)
    m_summary->appendRow({textItem(l.villageCode), textItem(l.villageName), textItem(l.type),
                          numberItem(double(l.count), 0), numberItem(l.areaM2, 0), numberItem(l.areaMu, 2),
                          numberItem(l.pbfAreaM2, 0)});
  m_summaryTable->resizeColumnsToContents();
}

void ResultsDock::selectRow(int row) {
  if (row < 0 || row >= m_proxy->rowCount()) return;
  m_table->selectRow(row);
}

int ResultsDock::selectedPatch() const {
  const auto rows = m_table->selectionModel()->selectedRows();
  if (rows.isEmpty()) return -1;
  return m_proxy->mapToSource(rows.front()).siblingAtColumn(0).data(kPatchRole).toInt();
}

void ResultsDock::patchSelected() {
  const int index = selectedPatch();
  if (index < 0) return;
  const PatchRow& patch = m_patches[std::size_t(index)];
  const double unitsPerPixel = m_context.canvas->extent().width() / std::max(1, m_context.canvas->width());
  m_context.canvas->setExtent(gui::extentForZoom(patch.extent, unitsPerPixel));
  gui::SelectionModel::forWindow(m_context)->setHighlight({gui::FeatureShape::fromWkb(patch.fid, patch.wkb)});
  renderChips(patch);
}

void ResultsDock::renderChips(const PatchRow& patch) {
  const auto& layers = m_context.project->project().layers;
  // Standard false colour (NIR, red, green) with a percentile stretch: new ponds and buildings
  // stand out from crops far better than in true colour.
  const auto rendererFor = [&](const QString& id) -> std::unique_ptr<render::LayerRenderer> {
    const int index = m_context.project->layerIndex(id.toStdString());
    if (index < 0) return nullptr;
    project::LayerSpec chipLayer = layers[std::size_t(index)];
    chipLayer.id += "#chip";
    chipLayer.opacity = 1.0;
    chipLayer.style = {{"bands", "nir,red,green"}, {"stretch", "percentile"}};
    return m_renderers.create(chipLayer);
  };
  const Extent area = patch.extent.buffered(std::max({patch.extent.width(), patch.extent.height(), 40.0}) * 0.6);
  const render::MapSettings settings(area, QSize(kChipSize, kChipSize), m_context.project->mapCrs());
  const QPainterPath outline = gui::FeatureShape::fromWkb(patch.fid, patch.wkb).path;
  // The chips of a patch selected before are not waited for: the newest selection wins. (The
  // job owns its renderers, which share the layer caches, so it may outlive this panel.)
  gui::abandonWatcher(m_chipWatcher, this);
  m_chipWatcher = std::make_unique<QFutureWatcher<std::pair<QImage, QImage>>>();
  connect(m_chipWatcher.get(), &QFutureWatcherBase::finished, this, [this] {
    auto [before, after] = m_chipWatcher->result();
    m_beforeChip = before;
    m_afterChip = after;
    m_beforeLabel->setPixmap(QPixmap::fromImage(before));
    m_afterLabel->setPixmap(QPixmap::fromImage(after));
    emit chipsReady();
  });
  m_chipWatcher->setFuture(QtConcurrent::run(
      [before = rendererFor(m_beforeLayer), after = rendererFor(m_afterLayer), settings, outline]() mutable {
        return std::pair<QImage, QImage>(chip(std::move(before), settings, outline),
                                         chip(std::move(after), settings, outline));
      }));
}

QString ResultsDock::judgeSelected(const QString& judgement) {
  const int index = selectedPatch();
  if (index < 0) return tr("Select a patch in the table first.");
  PatchRow& patch = m_patches[std::size_t(index)];
  if (auto st = vector::updateFeatureFields(m_file, "change_patches", patch.fid, {{"NYJG", judgement.toStdString()}}); !st)
    return tr("Cannot save the judgement: %1").arg(QString::fromStdString(st.error().text()));
  patch.judgement = judgement;
  for (int r = 0; r < m_model->rowCount(); ++r)
    if (m_model->item(r, 0)->data(kPatchRole).toInt() == index) {
      m_model->item(r, 8)->setText(judgement);
      m_model->item(r, 8)->setData(judgement, kSortRole);
    }
  m_status->setText(tr("%1: %2 (saved)").arg(patch.jcbh, judgement));
  // Step on to the next patch, as a reviewer works down the list.
  const auto rows = m_table->selectionModel()->selectedRows();
  if (!rows.isEmpty()) selectRow(rows.front().row() + 1);
  return {};
}

}  // namespace onemap::plugins
