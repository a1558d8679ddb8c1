#include "onemap/change/change_parameters.h"

#include <charconv>
#include <cmath>
#include <sstream>

namespace onemap::change {

const std::vector<ParameterSpec>& parameterSpecs() {
  using T = ParameterSpec::Type;
  static const std::vector<ParameterSpec> specs = {
      {"min-area", T::Number, 400.0, 0.0, 1e7, "Minimum patch area (m²)",
       "Patches smaller than this are dropped (三调 minimum mapping unit for agricultural land: 400 m²)."},
      {"sensitivity", T::Number, 1.0, 0.25, 4.0, "Sensitivity",
       "Scales the automatic (Otsu) change threshold: above 1 finds more change, below 1 fewer false alarms."},
      {"texture", T::Number, 0.04, 0.01, 1.0, "Tree texture threshold",
       "Rise of the relative NIR crown texture (5 × 5, in the direction of least variation) above which vegetation "
       "counts as newly planted trees/orchard."},
      {"memory-mb", T::Number, 1024.0, 64.0, 65536.0, "Memory limit (MB)",
       "Upper bound for the memory a run uses; the images are streamed in blocks that fit."},
      {"threads", T::Integer, 2.0, 1.0, 64.0, "Threads", "Worker threads for the block computations."},
      {"flag-bare", T::Boolean, 0.0, 0.0, 1.0, "Flag bare soil (推土)",
       "Also report cropland turned to bare soil; off by default because harvest looks the same."},
      {"cloud-mask", T::Boolean, 1.0, 0.0, 1.0, "Mask clouds and shadows",
       "Ignore pixels that are cloud or cloud shadow on either date."},
      {"all-change", T::Boolean, 0.0, 0.0, 1.0, "Report all change (其他)",
       "Also report strong change that converts no cropland (regrowth, water receding, built ground rebuilt) as BHLX "
       "其他; for comparing with references that label every change."},
  };
  return specs;
}

namespace {

Result<double> parseNumber(const std::string& name, const std::string& text) {
  double value = 0.0;
  const auto* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value))
    return fail(ErrorCode::InvalidInput, "parameter " + name + " is not a number: \"" + text + "\"");
  return value;
}

Result<bool> parseBoolean(const std::string& name, const std::string& text) {
  if (text == "1" || text == "true" || text == "yes" || text == "on") return true;
  if (text == "0" || text == "false" || text == "no" || text == "off") return false;
  return fail(ErrorCode::InvalidInput, "parameter " + name + " must be true or false, not \"" + text + "\"");
}

}  // namespace

Result<ChangeParameters> ChangeParameters::fromValues(const std::map<std::string, std::string>& values) {
  ChangeParameters p;
  for (const auto& [name, text] : values) {
    const ParameterSpec* spec = nullptr;
    for (const auto& s : parameterSpecs())
      if (s.name == name) spec = &s;
    if (spec == nullptr) return fail(ErrorCode::InvalidInput, "unknown parameter " + name);
    double number = 0.0;
    if (spec->type == ParameterSpec::Type::Boolean) {
      auto b = parseBoolean(name, text);
      if (!b) return fail(b.error());
      number = *b ? 1.0 : 0.0;
    } else {
      auto n = parseNumber(name, text);
      if (!n) return fail(n.error());
      number = *n;
      if (number < spec->minimum || number > spec->maximum) {
        std::ostringstream range;
        range << "parameter " << name << " = " << text << " is outside " << spec->minimum << " … " << spec->maximum;
        return fail(ErrorCode::InvalidInput, range.str());
      }
      if (spec->type == ParameterSpec::Type::Integer && number != std::floor(number))
        return fail(ErrorCode::InvalidInput, "parameter " + name + " must be a whole number, not " + text);
    }
    if (name == "min-area") p.minAreaM2 = number;
    else if (name == "sensitivity") p.sensitivity = number;
    else if (name == "texture") p.textureThreshold = number;
    else if (name == "memory-mb") p.memoryMb = number;
    else if (name == "threads") p.threads = int(number);
    else if (name == "flag-bare") p.flagBareSoil = number != 0.0;
    else if (name == "cloud-mask") p.cloudMask = number != 0.0;
    else if (name == "all-change") p.reportAllChange = number != 0.0;
  }
  return p;
}

std::string ChangeParameters::describe() const {
  std::ostringstream out;
  out << "min-area=" << minAreaM2 << ";sensitivity=" << sensitivity << ";texture=" << textureThreshold
      << ";flag-bare=" << (flagBareSoil ? 1 : 0) << ";cloud-mask=" << (cloudMask ? 1 : 0)
      << ";all-change=" << (reportAllChange ? 1 : 0);
  return out.str();
}

}  // namespace onemap::change
