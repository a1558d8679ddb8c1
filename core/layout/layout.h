#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace onemap::layout {

/// What a layout item draws. The item's properties (Item::props) depend on it; the keys each type
/// reads are listed in `item_properties.h`.
enum class ItemType {
  Map,         ///< a map frame; with "overview_of" an inset overview of another map frame
  Label,       ///< text with variables ({village_name}, {date}, {scale}...)
  Legend,      ///< the legend of the layers shown in a map frame
  ScaleBar,    ///< graphic scale bar (and/or numeric 1:N) of a map frame
  NorthArrow,  ///< a north arrow (built-in or SVG), turned with its map frame
  Table,       ///< attribute or summary table of a layer, filtered to the atlas feature
  Picture,     ///< an image or SVG file (logo)
  Producer,    ///< the producer block: 制图单位, 制图日期, 坐标系, 数据来源
  Shape,       ///< a rectangle or line (neatlines, separators)
};

/// One item on a layout page: a rectangle in page millimetres (origin top left, y down) and its
/// type's properties as text. A value type; the layout designer edits copies of it.
struct Item {
  std::string id;        ///< unique within its layout, stable across saves
  ItemType type = ItemType::Label;
  std::string name;      ///< shown in the designer's item list; empty = derived from the type
  double x = 0.0, y = 0.0, width = 10.0, height = 10.0;  ///< millimetres on the page
  double rotation = 0.0;  ///< degrees clockwise about the item's centre
  bool visible = true;
  bool locked = false;    ///< a locked item cannot be moved or resized with the mouse
  std::map<std::string, std::string> props;

  /// A property's value, or `fallback` when unset.
  std::string prop(const std::string& key, const std::string& fallback = {}) const;
  double number(const std::string& key, double fallback) const;
  bool flag(const std::string& key, bool fallback) const;

  bool operator==(const Item&) const = default;
};

/// How a layout is driven by a coverage layer to make one sheet per feature (一村一图).
struct AtlasSettings {
  bool enabled = false;
  std::string coverageLayerId;   ///< a polygon layer of the project (village boundaries)
  std::string filter;            ///< OGR SQL attribute filter ("XZQDM = '320115101'"), empty = all
  std::string nameField = "ZLDWMC";   ///< fills {atlas_name}/{village_name}
  std::string codeField = "ZLDWDM";   ///< fills {atlas_code}/{village_code}, sorts the sheets
  std::string mapItemId;         ///< the map frame the feature drives; empty = the first map item
  double marginPercent = 10.0;   ///< space around the feature, in % of its extent
  bool maskOutside = true;       ///< dim everything outside the feature in the driven map frame
  std::string fileNamePattern = "{atlas_code}_{atlas_name}";  ///< one file per feature

  bool operator==(const AtlasSettings&) const = default;
};

/// A map sheet: page size and items in drawing order (first drawn first), plus atlas settings.
/// Plain data, stored in the project and in template files.
struct Layout {
  std::string name;
  double pageWidthMm = 420.0;   ///< A3 landscape by default
  double pageHeightMm = 297.0;
  double exportDpi = 300.0;     ///< default resolution of raster exports
  std::vector<Item> items;
  AtlasSettings atlas;

  const Item* item(const std::string& id) const;
  Item* item(const std::string& id);
  /// The first map frame that is not an overview, or null.
  const Item* mainMap() const;
  /// The map frame the atlas drives (AtlasSettings::mapItemId or mainMap()).
  const Item* atlasMap() const;
  /// An item id not used yet in this layout, derived from `base`.
  std::string uniqueItemId(const std::string& base) const;

  bool operator==(const Layout&) const = default;
};

/// A named paper size in millimetres (portrait: width ≤ height).
struct PaperSize {
  std::string name;   ///< "A4", "A3", ...
  double widthMm;
  double heightMm;
};

/// ISO A0–A5 and B4/B5 (JIS-free ISO B), portrait.
const std::vector<PaperSize>& standardPaperSizes();
/// The paper size named `name` (case-insensitive), if standard.
std::optional<PaperSize> paperSize(const std::string& name);

/// Item type ids as stored in files ("map", "label", ...), and back.
std::string itemTypeId(ItemType type);
std::optional<ItemType> itemTypeFromId(const std::string& id);

}  // namespace onemap::layout
