#include "onemap/render/color_ramp.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace onemap::render {
namespace {

struct RampDefinition {
  const char* name;
  const char* title;
  std::vector<const char*> stops;
};

const std::vector<RampDefinition>& definitions() {
  // Stops from ColorBrewer (rdylgn, spectral, ylorrd, blues, greens, reds, greys) and
  // matplotlib (viridis).
  static const std::vector<RampDefinition> ramps{
      {"rdylgn", QT_TRANSLATE_NOOP("ColorRamp", "Red–Yellow–Green (NDVI)"),
       {"#a50026", "#d73027", "#f46d43", "#fdae61", "#fee08b", "#ffffbf", "#d9ef8b", "#a6d96a", "#66bd63",
        "#1a9850", "#006837"}},
      {"viridis", QT_TRANSLATE_NOOP("ColorRamp", "Viridis"),
       {"#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89", "#35b779", "#6ece58", "#b5de2b",
        "#fde725"}},
      {"spectral", QT_TRANSLATE_NOOP("ColorRamp", "Spectral"),
       {"#9e0142", "#d53e4f", "#f46d43", "#fdae61", "#fee08b", "#ffffbf", "#e6f598", "#abdda4", "#66c2a5",
        "#3288bd", "#5e4fa2"}},
      {"greys", QT_TRANSLATE_NOOP("ColorRamp", "Greys"), {"#000000", "#ffffff"}},
      {"ylorrd", QT_TRANSLATE_NOOP("ColorRamp", "Yellow–Orange–Red"),
       {"#ffffcc", "#ffeda0", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#bd0026", "#800026"}},
      {"blues", QT_TRANSLATE_NOOP("ColorRamp", "Blues"),
       {"#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"}},
      {"greens", QT_TRANSLATE_NOOP("ColorRamp", "Greens"),
       {"#f7fcf5", "#e5f5e0", "#c7e9c0", "#a1d99b", "#74c476", "#41ab5d", "#238b45", "#006d2c", "#00441b"}},
      {"reds", QT_TRANSLATE_NOOP("ColorRamp", "Reds"),
       {"#fff5f0", "#fee0d2", "#fcbba1", "#fc9272", "#fb6a4a", "#ef3b2c", "#cb181d", "#a50f15", "#67000d"}},
  };
  return ramps;
}

}  // namespace

ColorRamp::ColorRamp(std::string name, std::vector<QColor> stops) : m_name(std::move(name)), m_stops(std::move(stops)) {}

ColorRamp ColorRamp::byName(const std::string& name) {
  for (const auto& d : definitions()) {
    if (name != d.name) continue;
    std::vector<QColor> stops;
    for (const char* s : d.stops) stops.emplace_back(QString::fromLatin1(s));
    return ColorRamp(d.name, std::move(stops));
  }
  return byName("greys");
}

const std::vector<std::string>& ColorRamp::names() {
  static const std::vector<std::string> out = [] {
    std::vector<std::string> n;
    for (const auto& d : definitions()) n.emplace_back(d.name);
    return n;
  }();
  return out;
}

QString ColorRamp::displayName(const std::string& name) {
  for (const auto& d : definitions())
    if (name == d.name) return QCoreApplication::translate("ColorRamp", d.title);
  return QString::fromStdString(name);
}

QColor ColorRamp::at(double t) const {
  if (m_stops.empty()) return QColor(Qt::black);
  if (!(t > 0.0)) return m_stops.front();  // also NaN
  if (t >= 1.0) return m_stops.back();
  const double position = t * double(m_stops.size() - 1);
  const auto i = std::size_t(std::floor(position));
  const double f = position - double(i);
  const QColor& a = m_stops[i];
  const QColor& b = m_stops[std::min(i + 1, m_stops.size() - 1)];
  auto mix = [f](int x, int y) { return int(std::lround(double(x) + f * double(y - x))); };
  return QColor(mix(a.red(), b.red()), mix(a.green(), b.green()), mix(a.blue(), b.blue()));
}

std::vector<QColor> ColorRamp::colors(int count) const {
  std::vector<QColor> out;
  for (int i = 0; i < count; ++i) out.push_back(at(count == 1 ? 0.5 : double(i) / double(count - 1)));
  return out;
}

std::vector<QRgb> ColorRamp::lookupTable() const {
  std::vector<QRgb> table(256);
  for (int i = 0; i < 256; ++i) table[std::size_t(i)] = at(double(i) / 255.0).rgb();
  return table;
}

QImage ColorRamp::preview(int width, int height) const {
  QImage image(std::max(1, width), std::max(1, height), QImage::Format_RGB32);
  for (int x = 0; x < image.width(); ++x) {
    const QRgb c = at(image.width() == 1 ? 0.0 : double(x) / double(image.width() - 1)).rgb();
    for (int y = 0; y < image.height(); ++y) image.setPixel(x, y, c);
  }
  return image;
}

}  // namespace onemap::render
