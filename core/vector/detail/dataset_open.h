#pragma once

// Internal to onemap_vector: opening a vector dataset the way OneMap wants it.

#include <filesystem>
#include <string>
#include <vector>

#include "onemap/base/error.h"
#include "onemap/gdal/handles.h"
#include "onemap/vector/vector_info.h"

class OGRLayer;

namespace onemap::vector::detail {

/// An open vector dataset with what OneMap decided while opening it.
struct OpenedDataset {
  gdal::DatasetPtr dataset;
  std::filesystem::path path;
  std::string context;  ///< the path as shown in messages
  std::string driver;   ///< GDAL short name
  std::string driverLongName;
  std::string encoding;  ///< attribute text encoding in the file
  std::string encodingSource;
  std::string recodeFrom;                 ///< non-empty: GDAL hands out raw text in this encoding
  gdal::SpatialReferencePtr assignedCrs;  ///< CSV: OpenOptions::csvCrs
  std::vector<std::string> warnings;      ///< apply to every layer
};

/// Opens `path` read-only with the drivers OneMap supports, choosing the Shapefile/CSV
/// encoding and the CSV geometry columns. Errors: NotFound, Unsupported, OpenFailed, InvalidInput.
Result<OpenedDataset> openDataset(const std::filesystem::path& path, const OpenOptions& options);

/// The layer called `name` (as stored, or as shown in UTF-8); the first layer when `name` is
/// empty. InvalidInput listing the available layers when there is none such.
Result<OGRLayer*> findLayer(const OpenedDataset& opened, const std::string& name);

/// The CRS of `layer`: csvCrs for CSV, else the layer's own; null when it has none.
const OGRSpatialReference* layerCrs(const OpenedDataset& opened, OGRLayer& layer);

/// `raw` as UTF-8: converted from `recodeFrom` when set; valid UTF-8 kept; otherwise decoded as
/// GB18030 when that works, else invalid bytes shown as \xNN.
std::string toUtf8Text(const char* raw, const std::string& recodeFrom);

/// "path, layer 'name'" for messages.
std::string layerContext(const OpenedDataset& opened, const std::string& layerName);

/// The formats OneMap reads, for hints.
const char* supportedFormatsHint();

}  // namespace onemap::vector::detail
