#include "onemap/render/land_use_palette.h"

#include <map>

namespace onemap::render {

QColor landUseColor(const std::string& dlbm) {
  static const std::map<std::string, QColor> exact{
      {"0101", QColor(255, 255, 140)}, {"0102", QColor(250, 235, 110)}, {"0103", QColor(240, 215, 90)},
      {"0201", QColor(225, 150, 225)}, {"0202", QColor(200, 120, 200)}, {"0204", QColor(235, 185, 235)},
      {"0301", QColor(40, 150, 70)},   {"0302", QColor(90, 175, 90)},   {"0305", QColor(130, 200, 110)},
      {"0307", QColor(160, 215, 140)}, {"0404", QColor(200, 230, 130)}, {"0601", QColor(200, 90, 90)},
      {"0602", QColor(170, 90, 60)},   {"0604", QColor(215, 120, 110)}, {"0701", QColor(240, 110, 95)},
      {"0702", QColor(235, 140, 120)}, {"1003", QColor(170, 170, 170)}, {"1006", QColor(215, 200, 165)},
      {"1101", QColor(110, 185, 240)}, {"1104", QColor(145, 210, 250)}, {"1107", QColor(160, 200, 240)},
      {"1201", QColor(230, 200, 190)}, {"1202", QColor(250, 205, 160)},
  };
  static const std::map<std::string, QColor> byClass{
      {"01", QColor(250, 235, 110)}, {"02", QColor(225, 150, 225)}, {"03", QColor(60, 160, 80)},
      {"04", QColor(200, 230, 130)}, {"05", QColor(230, 100, 100)}, {"06", QColor(200, 90, 90)},
      {"07", QColor(240, 120, 100)}, {"08", QColor(230, 130, 150)}, {"09", QColor(200, 100, 140)},
      {"10", QColor(170, 170, 170)}, {"11", QColor(120, 190, 240)}, {"12", QColor(220, 210, 190)},
  };
  if (auto it = exact.find(dlbm); it != exact.end()) return it->second;
  if (dlbm.size() >= 2)
    if (auto it = byClass.find(dlbm.substr(0, 2)); it != byClass.end()) return it->second;
  return QColor(190, 190, 190);
}

}  // namespace onemap::render
