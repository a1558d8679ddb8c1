#include "export_atlas_command.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <nlohmann/json.hpp>

#include "cli_io.h"
#include "layout_source.h"
#include "onemap/base/text.h"
#include "onemap/project/project.h"
#include "onemap/sheet/atlas_export.h"
#include "onemap/sheet/standard_template.h"
#include "progress_printer.h"

namespace onemap::cli {
namespace {

/// The layer id `--coverage` means: a layer id, "villages" (the project's village boundary
/// layer), or a layer's name or GeoPackage layer name ("CJDCQ"); unknown values pass through so
/// that the atlas names them with the list of layers.
std::string coverageLayerId(const project::Project& project, const std::string& value) {
  for (const auto& layer : project.layers)
    if (layer.id == value) return value;
  if (value == "villages")
    if (std::string id = sheet::villageLayerId(project); !id.empty()) return id;
  for (const auto& layer : project.layers)
    if (layer.name == value || layer.layerName == value) return layer.id;
  return value;
}

}  // namespace

namespace {


std::optional<sheet::ExportFormat> formatNamed(const QString& name) {
  const QString n = name.toLower();
  if (n == QLatin1String("pdf")) return sheet::ExportFormat::Pdf;
  if (n == QLatin1String("png")) return sheet::ExportFormat::Png;
  if (n == QLatin1String("tif") || n == QLatin1String("tiff") || n == QLatin1String("geotiff"))
    return sheet::ExportFormat::GeoTiff;
  return std::nullopt;
}

const char* formatId(sheet::ExportFormat format) {
  switch (format) {
    case sheet::ExportFormat::Pdf: return "pdf";
    case sheet::ExportFormat::Png: return "png";
    case sheet::ExportFormat::GeoTiff: return "tif";
  }
  return "pdf";
}

}  // namespace

int runExportAtlasCommand(const CommandLine& line) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      QCoreApplication::translate("ExportAtlasCommand", "Export an atlas: one map sheet per feature of the coverage layer (villages by default: 一村一图), each "
         "zoomed to its feature with the outside dimmed and the variables and tables filled, as one file per "
         "sheet named by code and name, or as one multi-page PDF. A failing sheet is reported; the others still "
         "come out."));
  parser.addHelpOption();
  LayoutOptions layoutOptions;
  layoutOptions.addTo(parser);
  const QCommandLineOption coverage(QStringLiteral("coverage"), QCoreApplication::translate("ExportAtlasCommand", "Coverage layer: its id or name, or \"villages\" for the village boundaries (default: the layout's atlas layer)"), QStringLiteral("LAYER"));
  const QCommandLineOption filter(QStringLiteral("filter"), QCoreApplication::translate("ExportAtlasCommand", "OGR SQL attribute filter on the coverage layer, e.g. \"ZLDWDM LIKE '320999101%'\""), QStringLiteral("SQL"));
  const QCommandLineOption out(QStringLiteral("out"), QCoreApplication::translate("ExportAtlasCommand", "Output folder (one file per sheet) or .pdf file (one multi-page PDF)"), QStringLiteral("DIR|FILE"));
  const QCommandLineOption format(QStringLiteral("format"), QCoreApplication::translate("ExportAtlasCommand", "pdf, png or tif [pdf]"), QStringLiteral("FORMAT"));
  const QCommandLineOption single(QStringLiteral("single-pdf"), QCoreApplication::translate("ExportAtlasCommand", "Write one multi-page PDF at --out (implied by an --out ending in .pdf)"));
  const QCommandLineOption dpi(QStringLiteral("dpi"), QCoreApplication::translate("ExportAtlasCommand", "Resolution of raster output and of images in the PDF [the layout's, 300]"), QStringLiteral("DPI"));
  const QCommandLineOption threads(QStringLiteral("threads"), QCoreApplication::translate("ExportAtlasCommand", "Sheets drawn at once [number of cores]"), QStringLiteral("N"));
  const QCommandLineOption overwrite(QStringLiteral("overwrite"), QCoreApplication::translate("ExportAtlasCommand", "Replace existing files"));
  const QCommandLineOption json(QStringLiteral("json"), QCoreApplication::translate("ExportAtlasCommand", "Print a JSON summary on stdout"));
  const QCommandLineOption quiet(QStringLiteral("quiet"), QCoreApplication::translate("ExportAtlasCommand", "Do not print progress"));
  for (const auto& o : {coverage, filter, out, format, single, dpi, threads, overwrite, json, quiet}) parser.addOption(o);
  if (!parser.parse(QStringList{QStringLiteral("onemap-cli export-atlas")} + line.args)) {
    printErr(QCoreApplication::translate("ExportAtlasCommand", "onemap-cli export-atlas: %1 (see --help)").arg(parser.errorText()));
    return kExitUsage;
  }
  if (parser.isSet(QStringLiteral("help"))) {
    printOut(parser.helpText());
    return kExitOk;
  }
  if (!parser.isSet(out)) {
    printErr(QCoreApplication::translate("ExportAtlasCommand", "onemap-cli export-atlas: --out is required (see --help)"));
    return kExitUsage;
  }
  sheet::AtlasOptions options;
  options.output = line.path(parser.value(out));
  const bool pdfFile = sheet::formatForPath(options.output) == sheet::ExportFormat::Pdf;
  options.singleFile = parser.isSet(single) || pdfFile;
  if (parser.isSet(format)) {
    const auto named = formatNamed(parser.value(format));
    if (!named) {
      printErr(QCoreApplication::translate("ExportAtlasCommand", "onemap-cli export-atlas: unknown --format '%1': use pdf, png or tif").arg(parser.value(format)));
      return kExitUsage;
    }
    options.format = *named;
  }
  if (options.singleFile && options.format != sheet::ExportFormat::Pdf) {
    printErr(QCoreApplication::translate("ExportAtlasCommand", "onemap-cli export-atlas: a single file is PDF only; give a folder for --format %1")
                 .arg(QString::fromLatin1(formatId(options.format))));
    return kExitUsage;
  }
  options.overwrite = parser.isSet(overwrite);
  options.extraFilter = parser.value(filter).toStdString();
  for (const auto* number : {&dpi, &threads})
    if (parser.isSet(*number)) {
      bool ok = false;
      const double value = parser.value(*number).toDouble(&ok);
      if (!ok || value <= 0) {
        printErr(QCoreApplication::translate("ExportAtlasCommand", "onemap-cli export-atlas: --%1 must be a positive number (see --help)").arg(number->names().first()));
        return kExitUsage;
      }
      if (number == &dpi) options.dpi = value;
      else options.threads = int(value);
    }

  auto source = loadLayoutSource(parser, layoutOptions, line);
  if (!source) return reportError(source.error());
  if (!parser.isSet(dpi) && source->layout.exportDpi > 0) options.dpi = source->layout.exportDpi;
  if (parser.isSet(coverage))
    source->layout.atlas.coverageLayerId = coverageLayerId(source->project, parser.value(coverage).toStdString());
  if (source->layout.atlas.coverageLayerId.empty())
    return reportError(Error{ErrorCode::InvalidInput, "the layout has no atlas coverage layer", source->layout.name,
                             "Give the village layer's id with --coverage LAYER_ID."});

  sheet::SheetContext context;
  context.project = &source->project;
  context.projectFile = source->projectFile;
  context.mapCrs = source->project.crs;
  Feedback feedback = stderrProgress(parser.isSet(quiet));
  auto report = sheet::exportAtlas(source->layout, context, options, feedback);
  if (!report) return reportError(report.error());
  for (const auto& w : report->warnings)
    printErr(QCoreApplication::translate("ExportAtlasCommand", "onemap-cli: warning: %1: %2").arg(qs(w.feature), qs(w.error)));
  for (const auto& f : report->failures)
    printErr(QCoreApplication::translate("ExportAtlasCommand", "onemap-cli: error: sheet %1 failed: %2").arg(qs(f.feature), qs(f.error)));
  const double perSheet = report->pages > 0 ? report->seconds / report->pages : 0.0;
  if (parser.isSet(json)) {
    nlohmann::json files = nlohmann::json::array(), failures = nlohmann::json::array(),
                   warnings = nlohmann::json::array();
    for (const auto& f : report->files) files.push_back(text::displayPath(std::filesystem::absolute(f)));
    for (const auto& f : report->failures) failures.push_back({{"feature", f.feature}, {"error", f.error}});
    for (const auto& w : report->warnings) warnings.push_back({{"feature", w.feature}, {"warning", w.error}});
    nlohmann::json j{{"layout", source->layout.name},
                     {"format", formatId(options.format)},
                     {"single_pdf", options.singleFile},
                     {"dpi", options.dpi},
                     {"sheets", report->sheets},
                     {"pages", report->pages},
                     {"files", files},
                     {"failures", failures},
                     {"warnings", warnings},
                     {"canceled", report->canceled},
                     {"seconds", report->seconds},
                     {"seconds_per_sheet", perSheet},
                     {"sheet_seconds", report->sheetSeconds}};
    printOut(qs(j.dump(2)));
  } else {
    printOut(QCoreApplication::translate("ExportAtlasCommand", "%1 of %2 sheets written to %3 in %4 s (%5 s per sheet)")
                 .arg(report->pages)
                 .arg(report->sheets)
                 .arg(qs(text::displayPath(options.output)))
                 .arg(report->seconds, 0, 'f', 1)
                 .arg(perSheet, 0, 'f', 2));
  }
  if (report->canceled) return kExitCanceled;
  return report->failures.empty() ? kExitOk : kExitBadInput;
}

}  // namespace onemap::cli
