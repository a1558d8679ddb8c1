#include "item_arrange.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

namespace onemap::designer {

void setItemRect(layout::Item& item, const QRectF& rect) {
  item.x = rect.x();
  item.y = rect.y();
  item.width = rect.width();
  item.height = rect.height();
}

namespace {

std::vector<layout::Item*> movable(layout::Layout& layout, const std::set<std::string>& ids) {
  std::vector<layout::Item*> out;
  for (auto& item : layout.items)
    if (ids.contains(item.id) && !item.locked) out.push_back(&item);
  return out;
}

}  // namespace

void alignItems(layout::Layout& layout, const std::set<std::string>& ids, Alignment alignment) {
  auto items = movable(layout, ids);
  if (items.empty()) return;
  QRectF bounds;
  if (ids.size() == 1) {
    bounds = QRectF(0, 0, layout.pageWidthMm, layout.pageHeightMm);
  } else {
    for (const auto& item : layout.items)
      if (ids.contains(item.id)) bounds = bounds.isNull() ? itemRect(item) : bounds.united(itemRect(item));
  }
  for (auto* item : items) {
    switch (alignment) {
      case Alignment::Left: item->x = bounds.left(); break;
      case Alignment::HCenter: item->x = bounds.center().x() - item->width / 2; break;
      case Alignment::Right: item->x = bounds.right() - item->width; break;
      case Alignment::Top: item->y = bounds.top(); break;
      case Alignment::VCenter: item->y = bounds.center().y() - item->height / 2; break;
      case Alignment::Bottom: item->y = bounds.bottom() - item->height; break;
    }
  }
}

void distributeItems(layout::Layout& layout, const std::set<std::string>& ids, Qt::Orientation orientation) {
  auto items = movable(layout, ids);
  if (items.size() < 3) return;
  const bool horizontal = orientation == Qt::Horizontal;
  std::sort(items.begin(), items.end(), [&](const layout::Item* a, const layout::Item* b) {
    return horizontal ? a->x < b->x : a->y < b->y;
  });
  const double start = horizontal ? items.front()->x : items.front()->y;
  const double end = horizontal ? items.back()->x + items.back()->width : items.back()->y + items.back()->height;
  double occupied = 0;
  for (const auto* item : items) occupied += horizontal ? item->width : item->height;
  const double gap = (end - start - occupied) / double(items.size() - 1);
  double at = start;
  for (auto* item : items) {
    (horizontal ? item->x : item->y) = at;
    at += (horizontal ? item->width : item->height) + gap;
  }
}

void reorderItems(layout::Layout& layout, const std::set<std::string>& ids, int steps, bool toEnd) {
  auto& items = layout.items;
  auto selected = [&](const layout::Item& item) { return ids.contains(item.id); };
  if (toEnd) {
    if (steps > 0)
      std::stable_partition(items.begin(), items.end(), [&](const layout::Item& i) { return !selected(i); });
    else
      std::stable_partition(items.begin(), items.end(), selected);
    return;
  }
  const int n = int(items.size());
  for (int s = 0; s < std::abs(steps); ++s) {
    if (steps > 0) {
      for (int i = n - 2; i >= 0; --i)
        if (selected(items[i]) && !selected(items[i + 1])) std::swap(items[i], items[i + 1]);
    } else {
      for (int i = 1; i < n; ++i)
        if (selected(items[i]) && !selected(items[i - 1])) std::swap(items[i], items[i - 1]);
    }
  }
}

void Snapper::collect(const layout::Layout& layout, const std::set<std::string>& exclude) {
  xs = {0.0, layout.pageWidthMm / 2, layout.pageWidthMm};
  ys = {0.0, layout.pageHeightMm / 2, layout.pageHeightMm};
  if (!toItems) return;
  for (const auto& item : layout.items) {
    if (!item.visible || exclude.contains(item.id)) continue;
    xs.insert(xs.end(), {item.x, item.x + item.width / 2, item.x + item.width});
    ys.insert(ys.end(), {item.y, item.y + item.height / 2, item.y + item.height});
  }
}

namespace {

/// The offset to the line nearest to any of `values` within `tolerance`, if any.
bool nearestLine(const std::vector<double>& lines, std::initializer_list<double> values, double tolerance,
                 double* offset, double* line) {
  double best = tolerance;
  bool found = false;
  for (double v : values)
    for (double l : lines)
      if (std::abs(l - v) <= best) {
        best = std::abs(l - v);
        *offset = l - v;
        *line = l;
        found = true;
      }
  return found;
}

double onGrid(double value, double grid) { return grid > 0 ? std::round(value / grid) * grid : value; }

}  // namespace

QPointF Snapper::snapMove(const QRectF& rect, double* snappedX, double* snappedY) const {
  double dx = 0, dy = 0, line = 0;
  *snappedX = std::numeric_limits<double>::quiet_NaN();
  *snappedY = std::numeric_limits<double>::quiet_NaN();
  if (toItems && nearestLine(xs, {rect.left(), rect.center().x(), rect.right()}, tolerance, &dx, &line))
    *snappedX = line;
  else
    dx = onGrid(rect.left(), grid) - rect.left();
  if (toItems && nearestLine(ys, {rect.top(), rect.center().y(), rect.bottom()}, tolerance, &dy, &line))
    *snappedY = line;
  else
    dy = onGrid(rect.top(), grid) - rect.top();
  return {dx, dy};
}

double Snapper::snapX(double x, double* snapped) const {
  double dx = 0, line = 0;
  *snapped = std::numeric_limits<double>::quiet_NaN();
  if (toItems && nearestLine(xs, {x}, tolerance, &dx, &line)) {
    *snapped = line;
    return line;
  }
  return onGrid(x, grid);
}

double Snapper::snapY(double y, double* snapped) const {
  double dy = 0, line = 0;
  *snapped = std::numeric_limits<double>::quiet_NaN();
  if (toItems && nearestLine(ys, {y}, tolerance, &dy, &line)) {
    *snapped = line;
    return line;
  }
  return onGrid(y, grid);
}

QSizeF defaultItemSize(layout::ItemType type) {
  using T = layout::ItemType;
  switch (type) {
    case T::Map: return {120, 90};
    case T::Label: return {60, 12};
    case T::Legend: return {40, 50};
    case T::ScaleBar: return {60, 12};
    case T::NorthArrow: return {12, 18};
    case T::Table: return {80, 40};
    case T::Picture: return {30, 30};
    case T::Producer: return {70, 28};
    case T::Shape: return {40, 30};
  }
  return {40, 30};
}

QString typeName(layout::ItemType type) {
  using T = layout::ItemType;
  switch (type) {
    case T::Map: return QCoreApplication::translate("LayoutItem", "Map");
    case T::Label: return QCoreApplication::translate("LayoutItem", "Label");
    case T::Legend: return QCoreApplication::translate("LayoutItem", "Legend");
    case T::ScaleBar: return QCoreApplication::translate("LayoutItem", "Scale Bar");
    case T::NorthArrow: return QCoreApplication::translate("LayoutItem", "North Arrow");
    case T::Table: return QCoreApplication::translate("LayoutItem", "Table");
    case T::Picture: return QCoreApplication::translate("LayoutItem", "Picture");
    case T::Producer: return QCoreApplication::translate("LayoutItem", "Producer Block");
    case T::Shape: return QCoreApplication::translate("LayoutItem", "Shape");
  }
  return {};
}

QString displayName(const layout::Item& item) {
  if (!item.name.empty()) return QString::fromStdString(item.name);
  if (item.type == layout::ItemType::Label) {
    QString text = QString::fromStdString(item.prop("text")).simplified();
    if (!text.isEmpty()) return text.left(24);
  }
  return QStringLiteral("%1 (%2)").arg(typeName(item.type), QString::fromStdString(item.id));
}

}  // namespace onemap::designer
