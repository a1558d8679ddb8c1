#pragma once

#include <QIcon>

#include "onemap/layout/layout.h"

namespace onemap::designer {

/// A small flat icon for adding an item of `type` (drawn with QPainter, cached). GUI thread only.
QIcon itemIcon(layout::ItemType type);
/// The icon of the select/move tool.
QIcon selectIcon();

}  // namespace onemap::designer
