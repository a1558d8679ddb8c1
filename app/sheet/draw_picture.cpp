#include <QPainter>

#include "onemap/layout/item_properties.h"
#include "onemap/layout/layout.h"
#include "onemap/sheet/item_drawers.h"
#include "onemap/sheet/picture_file.h"
#include "onemap/sheet/sheet_context.h"

namespace onemap::sheet {

QString drawPicture(QPainter& painter, const layout::Item& item, const DrawContext& context) {
  namespace k = layout::keys;
  const std::string path = item.prop(k::kPath);
  const std::filesystem::path file = path.empty() ? std::filesystem::path() : resolveItemPath(context.sheet, path);
  return drawPictureFile(painter, file, QRectF(0, 0, item.width, item.height), item.flag(k::kKeepAspect, true));
}

}  // namespace onemap::sheet
