#include "onemap/render/map_font.h"

#include <QFontDatabase>
#include <QString>
#include <QStringList>

namespace onemap::render {
namespace {

QString chooseFamily() {
  const QStringList installed = QFontDatabase::families();
  for (const QString& family : {QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("Noto Sans CJK SC"),
                                QStringLiteral("Source Han Sans SC"), QStringLiteral("Microsoft YaHei")})
    if (installed.contains(family)) return family;
  return QFont().family();
}

}  // namespace

QFont mapFont(double pointSize) {
  static const QString family = chooseFamily();
  QFont font(family);
  font.setPointSizeF(pointSize);
  return font;
}

}  // namespace onemap::render
