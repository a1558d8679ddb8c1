#include "onemap/gui/attribute_table_model.h"

#include <QColor>
#include <QtConcurrent/QtConcurrent>

#include <algorithm>

namespace onemap::gui {

AttributeTableModel::AttributeTableModel(QObject* parent) : QAbstractTableModel(parent) {}

AttributeTableModel::~AttributeTableModel() {
  m_feedback.cancel();
  if (m_loader) m_loader->waitForFinished();  // the worker reports progress to this object
  if (m_updater) m_updater->waitForFinished();
}

void AttributeTableModel::load(const project::LayerSpec& layer, const std::string& mapCrs) {
  cancel();
  m_feedback = Feedback(
      [this](double fraction, std::string_view) {
        const int percent = int(fraction * 100);
        QMetaObject::invokeMethod(this, [this, percent] { emit loadProgress(percent); }, Qt::QueuedConnection);
      },
      std::chrono::milliseconds(100));
  auto* watcher = new QFutureWatcher<Loaded>();
  m_loader.reset(watcher);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
    if (m_loader.get() != watcher) return;
    Loaded result = watcher->result();
    m_loader.release()->deleteLater();
    if (!result) {
      emit loaded(result.error().code == ErrorCode::Canceled ? QString() : QString::fromStdString(result.error().text()));
      return;
    }
    dropUpdater();  // an order computed for the previous rows
    m_data = *result;
    m_layerId = m_data->layerId;
    m_filter = AttributeFilter();
    m_sortColumn = -1;
    std::vector<int> order(m_data->rowCount());
    for (std::size_t r = 0; r < order.size(); ++r) order[r] = int(r);
    applyOrder(std::move(order));
    emit loaded(QString());
  });
  watcher->setFuture(QtConcurrent::run([layer, mapCrs, feedback = m_feedback] {
    return loadAttributeData(layer, mapCrs, feedback);
  }));
}

void AttributeTableModel::cancel() {
  if (!m_loader) return;
  m_feedback.cancel();
  // Progress callbacks target this object: wait for the worker (it stops within 256 features).
  m_loader->waitForFinished();
  m_loader.reset();
}

void AttributeTableModel::clear() {
  cancel();
  dropUpdater();
  beginResetModel();
  m_data.reset();
  m_layerId.clear();
  m_order.clear();
  m_position.clear();
  m_filter = AttributeFilter();
  endResetModel();
  emit viewUpdated();
}

int AttributeTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : int(m_order.size());
}

int AttributeTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() || !m_data ? 0 : int(m_data->columns.size());
}

QVariant AttributeTableModel::data(const QModelIndex& index, int role) const {
  if (!m_data || !index.isValid() || index.row() >= int(m_order.size())) return {};
  const AttributeColumn& column = m_data->columns[std::size_t(index.column())];
  const auto row = std::size_t(m_order[std::size_t(index.row())]);
  switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
      return column.isNull(row) ? QStringLiteral("NULL") : column.text(row);
    case Qt::ForegroundRole:
      return column.isNull(row) ? QVariant(QColor(150, 150, 150)) : QVariant();
    case Qt::TextAlignmentRole:
      return column.kind == AttributeColumn::Kind::Text ? QVariant(int(Qt::AlignLeft | Qt::AlignVCenter))
                                                        : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    default: return {};
  }
}

QVariant AttributeTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (!m_data || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
  if (orientation == Qt::Horizontal)
    return section >= 0 && section < int(m_data->columns.size()) ? m_data->columns[std::size_t(section)].name : QVariant();
  return section >= 0 && section < int(m_order.size()) ? QVariant(qlonglong(fidAt(section))) : QVariant();
}

void AttributeTableModel::sort(int column, Qt::SortOrder order) {
  m_sortColumn = column;
  m_descending = order == Qt::DescendingOrder;
  updateView();
}

std::int64_t AttributeTableModel::fidAt(int row) const {
  return m_data ? m_data->fids.at(std::size_t(m_order.at(std::size_t(row)))) : -1;
}

Extent AttributeTableModel::extentAt(int row) const {
  return m_data ? m_data->extents.at(std::size_t(m_order.at(std::size_t(row)))) : Extent();
}

int AttributeTableModel::rowOfFid(std::int64_t fid) const {
  if (!m_data) return -1;
  const auto& index = m_data->rowByFid;
  auto it = std::lower_bound(index.begin(), index.end(), std::pair<std::int64_t, int>(fid, -1));
  if (it == index.end() || it->first != fid) return -1;
  return m_position[std::size_t(it->second)];
}

QString AttributeTableModel::setFilter(const QString& text) {
  if (!m_data) return {};
  QString error;
  m_filter = parseAttributeFilter(*m_data, text, &error);
  updateView();
  return error;
}

void AttributeTableModel::updateView() {
  if (!m_data) return;
  if (int(m_data->rowCount()) <= m_synchronousLimit) {
    dropUpdater();
    applyOrder(orderedRows(*m_data, m_filter, m_sortColumn, m_descending));
    return;
  }
  dropUpdater();  // a newer request replaces the one being computed
  auto* watcher = new QFutureWatcher<std::vector<int>>();
  m_updater.reset(watcher);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
    if (m_updater.get() != watcher) return;
    std::vector<int> order = watcher->result();
    m_updater.release()->deleteLater();
    applyOrder(std::move(order));
  });
  watcher->setFuture(QtConcurrent::run([data = m_data, filter = m_filter, column = m_sortColumn, descending = m_descending] {
    return orderedRows(*data, filter, column, descending);
  }));
}

void AttributeTableModel::dropUpdater() {
  if (!m_updater) return;
  auto* old = m_updater.release();
  disconnect(old, nullptr, this, nullptr);
  connect(old, &QFutureWatcherBase::finished, old, &QObject::deleteLater);
  if (old->isFinished()) old->deleteLater();
}

void AttributeTableModel::applyOrder(std::vector<int> order) {
  beginResetModel();
  m_order = std::move(order);
  m_position.assign(m_data ? m_data->rowCount() : 0, -1);
  for (std::size_t v = 0; v < m_order.size(); ++v) m_position[std::size_t(m_order[v])] = int(v);
  endResetModel();
  emit viewUpdated();
}

}  // namespace onemap::gui
