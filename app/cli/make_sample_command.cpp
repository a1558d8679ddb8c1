#include "make_sample_command.h"

#include <cmath>

#include <QCommandLineParser>
#include <QCoreApplication>

#include <nlohmann/json.hpp>

#include "cli_io.h"
#include "onemap/base/text.h"
#include "onemap/sample/sample_writer.h"
#include "progress_printer.h"

namespace onemap::cli {

int runMakeSampleCommand(const CommandLine& line) {
  QCommandLineParser parser;
  parser.setApplicationDescription(QCoreApplication::translate(
      "MakeSampleCommand",
      "Generate the synthetic sample county: two dates of GF-1-like imagery, 三调 land use, permanent "
      "basic farmland, villages, truth change patches and distractors, thematic layers and a styled project. "
      "The same seed always gives the same data."));
  parser.addHelpOption();
  const QCommandLineOption sizeOption(QStringLiteral("size"),
                                      QCoreApplication::translate("MakeSampleCommand", "small (seconds, for tests) or county (20 000 × 20 000 px, for benchmarks)"),
                                      QStringLiteral("SIZE"), QStringLiteral("small"));
  const QCommandLineOption seedOption(QStringLiteral("seed"), QCoreApplication::translate("MakeSampleCommand", "Random seed (a whole number)"),
                                      QStringLiteral("N"), QStringLiteral("1"));
  const QCommandLineOption outOption(QStringLiteral("out"), QCoreApplication::translate("MakeSampleCommand", "Output folder (must not exist)"),
                                     QStringLiteral("DIR"));
  const QCommandLineOption overwriteOption(QStringLiteral("overwrite"),
                                           QCoreApplication::translate("MakeSampleCommand", "Replace the output folder if it exists"));
  const QCommandLineOption noImageryOption(QStringLiteral("no-imagery"),
                                           QCoreApplication::translate("MakeSampleCommand", "Write vectors and the project only"));
  const QCommandLineOption shiftOption(QStringLiteral("misregistration"),
                                       QCoreApplication::translate("MakeSampleCommand", "Shift the second date by this many metres in x and y"),
                                       QStringLiteral("METRES"), QStringLiteral("0"));
  const QCommandLineOption threadsOption(QStringLiteral("threads"), QCoreApplication::translate("MakeSampleCommand", "Worker threads (0 = all cores)"),
                                         QStringLiteral("N"), QStringLiteral("0"));
  const QCommandLineOption jsonOption(QStringLiteral("json"), QCoreApplication::translate("MakeSampleCommand", "Print a JSON summary on stdout"));
  const QCommandLineOption quietOption(QStringLiteral("quiet"), QCoreApplication::translate("MakeSampleCommand", "Do not print progress"));
  for (const auto& o : {sizeOption, seedOption, outOption, overwriteOption, noImageryOption, shiftOption, threadsOption,
                        jsonOption, quietOption})
    parser.addOption(o);
  if (!parser.parse(QStringList{QStringLiteral("onemap-cli make-sample")} + line.args)) {
    printErr(QCoreApplication::translate("MakeSampleCommand", "onemap-cli make-sample: %1 (see --help)").arg(parser.errorText()));
    return kExitUsage;
  }
  if (parser.isSet(QStringLiteral("help"))) {
    printOut(parser.helpText());
    return kExitOk;
  }
  sample::SampleRequest request;
  const QString size = parser.value(sizeOption);
  if (size != QLatin1String("small") && size != QLatin1String("county")) {
    printErr(QCoreApplication::translate("MakeSampleCommand", "onemap-cli make-sample: --size must be small or county, not '%1'").arg(size));
    return kExitUsage;
  }
  request.scene.size = size == QLatin1String("county") ? sample::SampleSize::County : sample::SampleSize::Small;
  bool ok = false;
  request.scene.seed = parser.value(seedOption).toULongLong(&ok);
  if (!ok) {
    printErr(QCoreApplication::translate("MakeSampleCommand", "onemap-cli make-sample: --seed must be a whole number, not '%1'").arg(parser.value(seedOption)));
    return kExitUsage;
  }
  request.scene.misregistrationMetres = parser.value(shiftOption).toDouble(&ok);
  if (!ok || !std::isfinite(request.scene.misregistrationMetres) || request.scene.misregistrationMetres < 0 ||
      request.scene.misregistrationMetres > 100) {
    printErr(QCoreApplication::translate("MakeSampleCommand", "onemap-cli make-sample: --misregistration must be a number of metres from 0 to 100"));
    return kExitUsage;
  }
  request.threads = parser.value(threadsOption).toInt(&ok);
  if (!ok || request.threads < 0 || request.threads > 64) {
    printErr(QCoreApplication::translate("MakeSampleCommand", "onemap-cli make-sample: --threads must be a whole number from 0 (all cores) to 64, not '%1'")
                 .arg(parser.value(threadsOption)));
    return kExitUsage;
  }
  if (!parser.isSet(outOption) || parser.value(outOption).trimmed().isEmpty()) {
    printErr(QCoreApplication::translate("MakeSampleCommand", "onemap-cli make-sample: --out DIR is required"));
    return kExitUsage;
  }
  request.folder = line.path(parser.value(outOption));
  request.overwrite = parser.isSet(overwriteOption);
  request.imagery = !parser.isSet(noImageryOption);

  Feedback feedback = stderrProgress(parser.isSet(quietOption));
  auto summary = sample::writeSample(request, feedback);
  if (!summary) return reportError(summary.error());
  if (parser.isSet(jsonOption)) {
    nlohmann::json j{{"folder", text::displayPath(std::filesystem::absolute(request.folder))},
                     {"townships", summary->townships}, {"villages", summary->villages},
                     {"parcels", summary->parcels}, {"pbf_parcels", summary->pbfParcels},
                     {"changes", summary->changes}, {"distractors", summary->distractors},
                     {"width", summary->width}, {"height", summary->height}};
    printOut(qs(j.dump(2)));
  } else {
    printOut(QCoreApplication::translate("MakeSampleCommand", "Sample county written to %1: %2 townships, %3 villages, %4 land-use polygons, %5 truth changes, %6 distractors")
                 .arg(qs(text::displayPath(std::filesystem::absolute(request.folder))))
                 .arg(summary->townships)
                 .arg(summary->villages)
                 .arg(summary->parcels)
                 .arg(summary->changes)
                 .arg(summary->distractors));
  }
  return kExitOk;
}

}  // namespace onemap::cli
