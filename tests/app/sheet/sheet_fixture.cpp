#include "sheet_fixture.h"

#include <QProcess>
#include <QStringList>

#include <cstdio>
#include <cstdlib>

#include "onemap/base/feedback.h"
#include "onemap/sample/sample_writer.h"
#include "onemap/sheet/atlas_export.h"
#include "temp_dir.h"

namespace onemap::test {
namespace {

[[noreturn]] void abortWith(const std::string& message) {
  std::fprintf(stderr, "sheet fixture: %s\n", message.c_str());
  std::abort();
}

}  // namespace

const SampleCounty& SampleCounty::instance() {
  static TempDir dir;
  static const SampleCounty county = [] {
    SampleCounty c;
    c.folder = dir / "county";
    sample::SampleRequest request;
    request.scene.seed = 1;
    request.folder = c.folder;
    Feedback feedback;
    if (auto written = sample::writeSample(request, feedback); !written) abortWith(written.error().text());
    c.projectFile = c.folder / "sample-project.onemap";
    auto loaded = project::loadProject(c.projectFile);
    if (!loaded) abortWith(loaded.error().text());
    c.project = std::move(*loaded);
    project::LayerSpec patches;
    patches.id = "change_patches";
    patches.name = "变化图斑";
    patches.kind = project::LayerKind::Vector;
    patches.source = c.folder / "truth.gpkg";
    patches.layerName = "truth_changes";
    patches.style = {{"mode", "categorized"},     {"category_field", "BHLX"},
                     {"categories", "非农化=#e53935;非粮化=#fb8c00;其他=#8e24aa"},
                     {"fill", "#808e24aa"},       {"fill_opacity", "0.45"},
                     {"stroke", "#ffeb3b"},       {"stroke_width", "1.5"}};
    // The sample's own truth layer shows the same polygons: keep one of them on the sheet.
    for (auto& layer : c.project.layers)
      if (layer.id == "truth_changes") layer.visible = false;
    c.project.layers.push_back(patches);
    return c;
  }();
  return county;
}

sheet::SheetContext sampleContext(const project::Project& project, const std::filesystem::path& projectFile,
                                  render::RendererFactory& factory) {
  sheet::SheetContext context;
  context.project = &project;
  context.projectFile = projectFile;
  context.mapCrs = project.crs;
  context.renderers = &factory;
  context.variables["date"] = "2026-12-01";
  return context;
}

sheet::AtlasFeature sampleVillage(const project::Project& project, const layout::Layout& layout,
                                  const std::string& code) {
  Feedback feedback;
  auto features = sheet::readAtlasFeatures(project, layout.atlas, project.crs, "ZLDWDM = '" + code + "'", feedback);
  if (!features || features->size() != 1) abortWith("no village " + code);
  return features->front();
}

std::string runTool(const std::string& program, const std::vector<std::string>& args) {
  QProcess process;
  QStringList list;
  for (const auto& a : args) list << QString::fromStdString(a);
  process.start(QString::fromStdString(program), list);
  if (!process.waitForFinished(60000)) return {};
  return process.readAllStandardOutput().toStdString();
}

}  // namespace onemap::test
