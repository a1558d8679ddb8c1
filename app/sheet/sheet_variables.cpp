#include "onemap/sheet/sheet_variables.h"

#include <QDate>

#include <map>
#include <mutex>

#include "onemap/layout/item_properties.h"
#include "onemap/layout/layout.h"
#include "onemap/proj/crs_description.h"
#include "onemap/project/project.h"
#include "onemap/sheet/frame_view.h"
#include "onemap/sheet/map_layers.h"
#include "onemap/sheet/sheet_context.h"

namespace onemap::sheet {

const layout::Item* itemMapFrame(const layout::Layout& layout, const layout::Item& item) {
  if (item.type == layout::ItemType::Map) return &item;
  if (const std::string id = item.prop(layout::keys::kMap); !id.empty())
    if (const layout::Item* chosen = layout.item(id); chosen && chosen->type == layout::ItemType::Map)
      return chosen;
  return layout.mainMap();
}

std::string crsDisplayName(const std::string& crs) {
  if (crs.empty()) return {};
  static std::mutex mutex;
  static std::map<std::string, std::string> names;
  {
    std::lock_guard lock(mutex);
    if (auto it = names.find(crs); it != names.end()) return it->second;
  }
  auto description = proj::describeCrs(crs);
  std::string name = crs;
  if (description) name = !description->nameZh.empty() ? description->nameZh : description->nameEn;
  std::lock_guard lock(mutex);
  names[crs] = name;
  return name;
}

layout::Variables sheetVariables(const layout::Layout& layout, const SheetContext& context,
                                 const FrameView* mapView) {
  layout::Variables v;
  v["project_title"] = context.project ? context.project->title : std::string();
  v["layout_name"] = layout.name;
  const auto dateIt = context.variables.find("date");
  v["date"] = dateIt != context.variables.end() ? dateIt->second
                                                : QDate::currentDate().toString(Qt::ISODate).toStdString();
  v["date_cn"] = layout::chineseDate(v["date"]);
  v["crs_name"] = crsDisplayName(sheetCrs(context));
  v["scale"] = mapView && mapView->isValid() ? layout::formatScale(mapView->scale) : std::string();
  v["page"] = std::to_string(context.atlas ? context.atlas->index + 1 : 1);
  v["page_count"] = std::to_string(context.atlas ? context.atlas->count : 1);
  if (const AtlasFeature* f = context.atlas) {
    v["atlas_name"] = v["village_name"] = f->name;
    v["atlas_code"] = v["village_code"] = f->code;
    for (const auto& [field, value] : f->attributes) v["field:" + field] = value;
  }
  for (const auto& [name, value] : context.variables) v[name] = value;
  if (context.variables.contains("date") && !context.variables.contains("date_cn"))
    v["date_cn"] = layout::chineseDate(v["date"]);
  return v;
}

layout::Variables sheetVariables(const layout::Layout& layout, const layout::Item& item,
                                 const SheetContext& context) {
  const layout::Item* map = itemMapFrame(layout, item);
  if (!map) return sheetVariables(layout, context, nullptr);
  const FrameView view = frameView(layout, *map, context);
  return sheetVariables(layout, context, &view);
}

}  // namespace onemap::sheet
