#pragma once

#include <QIcon>

namespace onemap::gui {

/// Icons of the navigation, inspection and measuring actions.
enum class ToolIcon {
  Pan,
  ZoomBox,
  ZoomIn,
  ZoomOut,
  FullExtent,
  Previous,
  Next,
  Identify,
  MeasureLine,
  MeasureArea,
  Bookmark,
  AttributeTable,
  Select,
  ZoomToSelection,
  ClearSelection,
};

/// A small flat icon drawn with QPainter (no icon theme needed, same look on every desktop).
/// GUI thread only; icons are cached.
QIcon toolIcon(ToolIcon icon);

}  // namespace onemap::gui
