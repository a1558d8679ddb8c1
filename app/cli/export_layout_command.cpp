#include "export_layout_command.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>

#include <nlohmann/json.hpp>

#include "cli_io.h"
#include "layout_source.h"
#include "onemap/base/text.h"
#include "onemap/sheet/atlas_export.h"
#include "onemap/sheet/sheet_export.h"
#include "progress_printer.h"

namespace onemap::cli {
namespace {


/// The atlas feature with code `code` (read with the atlas' own filter and code = 'code').
Result<sheet::AtlasFeature> atlasFeature(const LayoutSource& source, const std::string& code, Feedback& feedback) {
  if (source.layout.atlas.coverageLayerId.empty())
    return fail(ErrorCode::InvalidInput, "the layout has no atlas, so --feature cannot pick a sheet",
                source.layout.name, "Drop --feature, or use a layout with an atlas (--template village).");
  std::string quoted;
  for (char c : code) quoted += c == '\'' ? std::string("''") : std::string(1, c);
  auto features = sheet::readAtlasFeatures(source.project, source.layout.atlas, source.project.crs,
                                           "\"" + source.layout.atlas.codeField + "\" = '" + quoted + "'", feedback);
  if (!features) return fail(features.error());
  if (features->empty())
    return fail(ErrorCode::NotFound, "no coverage feature has " + source.layout.atlas.codeField + " = " + code,
                "layer " + source.layout.atlas.coverageLayerId, "Check the code (onemap-cli info on the layer lists them).");
  sheet::AtlasFeature feature = features->front();
  return feature;
}

}  // namespace

int runExportLayoutCommand(const CommandLine& line) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      QCoreApplication::translate("ExportLayoutCommand", "Export one map sheet of a project to PDF (vector, searchable text), PNG (with a .pgw world file and .prj) "
         "or GeoTIFF, georeferenced to the sheet's main map frame. The format follows the output's extension."));
  parser.addHelpOption();
  LayoutOptions layoutOptions;
  layoutOptions.addTo(parser);
  const QCommandLineOption out(QStringLiteral("out"), QCoreApplication::translate("ExportLayoutCommand", "Output file: .pdf, .png or .tif"), QStringLiteral("FILE"));
  const QCommandLineOption dpi(QStringLiteral("dpi"), QCoreApplication::translate("ExportLayoutCommand", "Resolution of raster output and of images in the PDF [the layout's, 300]"), QStringLiteral("DPI"));
  const QCommandLineOption feature(QStringLiteral("feature"), QCoreApplication::translate("ExportLayoutCommand", "Atlas layouts: draw the sheet of the coverage feature with this code (e.g. a ZLDWDM village code)"), QStringLiteral("CODE"));
  const QCommandLineOption overwrite(QStringLiteral("overwrite"), QCoreApplication::translate("ExportLayoutCommand", "Replace the output file if it exists"));
  const QCommandLineOption json(QStringLiteral("json"), QCoreApplication::translate("ExportLayoutCommand", "Print a JSON summary on stdout"));
  const QCommandLineOption quiet(QStringLiteral("quiet"), QCoreApplication::translate("ExportLayoutCommand", "Do not print progress"));
  for (const auto& o : {out, dpi, feature, overwrite, json, quiet}) parser.addOption(o);
  if (!parser.parse(QStringList{QStringLiteral("onemap-cli export-layout")} + line.args)) {
    printErr(QCoreApplication::translate("ExportLayoutCommand", "onemap-cli export-layout: %1 (see --help)").arg(parser.errorText()));
    return kExitUsage;
  }
  if (parser.isSet(QStringLiteral("help"))) {
    printOut(parser.helpText());
    return kExitOk;
  }
  if (!parser.isSet(out)) {
    printErr(QCoreApplication::translate("ExportLayoutCommand", "onemap-cli export-layout: --out is required (see --help)"));
    return kExitUsage;
  }
  const std::filesystem::path file = line.path(parser.value(out));
  const auto format = sheet::formatForPath(file);
  if (!format) {
    printErr(QCoreApplication::translate("ExportLayoutCommand", "onemap-cli export-layout: cannot tell the format of %1: use .pdf, .png or .tif")
                 .arg(qs(text::displayPath(file))));
    return kExitUsage;
  }
  auto source = loadLayoutSource(parser, layoutOptions, line);
  if (!source) return reportError(source.error());
  sheet::ExportOptions options;
  options.format = *format;
  options.dpi = source->layout.exportDpi > 0 ? source->layout.exportDpi : 300.0;
  if (parser.isSet(dpi)) {
    bool ok = false;
    options.dpi = parser.value(dpi).toDouble(&ok);
    if (!ok) {
      printErr(QCoreApplication::translate("ExportLayoutCommand", "onemap-cli export-layout: --dpi must be a number (see --help)"));
      return kExitUsage;
    }
  }
  options.overwrite = parser.isSet(overwrite);

  Feedback feedback = stderrProgress(parser.isSet(quiet));
  sheet::SheetContext context;
  context.project = &source->project;
  context.projectFile = source->projectFile;
  context.mapCrs = source->project.crs;
  std::optional<sheet::AtlasFeature> atlas;
  if (parser.isSet(feature)) {
    Feedback reading = feedback.subRange(0.0, 0.02);
    auto found = atlasFeature(*source, parser.value(feature).toStdString(), reading);
    if (!found) return reportError(found.error());
    atlas = std::move(*found);
    atlas->index = 0;
    atlas->count = 1;
    context.atlas = &*atlas;
    source->layout.atlas.enabled = true;
  }
  QElapsedTimer timer;
  timer.start();
  QStringList problems;
  Feedback drawing = feedback.subRange(0.02, 1.0);
  if (auto st = sheet::exportSheet(source->layout, context, file, options, drawing, &problems); !st)
    return reportError(st.error());
  const double seconds = double(timer.nsecsElapsed()) / 1e9;
  for (const QString& problem : problems) printErr(QCoreApplication::translate("ExportLayoutCommand", "onemap-cli: warning: %1").arg(problem));
  if (parser.isSet(json)) {
    nlohmann::json warnings = nlohmann::json::array();
    for (const QString& problem : problems) warnings.push_back(problem.toStdString());
    nlohmann::json j{{"output", text::displayPath(std::filesystem::absolute(file))},
                     {"layout", source->layout.name},
                     {"dpi", options.dpi},
                     {"seconds", seconds},
                     {"warnings", warnings}};
    if (atlas) j["feature"] = {{"code", atlas->code}, {"name", atlas->name}};
    printOut(qs(j.dump(2)));
  } else {
    printOut(QCoreApplication::translate("ExportLayoutCommand", "Sheet \"%1\" written to %2 in %3 s")
                 .arg(qs(source->layout.name), qs(text::displayPath(file)))
                 .arg(seconds, 0, 'f', 1));
  }
  return kExitOk;
}

}  // namespace onemap::cli
