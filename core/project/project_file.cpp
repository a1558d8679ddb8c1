#include <algorithm>
#include <exception>
#include <iterator>
#include <fstream>
#include <system_error>

#include <nlohmann/json.hpp>

#include "onemap/base/json_guard.h"
#include "onemap/base/text.h"
#include "onemap/layout/layout_json.h"
#include "onemap/project/project.h"
#include "onemap/storage/atomic_file.h"

namespace onemap::project {
namespace {

using nlohmann::json;

std::string kindName(LayerKind kind) { return kind == LayerKind::Raster ? "raster" : "vector"; }

std::filesystem::path storedPath(const std::filesystem::path& source,
                                 const std::filesystem::path& projectDir) {
  std::error_code ec;
  auto relative = std::filesystem::relative(source, projectDir, ec);
  if (ec || relative.empty()) return source;
  // Keep paths that climb far out of the project folder absolute: they do not move with it.
  int ups = 0;
  for (const auto& part : relative)
    if (part == "..") ++ups;
  return ups > 2 ? source : relative;
}

json extentToJson(const Extent& e) { return json::array({e.minX(), e.minY(), e.maxX(), e.maxY()}); }

Result<Extent> extentFromJson(const json& j, const std::string& context) {
  if (!j.is_array() || j.size() != 4 || !j[0].is_number() || !j[1].is_number() ||
      !j[2].is_number() || !j[3].is_number())
    return fail(ErrorCode::InvalidInput, "an extent must be [minX, minY, maxX, maxY]", context);
  return Extent(j[0].get<double>(), j[1].get<double>(), j[2].get<double>(), j[3].get<double>());
}

Result<Project> projectFromJson(const nlohmann::json& root, const std::filesystem::path& file);

}  // namespace

std::string Project::uniqueLayerId(const std::string& base) const {
  std::string stem = base.empty() ? std::string("layer") : base;
  for (int n = 0;; ++n) {
    std::string candidate = n == 0 ? stem : stem + "_" + std::to_string(n);
    bool used = false;
    for (const auto& layer : layers) used = used || layer.id == candidate;
    if (!used) return candidate;
  }
}

const layout::Layout* Project::findLayout(const std::string& name) const {
  for (const auto& l : layouts)
    if (l.name == name) return &l;
  return nullptr;
}

layout::Layout* Project::findLayout(const std::string& name) {
  for (auto& l : layouts)
    if (l.name == name) return &l;
  return nullptr;
}

std::string Project::uniqueLayoutName(const std::string& base) const {
  const std::string stem = base.empty() ? std::string("Layout") : base;
  for (int n = 1;; ++n) {
    std::string candidate = n == 1 ? stem : stem + " " + std::to_string(n);
    if (!findLayout(candidate)) return candidate;
  }
}

Result<Project> loadProject(const std::filesystem::path& file) {
  const std::string shown = text::displayPath(file);
  std::error_code folderError;
  if (std::filesystem::is_directory(file, folderError))
    return fail(ErrorCode::InvalidInput, "this is a folder, not a project file", shown,
                "Give the .onemap file inside it.");
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec))
      return fail(ErrorCode::NotFound, "project file does not exist", shown,
                  "Check the path, or create a project by opening layers and saving.");
    return fail(ErrorCode::OpenFailed, "cannot read the project file", shown,
                "Check that you may read it.");
  }
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (const int depth = jsonNestingDepth(text); depth > kMaxJsonDepth) return fail(jsonTooDeepError(depth, shown));
  json root = json::parse(text, nullptr, false);
  if (root.is_discarded() || !root.is_object())
    return fail(ErrorCode::InvalidInput, "not a OneMap project (the file is not valid JSON)", shown,
                "Open a .onemap file saved by OneMap Agri.");
  try {
    return projectFromJson(root, file);
  } catch (const std::exception& e) {  // a value of the wrong type (nlohmann::json::type_error …)
    return fail(jsonValueError(e, shown));
  }
}

namespace {

Result<Project> projectFromJson(const json& root, const std::filesystem::path& file) {
  const std::string shown = text::displayPath(file);
  if (root.value("format", std::string()) != "onemap-project")
    return fail(ErrorCode::InvalidInput, "not a OneMap project (no \"format\": \"onemap-project\")",
                shown);
  const int version = root.value("version", 0);
  if (version < 1 || version > kProjectFormatVersion)
    return fail(ErrorCode::Unsupported,
                "project format version " + std::to_string(version) + " is not supported", shown,
                "It was written by a newer OneMap Agri; update the application.");

  const auto projectDir = file.parent_path();
  Project project;
  project.title = root.value("title", std::string());
  project.crs = root.value("crs", std::string());
  if (root.contains("extent")) {
    auto extent = extentFromJson(root["extent"], shown + ": extent");
    if (!extent) return fail(extent.error());
    project.extent = *extent;
  }
  for (const char* list : {"layers", "bookmarks", "layouts"})
    if (root.contains(list) && !root[list].is_array())
      return fail(ErrorCode::InvalidInput, std::string("\"") + list + "\" must be a list ([…])", shown,
                  "Correct that value in the file, or save the file again from OneMap Agri.");
  const json layers = root.value("layers", json::array());
  for (std::size_t i = 0; i < layers.size(); ++i) {
    const json& l = layers[i];
    const std::string where = shown + ": layer " + std::to_string(i + 1);
    if (!l.is_object() || !l.contains("source") || !l["source"].is_string())
      return fail(ErrorCode::InvalidInput, "layer has no \"source\" path", where);
    LayerSpec spec;
    const std::string kind = l.value("kind", std::string("raster"));
    if (kind != "raster" && kind != "vector")
      return fail(ErrorCode::InvalidInput, "unknown layer kind \"" + kind + "\"", where,
                  "Use \"raster\" or \"vector\".");
    spec.kind = kind == "raster" ? LayerKind::Raster : LayerKind::Vector;
    std::filesystem::path source = std::filesystem::path(l["source"].get<std::string>());
    spec.source = source.is_absolute() ? source : (projectDir / source).lexically_normal();
    spec.name = l.value("name", spec.source.stem().string());
    spec.id = l.value("id", project.uniqueLayerId(spec.source.stem().string()));
    spec.layerName = l.value("layer", std::string());
    spec.encoding = l.value("encoding", std::string());
    spec.group = l.value("group", std::string());
    spec.visible = l.value("visible", true);
    spec.opacity = std::clamp(l.value("opacity", 1.0), 0.0, 1.0);
    if (l.contains("style") && l["style"].is_object())
      for (const auto& [key, value] : l["style"].items())
        spec.style[key] = value.is_string() ? value.get<std::string>() : value.dump();
    project.layers.push_back(std::move(spec));
  }
  for (const json& b : root.value("bookmarks", json::array())) {
    auto extent = extentFromJson(b.value("extent", json()), shown + ": bookmark");
    if (!extent) return fail(extent.error());
    project.bookmarks.push_back({b.value("name", std::string()), *extent});
  }
  const json layouts = root.value("layouts", json::array());
  for (std::size_t i = 0; i < layouts.size(); ++i) {
    auto sheet = layout::layoutFromJson(layouts[i].dump(), shown + ": layout " + std::to_string(i + 1));
    if (!sheet) return fail(sheet.error());
    if (sheet->name.empty() || project.findLayout(sheet->name))
      sheet->name = project.uniqueLayoutName(sheet->name);
    project.layouts.push_back(std::move(*sheet));
  }
  return project;
}

}  // namespace

Status saveProject(const Project& project, const std::filesystem::path& file) {
  const auto projectDir = std::filesystem::absolute(file).parent_path();
  json root;
  root["format"] = "onemap-project";
  root["version"] = kProjectFormatVersion;
  root["title"] = project.title;
  root["crs"] = project.crs;
  if (project.extent && !project.extent->isEmpty()) root["extent"] = extentToJson(*project.extent);
  json layers = json::array();
  for (const auto& spec : project.layers) {
    json l;
    l["id"] = spec.id;
    l["name"] = spec.name;
    l["kind"] = kindName(spec.kind);
    l["source"] = storedPath(spec.source, projectDir).generic_string();
    if (!spec.layerName.empty()) l["layer"] = spec.layerName;
    if (!spec.encoding.empty()) l["encoding"] = spec.encoding;
    if (!spec.group.empty()) l["group"] = spec.group;
    l["visible"] = spec.visible;
    l["opacity"] = spec.opacity;
    l["style"] = json::object();
    for (const auto& [key, value] : spec.style) l["style"][key] = value;
    layers.push_back(std::move(l));
  }
  root["layers"] = std::move(layers);
  json bookmarks = json::array();
  for (const auto& b : project.bookmarks)
    bookmarks.push_back({{"name", b.name}, {"extent", extentToJson(b.extent)}});
  root["bookmarks"] = std::move(bookmarks);
  if (!project.layouts.empty()) {
    json layouts = json::array();
    for (const auto& sheet : project.layouts) layouts.push_back(json::parse(layout::layoutToJson(sheet)));
    root["layouts"] = std::move(layouts);
  }
  return storage::writeFileAtomically(file, root.dump(2) + "\n");
}

std::vector<const LayerSpec*> missingSources(const Project& project) {
  std::vector<const LayerSpec*> out;
  for (const auto& spec : project.layers) {
    std::error_code ec;
    if (!std::filesystem::exists(spec.source, ec)) out.push_back(&spec);
  }
  return out;
}

}  // namespace onemap::project
