#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "onemap/base/error.h"
#include "onemap/base/feedback.h"

namespace onemap::render {

/// Which vector layer and fields to read values from (a snapshot of a project layer).
struct FieldSource {
  std::filesystem::path source;
  std::string layerName;
  std::string encoding;
};

/// One distinct value of a field: its text as styles see it, a name for it from a companion
/// field (DLBM → DLMC), and how many features have it.
struct DistinctValue {
  std::string value;
  std::string name;
  std::int64_t count = 0;
};

/// The distinct values of a layer's field with their counts, in natural order (numbers
/// numerically, then text). When a companion name field exists (…BM/…DM → …MC, e.g. DLBM →
/// DLMC) each value gets the first name seen with it. Results are cached per file (path, size,
/// modification time), layer and field, so a second call is immediate. Reads every feature:
/// call it off the GUI thread; honours `feedback` (Canceled).
Result<std::vector<DistinctValue>> readDistinctValues(const FieldSource& layer, const std::string& field,
                                                      Feedback* feedback = nullptr);
/// The cached result of readDistinctValues, without reading; false when not cached yet.
bool cachedDistinctValues(const FieldSource& layer, const std::string& field, std::vector<DistinctValue>& out);

/// The numeric values of `field` for every feature (texts that are numbers count; others and
/// nulls are skipped). Reads every feature: off the GUI thread; honours `feedback`.
Result<std::vector<double>> readNumericValues(const FieldSource& layer, const std::string& field,
                                              Feedback* feedback = nullptr);

/// The name of the field that names the codes in `field` ("DLBM" → "DLMC", "QSDWDM" →
/// "QSDWMC"), if the layer has one among `fields` (case-insensitive); empty otherwise.
std::string companionNameField(const std::string& field, const std::vector<std::string>& fields);

}  // namespace onemap::render
