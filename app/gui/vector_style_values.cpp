#include "onemap/gui/vector_style_dialog.h"

// The parts of VectorStyleDialog that read attribute values on a worker thread and turn them into
// categories and classes, and the tables that show them.

#include <QComboBox>
#include <QFutureWatcher>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

#include "onemap/analysis/classification.h"
#include "onemap/gui/data_read_pool.h"
#include "onemap/render/color_ramp.h"
#include "onemap/render/land_use_palette.h"

namespace onemap::gui {
namespace {

/// What a background read of a field's values gives the dialog.
template <typename T>
struct ValuesResult {
  std::vector<T> values;
  QString error;
  bool canceled = false;
};
using DistinctResult = ValuesResult<render::DistinctValue>;
using NumberResult = ValuesResult<double>;

/// Runs `read(source, name, &feedback)` on the data-read pool and converts its Result.
template <typename T, typename Read>
QFuture<ValuesResult<T>> readValuesInBackground(const render::FieldSource& source, const std::string& name,
                                                Feedback feedback, Read read) {
  return QtConcurrent::run(dataReadPool(), [source, name, feedback, read]() mutable {
    ValuesResult<T> out;
    auto values = read(source, name, &feedback);
    if (values) out.values = std::move(*values);
    else if (values.error().code == ErrorCode::Canceled) out.canceled = true;
    else out.error = QString::fromStdString(values.error().text());
    return out;
  });
}

/// Well-separated colours for unique values: golden-angle hues, alternating saturation/value.
QColor qualitativeColor(std::size_t i) {
  const int hue = int(std::fmod(30.0 + double(i) * 137.508, 360.0));
  const int saturation = i % 2 ? 110 : 150;
  const int value = i % 3 == 2 ? 200 : 235;
  return QColor::fromHsv(hue, saturation, value);
}

QIcon swatch(const QColor& color) {
  render::LegendEntry entry;
  entry.fill = color;
  entry.stroke = QColor(90, 90, 90);
  return QIcon(QPixmap::fromImage(render::legendSymbol(entry, QSize(28, 14))));
}

/// At most this many values get their own colour and a table row (a field of unique ids would
/// otherwise make a table of 100 000 rows).
constexpr std::size_t kMaxCategories = 500;

QString classNumber(double v, double range) {
  const int decimals = range >= 100 ? 0 : range >= 1 ? 2 : 4;
  return QString::number(v, 'f', decimals);
}

}  // namespace

void VectorStyleDialog::refreshCategoryTable() {
  m_categories->setRowCount(0);
  std::vector<render::DistinctValue> rows;
  if (m_distinctField == m_categoryField->currentText().toStdString()) rows = m_distinct;
  for (const auto& [value, color] : m_style.categories)
    if (std::none_of(rows.begin(), rows.end(), [&](const auto& r) { return r.value == value; })) rows.push_back({value, {}, 0});
  if (rows.size() > kMaxCategories) rows.resize(kMaxCategories);
  for (const auto& r : rows) {
    QColor color = m_style.fill;
    if (auto it = m_style.categories.find(r.value); it != m_style.categories.end()) color = it->second;
    else if (m_style.landUsePalette) color = render::landUseColor(r.value);
    const int row = m_categories->rowCount();
    m_categories->insertRow(row);
    auto* colourItem = new QTableWidgetItem(swatch(color), QString());
    colourItem->setData(Qt::UserRole, color);
    auto* valueItem = new QTableWidgetItem(r.value.empty() ? tr("(no value)") : QString::fromStdString(r.value));
    valueItem->setData(Qt::UserRole, QString::fromStdString(r.value));
    std::string name = r.name.empty() && m_style.landUsePalette ? render::landUseName(r.value) : r.name;
    m_categories->setItem(row, 0, colourItem);
    m_categories->setItem(row, 1, valueItem);
    m_categories->setItem(row, 2, new QTableWidgetItem(QString::fromStdString(name)));
    m_categories->setItem(row, 3, new QTableWidgetItem(r.count > 0 ? QString::number(r.count) : QString()));
  }
  m_categories->resizeColumnsToContents();
}

void VectorStyleDialog::refreshClassTable() {
  m_classes->setRowCount(int(m_style.classes.size()));
  for (std::size_t i = 0; i < m_style.classes.size(); ++i) {
    const auto& c = m_style.classes[i];
    const double range = m_style.classes.back().upper - m_style.classes.front().lower;
    m_classes->setItem(int(i), 0, new QTableWidgetItem(swatch(c.color), QString()));
    m_classes->setItem(int(i), 1, new QTableWidgetItem(classNumber(c.lower, range)));
    m_classes->setItem(int(i), 2, new QTableWidgetItem(classNumber(c.upper, range)));
    m_classes->setItem(int(i), 3, new QTableWidgetItem(QString::fromStdString(c.label)));
  }
  m_classes->resizeColumnsToContents();
}

// --- reading values on a worker --------------------------------------------------------------

void VectorStyleDialog::showFillIfHidden() {
  // Classes coloured on a layer whose fill is fully transparent would not show: make it opaque.
  if (m_opacity->value() == 0) m_opacity->setValue(100);
}

void VectorStyleDialog::startRead(const QString& what) {
  m_feedback.cancel();
  m_feedback = Feedback();
  m_busy = true;
  m_status->setText(what);
  m_cancel->show();
  auto* timer = new QTimer(this);
  const int generation = m_generation;
  connect(timer, &QTimer::timeout, this, [this, timer, what, generation] {
    if (!m_busy || generation != m_generation) {
      timer->deleteLater();
      return;
    }
    m_status->setText(tr("%1 %2 %").arg(what).arg(int(m_feedback.progress() * 100)));
  });
  timer->start(200);
}

void VectorStyleDialog::finishRead() {
  m_busy = false;
  m_cancel->hide();
}

void VectorStyleDialog::readDistinct(const QString& field, bool landUse) {
  if (field.isEmpty()) return;
  const int generation = ++m_generation;
  startRead(tr("Reading the values of %1…").arg(field));
  auto* watcher = new QFutureWatcher<DistinctResult>(this);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, field, landUse] {
    watcher->deleteLater();
    if (generation != m_generation) return;
    finishRead();
    const DistinctResult result = watcher->result();
    if (result.canceled) {
      m_status->setText(tr("Reading canceled."));
      return;
    }
    if (!result.error.isEmpty()) {
      m_status->setText(tr("Could not read the values: %1").arg(result.error));
      return;
    }
    m_distinct = result.values;
    m_distinctField = field.toStdString();
    m_style.categories.clear();
    m_style.landUsePalette = landUse;
    if (!landUse)
      for (std::size_t i = 0; i < m_distinct.size() && i < kMaxCategories; ++i)
        m_style.categories[m_distinct[i].value] = qualitativeColor(i);
    if (!landUse && m_distinct.size() > kMaxCategories)
      m_status->setText(tr("%1 distinct values: the first %2 get their own colour, the others the fill colour.")
                            .arg(m_distinct.size())
                            .arg(kMaxCategories));
    else
      m_status->setText(tr("%1 distinct values.").arg(m_distinct.size()));
    showFillIfHidden();
    readStyleFromWidgets();
    refreshCategoryTable();
    refreshPreview();
    emit classified();
  });
  watcher->setFuture(readValuesInBackground<render::DistinctValue>(m_source, field.toStdString(), m_feedback,
                                                                   render::readDistinctValues));
}

void VectorStyleDialog::readNumbers(const QString& field) {
  if (field.isEmpty()) return;
  const int generation = ++m_generation;
  startRead(tr("Reading the values of %1…").arg(field));
  auto* watcher = new QFutureWatcher<NumberResult>(this);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, field] {
    watcher->deleteLater();
    if (generation != m_generation) return;
    finishRead();
    NumberResult result = watcher->result();
    if (result.canceled) {
      m_status->setText(tr("Reading canceled."));
      return;
    }
    if (!result.error.isEmpty()) {
      m_status->setText(tr("Could not read the values: %1").arg(result.error));
      return;
    }
    m_status->clear();
    m_numbers[field.toStdString()] = std::move(result.values);
    computeClasses();
  });
  watcher->setFuture(readValuesInBackground<double>(m_source, field.toStdString(), m_feedback,
                                                    render::readNumericValues));
}

void VectorStyleDialog::computeClasses() {
  const std::string field = m_classField->currentText().toStdString();
  const auto ramp = render::ColorRamp::byName(m_ramp->currentData().toString().toStdString());
  auto it = m_numbers.find(field);
  if (it == m_numbers.end()) {
    // Values not read yet: only recolour the classes there are.
    const auto colours = ramp.colors(int(m_style.classes.size()));
    for (std::size_t i = 0; i < m_style.classes.size(); ++i) m_style.classes[i].color = colours[i];
    refreshClassTable();
    styleEdited();
    return;
  }
  const auto method = Method(m_method->currentData().toInt());
  const auto analysisMethod = method == Method::Quantile        ? analysis::ClassificationMethod::Quantile
                              : method == Method::EqualInterval ? analysis::ClassificationMethod::EqualInterval
                                                                : analysis::ClassificationMethod::NaturalBreaks;
  auto breaks = analysis::computeBreaks(analysisMethod, it->second, m_classCount->value());
  if (!breaks) {
    m_status->setText(tr("Cannot classify %1: %2")
                          .arg(QString::fromStdString(field), QString::fromStdString(breaks.error().text())));
    return;
  }
  const std::size_t count = breaks->size() - 1;
  const auto colours = ramp.colors(int(count));
  const double range = breaks->back() - breaks->front();
  m_style.classes.clear();
  for (std::size_t i = 0; i < count; ++i) {
    const double lower = (*breaks)[i];
    const double upper = (*breaks)[i + 1];
    // The top class may be the maximum alone (an outlier): label it with that value.
    const QString label = lower == upper ? classNumber(lower, range)
                                         : QStringLiteral("%1 – %2").arg(classNumber(lower, range), classNumber(upper, range));
    m_style.classes.push_back({lower, upper, colours[i], label.toStdString()});
  }
  m_style.classField = field;
  showFillIfHidden();
  refreshClassTable();
  styleEdited();
  emit classified();
}

}  // namespace onemap::gui
