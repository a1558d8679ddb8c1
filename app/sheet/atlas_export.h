#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "onemap/base/error.h"
#include "onemap/base/feedback.h"
#include "onemap/sheet/sheet_context.h"
#include "onemap/sheet/sheet_export.h"

namespace onemap::layout {
struct Layout;
struct AtlasSettings;
}  // namespace onemap::layout

namespace onemap::sheet {

/// The coverage features of an atlas, in the map CRS, sorted by code: the layer's features
/// matching the settings' filter (`extraFilter` is AND-ed to it). Errors name the layer, field
/// or filter.
Result<std::vector<AtlasFeature>> readAtlasFeatures(const project::Project& project,
                                                    const layout::AtlasSettings& settings,
                                                    const std::string& mapCrs,
                                                    const std::string& extraFilter, Feedback& feedback);

/// How to export an atlas.
struct AtlasOptions {
  ExportFormat format = ExportFormat::Pdf;
  double dpi = 300.0;
  bool singleFile = false;        ///< PDF only: one multi-page file at `output`
  std::filesystem::path output;   ///< the folder (one file per feature) or the PDF file
  std::string extraFilter;        ///< narrows the atlas' own filter
  bool overwrite = false;         ///< replace existing files
  int threads = 0;                ///< sheets drawn at once; 0 = number of cores
};

/// What an atlas export produced: files written and the features that failed (and why).
struct AtlasReport {
  int sheets = 0;                             ///< features in the atlas
  std::vector<std::filesystem::path> files;   ///< written, in sheet order
  struct Failure {
    std::string feature;   ///< "320115101001 长岗村"
    std::string error;
  };
  std::vector<Failure> failures;
  /// Sheets written without some item or layer (the reason), e.g. a layer whose file is gone.
  std::vector<Failure> warnings;
  std::vector<double> sheetSeconds;  ///< time each written sheet took to draw and write, in order
  int pages = 0;                     ///< sheets written (pages of the single PDF, or files)
  double seconds = 0.0;              ///< wall time of the whole export (sheets drawn in parallel)
  bool canceled = false;
};

/// Exports one sheet per coverage feature (files named by AtlasSettings::fileNamePattern), or one
/// multi-page PDF. A failing feature is reported and the others still come out; Cancel stops
/// after the sheets in progress and removes the unfinished ones (and the single PDF). Sheets are
/// drawn on `threads` threads sharing one renderer factory of the export's own (the context's is
/// not used), so each layer is held in memory once. Existing files are an error unless overwrite.
Result<AtlasReport> exportAtlas(const layout::Layout& layout, const SheetContext& context,
                                const AtlasOptions& options, Feedback& feedback);

/// The file name (without folder) of a feature's sheet: the pattern with {atlas_code},
/// {atlas_name} and {field:X} filled, characters invalid in file names replaced by '_'.
std::string atlasFileName(const layout::AtlasSettings& settings, const AtlasFeature& feature,
                          ExportFormat format);

}  // namespace onemap::sheet
