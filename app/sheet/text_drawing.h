#pragma once

#include <QColor>
#include <QFont>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <functional>
#include <string>

class QPainter;

namespace onemap::layout {
struct Item;
}

namespace onemap::sheet {

struct DrawContext;

/// Millimetres per typographic point.
inline constexpr double kMmPerPoint = 25.4 / 72.0;

/// How a piece of sheet text looks: size in points, weight, colour, extra letter spacing (%).
struct TextStyle {
  double pointSize = 8.0;
  bool bold = false;
  QColor color = QColor(0, 0, 0);
  double letterSpacingPercent = 0.0;
};

/// Measures and draws text on a painter whose unit is one page millimetre, with the sheet font
/// (render::mapFont) at its size in points whatever the device's resolution. Internally text is
/// laid out at 1/100 mm so that glyph metrics are not rounded to the painter's unit.
class SheetText {
 public:
  explicit SheetText(const TextStyle& style);

  double width(const QString& text) const;   ///< advance width without the letter spacing after the last character, mm
  /// The letter spacing Qt adds after the last character of `text` (mm; 0 without spacing).
  double trailingSpacing(const QString& text) const;
  double height() const;                     ///< ascent + descent, mm
  double ascent() const;                     ///< mm
  double lineSpacing() const;                ///< baseline to baseline, mm
  /// `text` cut to `widthMm` with "…" at the end when it is wider.
  QString elided(const QString& text, double widthMm) const;

  /// Draws one line with its baseline's left end at `baseline` (mm).
  void drawAt(QPainter& painter, QPointF baseline, const QString& text) const;
  /// Draws one line in `box`: horizontal `align` (Qt::AlignLeft/HCenter/Right), vertically centred.
  void drawLine(QPainter& painter, const QRectF& box, Qt::Alignment align, const QString& text) const;
  /// Draws `text` (lines split at '\n', long lines wrapped) in `box` with Qt alignment flags;
  /// returns the height the text needs (mm), which may be more than the box.
  double drawBlock(QPainter& painter, const QRectF& box, int flags, const QString& text) const;
  /// The height `text` needs when wrapped to `widthMm` (mm).
  double blockHeight(const QString& text, double widthMm, int flags) const;

  const QFont& font() const { return m_font; }
  const TextStyle& style() const { return m_style; }

 private:
  TextStyle m_style;
  QFont m_font;
  QFont m_unspaced;
  bool m_fakeBold = false;  ///< bold asked of a family without a bold face (WenQuanYi Micro Hei)

  /// Calls `draw` once, or for synthetic bold on raster devices (where Qt does not embolden
  /// large glyphs) several times a hair apart. PDF engines embolden themselves.
  void paint(QPainter& painter, const std::function<void()>& draw) const;
};

/// A colour property ("#rrggbb", "#aarrggbb" or an SVG colour name); `fallback` when unset or
/// not a colour, transparent for "none".
QColor colorProp(const layout::Item& item, const char* key, QColor fallback);

/// The item's text property with {variables} expanded; "\n" (backslash n) typed in a single-line
/// editor is taken as a line break too.
QString expandedText(const layout::Item& item, const char* key, const std::string& fallback,
                     const DrawContext& context);

}  // namespace onemap::sheet
