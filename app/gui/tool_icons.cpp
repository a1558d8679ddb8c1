#include "onemap/gui/tool_icons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <map>

namespace onemap::gui {
namespace {

const QColor kInk(55, 65, 81);
const QColor kAccent(37, 99, 235);
const QColor kSelection(234, 179, 8);

void magnifier(QPainter& p, bool plus, bool minus) {
  p.setPen(QPen(kInk, 2.4, Qt::SolidLine, Qt::RoundCap));
  p.setBrush(QColor(255, 255, 255, 200));
  p.drawEllipse(QPointF(13, 13), 8, 8);
  p.setPen(QPen(kInk, 4, Qt::SolidLine, Qt::RoundCap));
  p.drawLine(QPointF(19, 19), QPointF(27, 27));
  p.setPen(QPen(kAccent, 2.4, Qt::SolidLine, Qt::RoundCap));
  if (plus || minus) p.drawLine(QPointF(9, 13), QPointF(17, 13));
  if (plus) p.drawLine(QPointF(13, 9), QPointF(13, 17));
}

void arrow(QPainter& p, bool left) {
  QPainterPath path;
  if (left) {
    path.moveTo(5, 16);
    path.lineTo(15, 7);
    path.lineTo(15, 12);
    path.lineTo(27, 12);
    path.lineTo(27, 20);
    path.lineTo(15, 20);
    path.lineTo(15, 25);
  } else {
    path.moveTo(27, 16);
    path.lineTo(17, 7);
    path.lineTo(17, 12);
    path.lineTo(5, 12);
    path.lineTo(5, 20);
    path.lineTo(17, 20);
    path.lineTo(17, 25);
  }
  path.closeSubpath();
  p.setPen(QPen(kInk, 1.2));
  p.setBrush(kAccent);
  p.drawPath(path);
}

void draw(QPainter& p, ToolIcon icon) {
  switch (icon) {
    case ToolIcon::Pan: {
      p.setPen(QPen(kInk, 2.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
      p.drawLine(QPointF(16, 3), QPointF(16, 29));
      p.drawLine(QPointF(3, 16), QPointF(29, 16));
      p.setBrush(kInk);
      for (auto [a, b, c] : {std::tuple{QPointF(16, 2), QPointF(12, 7), QPointF(20, 7)},
                             {QPointF(16, 30), QPointF(12, 25), QPointF(20, 25)},
                             {QPointF(2, 16), QPointF(7, 12), QPointF(7, 20)},
                             {QPointF(30, 16), QPointF(25, 12), QPointF(25, 20)}}) {
        const QPointF tri[3] = {a, b, c};
        p.drawPolygon(tri, 3);
      }
      break;
    }
    case ToolIcon::ZoomBox:
      p.setPen(QPen(kAccent, 1.8, Qt::DashLine));
      p.setBrush(QColor(37, 99, 235, 40));
      p.drawRect(QRectF(3, 3, 18, 14));
      p.translate(6, 6);
      p.scale(0.8, 0.8);
      magnifier(p, true, false);
      break;
    case ToolIcon::ZoomIn: magnifier(p, true, false); break;
    case ToolIcon::ZoomOut: magnifier(p, false, true); break;
    case ToolIcon::FullExtent:
      p.setPen(QPen(kInk, 2.2));
      p.setBrush(QColor(134, 239, 172));
      p.drawRect(QRectF(8, 8, 16, 16));
      p.setPen(QPen(kAccent, 2.4, Qt::SolidLine, Qt::RoundCap));
      for (auto [x, y, dx, dy] : {std::tuple{3, 3, 1, 1}, {29, 3, -1, 1}, {3, 29, 1, -1}, {29, 29, -1, -1}}) {
        p.drawLine(QPointF(x, y), QPointF(x + 5 * dx, y));
        p.drawLine(QPointF(x, y), QPointF(x, y + 5 * dy));
      }
      break;
    case ToolIcon::Previous: arrow(p, true); break;
    case ToolIcon::Next: arrow(p, false); break;
    case ToolIcon::Identify: {
      p.setPen(Qt::NoPen);
      p.setBrush(kAccent);
      p.drawEllipse(QPointF(16, 16), 13, 13);
      p.setBrush(Qt::white);
      p.drawEllipse(QPointF(16, 9.5), 2.4, 2.4);
      p.drawRoundedRect(QRectF(13.8, 13.5, 4.4, 11), 1.5, 1.5);
      break;
    }
    case ToolIcon::MeasureLine: {
      p.translate(16, 16);
      p.rotate(-35);
      p.setPen(QPen(kInk, 1.6));
      p.setBrush(QColor(253, 224, 71));
      p.drawRect(QRectF(-14, -5, 28, 10));
      for (int i = -11; i <= 11; i += 4) p.drawLine(QPointF(i, -5), QPointF(i, i % 8 == 1 ? 1 : -1));
      break;
    }
    case ToolIcon::MeasureArea: {
      const QPointF poly[5] = {{4, 24}, {8, 6}, {22, 4}, {28, 18}, {16, 28}};
      p.setPen(QPen(kInk, 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
      p.setBrush(QColor(253, 224, 71, 170));
      p.drawPolygon(poly, 5);
      p.setBrush(kAccent);
      p.setPen(Qt::NoPen);
      for (const QPointF& v : poly) p.drawEllipse(v, 2.4, 2.4);
      break;
    }
    case ToolIcon::Bookmark: {
      QPainterPath path;
      path.moveTo(8, 3);
      path.lineTo(24, 3);
      path.lineTo(24, 29);
      path.lineTo(16, 22);
      path.lineTo(8, 29);
      path.closeSubpath();
      p.setPen(QPen(kInk, 1.6));
      p.setBrush(QColor(239, 68, 68));
      p.drawPath(path);
      break;
    }
    case ToolIcon::AttributeTable:
      p.setPen(QPen(kInk, 1.6));
      p.setBrush(Qt::white);
      p.drawRect(QRectF(3, 5, 26, 22));
      p.fillRect(QRectF(3.8, 5.8, 24.4, 5), QColor(147, 197, 253));
      for (int y : {16, 21}) p.drawLine(QPointF(3, y), QPointF(29, y));
      p.drawLine(QPointF(3, 11), QPointF(29, 11));
      p.drawLine(QPointF(12, 5), QPointF(12, 27));
      break;
    case ToolIcon::Select: {
      p.setPen(QPen(kInk, 1.6));
      p.setBrush(QColor(kSelection.red(), kSelection.green(), kSelection.blue(), 160));
      p.drawRect(QRectF(3, 3, 18, 16));
      QPainterPath cursor;
      cursor.moveTo(14, 12);
      cursor.lineTo(14, 30);
      cursor.lineTo(18.5, 25.5);
      cursor.lineTo(22, 31);
      cursor.lineTo(25, 29.5);
      cursor.lineTo(21.5, 24);
      cursor.lineTo(27, 23);
      cursor.closeSubpath();
      p.setPen(QPen(Qt::white, 1.4));
      p.setBrush(kInk);
      p.drawPath(cursor);
      break;
    }
    case ToolIcon::ZoomToSelection:
      p.setPen(QPen(kInk, 1.6));
      p.setBrush(QColor(kSelection.red(), kSelection.green(), kSelection.blue(), 160));
      p.drawRect(QRectF(4, 4, 14, 12));
      p.translate(6, 6);
      p.scale(0.8, 0.8);
      magnifier(p, false, false);
      break;
    case ToolIcon::ClearSelection:
      p.setPen(QPen(kInk, 1.6));
      p.setBrush(QColor(kSelection.red(), kSelection.green(), kSelection.blue(), 160));
      p.drawRect(QRectF(4, 6, 18, 16));
      p.setPen(QPen(QColor(220, 38, 38), 3.0, Qt::SolidLine, Qt::RoundCap));
      p.drawLine(QPointF(18, 18), QPointF(28, 28));
      p.drawLine(QPointF(28, 18), QPointF(18, 28));
      break;
  }
}

}  // namespace

QIcon toolIcon(ToolIcon icon) {
  static std::map<ToolIcon, QIcon> cache;
  if (auto it = cache.find(icon); it != cache.end()) return it->second;
  QIcon result;
  for (int size : {16, 24, 32, 48}) {
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.scale(size / 32.0, size / 32.0);
    draw(p, icon);
    p.end();
    result.addPixmap(pixmap);
  }
  cache.emplace(icon, result);
  return result;
}

}  // namespace onemap::gui
