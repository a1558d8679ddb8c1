#include "detect_command.h"

#include <cmath>

#include <QCommandLineParser>
#include <QCoreApplication>

#include <memory>
#include <nlohmann/json.hpp>

#include "cli_io.h"
#include "onemap/base/text.h"
#include "onemap/base/units.h"
#include "onemap/change/change_detector.h"
#include "onemap/change_text/run_warning_text.h"
#include "progress_printer.h"

namespace onemap::cli {
namespace {

/// "Grid: EPSG:4326 WGS 84 (geographic), pixel 8.50 × 12.60 m": the CRS and ground pixel size
/// the run worked on (the earlier image's grid); empty when the detector did not say.
QString gridLine(const change::ChangeSummary& summary) {
  if (summary.crs.empty() && !(summary.pixelWidthM > 0 && summary.pixelHeightM > 0)) return {};
  const QString crs = summary.crs.empty() ? QCoreApplication::translate("DetectCommand", "no CRS") : qs(summary.crs);
  const QString width = QString::number(summary.pixelWidthM, 'f', 2);
  const QString height = QString::number(summary.pixelHeightM, 'f', 2);
  return summary.geographicGrid
             ? QCoreApplication::translate("DetectCommand", "Grid: %1 (geographic), pixel %2 × %3 m").arg(crs, width, height)
             : QCoreApplication::translate("DetectCommand", "Grid: %1, pixel %2 × %3 m").arg(crs, width, height);
}

}  // namespace

int runDetectCommand(const CommandLine& line) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      QCoreApplication::translate("DetectCommand", "Find 非农化 (cropland → buildings, roads, hardened ground) and 非粮化 (cropland → orchards, forest, "
         "ponds) between two image dates and write attributed change patches with a per-village summary to a "
         "GeoPackage. Layers are given as FILE or FILE:LAYER."));
  parser.addHelpOption();
  const QCommandLineOption before(QStringLiteral("before"), QCoreApplication::translate("DetectCommand", "Earlier image (GeoTIFF, COG, VRT…)"), QStringLiteral("IMAGE"));
  const QCommandLineOption after(QStringLiteral("after"), QCoreApplication::translate("DetectCommand", "Later image (any grid and CRS: aligned to the earlier one)"), QStringLiteral("IMAGE"));
  const QCommandLineOption cropland(QStringLiteral("cropland"), QCoreApplication::translate("DetectCommand", "Cropland layer (a 三调 DLTB layer: DLBM 01xx is used); without it every pixel is a candidate"), QStringLiteral("LAYER"));
  const QCommandLineOption pbf(QStringLiteral("pbf"), QCoreApplication::translate("DetectCommand", "Permanent basic farmland layer (optional)"), QStringLiteral("LAYER"));
  const QCommandLineOption villages(QStringLiteral("villages"), QCoreApplication::translate("DetectCommand", "Village boundaries with ZLDWDM/ZLDWMC (optional)"), QStringLiteral("LAYER"));
  const QCommandLineOption redLine(QStringLiteral("red-line"), QCoreApplication::translate("DetectCommand", "Ecological protection red line (optional)"), QStringLiteral("LAYER"));
  const QCommandLineOption out(QStringLiteral("out"), QCoreApplication::translate("DetectCommand", "Output GeoPackage"), QStringLiteral("FILE"));
  const QCommandLineOption overwrite(QStringLiteral("overwrite"), QCoreApplication::translate("DetectCommand", "Replace the output file if it exists"));
  const QCommandLineOption beforeBands(QStringLiteral("before-bands"), QCoreApplication::translate("DetectCommand", "Band roles of the earlier image, e.g. blue=1,green=2,red=3,nir=4"), QStringLiteral("ROLES"));
  const QCommandLineOption afterBands(QStringLiteral("after-bands"), QCoreApplication::translate("DetectCommand", "Band roles of the later image"), QStringLiteral("ROLES"));
  const QCommandLineOption beforeDate(QStringLiteral("before-date"), QCoreApplication::translate("DetectCommand", "Date of the earlier image (default: from its metadata or name)"), QStringLiteral("DATE"));
  const QCommandLineOption afterDate(QStringLiteral("after-date"), QCoreApplication::translate("DetectCommand", "Date of the later image"), QStringLiteral("DATE"));
  const QCommandLineOption json(QStringLiteral("json"), QCoreApplication::translate("DetectCommand", "Print a JSON summary on stdout"));
  const QCommandLineOption quiet(QStringLiteral("quiet"), QCoreApplication::translate("DetectCommand", "Do not print progress"));
  for (const auto& o : {before, after, cropland, pbf, villages, redLine, out, overwrite, beforeBands, afterBands,
                        beforeDate, afterDate, json, quiet})
    parser.addOption(o);
  // The algorithm's own parameters, from its declaration.
  std::vector<std::unique_ptr<QCommandLineOption>> parameterOptions;
  for (const auto& spec : change::parameterSpecs()) {
    const QString name = QString::fromStdString(spec.name);
    const QString help = QCoreApplication::translate("ParameterSpec", spec.help.c_str()) +
                         QStringLiteral(" [%1]").arg(spec.type == change::ParameterSpec::Type::Boolean
                                                         ? (spec.defaultValue != 0 ? QStringLiteral("true") : QStringLiteral("false"))
                                                         : QString::number(spec.defaultValue));
    parameterOptions.push_back(std::make_unique<QCommandLineOption>(name, help, QStringLiteral("VALUE")));
    parser.addOption(*parameterOptions.back());
  }
  if (!parser.parse(QStringList{QStringLiteral("onemap-cli detect")} + line.args)) {
    printErr(QCoreApplication::translate("DetectCommand", "onemap-cli detect: %1 (see --help)").arg(parser.errorText()));
    return kExitUsage;
  }
  if (parser.isSet(QStringLiteral("help"))) {
    printOut(parser.helpText());
    return kExitOk;
  }
  // --cropland is optional: without it every pixel is a candidate (e.g. a reference pair with no
  // 三调 layer) and the patches carry no QDLBM.
  for (const auto* required : {&before, &after, &out})
    if (!parser.isSet(*required)) {
      printErr(QCoreApplication::translate("DetectCommand", "onemap-cli detect: --%1 is required (see --help)").arg(required->names().first()));
      return kExitUsage;
    }
  std::map<std::string, std::string> values;
  for (const auto& option : parameterOptions)
    if (parser.isSet(*option)) values[option->names().first().toStdString()] = parser.value(*option).toStdString();
  auto parameters = change::ChangeParameters::fromValues(values);
  if (!parameters) {
    printErr(QCoreApplication::translate("DetectCommand", "onemap-cli detect: %1 (see --help)").arg(qs(parameters.error().text())));
    return kExitUsage;
  }

  change::ChangeInputs inputs;
  inputs.before = line.path(parser.value(before));
  inputs.after = line.path(parser.value(after));
  if (parser.isSet(cropland)) inputs.cropland = line.layerRef(parser.value(cropland));
  if (parser.isSet(pbf)) inputs.pbf = line.layerRef(parser.value(pbf));
  if (parser.isSet(villages)) inputs.villages = line.layerRef(parser.value(villages));
  if (parser.isSet(redLine)) inputs.redLine = line.layerRef(parser.value(redLine));
  inputs.output = line.path(parser.value(out));
  inputs.overwrite = parser.isSet(overwrite);
  inputs.beforeBands = parser.value(beforeBands).toStdString();
  inputs.afterBands = parser.value(afterBands).toStdString();
  inputs.beforeDate = parser.value(beforeDate).toStdString();
  inputs.afterDate = parser.value(afterDate).toStdString();

  Feedback feedback = stderrProgress(parser.isSet(quiet));
  auto summary = change::detectChanges(inputs, *parameters, feedback);
  if (!summary) return reportError(summary.error());
  if (parser.isSet(json)) {
    nlohmann::json villagesJson = nlohmann::json::array();
    for (const auto& row : summary->villages)
      villagesJson.push_back({{"ZLDWDM", row.villageCode}, {"ZLDWMC", row.villageName}, {"BHLX", row.type},
                              {"count", row.count}, {"area_m2", row.areaM2}, {"pbf_area_m2", row.pbfAreaM2}});
    nlohmann::json warningsJson = nlohmann::json::array();
    for (const auto& w : summary->warnings) warningsJson.push_back(change_text::runWarningText(w).toStdString());
    nlohmann::json j{{"output", text::displayPath(std::filesystem::absolute(inputs.output))},
                     {"patches", summary->patches},
                     {"area_m2", summary->areaM2},
                     {"by_subtype", summary->bySubtype},
                     {"threshold", std::isfinite(summary->threshold) ? nlohmann::json(summary->threshold)
                                                                     : nlohmann::json(nullptr)},
                     {"median_magnitude", summary->medianMagnitude},
                     {"warnings", warningsJson},
                     {"bands", summary->bands},
                     {"gains", summary->gains},
                     {"offsets", summary->offsets},
                     {"invariant_pixels", summary->invariantPixels},
                     {"pixels", summary->pixels},
                     {"crs", summary->crs.empty() ? nlohmann::json(nullptr) : nlohmann::json(summary->crs)},
                     {"geographic_grid", summary->geographicGrid},
                     {"pixel_width_m", summary->pixelWidthM},
                     {"pixel_height_m", summary->pixelHeightM},
                     {"seconds", summary->seconds},
                     {"mpx_per_second", summary->seconds > 0 ? double(summary->pixels) / 1e6 / summary->seconds : 0.0},
                     {"villages", villagesJson}};
    printOut(qs(j.dump(2)));
  } else {
    printOut(QCoreApplication::translate("DetectCommand", "%1 change patches (%2 m² = %3 亩) written to %4 in %5 s")
                 .arg(summary->patches)
                 .arg(summary->areaM2, 0, 'f', 0)
                 .arg(units::squareMetresToMu(summary->areaM2), 0, 'f', 1)
                 .arg(qs(text::displayPath(inputs.output)))
                 .arg(summary->seconds, 0, 'f', 1));
    if (const QString grid = gridLine(*summary); !grid.isEmpty()) printOut(grid);
    for (const auto& w : summary->warnings)
      printOut(QCoreApplication::translate("DetectCommand", "Warning: %1").arg(change_text::runWarningText(w)));
  }
  return kExitOk;
}

}  // namespace onemap::cli
