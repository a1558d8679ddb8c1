#include <QCoreApplication>

#include "command.h"
#include "detect_command.h"
#include "evaluate_command.h"
#include "export_atlas_command.h"
#include "export_layout_command.h"
#include "info_command.h"
#include "make_sample_command.h"
#include "onemap/vector/vector_info.h"

namespace onemap::cli {

std::filesystem::path CommandLine::path(const QString& value) const {
  // Option values and positionals are whole arguments, or follow "--option=".
  for (int i = 0; i < args.size() && i < static_cast<int>(raw.size()); ++i) {
    if (args[i] == value) return std::filesystem::path(raw[static_cast<std::size_t>(i)]);
    const int eq = args[i].indexOf(QLatin1Char('='));
    if (args[i].startsWith(QLatin1String("--")) && eq > 0 && args[i].mid(eq + 1) == value) {
      const std::string& r = raw[static_cast<std::size_t>(i)];
      return std::filesystem::path(r.substr(r.find('=') + 1));
    }
  }
  return std::filesystem::path(value.toStdString());
}

LayerRef CommandLine::layerRef(const QString& value) const {
  auto [file, layer] = vector::splitLayerSpec(path(value).string());
  return {std::move(file), std::move(layer)};
}

std::vector<Command> builtinCommands() {
  return {
      {QStringLiteral("info"),
       QCoreApplication::translate("onemap-cli", "Describe a raster or vector file: CRS, extent, bands and roles, layers, fields, areas"),
       runInfoCommand},
      {QStringLiteral("make-sample"),
       QCoreApplication::translate("onemap-cli", "Generate the synthetic sample county (imagery, land use, truth, thematic layers, project)"),
       runMakeSampleCommand},
      {QStringLiteral("detect"),
       QCoreApplication::translate("onemap-cli", "Find 非农化 / 非粮化 change patches between two image dates on cropland"),
       runDetectCommand},
      {QStringLiteral("evaluate"),
       QCoreApplication::translate("onemap-cli", "Score detected change patches against truth polygons or a reference raster (precision, recall, F1, IoU)"),
       runEvaluateCommand},
      {QStringLiteral("export-layout"),
       QCoreApplication::translate("onemap-cli", "Export a map sheet (layout) of a project to PDF, PNG or GeoTIFF"),
       runExportLayoutCommand},
      {QStringLiteral("export-atlas"),
       QCoreApplication::translate("onemap-cli", "Export one map sheet per village (一村一图) as files or one multi-page PDF"),
       runExportAtlasCommand},
  };
}

}  // namespace onemap::cli
