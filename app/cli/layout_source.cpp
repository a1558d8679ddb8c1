#include "layout_source.h"

#include <QCoreApplication>

#include "onemap/layout/layout_json.h"
#include "onemap/sheet/standard_template.h"

namespace onemap::cli {

LayoutOptions::LayoutOptions() {
  project.setDescription(QCoreApplication::translate("LayoutOptions", "Project file (.onemap)"));
  layout.setDescription(QCoreApplication::translate("LayoutOptions", "Name of a layout saved in the project"));
  templ.setDescription(QCoreApplication::translate(
      "LayoutOptions", "Use a template instead of a saved layout: 'village' (the standard 一村一图 sheet) or a .onemap-layout file"));
}

void LayoutOptions::addTo(QCommandLineParser& parser) const {
  for (const auto* o : {&project, &layout, &templ}) parser.addOption(*o);
}

Result<LayoutSource> loadLayoutSource(const QCommandLineParser& parser, const LayoutOptions& options,
                                      const CommandLine& line) {
  if (!parser.isSet(options.project))
    return fail(ErrorCode::InvalidInput, "--project is required", {}, "Give the project file with --project FILE.");
  if (parser.isSet(options.layout) == parser.isSet(options.templ))
    return fail(ErrorCode::InvalidInput, "give either --layout NAME or --template village|FILE", {},
                "--layout picks a layout saved in the project; --template village uses the standard sheet.");
  LayoutSource source;
  source.projectFile = line.path(parser.value(options.project));
  auto project = project::loadProject(source.projectFile);
  if (!project) return fail(project.error());
  source.project = std::move(*project);
  if (parser.isSet(options.layout)) {
    const std::string name = parser.value(options.layout).toStdString();
    if (const layout::Layout* found = source.project.findLayout(name)) {
      source.layout = *found;
      return source;
    }
    std::string names;
    for (const auto& l : source.project.layouts) names += (names.empty() ? "" : ", ") + ("\"" + l.name + "\"");
    return fail(ErrorCode::NotFound, "the project has no layout \"" + name + "\"", source.projectFile.string(),
                names.empty() ? "It has no layouts; use --template village for the standard 一村一图 sheet."
                              : "Its layouts: " + names + " (or use --template village).");
  }
  const QString templ = parser.value(options.templ);
  if (templ == QLatin1String("village")) {
    source.layout = sheet::villageMapTemplate(source.project, source.project.uniqueLayoutName("一村一图"));
    return source;
  }
  auto loaded = layout::loadTemplate(line.path(templ));
  if (!loaded) return fail(loaded.error());
  source.layout = sheet::bindTemplate(std::move(*loaded), source.project);
  return source;
}

}  // namespace onemap::cli
