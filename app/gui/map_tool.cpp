#include "onemap/gui/map_tool.h"

#include "onemap/gui/map_canvas.h"

namespace onemap::gui {

MapTool::MapTool(MapCanvas* canvas) : QObject(canvas), m_canvas(canvas) {}

}  // namespace onemap::gui
