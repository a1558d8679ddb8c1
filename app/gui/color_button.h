#pragma once

#include <QColor>
#include <QPushButton>

namespace onemap::gui {

/// A button showing a colour swatch; clicking opens a colour picker (with alpha when
/// `withAlpha`). Emits colorChanged when the user or setColor changes it. GUI thread only.
class ColorButton : public QPushButton {
  Q_OBJECT
 public:
  explicit ColorButton(QColor color = Qt::black, QWidget* parent = nullptr, bool withAlpha = false);
  QColor color() const { return m_color; }
  void setColor(const QColor& color);

 signals:
  void colorChanged(const QColor& color);

 private:
  QColor m_color;
  bool m_withAlpha;
};

}  // namespace onemap::gui
