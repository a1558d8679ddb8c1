#include "onemap/gui/color_button.h"

#include <QColorDialog>
#include <QPainter>
#include <QPixmap>

namespace onemap::gui {

ColorButton::ColorButton(QColor color, QWidget* parent, bool withAlpha)
    : QPushButton(parent), m_withAlpha(withAlpha) {
  setIconSize(QSize(36, 14));
  setColor(color);
  connect(this, &QPushButton::clicked, this, [this] {
    const QColor chosen = QColorDialog::getColor(m_color, this, tr("Choose a Colour"),
                                                 m_withAlpha ? QColorDialog::ShowAlphaChannel
                                                             : QColorDialog::ColorDialogOptions());
    if (chosen.isValid()) setColor(chosen);
  });
}

void ColorButton::setColor(const QColor& color) {
  const bool changed = color != m_color;
  m_color = color;
  QPixmap swatch(iconSize());
  swatch.fill(Qt::transparent);
  QPainter painter(&swatch);
  if (color.alpha() < 255) {
    // Checkerboard behind transparent colours.
    for (int y = 0; y < swatch.height(); y += 7)
      for (int x = 0; x < swatch.width(); x += 7)
        painter.fillRect(x, y, 7, 7, ((x + y) / 7) % 2 ? QColor(200, 200, 200) : QColor(255, 255, 255));
  }
  painter.fillRect(swatch.rect(), color);
  painter.setPen(QColor(90, 90, 90));
  painter.drawRect(swatch.rect().adjusted(0, 0, -1, -1));
  painter.end();
  setIcon(QIcon(swatch));
  setToolTip(color.name(color.alpha() < 255 ? QColor::HexArgb : QColor::HexRgb));
  if (changed) emit colorChanged(color);
}

}  // namespace onemap::gui
