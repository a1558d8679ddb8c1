#include "info_report.h"

#include <QCoreApplication>
#include <QStringList>

#include <nlohmann/json.hpp>

#include "cli_io.h"
#include "crs_report.h"
#include "onemap/base/text.h"
#include "onemap/i18n/translations.h"
#include "onemap/raster/raster_info.h"
#include "onemap/vector/vector_info.h"

namespace onemap::cli {
namespace {

QString number(double v, int decimals = 2) { return QString::number(v, 'f', decimals); }

QString extentText(const Extent& e, int decimals) {
  if (e.isEmpty()) return QCoreApplication::translate("InfoCommand", "(empty)");
  return QStringLiteral("x %1 … %2, y %3 … %4")
      .arg(number(e.minX(), decimals), number(e.maxX(), decimals), number(e.minY(), decimals),
           number(e.maxY(), decimals));
}

int decimalsFor(const std::optional<Extent>& lonLat, const Extent& extent) {
  // Geographic extents (|values| ≤ 180) need more decimals than metres.
  return (lonLat && *lonLat == extent) || (extent.width() < 10 && extent.height() < 10) ? 6 : 2;
}

QString roleText(const raster::BandRoleGuess& guess) {
  if (guess.role == raster::BandRole::Unknown) return QCoreApplication::translate("InfoCommand", "unknown");
  const QString name = qs(std::string(raster::bandRoleName(guess.role)));
  const QString zh = qs(std::string(raster::bandRoleNameZh(guess.role)));
  return i18n::isChinese() ? QStringLiteral("%1 (%2)").arg(zh, name) : name;
}

nlohmann::json warningsJson(const std::vector<std::string>& warnings) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& w : warnings) j.push_back(w);
  return j;
}

}  // namespace

QString rasterInfoText(const raster::RasterInfo& info) {
  QStringList lines;
  const int decimals = decimalsFor(info.lonLatExtent, info.extent);
  lines << QCoreApplication::translate("InfoCommand", "File:        %1").arg(qs(text::displayPath(info.path)));
  lines << QCoreApplication::translate("InfoCommand", "Driver:      %1 (%2)").arg(qs(info.driver), qs(info.driverLongName));
  lines << QCoreApplication::translate("InfoCommand", "Raster:      %1 × %2 px, %3 band(s)").arg(info.width).arg(info.height).arg(info.bands.size());
  lines << crsText(info.crsWkt, info.epsg, info.extent);
  lines << QCoreApplication::translate("InfoCommand", "Extent:      %1").arg(extentText(info.extent, decimals));
  lines << QCoreApplication::translate("InfoCommand", "Lon/lat:     %1").arg(lonLatText(info.lonLatExtent));
  if (info.hasGeoTransform)
    lines << QCoreApplication::translate("InfoCommand", "Pixel size:  %1 × %2").arg(QString::number(info.pixelSizeX, 'g', 10),
                                            QString::number(info.pixelSizeY, 'g', 10));
  else
    lines << QCoreApplication::translate("InfoCommand", "Pixel size:  (no georeferencing)");
  lines << QCoreApplication::translate("InfoCommand", "Blocks:      %1 × %2, compression %3")
               .arg(info.blockSize.first)
               .arg(info.blockSize.second)
               .arg(info.compression.empty() ? QCoreApplication::translate("InfoCommand", "none") : qs(info.compression));
  if (info.overviewSizes.empty()) {
    lines << QCoreApplication::translate("InfoCommand", "Overviews:   none");
  } else {
    QStringList sizes;
    for (const auto& [w, h] : info.overviewSizes) sizes << QStringLiteral("%1×%2").arg(w).arg(h);
    lines << QCoreApplication::translate("InfoCommand", "Overviews:   %1").arg(sizes.join(QStringLiteral(", ")));
  }
  lines << QCoreApplication::translate("InfoCommand", "Bands:");
  for (const auto& b : info.bands) {
    QString line = QCoreApplication::translate("InfoCommand", "  %1: %2  role %3 (from %4)")
                       .arg(b.index)
                       .arg(qs(b.dataType), roleText(b.role),
                            b.role.source.empty() ? QCoreApplication::translate("InfoCommand", "no evidence") : qs(b.role.source));
    if (!b.description.empty()) line += QCoreApplication::translate("InfoCommand", "  \"%1\"").arg(qs(b.description));
    if (b.noData) line += QCoreApplication::translate("InfoCommand", "  nodata %1").arg(*b.noData);
    lines << line;
    if (b.statistics)
      lines << QCoreApplication::translate("InfoCommand", "       min %1  max %2  mean %3  std dev %4%5")
                   .arg(number(b.statistics->min), number(b.statistics->max), number(b.statistics->mean),
                        number(b.statistics->stdDev),
                        b.statistics->approximate ? QCoreApplication::translate("InfoCommand", "  (approximate)") : QString());
  }
  for (const auto& w : info.warnings) lines << QCoreApplication::translate("InfoCommand", "Warning:     %1").arg(qs(w));
  return lines.join(QLatin1Char('\n'));
}

nlohmann::json rasterInfoJson(const raster::RasterInfo& info) {
  nlohmann::json j;
  j["type"] = "raster";
  j["path"] = text::displayPath(info.path);
  j["driver"] = info.driver;
  j["driver_long_name"] = info.driverLongName;
  j["width"] = info.width;
  j["height"] = info.height;
  j["crs"] = crsJson(info.crsWkt, info.epsg, info.extent);
  j["extent"] = extentJson(info.extent);
  j["lonlat_extent"] = info.lonLatExtent ? extentJson(*info.lonLatExtent) : nlohmann::json(nullptr);
  j["geotransform"] = info.geoTransform;
  j["pixel_size"] = {info.pixelSizeX, info.pixelSizeY};
  j["block_size"] = {info.blockSize.first, info.blockSize.second};
  j["compression"] = info.compression;
  nlohmann::json overviews = nlohmann::json::array();
  for (const auto& [w, h] : info.overviewSizes) overviews.push_back({w, h});
  j["overviews"] = overviews;
  nlohmann::json bands = nlohmann::json::array();
  for (const auto& b : info.bands) {
    nlohmann::json band{{"index", b.index},
                        {"data_type", b.dataType},
                        {"description", b.description},
                        {"color_interpretation", b.colorInterpretation},
                        {"role", std::string(raster::bandRoleName(b.role.role))},
                        {"role_source", b.role.source},
                        {"scale", b.scale},
                        {"offset", b.offset},
                        {"overview_count", b.overviewCount}};
    band["nodata"] = b.noData ? nlohmann::json(*b.noData) : nlohmann::json(nullptr);
    if (b.statistics)
      band["statistics"] = {{"min", b.statistics->min},   {"max", b.statistics->max},
                            {"mean", b.statistics->mean}, {"std_dev", b.statistics->stdDev},
                            {"approximate", b.statistics->approximate}};
    bands.push_back(std::move(band));
  }
  j["bands"] = bands;
  j["warnings"] = warningsJson(info.warnings);
  return j;
}

QString vectorInfoText(const vector::VectorInfo& info) {
  QStringList lines;
  lines << QCoreApplication::translate("InfoCommand", "File:        %1").arg(qs(text::displayPath(info.path)));
  lines << QCoreApplication::translate("InfoCommand", "Driver:      %1 (%2)").arg(qs(info.driver), qs(info.driverLongName));
  lines << QCoreApplication::translate("InfoCommand", "Layers:      %1").arg(info.layers.size());
  for (const auto& l : info.layers) {
    const int decimals = decimalsFor(l.lonLatExtent, l.extent);
    lines << QString();
    lines << QCoreApplication::translate("InfoCommand", "Layer:       %1").arg(qs(l.name));
    lines << QCoreApplication::translate("InfoCommand", "Geometry:    %1").arg(qs(l.geometryType));
    lines << QCoreApplication::translate("InfoCommand", "Features:    %1").arg(l.featureCount);
    lines << crsText(l.crsWkt, l.epsg, l.extent);
    lines << QCoreApplication::translate("InfoCommand", "Extent:      %1").arg(extentText(l.extent, decimals));
    lines << QCoreApplication::translate("InfoCommand", "Lon/lat:     %1").arg(lonLatText(l.lonLatExtent));
    lines << QCoreApplication::translate("InfoCommand", "Encoding:    %1 (%2)").arg(qs(l.encoding), qs(l.encodingSource));
    lines << QCoreApplication::translate("InfoCommand", "Invalid geometries: %1, empty: %2").arg(l.invalidGeometryCount).arg(l.emptyGeometryCount);
    if (l.isPolygonal)
      lines << QCoreApplication::translate("InfoCommand", "Polygon area: %1 m² = %2 mu (亩) = %3 ha, %4")
                   .arg(number(l.polygonAreaSquareMetres), number(l.polygonAreaMu),
                        number(l.polygonAreaSquareMetres / 10000.0, 4), qs(l.areaMethod));
    lines << QCoreApplication::translate("InfoCommand", "Fields (%1):").arg(l.fields.size());
    for (const auto& f : l.fields) {
      QString line = QStringLiteral("  %1  %2").arg(qs(f.name), -12).arg(qs(f.type));
      if (f.width > 0) line += QStringLiteral("(%1%2)").arg(f.width).arg(f.precision > 0 ? QStringLiteral(".%1").arg(f.precision) : QString());
      lines << line;
    }
    for (const auto& w : l.warnings) lines << QCoreApplication::translate("InfoCommand", "Warning:     %1").arg(qs(w));
  }
  return lines.join(QLatin1Char('\n'));
}

nlohmann::json vectorInfoJson(const vector::VectorInfo& info) {
  nlohmann::json j;
  j["type"] = "vector";
  j["path"] = text::displayPath(info.path);
  j["driver"] = info.driver;
  j["driver_long_name"] = info.driverLongName;
  nlohmann::json layers = nlohmann::json::array();
  for (const auto& l : info.layers) {
    nlohmann::json layer;
    layer["name"] = l.name;
    layer["geometry_type"] = l.geometryType;
    layer["feature_count"] = l.featureCount;
    layer["crs"] = crsJson(l.crsWkt, l.epsg, l.extent);
    layer["extent"] = extentJson(l.extent);
    layer["lonlat_extent"] = l.lonLatExtent ? extentJson(*l.lonLatExtent) : nlohmann::json(nullptr);
    layer["encoding"] = l.encoding;
    layer["encoding_source"] = l.encodingSource;
    layer["invalid_geometry_count"] = l.invalidGeometryCount;
    layer["empty_geometry_count"] = l.emptyGeometryCount;
    layer["polygonal"] = l.isPolygonal;
    layer["area_m2"] = l.polygonAreaSquareMetres;
    layer["area_mu"] = l.polygonAreaMu;
    layer["area_method"] = l.areaMethod;
    nlohmann::json fields = nlohmann::json::array();
    for (const auto& f : l.fields)
      fields.push_back({{"name", f.name}, {"type", f.type}, {"width", f.width}, {"precision", f.precision}});
    layer["fields"] = fields;
    layer["warnings"] = warningsJson(l.warnings);
    layers.push_back(std::move(layer));
  }
  j["layers"] = layers;
  return j;
}

}  // namespace onemap::cli
