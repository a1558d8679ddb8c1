#pragma once
// Internal to onemap_change: the class map's polygons made into attributed patches, in parallel.

#include <filesystem>
#include <string>
#include <vector>

#include "onemap/base/error.h"
#include "onemap/base/feedback.h"
#include "onemap/change/change_detector.h"
#include "onemap/change/pixel_rules.h"
#include "onemap/raster/class_raster.h"
#include "onemap/raster/raster_source.h"

namespace onemap::change::detail {

/// A change patch on its way to the file: simplified geometry (ISO WKB) and attributes.
struct Patch {
  std::vector<unsigned char> wkb;
  ChangeClass cls = ChangeClass::None;
  double area = 0.0;
  double cx = 0.0, cy = 0.0;
  std::string villageCode, villageName, xzqdm, qdlbm, subtype, type;
  double pbfArea = 0.0;
  bool redLine = false;
  double strength = 0.0;    ///< mean change strength of its pixels (1 = the threshold)
  double confidence = 0.0;  ///< ZXD: from the strength, the size and the width
};

/// The patches made of `polygons`, in their order: those below the minimum area are dropped, the
/// others simplified and attributed (village, QDLBM, PBF and red-line overlap, type, confidence)
/// against the overlay layers of `inputs` and the evidence map `evidence` (see writeClassMap()). Runs on parameters.threads threads, each with its own
/// overlay readers and GEOS context; the result does not depend on the thread count. The WKB of
/// `polygons` is released as it is used.
Result<std::vector<Patch>> makePatches(const ChangeInputs& inputs, const ChangeParameters& parameters,
                                       const std::string& croplandFilter, const raster::Grid& grid,
                                       const std::filesystem::path& evidence,
                                       std::vector<raster::ValuePolygon>& polygons, Feedback& feedback);

/// ZXD of a patch from its mean change strength (1 = at the threshold), its area and its mean
/// width, in [0, 1]: strong change counts most; large, compact patches are more often real than
/// thin slivers along field edges (misregistration).
double patchConfidence(double strength, double areaM2, double minAreaM2, double widthM, double pixelM);

}  // namespace onemap::change::detail
