#include <QCoreApplication>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "onemap/layout/item_properties.h"
#include "onemap/layout/layout.h"
#include "onemap/project/project.h"
#include "onemap/sheet/item_drawers.h"
#include "onemap/sheet/map_layers.h"
#include "onemap/sheet/sheet_context.h"
#include "onemap/sheet/table_data.h"
#include "onemap/sheet/text_drawing.h"

namespace onemap::sheet {
namespace {

constexpr double kPad = 0.8;  ///< mm between a cell's rules and its text

std::vector<std::string> splitList(const std::string& text) {
  std::vector<std::string> out;
  for (const QString& part : QString::fromStdString(text).split(',', Qt::SkipEmptyParts))
    if (const QString t = part.trimmed(); !t.isEmpty()) out.push_back(t.toStdString());
  return out;
}

/// Column widths filling `total`: every column gets its widest cell; what is left goes first to
/// headers that would otherwise wrap, then to all columns alike. Too narrow a table scales the
/// cells down (their text is then cut with "…").
std::vector<double> columnWidths(const SheetTable& table, const SheetText& text, const SheetText& bold, double total) {
  const std::size_t n = std::size_t(table.headers.size());
  std::vector<double> cell(n, 2 * kPad), header(n, 2 * kPad);
  for (std::size_t c = 0; c < n; ++c) {
    header[c] = bold.width(table.headers[int(c)]) + 2 * kPad;
    // A header wraps between words (and CJK characters) but never inside a Latin word.
    for (const QString& word : table.headers[int(c)].split(' ', Qt::SkipEmptyParts))
      if (!word.isEmpty() && word.front().unicode() < 0x2E80) cell[c] = std::max(cell[c], bold.width(word) + 2 * kPad);
  }
  for (const TableRow& row : table.rows)
    for (std::size_t c = 0; c < n && c < std::size_t(row.cells.size()); ++c) {
      if (c == 0 && row.leadSpan > 1) continue;
      if (c > 0 && int(c) < row.leadSpan) continue;
      cell[c] = std::max(cell[c], (row.bold ? bold : text).width(row.cells[int(c)]) + 2 * kPad);
    }
  const double cellSum = std::accumulate(cell.begin(), cell.end(), 0.0);
  std::vector<double> width = cell;
  if (cellSum >= total) {
    for (double& w : width) w *= total / cellSum;
    return width;
  }
  double left = total - cellSum;
  double deficit = 0.0;
  for (std::size_t c = 0; c < n; ++c) deficit += std::max(0.0, header[c] - cell[c]);
  if (deficit > 0) {
    const double share = std::min(1.0, left / deficit);
    for (std::size_t c = 0; c < n; ++c) width[c] += std::max(0.0, header[c] - cell[c]) * share;
    left -= std::min(left, deficit);
  }
  const double sum = std::accumulate(width.begin(), width.end(), 0.0);
  for (double& w : width) w += left * w / sum;
  return width;
}

/// Draws `table` under `title` in `box`; returns false when rows had to be left out.
bool drawSheetTable(QPainter& painter, const QRectF& box, const QString& title, SheetTable table, double pointSize) {
  TextStyle plainStyle;
  plainStyle.pointSize = pointSize;
  TextStyle boldStyle = plainStyle;
  boldStyle.bold = true;
  TextStyle titleStyle = boldStyle;
  titleStyle.pointSize = pointSize * 1.3;
  const SheetText text(plainStyle), bold(boldStyle), titleText(titleStyle);

  double y = box.top();
  if (!title.isEmpty()) {
    titleText.drawLine(painter, QRectF(box.left(), y, box.width(), titleText.height()), Qt::AlignHCenter,
                       titleText.elided(title, box.width()));
    y += titleText.height() + 1.0;
  }
  const std::size_t columns = std::size_t(table.headers.size());
  const std::vector<double> widths = columnWidths(table, text, bold, box.width());
  std::vector<double> xs{box.left()};
  for (double w : widths) xs.push_back(xs.back() + w);

  double headerH = text.height() + 2 * kPad;
  for (std::size_t c = 0; c < columns; ++c)
    headerH = std::max(headerH, bold.blockHeight(table.headers[int(c)], widths[c] - 2 * kPad,
                                                 Qt::AlignCenter | Qt::TextWordWrap) + 2 * kPad);
  const double rowH = text.height() + 1.6;

  // Rows that fit: the first ones, "…", then the fixed tail (the total).
  const double avail = box.bottom() - y - headerH;
  const int fit = std::max(0, int(std::floor(avail / rowH + 1e-6)));
  bool cut = false;
  if (int(table.rows.size()) > fit) {
    cut = true;
    // The total matters most: it stays even when "…" no longer fits.
    const int tail = std::min(table.fixedTailRows, fit);
    const int head = std::max(0, fit - tail - 1);
    std::vector<TableRow> rows(table.rows.begin(), table.rows.begin() + head);
    if (fit - tail > 0) {
      TableRow more;
      more.cells = QStringList(QStringLiteral("…"));
      for (std::size_t c = 1; c < columns; ++c) more.cells << QString();
      more.leadSpan = int(columns);
      rows.push_back(more);
    }
    rows.insert(rows.end(), table.rows.end() - tail, table.rows.end());
    table.rows = std::move(rows);
  }
  // Lead cells merged over rows never reach past the rows kept.
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    TableRow& row = table.rows[r];
    if (row.leadRows == 0 && r == 0) row.leadRows = 1;
    if (row.leadRows > 1) {
      int n = 1;
      while (r + std::size_t(n) < table.rows.size() && n < row.leadRows && table.rows[r + std::size_t(n)].leadRows == 0) ++n;
      row.leadRows = n;
    }
  }

  const double top = y;
  const double bottom = y + headerH + rowH * double(table.rows.size());
  // Header.
  for (std::size_t c = 0; c < columns; ++c)
    bold.drawBlock(painter, QRectF(xs[c] + kPad, y, widths[c] - 2 * kPad, headerH), Qt::AlignCenter | Qt::TextWordWrap,
                   table.headers[int(c)]);
  y += headerH;
  QPen thin(QColor(0, 0, 0), 0.15);
  thin.setCapStyle(Qt::FlatCap);
  painter.setPen(thin);
  painter.drawLine(QPointF(xs.front(), y), QPointF(xs.back(), y));
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const TableRow& row = table.rows[r];
    const SheetText& font = row.bold ? bold : text;
    const double rowTop = y + rowH * double(r);
    for (std::size_t c = 0; c < columns && c < std::size_t(row.cells.size()); ++c) {
      if (c > 0 && int(c) < row.leadSpan) continue;
      if (c == 0 && row.leadRows == 0) continue;
      const std::size_t span = c == 0 ? std::size_t(std::max(1, row.leadSpan)) : 1;
      const double height = c == 0 ? rowH * std::max(1, row.leadRows) : rowH;
      const double left = xs[c], right = xs[std::min(columns, c + span)];
      const QRectF cell(left + kPad, rowTop, right - left - 2 * kPad, height);
      const bool numeric = c < table.numeric.size() && table.numeric[c] && span == 1;
      font.drawLine(painter, cell, numeric ? Qt::AlignRight : Qt::AlignHCenter, font.elided(row.cells[int(c)], cell.width()));
    }
    // The rule under the row: not across a lead cell that continues below it.
    if (r + 1 < table.rows.size()) {
      const double ruleY = rowTop + rowH;
      const bool merged = table.rows[r + 1].leadRows == 0;
      painter.drawLine(QPointF(merged ? xs[1] : xs.front(), ruleY), QPointF(xs.back(), ruleY));
    }
    // Column rules: not inside a cell spanning columns.
    for (std::size_t c = 1; c < columns; ++c) {
      if (int(c) < row.leadSpan) continue;
      painter.drawLine(QPointF(xs[c], rowTop), QPointF(xs[c], rowTop + rowH));
    }
  }
  for (std::size_t c = 1; c < columns; ++c) painter.drawLine(QPointF(xs[c], top), QPointF(xs[c], top + headerH));
  QPen outer(QColor(0, 0, 0), 0.3);
  outer.setJoinStyle(Qt::MiterJoin);
  painter.setPen(outer);
  painter.setBrush(Qt::NoBrush);
  painter.drawRect(QRectF(QPointF(xs.front(), top), QPointF(xs.back(), bottom)).adjusted(0.15, 0.15, -0.15, -0.15));
  return !cut;
}

}  // namespace

QString drawTable(QPainter& painter, const layout::Item& item, const DrawContext& context) {
  namespace k = layout::keys;
  const project::Project* project = context.sheet.project;
  if (!project) return QCoreApplication::translate("SheetItems", "The table has no project to read data from.");
  const std::string layerId = item.prop(k::kLayer);
  const project::LayerSpec* layer = nullptr;
  if (!layerId.empty()) {
    for (const auto& l : project->layers)
      if (l.id == layerId) layer = &l;
    if (!layer || layer->kind != project::LayerKind::Vector)
      return QCoreApplication::translate("SheetItems", "The table's layer “%1” is not a vector layer of the project: choose another layer.")
          .arg(QString::fromStdString(layerId));
  } else {
    layer = findChangePatchLayer(*project);
    if (!layer)
      return QCoreApplication::translate("SheetItems", "The project has no change-patch layer (with a BHLX field) for the table: add the change patches or choose a layer.");
  }

  TableFilter filter;
  if (item.flag(k::kAtlasFilter, true) && context.sheet.atlas) {
    filter.code = context.sheet.atlas->code;
    filter.outlineWkb = context.sheet.atlas->wkb;
    filter.outlineExtent = context.sheet.atlas->extent;
    filter.crs = sheetCrs(context.sheet);
  }
  const bool attributes = item.prop(k::kSource, "summary") == "attributes";
  Result<SheetTable> table = [&]() -> Result<SheetTable> {
    if (attributes) {
      const int maxRows = std::max(1, int(std::lround(item.number(k::kMaxRows, 20.0))));
      return readAttributeTable(*layer, splitList(item.prop(k::kFields)), maxRows, filter, &context.feedback);
    }
    auto summary = readChangeSummary(*layer, filter, &context.feedback);
    if (!summary) return fail(summary.error());
    return summarySheetTable(*summary);
  }();
  if (!table) {
    painter.save();
    painter.setPen(QPen(QColor(200, 0, 0), 0.3));
    painter.drawRect(QRectF(0, 0, item.width, item.height));
    painter.restore();
    return QString::fromStdString(table.error().text());
  }

  QString title = expandedText(item, k::kTitle, {}, context);
  if (title.isEmpty() && !item.props.contains(k::kTitle))
    title = attributes ? QString::fromStdString(layer->name) : QCoreApplication::translate("SheetItems", "Change patch statistics");
  double pointSize = item.number(k::kFontSize, 8.0);
  if (!(pointSize > 0)) pointSize = 8.0;
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  const bool complete = drawSheetTable(painter, QRectF(0, 0, item.width, item.height), title, std::move(*table), pointSize);
  painter.restore();
  if (!complete)
    return QCoreApplication::translate("SheetItems", "The table “%1” has more rows than fit its box: make it taller, the font smaller or lower max_rows.")
        .arg(QString::fromStdString(item.name.empty() ? item.id : item.name));
  return {};
}

}  // namespace onemap::sheet
