#include "item_icons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <functional>
#include <map>

#include "onemap/render/map_font.h"

namespace onemap::designer {

namespace {

constexpr int kSize = 32;
const QColor kInk(40, 60, 90);
const QColor kAccent(30, 130, 200);

QIcon draw(const std::function<void(QPainter&)>& paint) {
  QPixmap pixmap(kSize, kSize);
  pixmap.fill(Qt::transparent);
  QPainter p(&pixmap);
  p.setRenderHint(QPainter::Antialiasing);
  p.setPen(QPen(kInk, 2));
  p.setBrush(Qt::NoBrush);
  paint(p);
  return QIcon(pixmap);
}

}  // namespace

QIcon itemIcon(layout::ItemType type) {
  static std::map<layout::ItemType, QIcon> cache;
  if (auto it = cache.find(type); it != cache.end()) return it->second;
  using T = layout::ItemType;
  QIcon icon = draw([type](QPainter& p) {
    switch (type) {
      case T::Map: {
        p.drawRect(4, 6, 24, 20);
        QPainterPath river;
        river.moveTo(5, 20);
        river.cubicTo(12, 10, 18, 24, 27, 12);
        p.setPen(QPen(kAccent, 2));
        p.drawPath(river);
        break;
      }
      case T::Label: {
        QFont font = render::mapFont(18);
        font.setBold(true);
        font.setPixelSize(24);
        p.setFont(font);
        p.drawText(QRect(0, 0, kSize, kSize), Qt::AlignCenter, QStringLiteral("T"));
        break;
      }
      case T::Legend:
        for (int i = 0; i < 3; ++i) {
          p.setBrush(i == 0 ? kAccent : i == 1 ? QColor(110, 180, 80) : QColor(230, 170, 60));
          p.setPen(QPen(kInk, 1));
          p.drawRect(5, 6 + i * 8, 7, 5);
          p.setPen(QPen(kInk, 2));
          p.drawLine(15, 9 + i * 8, 27, 9 + i * 8);
        }
        break;
      case T::ScaleBar:
        p.setPen(QPen(kInk, 1.5));
        for (int i = 0; i < 4; ++i) {
          p.setBrush(i % 2 ? Qt::white : kInk);
          p.drawRect(4 + i * 6, 14, 6, 5);
        }
        p.drawLine(4, 10, 4, 14);
        p.drawLine(28, 10, 28, 14);
        break;
      case T::NorthArrow: {
        QPainterPath arrow;
        arrow.moveTo(16, 3);
        arrow.lineTo(24, 28);
        arrow.lineTo(16, 22);
        arrow.lineTo(8, 28);
        arrow.closeSubpath();
        p.setBrush(kInk);
        p.drawPath(arrow);
        break;
      }
      case T::Table:
        p.drawRect(4, 6, 24, 20);
        p.setPen(QPen(kInk, 1));
        for (int y : {12, 19}) p.drawLine(4, y, 28, y);
        p.drawLine(14, 6, 14, 26);
        break;
      case T::Picture: {
        p.drawRect(4, 6, 24, 20);
        QPainterPath hills;
        hills.moveTo(5, 25);
        hills.lineTo(13, 14);
        hills.lineTo(19, 21);
        hills.lineTo(23, 17);
        hills.lineTo(27, 25);
        p.setBrush(QColor(110, 180, 80));
        p.setPen(Qt::NoPen);
        p.drawPath(hills);
        p.setBrush(QColor(230, 170, 60));
        p.drawEllipse(QPointF(22, 11), 2.5, 2.5);
        break;
      }
      case T::Producer:
        p.drawRect(4, 8, 24, 16);
        p.setPen(QPen(kInk, 1));
        p.drawLine(4, 16, 28, 16);
        p.drawLine(13, 8, 13, 24);
        break;
      case T::Shape:
        p.setBrush(QColor(30, 130, 200, 60));
        p.drawRect(5, 8, 16, 14);
        p.drawLine(12, 27, 28, 5);
        break;
    }
  });
  cache[type] = icon;
  return icon;
}

QIcon selectIcon() {
  static QIcon icon = draw([](QPainter& p) {
    QPainterPath pointer;
    pointer.moveTo(9, 4);
    pointer.lineTo(9, 25);
    pointer.lineTo(14, 20);
    pointer.lineTo(18, 28);
    pointer.lineTo(21, 26);
    pointer.lineTo(17, 19);
    pointer.lineTo(24, 19);
    pointer.closeSubpath();
    p.setBrush(Qt::white);
    p.setPen(QPen(kInk, 1.6));
    p.drawPath(pointer);
  });
  return icon;
}

}  // namespace onemap::designer
