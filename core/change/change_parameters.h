#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "onemap/base/error.h"

namespace onemap::change {

/// One declared parameter of the change detector: the GUI dialog, the CLI options and the
/// tests are all generated from this list.
struct ParameterSpec {
  enum class Type { Number, Integer, Boolean };
  std::string name;          ///< CLI option and key ("min-area")
  Type type = Type::Number;
  double defaultValue = 0.0;
  double minimum = 0.0;
  double maximum = 0.0;
  std::string label;         ///< short English label (translated by the GUI)
  std::string help;          ///< one English sentence
};

/// The detector's parameters, in the order they are shown.
const std::vector<ParameterSpec>& parameterSpecs();

/// Parameter values of one run (defaults from parameterSpecs()).
struct ChangeParameters {
  double minAreaM2 = 400.0;
  double sensitivity = 1.0;
  double textureThreshold = 0.04;
  double memoryMb = 1024.0;
  int threads = 2;
  bool flagBareSoil = false;
  bool cloudMask = true;
  bool reportAllChange = false;
  /// Not a declared parameter but how the run shares its process: false (the CLI) lowers
  /// GDAL's process-wide block cache to what streaming needs for the run; true (an application
  /// drawing maps meanwhile) leaves it, and the memory limit counts it.
  bool shareBlockCache = false;

  /// Values from `name → text` pairs (unknown names and bad values are InvalidInput naming them).
  static Result<ChangeParameters> fromValues(const std::map<std::string, std::string>& values);
  /// The parameters as `name=value` pairs (recorded in each patch's JCFF field).
  std::string describe() const;
};

}  // namespace onemap::change
