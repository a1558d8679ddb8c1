#pragma once

#include <filesystem>
#include <optional>

#include "onemap/base/error.h"
#include "onemap/base/feedback.h"

namespace onemap::layout {
struct Layout;
}

namespace onemap::sheet {

struct SheetContext;

/// File formats a sheet exports to.
enum class ExportFormat { Pdf, Png, GeoTiff };

/// The format named by a file's extension (.pdf, .png, .tif/.tiff), if any.
std::optional<ExportFormat> formatForPath(const std::filesystem::path& file);

/// How to export a sheet.
struct ExportOptions {
  ExportFormat format = ExportFormat::Pdf;
  double dpi = 300.0;        ///< raster formats; PDF embeds rasters at this resolution
  bool overwrite = false;    ///< replace an existing file (otherwise it is an error)
};

/// Exports one sheet to `file`: PDF (vector, fonts embedded, searchable text), PNG (with a world
/// file .pgw and a .prj for the main map frame) or GeoTIFF (RGBA, georeferenced to the main map
/// frame). Written under a temporary name and renamed when complete; Cancel leaves nothing.
Status exportSheet(const layout::Layout& layout, const SheetContext& context,
                   const std::filesystem::path& file, const ExportOptions& options, Feedback& feedback);

}  // namespace onemap::sheet
