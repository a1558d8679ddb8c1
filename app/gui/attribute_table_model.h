#pragma once

#include <QAbstractTableModel>
#include <QFutureWatcher>
#include <QString>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "onemap/base/extent.h"
#include "onemap/base/feedback.h"
#include "onemap/gui/attribute_data.h"
#include "onemap/project/project.h"

namespace onemap::gui {

/// Table model over a vector layer's attributes. Reading the layer, sorting and filtering run on
/// worker threads (a 300 000-row layer never blocks the window): load() returns at once and
/// loaded() follows; sort() and setFilter() re-order the rows and viewUpdated() follows (at once
/// for tables up to synchronousRowLimit() rows). Rows are view rows: in the current order, only
/// those passing the filter. GUI thread only.
class AttributeTableModel : public QAbstractTableModel {
  Q_OBJECT
 public:
  explicit AttributeTableModel(QObject* parent = nullptr);
  ~AttributeTableModel() override;

  /// Starts reading `layer` (replacing the current content when done); cancels a previous load.
  void load(const project::LayerSpec& layer, const std::string& mapCrs);
  void cancel();
  void clear();
  bool isLoading() const { return bool(m_loader); }
  /// True while a sort or filter is being computed.
  bool isUpdating() const { return bool(m_updater); }
  const std::string& layerId() const { return m_layerId; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
  /// Orders the rows by `column` (numbers by value, also in text fields; NULL first); -1 = file order.
  void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

  /// Features in the layer (whatever the filter).
  int featureCount() const { return m_data ? int(m_data->rowCount()) : 0; }
  std::int64_t fidAt(int row) const;
  Extent extentAt(int row) const;
  /// View row of feature `fid`, or -1 (unknown or filtered out).
  int rowOfFid(std::int64_t fid) const;

  /// Sets the filter (see parseAttributeFilter): returns an error text and keeps all rows when it
  /// cannot be used.
  QString setFilter(const QString& filter);

  /// Tables with at most this many rows sort and filter synchronously (default 20 000).
  void setSynchronousRowLimit(int rows) { m_synchronousLimit = rows; }
  int synchronousRowLimit() const { return m_synchronousLimit; }

 signals:
  void loadProgress(int percent);
  /// Loading ended; `error` is empty on success (the model holds the new rows).
  void loaded(const QString& error);
  /// The rows were re-ordered or re-filtered (the model was reset).
  void viewUpdated();

 private:
  using Loaded = Result<std::shared_ptr<const AttributeData>>;
  void updateView();
  void dropUpdater();
  void applyOrder(std::vector<int> order);

  std::shared_ptr<const AttributeData> m_data;
  std::string m_layerId;
  std::unique_ptr<QFutureWatcher<Loaded>> m_loader;
  std::unique_ptr<QFutureWatcher<std::vector<int>>> m_updater;
  Feedback m_feedback;
  AttributeFilter m_filter;
  int m_sortColumn = -1;
  bool m_descending = false;
  std::vector<int> m_order;     ///< view row → data row
  std::vector<int> m_position;  ///< data row → view row (-1 when filtered out)
  int m_synchronousLimit = 20000;
};

}  // namespace onemap::gui
