#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "onemap/base/error.h"

namespace onemap::vector {

/// A field of a layer being written: name and type.
struct FieldSpec {
  enum class Type { Integer, Real, String };
  std::string name;
  Type type = Type::String;
  int width = 0;
};

/// A value written into a field.
using FieldValue = std::variant<std::int64_t, double, std::string>;

/// Writes layers into a new GeoPackage under a temporary name, each layer in one transaction;
/// finish() renames it into place. Destroying an unfinished writer removes the temporary file.
/// One thread at a time.
class GpkgWriter {
 public:
  static Result<GpkgWriter> create(const std::filesystem::path& target, int epsg);
  /// As above with the CRS as WKT, "EPSG:n" or PROJ text.
  static Result<GpkgWriter> create(const std::filesystem::path& target, const std::string& crs);
  GpkgWriter(GpkgWriter&&) noexcept;
  GpkgWriter& operator=(GpkgWriter&&) noexcept;
  ~GpkgWriter();

  /// Starts a layer: geometry "Polygon", "MultiPolygon", "Point", "LineString" or "None".
  Status beginLayer(const std::string& name, const std::string& geometry, const std::vector<FieldSpec>& fields,
                    const std::string& description = {});
  /// Adds a feature with ISO WKB geometry (empty for none) and values in field order.
  Status add(const std::vector<unsigned char>& wkb, const std::vector<FieldValue>& values);
  /// Commits the current layer.
  Status endLayer();
  /// Closes the file and renames it to the target.
  Status finish();

 private:
  struct Impl;
  explicit GpkgWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace onemap::vector
