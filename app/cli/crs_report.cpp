#include "crs_report.h"

#include <QCoreApplication>

#include <nlohmann/json.hpp>

#include "cli_io.h"
#include "onemap/i18n/translations.h"
#include "onemap/proj/crs_description.h"

namespace onemap::cli {
namespace {

std::string definitionOf(const std::string& wkt, int epsg) {
  return epsg > 0 ? "EPSG:" + std::to_string(epsg) : wkt;
}

}  // namespace

QString crsText(const std::string& wkt, int epsg, const Extent& extent) {
  QString out;
  if (wkt.empty() && epsg == 0) {
    out += QCoreApplication::translate("InfoCommand", "CRS:         none — the file does not say where it is on Earth");
    if (auto s = proj::suggestCrsFromCoordinates(extent.minX(), extent.minY(), extent.maxX(), extent.maxY())) {
      const bool zh = i18n::isChinese();
      out += QLatin1Char('\n') + QCoreApplication::translate("InfoCommand", "Suggested:   EPSG:%1 — %2").arg(s->epsg).arg(qs(zh ? s->reasonZh : s->reasonEn));
    }
    return out;
  }
  auto d = proj::describeCrs(definitionOf(wkt, epsg));
  if (!d) {
    return QCoreApplication::translate("InfoCommand", "CRS:         (could not be described: %1)").arg(qs(d.error().text()));
  }
  out += QCoreApplication::translate("InfoCommand", "CRS:         %1 %2").arg(d->epsg > 0 ? QStringLiteral("EPSG:%1 —").arg(d->epsg) : QString(),
                                    qs(d->nameEn));
  out += QLatin1Char('\n') + QCoreApplication::translate("InfoCommand", "             %1").arg(qs(d->nameZh));
  out += QLatin1Char('\n') + QCoreApplication::translate("InfoCommand", "Axis order:  %1").arg(qs(i18n::isChinese() ? d->axisOrderTextZh() : d->axisOrderText()));
  if (d->gaussKruger) {
    const auto& gk = *d->gaussKruger;
    out += QLatin1Char('\n') + QCoreApplication::translate("InfoCommand", "GK zone:     %1° zone %2, central meridian %3°E, %4")
                                   .arg(gk.zoneWidthDegrees)
                                   .arg(gk.zone)
                                   .arg(gk.centralMeridian)
                                   .arg(gk.eastingHasZonePrefix ? QCoreApplication::translate("InfoCommand", "easting with zone prefix")
                                                                : QCoreApplication::translate("InfoCommand", "easting without zone prefix"));
  }
  return out;
}

nlohmann::json crsJson(const std::string& wkt, int epsg, const Extent& extent) {
  nlohmann::json j;
  if (wkt.empty() && epsg == 0) {
    j["defined"] = false;
    if (auto s = proj::suggestCrsFromCoordinates(extent.minX(), extent.minY(), extent.maxX(), extent.maxY()))
      j["suggestion"] = {{"epsg", s->epsg}, {"candidates", s->candidates},
                         {"reason_en", s->reasonEn}, {"reason_zh", s->reasonZh}};
    return j;
  }
  j["defined"] = true;
  auto d = proj::describeCrs(definitionOf(wkt, epsg));
  if (!d) {
    j["error"] = d.error().text();
    return j;
  }
  j["epsg"] = d->epsg;
  j["name_en"] = d->nameEn;
  j["name_zh"] = d->nameZh;
  j["geographic"] = d->isGeographic;
  j["cgcs2000"] = d->isCgcs2000;
  j["unit"] = d->linearUnit;
  j["authority_axis_order_northing_first"] = d->authorityOrderIsNorthingFirst;
  j["axis_order"] = d->axisOrderText();
  nlohmann::json axes = nlohmann::json::array();
  for (const auto& a : d->authorityAxes)
    axes.push_back({{"name", a.name}, {"direction", a.direction}, {"unit", a.unit}});
  j["authority_axes"] = axes;
  if (d->gaussKruger)
    j["gauss_kruger"] = {{"zone_width", d->gaussKruger->zoneWidthDegrees},
                         {"zone", d->gaussKruger->zone},
                         {"central_meridian", d->gaussKruger->centralMeridian},
                         {"zone_prefix", d->gaussKruger->eastingHasZonePrefix}};
  return j;
}

QString lonLatText(const std::optional<Extent>& lonLat) {
  if (!lonLat || lonLat->isEmpty()) return QCoreApplication::translate("InfoCommand", "(unknown: no CRS)");
  auto lon = [](double v) { return QStringLiteral("%1°%2").arg(std::abs(v), 0, 'f', 5).arg(v < 0 ? 'W' : 'E'); };
  auto lat = [](double v) { return QStringLiteral("%1°%2").arg(std::abs(v), 0, 'f', 5).arg(v < 0 ? 'S' : 'N'); };
  return QStringLiteral("%1 – %2, %3 – %4")
      .arg(lon(lonLat->minX()), lon(lonLat->maxX()), lat(lonLat->minY()), lat(lonLat->maxY()));
}

nlohmann::json extentJson(const Extent& extent) {
  if (extent.isEmpty()) return nullptr;
  return nlohmann::json::array({extent.minX(), extent.minY(), extent.maxX(), extent.maxY()});
}

}  // namespace onemap::cli
