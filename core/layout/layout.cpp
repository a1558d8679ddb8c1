#include "onemap/layout/layout.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace onemap::layout {

std::string Item::prop(const std::string& key, const std::string& fallback) const {
  auto it = props.find(key);
  return it == props.end() ? fallback : it->second;
}

double Item::number(const std::string& key, double fallback) const {
  auto it = props.find(key);
  if (it == props.end() || it->second.empty()) return fallback;
  double value = 0.0;
  const char* begin = it->second.data();
  const char* end = begin + it->second.size();
  auto [ptr, ec] = std::from_chars(begin, end, value);
  return ec == std::errc() && ptr == end ? value : fallback;
}

bool Item::flag(const std::string& key, bool fallback) const {
  auto it = props.find(key);
  if (it == props.end()) return fallback;
  if (it->second == "true" || it->second == "1" || it->second == "yes") return true;
  if (it->second == "false" || it->second == "0" || it->second == "no") return false;
  return fallback;
}

const Item* Layout::item(const std::string& id) const {
  for (const auto& i : items)
    if (i.id == id) return &i;
  return nullptr;
}

Item* Layout::item(const std::string& id) {
  for (auto& i : items)
    if (i.id == id) return &i;
  return nullptr;
}

const Item* Layout::mainMap() const {
  for (const auto& i : items)
    if (i.type == ItemType::Map && i.prop("overview_of").empty()) return &i;
  return nullptr;
}

const Item* Layout::atlasMap() const {
  if (!atlas.mapItemId.empty())
    if (const Item* chosen = item(atlas.mapItemId); chosen && chosen->type == ItemType::Map)
      return chosen;
  return mainMap();
}

std::string Layout::uniqueItemId(const std::string& base) const {
  const std::string stem = base.empty() ? std::string("item") : base;
  for (int n = 1;; ++n) {
    std::string candidate = stem + (n == 1 ? std::string() : std::to_string(n));
    if (!item(candidate)) return candidate;
  }
}

const std::vector<PaperSize>& standardPaperSizes() {
  static const std::vector<PaperSize> sizes = {
      {"A0", 841, 1189}, {"A1", 594, 841}, {"A2", 420, 594}, {"A3", 297, 420},
      {"A4", 210, 297},  {"A5", 148, 210}, {"B4", 250, 353}, {"B5", 176, 250},
  };
  return sizes;
}

std::optional<PaperSize> paperSize(const std::string& name) {
  std::string upper = name;
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  for (const auto& size : standardPaperSizes())
    if (size.name == upper) return size;
  return std::nullopt;
}

namespace {
constexpr std::pair<ItemType, const char*> kTypeIds[] = {
    {ItemType::Map, "map"},         {ItemType::Label, "label"},
    {ItemType::Legend, "legend"},   {ItemType::ScaleBar, "scale_bar"},
    {ItemType::NorthArrow, "north_arrow"}, {ItemType::Table, "table"},
    {ItemType::Picture, "picture"}, {ItemType::Producer, "producer"},
    {ItemType::Shape, "shape"},
};
}  // namespace

std::string itemTypeId(ItemType type) {
  for (const auto& [t, id] : kTypeIds)
    if (t == type) return id;
  return "label";
}

std::optional<ItemType> itemTypeFromId(const std::string& id) {
  for (const auto& [t, name] : kTypeIds)
    if (id == name) return t;
  return std::nullopt;
}

}  // namespace onemap::layout
