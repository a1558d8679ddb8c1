#pragma once

#include <QColor>
#include <QImage>
#include <QString>

#include <string>
#include <vector>

namespace onemap::render {

/// A named continuous colour ramp (ColorBrewer / matplotlib stops interpolated in RGB) for
/// pseudo-colour rasters and graduated vector classes. A value type; any thread.
class ColorRamp {
 public:
  /// The ramp called `name` ("rdylgn", "viridis", "spectral", "greys", "ylorrd", "blues",
  /// "greens", "reds"); unknown names give "greys".
  static ColorRamp byName(const std::string& name);
  /// Every built-in ramp name, in the order pickers show them.
  static const std::vector<std::string>& names();
  /// The name shown to users (translated), e.g. "Red–Yellow–Green (NDVI)".
  static QString displayName(const std::string& name);

  const std::string& name() const { return m_name; }
  /// Colour at t in [0, 1] (clamped).
  QColor at(double t) const;
  /// `count` colours evenly spread from the start to the end of the ramp (for classes).
  std::vector<QColor> colors(int count) const;
  /// 256 entries for fast 8-bit lookup (index = round(t · 255)).
  std::vector<QRgb> lookupTable() const;
  /// A horizontal swatch of the ramp (for pickers and legends).
  QImage preview(int width, int height) const;

 private:
  ColorRamp(std::string name, std::vector<QColor> stops);
  std::string m_name;
  std::vector<QColor> m_stops;
};

}  // namespace onemap::render
