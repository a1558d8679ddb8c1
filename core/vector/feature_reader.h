#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "onemap/base/error.h"
#include "onemap/base/extent.h"
#include "onemap/base/feedback.h"
#include "onemap/vector/vector_info.h"

namespace onemap::vector {

/// An attribute value: null, integer, real or text (UTF-8; dates as ISO text).
using AttributeValue = std::variant<std::monostate, std::int64_t, double, std::string>;

/// An attribute value as text: integers in full, reals with `significantDigits` ("%.*g"), null
/// as empty. Styles, legends, tables and atlas file names all format values with it.
std::string attributeText(const AttributeValue& value, int significantDigits = 15);

/// One feature read from a layer: id, attributes in field order, geometry as ISO WKB.
struct Feature {
  std::int64_t fid = 0;
  std::vector<AttributeValue> attributes;
  std::vector<unsigned char> wkb;  ///< empty when the feature has no geometry
};

/// Counts of what reading with repair did.
struct RepairReport {
  std::int64_t featuresRead = 0;
  std::int64_t invalidFound = 0;
  std::int64_t repaired = 0;        ///< made valid (geometry may have changed type to multi)
  std::int64_t dropped = 0;         ///< empty or unrepairable, skipped
};

/// Options for reading features.
struct ReadOptions {
  std::string targetCrs;           ///< reproject to this CRS ("EPSG:4549", WKT); empty = as stored
  std::optional<Extent> filter;    ///< spatial filter, in targetCrs units when set, else layer CRS
  bool repairInvalid = true;       ///< make invalid polygons valid (GEOS MakeValid)
  /// When set, only these fields are read, in this order: Feature::attributes follows this list
  /// (a name the layer does not have gives null), and the driver skips the other columns.
  std::optional<std::vector<std::string>> fields;
  /// When set, only features whose FID is in [first, second] (fast where hasFastFidFilter()).
  std::optional<std::pair<std::int64_t, std::int64_t>> fidRange;
  /// When set, an OGR SQL WHERE clause features must match (e.g. "DLBM LIKE '01%'").
  std::string attributeFilter;
};

/// Reads one layer of a vector dataset feature by feature, in traditional GIS axis order.
/// Owns a GDAL dataset handle: one thread at a time.
class FeatureReader {
 public:
  /// Opens `path` (layer `layerName`, or the first layer when empty).
  static Result<FeatureReader> open(const std::filesystem::path& path, const std::string& layerName = {},
                                    const OpenOptions& options = {});

  FeatureReader(FeatureReader&&) noexcept;
  FeatureReader& operator=(FeatureReader&&) noexcept;
  ~FeatureReader();

  const LayerInfo& layer() const;  ///< name, fields, CRS, encoding (no feature scan done)
  /// The layer's stored extent in `crs` ("EPSG:4549", WKT; edges densified when transformed);
  /// nullopt when the extent or a CRS is unknown or the transformation fails.
  std::optional<Extent> extentIn(const std::string& crs) const;
  /// True when the driver selects an FID range without reading the other features (GeoPackage,
  /// SQLite), so that ranges can be read in parallel by several readers.
  bool hasFastFidFilter() const;

  /// Calls `visit` for each feature; stops early when it returns false, or with Canceled.
  Result<RepairReport> forEach(const ReadOptions& options, Feedback* feedback,
                               const std::function<bool(const Feature&)>& visit);

  /// Reads all features into memory.
  Result<std::vector<Feature>> readAll(const ReadOptions& options = {}, Feedback* feedback = nullptr,
                                       RepairReport* report = nullptr);

 private:
  struct Impl;
  explicit FeatureReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace onemap::vector
