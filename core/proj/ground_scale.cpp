#include "onemap/proj/ground_scale.h"

#include <cmath>
#include <cstdio>

#include "onemap/proj/crs_description.h"
#include "onemap/proj/geodesic.h"
#include "proj_context.h"

namespace onemap::proj {
namespace {

/// Conversion factor to metres of the first axis of a projected CRS (1 when PROJ does not say).
double linearUnitInMetres(std::string_view definition) {
  auto crs = detail::createCrs(definition);
  if (!crs) return 1.0;
  PJ_CONTEXT* context = detail::threadContext();
  detail::PjPtr horizontal = detail::horizontalCrs(crs->get());
  if (!horizontal) return 1.0;
  detail::PjPtr cs(proj_crs_get_coordinate_system(context, horizontal.get()));
  if (!cs) return 1.0;
  double factor = 1.0;
  if (proj_cs_get_axis_info(context, cs.get(), 0, nullptr, nullptr, nullptr, &factor, nullptr, nullptr, nullptr) == 0)
    return 1.0;
  return factor > 0 ? factor : 1.0;
}

}  // namespace

double GroundScale::pixelSizeM() const { return std::sqrt(pixelWidthM * pixelHeightM); }

std::string GroundScale::describe() const {
  char sizes[96];
  std::snprintf(sizes, sizeof sizes, "pixel %.2f × %.2f m", pixelWidthM, pixelHeightM);
  std::string kind = geographic ? " (geographic)" : metric ? "" : " (no CRS: units taken as metres)";
  return (crsName.empty() ? std::string("no CRS") : crsName) + kind + ", " + sizes;
}

Result<GroundScale> groundScale(std::string_view crs, const std::array<double, 6>& gt, int width, int height) {
  const double columnStep = std::hypot(gt[1], gt[4]), rowStep = std::hypot(gt[2], gt[5]);
  if (!(columnStep > 0) || !(rowStep > 0) || !std::isfinite(columnStep) || !std::isfinite(rowStep))
    return fail(ErrorCode::InvalidInput, "the grid has no pixel size (a degenerate geotransform)");
  GroundScale scale;
  if (crs.empty()) {
    scale.metric = false;
    scale.pixelWidthM = columnStep;
    scale.pixelHeightM = rowStep;
    return scale;
  }
  auto description = describeCrs(crs);
  if (!description) return fail(description.error());
  scale.crsName = description->epsg != 0 ? "EPSG:" + std::to_string(description->epsg) + " " + description->nameEn
                                         : description->nameEn;
  scale.geographic = description->isGeographic;
  if (!scale.geographic) {
    scale.metresPerUnit = linearUnitInMetres(crs);
    scale.pixelWidthM = columnStep * scale.metresPerUnit;
    scale.pixelHeightM = rowStep * scale.metresPerUnit;
    return scale;
  }
  // The pixel at the centre of the grid, its sides measured along geodesics.
  const double cx = width / 2.0, cy = height / 2.0;
  const auto at = [&](double col, double row) {
    return LonLat{gt[0] + col * gt[1] + row * gt[2], gt[3] + col * gt[4] + row * gt[5]};
  };
  const LonLat centre = at(cx, cy);
  if (std::abs(centre.lat) > 90.0)
    return fail(ErrorCode::InvalidInput, "the grid's latitudes lie outside ±90°",
                "Check the image's coordinate system: it may not be geographic.");
  scale.pixelWidthM = geodesicDistance(at(cx - 0.5, cy), at(cx + 0.5, cy));
  scale.pixelHeightM = geodesicDistance(at(cx, cy - 0.5), at(cx, cy + 0.5));
  double west = gt[0], east = gt[0];
  for (const auto& [c, r] : {std::pair{0.0, 0.0}, std::pair{double(width), 0.0}, std::pair{0.0, double(height)},
                             std::pair{double(width), double(height)}}) {
    west = std::min(west, at(c, r).lon);
    east = std::max(east, at(c, r).lon);
  }
  scale.westLon = west;
  scale.eastLon = east;
  return scale;
}

}  // namespace onemap::proj
