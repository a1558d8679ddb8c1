#pragma once

// Internal to onemap_proj: include only from this module's .cpp files (it pulls in <proj.h>).

#include <proj.h>

#include <memory>
#include <string>
#include <string_view>

#include "onemap/base/error.h"

namespace onemap::proj::detail {

/// Destroys a PJ object (any kind: CRS, operation, datum, coordinate system).
struct PjDeleter {
  void operator()(PJ* object) const noexcept { proj_destroy(object); }
};
/// An owned PJ object; destroy it on the thread whose context created it.
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

/// Destroys a PJ_OBJ_LIST (e.g. the candidates of proj_identify).
struct PjListDeleter {
  void operator()(PJ_OBJ_LIST* list) const noexcept { proj_list_destroy(list); }
};
/// An owned list of PJ objects.
using PjListPtr = std::unique_ptr<PJ_OBJ_LIST, PjListDeleter>;

/// The calling thread's PROJ context, created on first use and destroyed at thread exit.
PJ_CONTEXT* threadContext() noexcept;

/// Forgets the error messages PROJ logged on this thread so far.
void clearLastProjMessage() noexcept;

/// The last error message PROJ logged on this thread (or the context errno text), may be empty.
std::string lastProjMessage();

/// The definition shortened for error messages (long WKT/PROJJSON is cut with "...").
std::string shortDefinition(std::string_view definition);

/// Parses "EPSG:4549", "4549", WKT or PROJJSON into a CRS object of this thread's context.
/// Errors: InvalidInput naming the definition when it is empty, unparsable or not a CRS.
Result<PjPtr> createCrs(std::string_view definition);

/// The horizontal part of a CRS: the source of a bound CRS, the first part of a compound CRS,
/// otherwise a clone of the CRS itself. Null only when PROJ fails.
PjPtr horizontalCrs(const PJ* crs);

}  // namespace onemap::proj::detail
