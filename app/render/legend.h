#pragma once

#include <QColor>
#include <QImage>
#include <QSize>
#include <QString>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "onemap/base/error.h"
#include "onemap/base/feedback.h"
#include "onemap/render/field_values.h"

namespace onemap::project {
struct LayerSpec;
}

namespace onemap::render {

/// One line of a layer's legend: a symbol and its label. Used by the layer tree, the style
/// dialogs' previews and printed map sheets. A value type; any thread.
struct LegendEntry {
  enum class Symbol { Fill, Line, Point, Raster, Ramp, None };  ///< None: a text-only line
  Symbol symbol = Symbol::Fill;
  QString label;
  QColor fill;
  QColor stroke;
  std::string ramp;         ///< Ramp: the ColorRamp name
  double rampMin = 0.0;     ///< Ramp: values at both ends
  double rampMax = 0.0;
  std::string value;        ///< the category value or class index this entry stands for
};

/// What a legend needs from a layer's data: geometry kind, the category values present, band
/// roles, a computed pseudo-colour range. Read off the GUI thread by readLegendData().
struct LegendData {
  enum class Geometry { Unknown, Polygon, Line, Point };
  Geometry geometry = Geometry::Unknown;
  std::vector<DistinctValue> categories;  ///< categorized layers: values present, named
  std::vector<std::string> bandRoles;     ///< rasters: role id per band ("red", "nir", "" unknown)
  std::optional<std::pair<double, double>> range;  ///< pseudo-colour range when not in the style
};

/// At most this many category entries are listed; the rest are summarised in one line.
inline constexpr std::size_t kMaxLegendCategories = 100;

/// Reads what legendEntries() needs for `layer` (vector: geometry type and, when categorized,
/// the distinct values of the category field with their names, cached per file; raster: band
/// roles and, for pseudo-colour without min/max, the range). Slow for big layers: worker thread.
Result<LegendData> readLegendData(const project::LayerSpec& layer, Feedback* feedback = nullptr);

/// The legend of `layer` for its current style: single symbol → one entry; categorized → the
/// values present in the data (when `data` is given, "0101 水田" using the DLMC names; otherwise
/// the style's own category list); graduated → one entry per class; raster RGB → one entry per
/// channel naming the band; grey and pseudo-colour → a ramp with its range.
std::vector<LegendEntry> legendEntries(const project::LayerSpec& layer, const LegendData* data);

/// A small picture of an entry's symbol (for tree icons and printed legends).
QImage legendSymbol(const LegendEntry& entry, QSize size);

/// The user-visible name of a band role id ("nir" → "NIR" / "近红外"), translated.
QString bandRoleDisplayName(const std::string& roleId);

/// The 三调 (GB/T 21010-2017) name of a land-use code, e.g. "0101" → "水田"; empty if unknown.
std::string landUseName(const std::string& dlbm);

}  // namespace onemap::render
