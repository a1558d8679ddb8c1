#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "onemap/base/error.h"
#include "onemap/layout/layout.h"

namespace onemap::layout {

/// Format id and version of layout templates (.onemap-layout, JSON).
inline constexpr const char* kTemplateFormat = "onemap-layout";
inline constexpr int kTemplateFormatVersion = 1;

/// The layout as a JSON object (the form stored in projects and templates).
std::string layoutToJson(const Layout& layout);
/// Reads a layout from a JSON object; `context` (file, project entry) is named in errors.
Result<Layout> layoutFromJson(std::string_view json, const std::string& context);

/// Reads a template file (format id, version and one layout).
Result<Layout> loadTemplate(const std::filesystem::path& file);
/// Writes a template atomically (temporary file, then rename). Refuses to replace an existing
/// file unless `overwrite`.
Status saveTemplate(const Layout& layout, const std::filesystem::path& file, bool overwrite);

}  // namespace onemap::layout
