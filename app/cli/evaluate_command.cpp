#include "evaluate_command.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <nlohmann/json.hpp>

#include <system_error>

#include "cli_io.h"
#include "onemap/analysis/change_evaluation.h"
#include "onemap/base/text.h"
#include "progress_printer.h"

namespace onemap::cli {
namespace {

QString usageError(const QString& message) {
  return QCoreApplication::translate("EvaluateCommand", "onemap-cli evaluate: %1 (see --help)").arg(message);
}

QString number(double value) { return QString::number(value, 'f', 3); }

nlohmann::json pixelJson(const analysis::PixelScores& s) {
  return {{"true_positives", s.truePositives}, {"false_positives", s.falsePositives},
          {"false_negatives", s.falseNegatives}, {"true_negatives", s.trueNegatives},
          {"precision", s.precision}, {"recall", s.recall}, {"f1", s.f1}, {"iou", s.iou}};
}

nlohmann::json resultJson(const analysis::ChangeEvaluationOptions& options, const analysis::ChangeEvaluation& r) {
  nlohmann::json j{{"truth", text::displayPath(options.truth.path)},
                   {"truth_layer", options.truth.layer},
                   {"truth_type", r.rasterTruth ? "raster" : "vector"},
                   {"patches", text::displayPath(options.patches.path)},
                   {"patches_layer", options.patches.layer},
                   {"grid", {{"width", r.gridWidth}, {"height", r.gridHeight}, {"pixel_size", r.pixelSize}}},
                   {"min_area_m2", options.minAreaM2},
                   {"pixels", pixelJson(r.pixels)}};
  if (r.patches) {
    const auto& p = *r.patches;
    j["patch_level"] = {{"truth_patches", p.truthPatches}, {"truth_detected", p.truthDetected},
                        {"detected_patches", p.detectedPatches}, {"detected_matching", p.detectedMatching},
                        {"recall", p.recall}, {"precision", p.precision}};
    if (r.hasDistractors)
      j["distractors"] = {{"count", p.distractors}, {"flagged", p.distractorsFlagged},
                          {"flagged_share", p.distractorsFlaggedShare}};
  }
  return j;
}

void printText(const analysis::ChangeEvaluationOptions& options, const analysis::ChangeEvaluation& r) {
  printOut(QCoreApplication::translate("EvaluateCommand", "Evaluation grid: %1 × %2 pixels, pixel size %3")
               .arg(r.gridWidth)
               .arg(r.gridHeight)
               .arg(r.pixelSize));
  const auto& s = r.pixels;
  printOut(QCoreApplication::translate("EvaluateCommand",
                                       "Pixels (change class): precision %1, recall %2, F1 %3, IoU %4 (TP %5, FP %6, FN %7)")
               .arg(number(s.precision), number(s.recall), number(s.f1), number(s.iou))
               .arg(s.truePositives)
               .arg(s.falsePositives)
               .arg(s.falseNegatives));
  if (!r.patches) return;
  const auto& p = *r.patches;
  printOut(QCoreApplication::translate("EvaluateCommand",
                                       "Patches: recall %1 (%2 of %3 truth patches of at least %4 m² detected), "
                                       "precision %5 (%6 of %7 detected patches overlap the truth)")
               .arg(number(p.recall))
               .arg(p.truthDetected)
               .arg(p.truthPatches)
               .arg(options.minAreaM2)
               .arg(number(p.precision))
               .arg(p.detectedMatching)
               .arg(p.detectedPatches));
  if (r.hasDistractors)
    printOut(QCoreApplication::translate("EvaluateCommand", "Distractors flagged: %1 (%2 of %3 of at least %4 m²)")
                 .arg(number(p.distractorsFlaggedShare))
                 .arg(p.distractorsFlagged)
                 .arg(p.distractors)
                 .arg(options.minAreaM2));
}

}  // namespace

int runEvaluateCommand(const CommandLine& line) {
  QCommandLineParser parser;
  parser.setApplicationDescription(QCoreApplication::translate(
      "EvaluateCommand",
      "Score detected change patches against the truth: pixel precision, recall, F1 and IoU of the change class, "
      "and for truth polygons patch-level recall and precision (a patch counts as found when it shares at least one "
      "evaluation pixel). The truth is a polygon layer or a reference raster (0 unlabelled, 1 unchanged, 2 changed). "
      "Write FILE:LAYER to choose a layer."));
  parser.addHelpOption();
  parser.addPositionalArgument(QStringLiteral("PATCHES"),
                               QCoreApplication::translate("EvaluateCommand", "Detected change patches (polygons), FILE[:LAYER]"));
  const QCommandLineOption truthOption(
      QStringLiteral("truth"),
      QCoreApplication::translate("EvaluateCommand", "Truth polygons FILE[:LAYER] or a reference raster"),
      QStringLiteral("TRUTH"));
  const QCommandLineOption distractorOption(
      QStringLiteral("distractors"),
      QCoreApplication::translate("EvaluateCommand", "Changes that must not be flagged, FILE[:LAYER]"),
      QStringLiteral("FILE"));
  const QCommandLineOption aoiOption(
      QStringLiteral("aoi"), QCoreApplication::translate("EvaluateCommand", "Evaluate only inside these polygons, FILE[:LAYER]"),
      QStringLiteral("FILE"));
  const QCommandLineOption minAreaOption(
      QStringLiteral("min-area"),
      QCoreApplication::translate("EvaluateCommand", "Smallest truth patch or distractor counted, in m²"),
      QStringLiteral("M2"), QStringLiteral("400"));
  const QCommandLineOption resolutionOption(
      QStringLiteral("resolution"),
      QCoreApplication::translate("EvaluateCommand", "Evaluation pixel size in metres for truth polygons"),
      QStringLiteral("M"), QStringLiteral("2"));
  const QCommandLineOption jsonOption(QStringLiteral("json"),
                                      QCoreApplication::translate("EvaluateCommand", "Print JSON instead of text"));
  const QCommandLineOption quietOption(QStringLiteral("quiet"),
                                       QCoreApplication::translate("EvaluateCommand", "Do not print progress"));
  for (const auto& o : {truthOption, distractorOption, aoiOption, minAreaOption, resolutionOption, jsonOption, quietOption})
    parser.addOption(o);
  if (!parser.parse(QStringList{QStringLiteral("onemap-cli evaluate")} + line.args)) {
    printErr(usageError(parser.errorText()));
    return kExitUsage;
  }
  if (parser.isSet(QStringLiteral("help"))) {
    printOut(parser.helpText());
    return kExitOk;
  }
  if (!parser.isSet(truthOption)) {
    printErr(usageError(QCoreApplication::translate("EvaluateCommand", "--truth FILE[:LAYER] is required")));
    return kExitUsage;
  }
  if (parser.positionalArguments().size() != 1) {
    printErr(usageError(QCoreApplication::translate("EvaluateCommand", "give exactly one PATCHES file")));
    return kExitUsage;
  }
  analysis::ChangeEvaluationOptions options;
  bool ok = false;
  options.minAreaM2 = parser.value(minAreaOption).toDouble(&ok);
  if (!ok || options.minAreaM2 < 0) {
    printErr(usageError(QCoreApplication::translate("EvaluateCommand", "--min-area must be a number of m² ≥ 0, not '%1'")
                            .arg(parser.value(minAreaOption))));
    return kExitUsage;
  }
  options.resolution = parser.value(resolutionOption).toDouble(&ok);
  if (!ok || !(options.resolution > 0)) {
    printErr(usageError(QCoreApplication::translate("EvaluateCommand", "--resolution must be a number of metres > 0, not '%1'")
                            .arg(parser.value(resolutionOption))));
    return kExitUsage;
  }
  options.truth = line.layerRef(parser.value(truthOption));
  options.patches = line.layerRef(parser.positionalArguments().front());
  if (parser.isSet(distractorOption)) options.distractors = line.layerRef(parser.value(distractorOption));
  if (parser.isSet(aoiOption)) options.aoi = line.layerRef(parser.value(aoiOption));

  Feedback feedback = stderrProgress(parser.isSet(quietOption) || parser.isSet(jsonOption));
  auto result = analysis::evaluateChange(options, &feedback);
  if (!result) return reportError(result.error());
  if (parser.isSet(jsonOption))
    printOut(qs(resultJson(options, *result).dump(2)));
  else
    printText(options, *result);
  return kExitOk;
}

}  // namespace onemap::cli
