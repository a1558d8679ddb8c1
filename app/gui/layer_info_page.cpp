#include "onemap/gui/layer_info_page.h"

#include <QFormLayout>
#include <QLabel>
#include <QLocale>

#include <filesystem>

#include "onemap/base/text.h"
#include "onemap/i18n/translations.h"
#include "onemap/proj/crs_description.h"
#include "onemap/project/project.h"
#include "onemap/raster/band_role.h"
#include "onemap/raster/raster_info.h"
#include "onemap/render/legend.h"
#include "onemap/vector/feature_reader.h"

namespace onemap::gui {

LayerInfoPage::LayerInfoPage(const project::LayerSpec& layer, QWidget* parent)
    : QWidget(parent), m_form(new QFormLayout(this)) {
  setObjectName(QStringLiteral("layerInfoPage"));
  addRow(tr("Source:"), QString::fromStdString(text::displayPath(layer.source)));
  std::error_code ec;
  const auto size = std::filesystem::file_size(layer.source, ec);
  if (!ec) addRow(tr("File size:"), QLocale().formattedDataSize(qint64(size)));
  if (layer.kind == project::LayerKind::Raster) addRasterRows(layer);
  else addVectorRows(layer);
}

void LayerInfoPage::addRow(const QString& label, const QString& value) {
  auto* text = new QLabel(value, this);
  text->setTextInteractionFlags(Qt::TextSelectableByMouse);
  text->setWordWrap(true);
  m_form->addRow(label, text);
}

QString LayerInfoPage::crsName(const std::string& wkt) const {
  if (wkt.empty()) return tr("none — assign one before measuring or overlaying");
  auto d = proj::describeCrs(wkt);
  if (!d) return tr("not recognised");
  const QString name = QString::fromStdString(i18n::isChinese() ? d->nameZh : d->nameEn);
  return d->epsg > 0 ? QStringLiteral("EPSG:%1 %2").arg(d->epsg).arg(name) : name;
}

void LayerInfoPage::addRasterRows(const project::LayerSpec& layer) {
  raster::RasterInfoOptions options;
  options.computeStatistics = false;
  auto info = raster::readRasterInfo(layer.source, options);
  if (!info) {
    addRow(tr("Problem:"), QString::fromStdString(info.error().text()));
    return;
  }
  addRow(tr("Format:"), QString::fromStdString(info->driverLongName));
  addRow(tr("Coordinate system:"), crsName(info->crsWkt));
  addRow(tr("Size:"), tr("%L1 × %L2 pixels, %3 bands").arg(info->width).arg(info->height).arg(info->bands.size()));
  addRow(tr("Pixel size:"), QStringLiteral("%1 × %2").arg(info->pixelSizeX, 0, 'g', 6).arg(info->pixelSizeY, 0, 'g', 6));
  addRow(tr("Extent:"), QStringLiteral("%1, %2 — %3, %4")
                            .arg(info->extent.minX(), 0, 'f', 2)
                            .arg(info->extent.minY(), 0, 'f', 2)
                            .arg(info->extent.maxX(), 0, 'f', 2)
                            .arg(info->extent.maxY(), 0, 'f', 2));
  addRow(tr("Overviews:"), info->overviewSizes.empty() ? tr("none (drawing zoomed out is slow)")
                                                       : QString::number(info->overviewSizes.size()));
  if (!info->compression.empty()) addRow(tr("Compression:"), QString::fromStdString(info->compression));
  QStringList bands;
  for (const auto& b : info->bands) {
    QString line = tr("Band %1: %2").arg(b.index).arg(QString::fromStdString(b.dataType));
    if (b.role.role != raster::BandRole::Unknown)
      line += QStringLiteral(" — ") + render::bandRoleDisplayName(std::string(raster::bandRoleName(b.role.role)));
    if (!b.description.empty()) line += QStringLiteral(" (") + QString::fromStdString(b.description) + QLatin1Char(')');
    bands << line;
  }
  addRow(tr("Bands:"), bands.join(QLatin1Char('\n')));
}

void LayerInfoPage::addVectorRows(const project::LayerSpec& layer) {
  vector::OpenOptions options;
  options.encoding = layer.encoding;
  auto reader = vector::FeatureReader::open(layer.source, layer.layerName, options);
  if (!reader) {
    addRow(tr("Problem:"), QString::fromStdString(reader.error().text()));
    return;
  }
  const auto& info = reader->layer();
  addRow(tr("Layer:"), QString::fromStdString(info.name));
  addRow(tr("Coordinate system:"), crsName(info.crsWkt));
  addRow(tr("Geometry:"), QString::fromStdString(info.geometryType));
  addRow(tr("Features:"), QLocale().toString(qlonglong(info.featureCount)));
  addRow(tr("Extent:"), QStringLiteral("%1, %2 — %3, %4")
                            .arg(info.extent.minX(), 0, 'f', 2)
                            .arg(info.extent.minY(), 0, 'f', 2)
                            .arg(info.extent.maxX(), 0, 'f', 2)
                            .arg(info.extent.maxY(), 0, 'f', 2));
  addRow(tr("Attribute encoding:"), tr("%1 (%2)").arg(QString::fromStdString(info.encoding),
                                                       QString::fromStdString(info.encodingSource)));
  QStringList fields;
  for (const auto& f : info.fields)
    fields << QStringLiteral("%1 (%2)").arg(QString::fromStdString(f.name), QString::fromStdString(f.type));
  addRow(tr("Fields:"), fields.join(QStringLiteral(", ")));
}

}  // namespace onemap::gui
