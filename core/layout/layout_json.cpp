#include "onemap/layout/layout_json.h"

#include <fstream>
#include <system_error>

#include <nlohmann/json.hpp>

#include <exception>
#include <iterator>

#include "onemap/base/json_guard.h"
#include "onemap/base/text.h"
#include "onemap/storage/atomic_file.h"

namespace onemap::layout {
namespace {

using nlohmann::json;

json itemToJson(const Item& item) {
  json j;
  j["id"] = item.id;
  j["type"] = itemTypeId(item.type);
  if (!item.name.empty()) j["name"] = item.name;
  j["rect"] = json::array({item.x, item.y, item.width, item.height});
  if (item.rotation != 0.0) j["rotation"] = item.rotation;
  if (!item.visible) j["visible"] = false;
  if (item.locked) j["locked"] = true;
  j["props"] = json::object();
  for (const auto& [key, value] : item.props) j["props"][key] = value;
  return j;
}

Result<Item> itemFromJson(const json& j, const std::string& where) {
  if (!j.is_object()) return fail(ErrorCode::InvalidInput, "an item must be a JSON object", where);
  Item item;
  const std::string typeId = j.value("type", std::string());
  auto type = itemTypeFromId(typeId);
  if (!type)
    return fail(ErrorCode::InvalidInput, "unknown item type \"" + typeId + "\"", where,
                "Use map, label, legend, scale_bar, north_arrow, table, picture, producer or shape.");
  item.type = *type;
  item.id = j.value("id", std::string());
  item.name = j.value("name", std::string());
  const json rect = j.value("rect", json());
  if (!rect.is_array() || rect.size() != 4)
    return fail(ErrorCode::InvalidInput, "an item needs \"rect\": [x, y, width, height] in mm", where);
  for (const auto& v : rect)
    if (!v.is_number())
      return fail(ErrorCode::InvalidInput, "\"rect\" must hold four numbers (mm)", where);
  item.x = rect[0].get<double>();
  item.y = rect[1].get<double>();
  item.width = rect[2].get<double>();
  item.height = rect[3].get<double>();
  if (item.width <= 0 || item.height <= 0)
    return fail(ErrorCode::InvalidInput, "an item's width and height must be positive", where);
  item.rotation = j.value("rotation", 0.0);
  item.visible = j.value("visible", true);
  item.locked = j.value("locked", false);
  if (j.contains("props") && j["props"].is_object())
    for (const auto& [key, value] : j["props"].items())
      item.props[key] = value.is_string() ? value.get<std::string>() : value.dump();
  return item;
}

json atlasToJson(const AtlasSettings& a) {
  return {{"enabled", a.enabled},
          {"coverage", a.coverageLayerId},
          {"filter", a.filter},
          {"name_field", a.nameField},
          {"code_field", a.codeField},
          {"map", a.mapItemId},
          {"margin_percent", a.marginPercent},
          {"mask_outside", a.maskOutside},
          {"file_name", a.fileNamePattern}};
}

AtlasSettings atlasFromJson(const json& j) {
  AtlasSettings a;
  if (!j.is_object()) return a;
  a.enabled = j.value("enabled", a.enabled);
  a.coverageLayerId = j.value("coverage", a.coverageLayerId);
  a.filter = j.value("filter", a.filter);
  a.nameField = j.value("name_field", a.nameField);
  a.codeField = j.value("code_field", a.codeField);
  a.mapItemId = j.value("map", a.mapItemId);
  a.marginPercent = j.value("margin_percent", a.marginPercent);
  a.maskOutside = j.value("mask_outside", a.maskOutside);
  a.fileNamePattern = j.value("file_name", a.fileNamePattern);
  return a;
}

json toJsonValue(const Layout& layout) {
  json j;
  j["name"] = layout.name;
  j["page"] = json::array({layout.pageWidthMm, layout.pageHeightMm});
  j["export_dpi"] = layout.exportDpi;
  json items = json::array();
  for (const auto& item : layout.items) items.push_back(itemToJson(item));
  j["items"] = std::move(items);
  j["atlas"] = atlasToJson(layout.atlas);
  return j;
}

Result<Layout> fromJsonValue(const json& j, const std::string& context) {
  if (!j.is_object()) return fail(ErrorCode::InvalidInput, "a layout must be a JSON object", context);
  Layout layout;
  layout.name = j.value("name", std::string());
  const json page = j.value("page", json());
  if (page.is_array() && page.size() == 2 && page[0].is_number() && page[1].is_number()) {
    layout.pageWidthMm = page[0].get<double>();
    layout.pageHeightMm = page[1].get<double>();
  } else if (j.contains("page")) {
    return fail(ErrorCode::InvalidInput, "\"page\" must be [width, height] in mm", context);
  }
  if (layout.pageWidthMm < 10 || layout.pageHeightMm < 10 || layout.pageWidthMm > 5000 ||
      layout.pageHeightMm > 5000)
    return fail(ErrorCode::InvalidInput, "page size out of range (10–5000 mm)", context);
  layout.exportDpi = j.value("export_dpi", layout.exportDpi);
  if (!(layout.exportDpi >= 10 && layout.exportDpi <= 2400))
    return fail(ErrorCode::InvalidInput, "\"export_dpi\" must be between 10 and 2400", context);
  const json items = j.value("items", json::array());
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto item = itemFromJson(items[i], context + ": item " + std::to_string(i + 1));
    if (!item) return fail(item.error());
    if (item->id.empty() || layout.item(item->id)) item->id = layout.uniqueItemId(itemTypeId(item->type));
    layout.items.push_back(std::move(*item));
  }
  layout.atlas = atlasFromJson(j.value("atlas", json()));
  return layout;
}

}  // namespace

std::string layoutToJson(const Layout& layout) { return toJsonValue(layout).dump(); }

Result<Layout> layoutFromJson(std::string_view text, const std::string& context) {
  if (const int depth = jsonNestingDepth(text); depth > kMaxJsonDepth) return fail(jsonTooDeepError(depth, context));
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded()) return fail(ErrorCode::InvalidInput, "the layout is not valid JSON", context);
  try {
    return fromJsonValue(j, context);
  } catch (const std::exception& e) {  // a value of the wrong type (nlohmann::json::type_error …)
    return fail(jsonValueError(e, context));
  }
}

Result<Layout> loadTemplate(const std::filesystem::path& file) {
  const std::string shown = text::displayPath(file);
  std::error_code folderError;
  if (std::filesystem::is_directory(file, folderError))
    return fail(ErrorCode::InvalidInput, "this is a folder, not a layout template", shown,
                "Give the .onemap-layout file inside it.");
  std::ifstream in(file, std::ios::binary);
  if (!in)
    return fail(ErrorCode::NotFound, "cannot read the layout template", shown,
                "Check the path and that you may read the file.");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (const int depth = jsonNestingDepth(text); depth > kMaxJsonDepth) return fail(jsonTooDeepError(depth, shown));
  json root = json::parse(text, nullptr, false);
  try {
    if (root.is_discarded() || !root.is_object() || root.value("format", std::string()) != kTemplateFormat)
      return fail(ErrorCode::InvalidInput, "not a OneMap layout template", shown,
                  "Choose a .onemap-layout file saved by OneMap Agri.");
    const int version = root.value("version", 0);
    if (version < 1 || version > kTemplateFormatVersion)
      return fail(ErrorCode::Unsupported, "template format version " + std::to_string(version) +
                                              " is not supported",
                  shown, "It was written by a newer OneMap Agri; update the application.");
    return fromJsonValue(root.value("layout", json()), shown);
  } catch (const std::exception& e) {  // a value of the wrong type (nlohmann::json::type_error …)
    return fail(jsonValueError(e, shown));
  }
}

Status saveTemplate(const Layout& layout, const std::filesystem::path& file, bool overwrite) {
  std::error_code ec;
  if (!overwrite && std::filesystem::exists(file, ec))
    return fail(ErrorCode::InvalidInput, "the file exists already", text::displayPath(file),
                "Choose another name, or confirm replacing it.");
  json root;
  root["format"] = kTemplateFormat;
  root["version"] = kTemplateFormatVersion;
  root["layout"] = toJsonValue(layout);
  return storage::writeFileAtomically(file, root.dump(2) + "\n");
}

}  // namespace onemap::layout
