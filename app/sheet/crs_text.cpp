#include "onemap/sheet/crs_text.h"

#include <QCoreApplication>

#include "onemap/proj/crs_description.h"
#include "onemap/sheet/sheet_variables.h"

namespace onemap::sheet {

QString crsSheetText(const std::string& crs) {
  if (crs.empty()) return {};
  auto description = proj::describeCrs(crs);
  if (description && description->isCgcs2000) {
    if (const auto& zone = description->gaussKruger) {
      if (zone->eastingHasZonePrefix)
        return QCoreApplication::translate("SheetItems", "CGCS2000, Gauss–Krüger projection, %1° zone %3, central meridian %2°E")
            .arg(zone->zoneWidthDegrees)
            .arg(zone->centralMeridian)
            .arg(zone->zone);
      return QCoreApplication::translate("SheetItems", "CGCS2000, Gauss–Krüger projection, %1° zone, central meridian %2°E")
          .arg(zone->zoneWidthDegrees)
          .arg(zone->centralMeridian);
    }
    if (description->isGeographic) return QCoreApplication::translate("SheetItems", "CGCS2000 geographic coordinates");
  }
  return QString::fromStdString(crsDisplayName(crs));
}

}  // namespace onemap::sheet
