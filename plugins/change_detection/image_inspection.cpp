#include "image_inspection.h"

#include <QCoreApplication>

#include "onemap/raster/acquisition_date.h"
#include "onemap/raster/raster_info.h"

namespace onemap::plugins {
namespace {

/// A QDate of "YYYY-MM-DD" (already checked), invalid when there is none.
QDate toDate(const std::optional<std::string>& text) {
  return text ? QDate::fromString(QString::fromStdString(*text), Qt::ISODate) : QDate();
}

QString metres(double value) { return QString::number(value, 'f', 2); }

}  // namespace

QDate dateFromMetadata(const std::vector<std::pair<std::string, std::string>>& metadata) {
  return toDate(raster::dateFromMetadata(metadata));
}

QDate dateFromFileName(const QString& name) { return toDate(raster::dateFromFileName(name.toStdString())); }

ImageFacts inspectImage(const std::filesystem::path& image) {
  ImageFacts facts;
  raster::RasterInfoOptions options;
  options.computeStatistics = false;  // the header only: band roles, metadata, grid
  auto info = raster::readRasterInfo(image, options);
  if (!info) {
    facts.error = QString::fromStdString(info.error().text());
    return facts;
  }
  facts.bands = QString::fromStdString(info->bandRoles().summary());
  if (facts.date = dateFromMetadata(info->metadata); facts.date.isValid()) {
    facts.dateSource = DateSource::Metadata;
  } else if (facts.date = dateFromFileName(QString::fromStdString(image.filename().string())); facts.date.isValid()) {
    facts.dateSource = DateSource::FileName;
  }
  if (!info->hasGeoTransform) {
    facts.gridError = QCoreApplication::translate("DetectionDialog", "not georeferenced (pixel coordinates only)");
    return facts;
  }
  auto scale = proj::groundScale(info->crsWkt, info->geoTransform, info->width, info->height);
  if (scale) facts.grid = *scale;
  else facts.gridError = QString::fromStdString(scale.error().text());
  return facts;
}

std::optional<DatePair> proposeByDate(const std::vector<QDate>& dates) {
  DatePair pair;
  for (int i = 0; i < int(dates.size()); ++i)
    if (dates[std::size_t(i)].isValid() && (pair.after < 0 || dates[std::size_t(i)] > dates[std::size_t(pair.after)]))
      pair.after = i;
  if (pair.after < 0) return std::nullopt;
  const QDate later = dates[std::size_t(pair.after)];
  for (int i = 0; i < int(dates.size()); ++i) {
    const QDate& date = dates[std::size_t(i)];
    if (date.isValid() && date < later && (pair.before < 0 || date > dates[std::size_t(pair.before)])) pair.before = i;
  }
  if (pair.before < 0) return std::nullopt;
  return pair;
}

QString gridText(const QString& crs, bool geographic, double pixelWidthM, double pixelHeightM) {
  if (crs.isEmpty() && !(pixelWidthM > 0 && pixelHeightM > 0)) return {};
  const QString name = crs.isEmpty() ? QCoreApplication::translate("DetectionDialog", "no CRS") : crs;
  return (geographic ? QCoreApplication::translate("DetectionDialog", "%1 (geographic), pixel %2 × %3 m") : QCoreApplication::translate("DetectionDialog", "%1, pixel %2 × %3 m"))
      .arg(name, metres(pixelWidthM), metres(pixelHeightM));
}

QString gridText(const proj::GroundScale& grid) {
  if (!grid.metric)
    return QCoreApplication::translate("DetectionDialog", "no CRS (units taken as metres), pixel %1 × %2 m").arg(metres(grid.pixelWidthM), metres(grid.pixelHeightM));
  return gridText(QString::fromStdString(grid.crsName), grid.geographic, grid.pixelWidthM, grid.pixelHeightM);
}

}  // namespace onemap::plugins
