#pragma once

#include <QDockWidget>
#include <QFutureWatcher>
#include <QImage>

#include <filesystem>
#include <memory>
#include <vector>

#include "onemap/change/change_detector.h"
#include "onemap/gui/window_context.h"
#include "onemap/render/renderer_factory.h"
#include "patch_list.h"

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;
class QTabWidget;

namespace onemap::plugins {

/// The change patches of a detection run: a sortable table (area, confidence, type, village),
/// before/after image chips of the selected patch, zoom to it, and the office judgement
/// (确认 / 伪变化) written into the GeoPackage's NYJG field; plus the per-village summary.
class ResultsDock : public QDockWidget {
  Q_OBJECT
 public:
  ResultsDock(const gui::WindowContext& context, QWidget* parent);
  ~ResultsDock() override;

  /// Shows the patches of `gpkg`, with chips from the project layers `beforeLayer`/`afterLayer`
  /// (ids; empty = the two top rasters). Returns an error text, empty on success.
  QString showResults(const std::filesystem::path& gpkg, const QString& beforeLayer = {}, const QString& afterLayer = {});
  /// Says how the run that wrote the patches shown worked: threshold, bands compared, and the
  /// grid (CRS and ground pixel size). Call after showResults(); an opened file has no such line.
  void showRunSummary(const change::ChangeSummary& summary);
  /// The run summary line; empty for a file opened without a run (for tests).
  QString runSummaryText() const;
  /// Selects row `row` of the table as sorted (for tests and the step buttons).
  void selectRow(int row);
  /// Writes `judgement` into NYJG of the selected patch; returns an error text, empty on success.
  QString judgeSelected(const QString& judgement);

  QTableView* table() const { return m_table; }
  const QImage& beforeChip() const { return m_beforeChip; }
  const QImage& afterChip() const { return m_afterChip; }
  const std::vector<PatchRow>& patches() const { return m_patches; }

 signals:
  /// The chips of the selected patch were drawn.
  void chipsReady();

 private:
  int selectedPatch() const;
  void patchSelected();
  void renderChips(const PatchRow& patch);
  void fillSummary(const std::vector<SummaryLine>& lines);

  gui::WindowContext m_context;
  QTabWidget* m_tabs;
  QTableView* m_table;
  QStandardItemModel* m_model;
  QSortFilterProxyModel* m_proxy;
  QTableView* m_summaryTable;
  QStandardItemModel* m_summary;
  QLabel* m_beforeLabel;
  QLabel* m_afterLabel;
  QLabel* m_status;
  QLabel* m_runSummary;
  QPushButton* m_confirm;
  QPushButton* m_falseChange;
  std::filesystem::path m_file;
  std::vector<PatchRow> m_patches;
  QString m_beforeLayer;
  QString m_afterLayer;
  render::RendererFactory m_renderers;
  QImage m_beforeChip;
  QImage m_afterChip;
  std::unique_ptr<QFutureWatcher<std::pair<QImage, QImage>>> m_chipWatcher;
};

}  // namespace onemap::plugins
