#pragma once

#include <QStringList>

#include <array>
#include <filesystem>
#include <optional>
#include <string>

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
/// Items or layers that could not be drawn do not stop the export: they are listed in `problems`
/// when given (the sheet is written without them).
Status exportSheet(const layout::Layout& layout, const SheetContext& context,
                   const std::filesystem::path& file, const ExportOptions& options, Feedback& feedback,
                   QStringList* problems = nullptr);

/// The GDAL geotransform of a page image at `dotsPerMm` (pixel (0, 0) = the page's top-left
/// corner) from the layout's main map frame (the atlas map), with rotation terms when the map or
/// the frame is turned; nullopt without a map frame or extent.
std::optional<std::array<double, 6>> pageGeoTransform(const layout::Layout& layout, const SheetContext& context,
                                                      double dotsPerMm);

/// The text of an ESRI world file (.pgw/.tfw: A, D, B, E, C, F; C/F at the top-left pixel's
/// centre) for a GDAL geotransform.
std::string worldFileText(const std::array<double, 6>& geoTransform);

/// The PDF title of a sheet: the text of its "title" label with variables, else the layout name.
QString sheetTitle(const layout::Layout& layout, const SheetContext& context);

}  // namespace onemap::sheet
