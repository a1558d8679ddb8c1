#include "band_selection.h"

#include <iterator>

#include "onemap/base/text.h"

namespace onemap::change::detail {
namespace {

using raster::BandRole;

/// Roles the rules read (every image must have them), then the optional ones compared when both
/// dates have them.
constexpr BandRole kRequiredRoles[] = {BandRole::Blue, BandRole::Green, BandRole::Red, BandRole::Nir};
constexpr BandRole kOptionalRoles[] = {BandRole::Swir1, BandRole::Swir2};

Status checkRequiredBands(raster::RasterSource& source, const std::string& override, const char* which) {
  if (!override.empty())
    if (auto st = source.bandRoles().applyOverride(override); !st) return fail(st.error());
  const std::vector<BandRole> roles(std::begin(kRequiredRoles), std::end(kRequiredRoles));
  if (auto missing = source.bandRoles().firstMissing(roles)) {
    return fail(ErrorCode::InvalidInput,
                std::string("the ") + which + " image has no " + std::string(raster::bandRoleName(*missing)) + " band",
                text::displayPath(source.path()),
                std::string("Name the bands with --") + which + "-bands, e.g. blue=1,green=2,red=3,nir=4 (found: " +
                    source.bandRoles().summary() + ").");
  }
  return {};
}

}  // namespace

Result<BandSelection> selectBands(raster::RasterSource& before, const std::string& beforeOverride,
                                  raster::RasterSource& after, const std::string& afterOverride) {
  if (auto st = checkRequiredBands(before, beforeOverride, "before"); !st) return fail(st.error());
  if (auto st = checkRequiredBands(after, afterOverride, "after"); !st) return fail(st.error());
  BandSelection s;
  const auto add = [&](BandRole role) {
    s.before.push_back(*before.bandRoles().bandFor(role));
    s.after.push_back(*after.bandRoles().bandFor(role));
    s.roles.push_back(role);
  };
  for (BandRole role : kRequiredRoles) add(role);
  for (BandRole role : kOptionalRoles)
    if (before.bandRoles().bandFor(role) && after.bandRoles().bandFor(role)) {
      (role == BandRole::Swir1 ? s.swir1Plane : s.swir2Plane) = int(s.roles.size());
      add(role);
    }
  return s;
}


}  // namespace onemap::change::detail
