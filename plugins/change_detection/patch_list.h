#pragma once

#include <QString>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "onemap/base/error.h"
#include "onemap/base/extent.h"

namespace onemap::plugins {

/// One change patch as the results panel shows it: attributes, and geometry in the map CRS.
struct PatchRow {
  std::int64_t fid = 0;
  QString jcbh, village, type, subtype, judgement;
  double areaM2 = 0.0;
  double areaMu = 0.0;
  double confidence = 0.0;
  double pbfAreaM2 = 0.0;
  std::vector<unsigned char> wkb;  ///< ISO WKB in the map CRS
  Extent extent;                   ///< in the map CRS
};

/// One row of a village_summary table.
struct SummaryLine {
  QString villageCode, villageName, type;
  std::int64_t count = 0;
  double areaM2 = 0.0, areaMu = 0.0, pbfAreaM2 = 0.0;
};

/// The change_patches of a detector output, reprojected to `mapCrs` (empty = as stored).
Result<std::vector<PatchRow>> readPatches(const std::filesystem::path& gpkg, const std::string& mapCrs);
/// The village_summary table of a detector output (empty when the file has none).
Result<std::vector<SummaryLine>> readSummary(const std::filesystem::path& gpkg);

}  // namespace onemap::plugins
