#pragma once

#include <set>
#include <string>
#include <vector>

#include "onemap/layout/layout.h"

class QMimeData;

namespace onemap::designer {

/// MIME type of layout items on the clipboard (a layout JSON object holding the copied items).
inline constexpr const char* kItemsMimeType = "application/x-onemap-layout-items";

/// The items `ids` of `source` (in drawing order) as clipboard data.
QMimeData* itemsToMime(const layout::Layout& source, const std::set<std::string>& ids);
/// The items on the clipboard, or none.
std::vector<layout::Item> itemsFromMime(const QMimeData* mime);

/// Appends copies of `items` to `target` with new ids, moved by `offsetMm`; references between
/// the copies ("map", "overview_of") follow the new ids. Returns the new ids.
std::set<std::string> pasteItems(layout::Layout& target, std::vector<layout::Item> items, double offsetMm);

}  // namespace onemap::designer
