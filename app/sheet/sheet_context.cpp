#include "onemap/sheet/sheet_context.h"

namespace onemap::sheet {

std::filesystem::path resolveItemPath(const SheetContext& context, const std::string& path) {
  std::filesystem::path p = std::filesystem::path(std::u8string(path.begin(), path.end()));
  if (p.empty() || p.is_absolute() || context.projectFile.empty()) return p;
  return (context.projectFile.parent_path() / p).lexically_normal();
}

}  // namespace onemap::sheet
