#include <cctype>
#include <system_error>

#include "onemap/vector/vector_info.h"

namespace onemap::vector {
namespace {

bool exists(const std::string& path) {
  std::error_code ec;
  return !path.empty() && std::filesystem::exists(path, ec);
}

bool isDriveColon(const std::string& spec, std::size_t colon) {
  return colon == 1 && std::isalpha(static_cast<unsigned char>(spec[0])) != 0 && spec.size() > 2 &&
         (spec[2] == '\\' || spec[2] == '/');
}

}  // namespace

std::pair<std::filesystem::path, std::string> splitLayerSpec(const std::string& spec) {
  if (exists(spec)) return {spec, {}};
  // The first colon whose left side is an existing file separates path and layer name (a layer
  // name may itself hold colons).
  for (std::size_t colon = spec.find(':'); colon != std::string::npos; colon = spec.find(':', colon + 1)) {
    if (isDriveColon(spec, colon)) continue;
    if (exists(spec.substr(0, colon))) return {spec.substr(0, colon), spec.substr(colon + 1)};
  }
  // Nothing exists (yet): split at the first colon after the last directory separator.
  const std::size_t lastSeparator = spec.find_last_of("/\\");
  std::size_t from = lastSeparator == std::string::npos ? 0 : lastSeparator + 1;
  std::size_t colon = spec.find(':', from);
  if (colon != std::string::npos && isDriveColon(spec, colon)) colon = std::string::npos;
  if (colon == std::string::npos || colon == 0) return {spec, {}};
  return {spec.substr(0, colon), spec.substr(colon + 1)};
}

}  // namespace onemap::vector
