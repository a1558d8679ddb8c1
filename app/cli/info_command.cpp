#include "info_command.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <nlohmann/json.hpp>

#include <system_error>

#include "cli_io.h"
#include "info_report.h"
#include "onemap/base/text.h"
#include "onemap/raster/raster_info.h"
#include "onemap/vector/vector_info.h"

namespace onemap::cli {
namespace {

struct InfoRequest {
  std::filesystem::path path;
  bool json = false;
  bool statistics = true;
  bool exactStatistics = false;
  std::string layer;
  vector::OpenOptions open;
};

int printRaster(const raster::RasterInfo& info, bool json) {
  if (json) printOut(qs(rasterInfoJson(info).dump(2)));
  else printOut(rasterInfoText(info));
  return kExitOk;
}

int printVector(const vector::VectorInfo& info, bool json) {
  if (json) printOut(qs(vectorInfoJson(info).dump(2)));
  else printOut(vectorInfoText(info));
  return kExitOk;
}

int describe(const InfoRequest& request) {
  std::error_code ec;
  const auto status = std::filesystem::status(request.path, ec);
  if (!std::filesystem::exists(status))
    return reportError(Error{ErrorCode::NotFound, "file does not exist", text::displayPath(request.path),
                             "Check the path and the spelling of the file name."});
  const bool isFolder = std::filesystem::is_directory(status);
  const bool folderIsGdb = request.path.extension() == ".gdb";

  // A GeoPackage can hold both; rasters are tried first unless a layer was asked for.
  if (request.layer.empty() && !(isFolder && folderIsGdb) && request.open.encoding.empty()) {
    raster::RasterInfoOptions options;
    options.computeStatistics = request.statistics;
    options.approximateStatistics = !request.exactStatistics;
    auto rasterInfo = raster::readRasterInfo(request.path, options);
    if (rasterInfo) return printRaster(*rasterInfo, request.json);
    if (rasterInfo.error().code != ErrorCode::Unsupported) return reportError(rasterInfo.error());
  }
  auto vectorInfo = vector::readVectorInfo(request.path, request.open, request.layer);
  if (vectorInfo) return printVector(*vectorInfo, request.json);
  return reportError(vectorInfo.error());
}

}  // namespace

int runInfoCommand(const CommandLine& line) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      QCoreApplication::translate("InfoCommand", "Describe a raster or vector file: driver, CRS (EPSG, Chinese and English name, axis "
         "order), extent in the CRS and in lon/lat, pixel size, bands with roles and statistics, "
         "overviews; for vectors every layer with geometry type, feature count, fields, encoding, "
         "invalid geometries and polygon area in m² and mu (亩)."));
  parser.addHelpOption();
  parser.addPositionalArgument(QStringLiteral("FILE"), QCoreApplication::translate("InfoCommand", "Raster or vector file (or .gdb folder)"));
  const QCommandLineOption jsonOption(QStringLiteral("json"), QCoreApplication::translate("InfoCommand", "Print JSON instead of text"));
  const QCommandLineOption layerOption(QStringLiteral("layer"), QCoreApplication::translate("InfoCommand", "Describe only this vector layer"),
                                       QStringLiteral("NAME"));
  const QCommandLineOption encodingOption(
      QStringLiteral("encoding"),
      QCoreApplication::translate("InfoCommand", "Attribute encoding of a Shapefile DBF (GB18030, GBK, UTF-8...); default: detect"),
      QStringLiteral("ENC"));
  const QCommandLineOption noStatsOption(QStringLiteral("no-stats"), QCoreApplication::translate("InfoCommand", "Skip band statistics"));
  const QCommandLineOption exactStatsOption(QStringLiteral("exact-stats"),
                                            QCoreApplication::translate("InfoCommand", "Compute band statistics from every pixel (slow)"));
  const QCommandLineOption xOption(QStringLiteral("x-field"), QCoreApplication::translate("InfoCommand", "CSV: column of X / longitude"),
                                   QStringLiteral("NAME"));
  const QCommandLineOption yOption(QStringLiteral("y-field"), QCoreApplication::translate("InfoCommand", "CSV: column of Y / latitude"),
                                   QStringLiteral("NAME"));
  const QCommandLineOption wktOption(QStringLiteral("wkt-field"), QCoreApplication::translate("InfoCommand", "CSV: column of WKT geometry"),
                                     QStringLiteral("NAME"));
  const QCommandLineOption crsOption(QStringLiteral("csv-crs"),
                                     QCoreApplication::translate("InfoCommand", "CSV: CRS of the coordinates, e.g. EPSG:4490"),
                                     QStringLiteral("CRS"));
  for (const auto& o : {jsonOption, layerOption, encodingOption, noStatsOption, exactStatsOption,
                        xOption, yOption, wktOption, crsOption})
    parser.addOption(o);

  if (!parser.parse(QStringList{QStringLiteral("onemap-cli info")} + line.args)) {
    printErr(QCoreApplication::translate("InfoCommand", "onemap-cli info: %1 (see onemap-cli info --help)").arg(parser.errorText()));
    return kExitUsage;
  }
  if (parser.isSet(QStringLiteral("help"))) {
    printOut(parser.helpText());
    return kExitOk;
  }
  const QStringList positional = parser.positionalArguments();
  if (positional.size() != 1) {
    printErr(QCoreApplication::translate("InfoCommand", "onemap-cli info: give exactly one FILE (see onemap-cli info --help)"));
    return kExitUsage;
  }
  InfoRequest request;
  request.path = line.path(positional.first());
  request.json = parser.isSet(jsonOption);
  request.statistics = !parser.isSet(noStatsOption);
  request.exactStatistics = parser.isSet(exactStatsOption);
  request.layer = parser.value(layerOption).toStdString();
  request.open.encoding = parser.value(encodingOption).toStdString();
  request.open.csvXField = parser.value(xOption).toStdString();
  request.open.csvYField = parser.value(yOption).toStdString();
  request.open.csvWktField = parser.value(wktOption).toStdString();
  request.open.csvCrs = parser.value(crsOption).toStdString();
  return describe(request);
}

}  // namespace onemap::cli
