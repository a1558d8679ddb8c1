#include "item_clipboard.h"

#include <QMimeData>

#include <map>

#include "onemap/layout/item_properties.h"
#include "onemap/layout/layout_json.h"

namespace onemap::designer {

QMimeData* itemsToMime(const layout::Layout& source, const std::set<std::string>& ids) {
  layout::Layout copied;
  copied.name = "clipboard";
  for (const auto& item : source.items)
    if (ids.contains(item.id)) copied.items.push_back(item);
  auto* mime = new QMimeData;
  mime->setData(QString::fromLatin1(kItemsMimeType), QByteArray::fromStdString(layout::layoutToJson(copied)));
  return mime;
}

std::vector<layout::Item> itemsFromMime(const QMimeData* mime) {
  if (!mime || !mime->hasFormat(QString::fromLatin1(kItemsMimeType))) return {};
  const QByteArray data = mime->data(QString::fromLatin1(kItemsMimeType));
  auto copied = layout::layoutFromJson(data.toStdString(), "clipboard");
  if (!copied) return {};
  return copied->items;
}

std::set<std::string> pasteItems(layout::Layout& target, std::vector<layout::Item> items, double offsetMm) {
  std::map<std::string, std::string> renamed;
  std::set<std::string> added;
  for (auto& item : items) {
    const std::string id = target.uniqueItemId(item.id.empty() ? layout::itemTypeId(item.type) : item.id);
    renamed[item.id] = id;
    item.id = id;
    item.x += offsetMm;
    item.y += offsetMm;
    target.items.push_back(item);  // reserve the id before the next one is made
    added.insert(id);
  }
  for (auto& item : target.items) {
    if (!added.contains(item.id)) continue;
    for (const char* key : {layout::keys::kMap, layout::keys::kOverviewOf}) {
      auto it = item.props.find(key);
      if (it == item.props.end()) continue;
      if (auto r = renamed.find(it->second); r != renamed.end()) it->second = r->second;
      else if (!target.item(it->second)) it->second.clear();
    }
  }
  return added;
}

}  // namespace onemap::designer
