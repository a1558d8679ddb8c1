#pragma once

#include <QPointF>
#include <QStringList>

#include <string>
#include <vector>

#include "onemap/base/extent.h"
#include "onemap/base/feedback.h"
#include "onemap/render/legend.h"

namespace onemap::project {
struct LayerSpec;
}

namespace onemap::sheet {

/// The part of the map a legend describes: the frame's corners in map coordinates (a rotated
/// frame is not axis-aligned) and their bounding box, in CRS `crs`.
struct LegendArea {
  std::vector<QPointF> corners;
  Extent bbox;
  std::string crs;
};

/// One legend line: an entry of a layer's legend and the stroke width the map draws it with.
struct LegendLine {
  std::string layerId;
  render::LegendEntry entry;
  double strokeWidthMm = 0.26;
};

/// The legend lines of `layers` (in the order given, top-most first). With an `area`, only what
/// is present in it: categories of categorized layers with features in the area, graduated
/// classes with values in it, single-symbol and raster layers that cover it; layers with
/// nothing in the area are left out. Results for a (layer file, field, area) are cached, so
/// redrawing a sheet is immediate. Problems reading a layer go to `problems`; the layer is then
/// listed with its whole legend.
std::vector<LegendLine> legendLines(const std::vector<const project::LayerSpec*>& layers, const LegendArea* area,
                                    Feedback* feedback, QStringList* problems);

}  // namespace onemap::sheet
