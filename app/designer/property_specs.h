#pragma once

#include <string>
#include <utility>
#include <vector>

#include "onemap/layout/layout.h"

namespace onemap::designer {

/// How a property is edited in the designer's property panel.
enum class PropKind {
  Text,           ///< one line
  MultiText,      ///< several lines (label text)
  Number,         ///< spin box with `decimals`, `min`..`max`
  Flag,           ///< check box ("true"/"false")
  Color,          ///< colour button
  OptionalColor,  ///< "none" or a colour
  Choice,         ///< one of `choices`
  Layer,          ///< one layer id of the project
  Layers,         ///< comma-separated layer ids; empty = the visible layers
  MapItem,        ///< a map item id of the layout; empty = the main map
  File,           ///< a picture or SVG file
  Extent,         ///< "minx,miny,maxx,maxy" (shown, set from the main map canvas)
};

/// One editable property of an item type: its key (item_properties.h), label, editor and the
/// renderer's default. Labels and choice labels are untranslated ("ItemProperty" context).
struct PropSpec {
  const char* key;
  const char* label;
  PropKind kind;
  std::string fallback;
  double min = 0.0;
  double max = 0.0;
  int decimals = 0;
  const char* suffix = "";
  std::vector<std::pair<std::string, const char*>> choices;  ///< value, label
};

/// The properties of an item type, in panel order (its own, then frame and background).
std::vector<PropSpec> propertySpecs(layout::ItemType type);

/// The properties every item has (frame, frame colour, background).
std::vector<PropSpec> commonPropertySpecs();

/// A number as stored in props: '.' decimals, no trailing zeros ("0.3", "5000").
std::string formatNumber(double value);

}  // namespace onemap::designer
