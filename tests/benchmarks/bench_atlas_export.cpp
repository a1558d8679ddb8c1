// The 一村一图 atlas on the county-size sample: the standard template (A3 landscape) over 12
// villages spread across the county, with the 20000² after image, the DLTB land-use polygons
// (274 k, like the QGIS anchor with 300 000 field polygons), the change patches and the
// other visible layers, exported as 300 dpi PDF files, one multi-page PDF and 300 dpi PNG files,
// on both cores. Prints seconds per sheet (wall time of the whole export / sheets: the throughput
// the targets are about), each sheet's own time, and the process's peak resident memory.
//
//   bench_atlas_export [COUNTY_DIR] [--patches FILE.gpkg] [--sheets N] [--dpi D] [--threads N]
//                      [--only pdf|single|png|tif] [--no-dltb] [--keep DIR]
//
// COUNTY_DIR defaults to $ONEMAP_COUNTY, else /tmp/county (`onemap-cli make-sample --size county`).
// --patches: a change_patches GeoPackage (from `onemap-cli detect`, see run_atlas_benchmarks.sh);
// without it the sample's truth.gpkg (truth_changes: same fields) stands in for the patches.
#include <QElapsedTimer>
#include <QGuiApplication>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "process_memory.h"
#include "onemap/project/project.h"
#include "onemap/sheet/atlas_export.h"
#include "onemap/sheet/standard_template.h"

using namespace onemap;

namespace {

struct Options {
  std::filesystem::path county;
  std::filesystem::path patches;
  int sheets = 12;
  double dpi = 300.0;
  int threads = 0;
  std::string only;
  bool dltb = true;
  std::filesystem::path keep;
};

Options parse(int argc, char** argv) {
  Options o;
  const char* env = std::getenv("ONEMAP_COUNTY");
  o.county = env ? env : "/tmp/county";
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : std::string(); };
    if (a == "--patches") o.patches = next();
    else if (a == "--sheets") o.sheets = std::atoi(next().c_str());
    else if (a == "--dpi") o.dpi = std::atof(next().c_str());
    else if (a == "--threads") o.threads = std::atoi(next().c_str());
    else if (a == "--only") o.only = next();
    else if (a == "--no-dltb") o.dltb = false;
    else if (a == "--keep") o.keep = next();
    else if (!a.starts_with("--")) o.county = a;
    else {
      std::fprintf(stderr, "unknown option %s\n", a.c_str());
      std::exit(2);
    }
  }
  return o;
}

/// "ZLDWDM IN (...)" of `count` villages evenly spread over the sorted codes.
std::string spreadFilter(const project::Project& project, const layout::Layout& layout, int count) {
  Feedback feedback;
  auto features = sheet::readAtlasFeatures(project, layout.atlas, project.crs, {}, feedback);
  if (!features || features->empty()) {
    std::fprintf(stderr, "cannot read the villages: %s\n", features ? "none" : features.error().text().c_str());
    std::exit(1);
  }
  std::string filter = layout.atlas.codeField + " IN (";
  const int n = std::min<int>(count, int(features->size()));
  for (int i = 0; i < n; ++i) {
    const auto& f = (*features)[std::size_t(i) * features->size() / std::size_t(n) + features->size() / (2 * std::size_t(n))];
    filter += (i ? ",'" : "'") + f.code + "'";
  }
  return filter + ")";
}

void run(const char* label, const layout::Layout& layout, const sheet::SheetContext& context,
         sheet::AtlasOptions options, const Options& o) {
  const std::filesystem::path out =
      o.keep.empty() ? std::filesystem::temp_directory_path() / ("onemap_bench_atlas_" + std::to_string(getpid()))
                     : o.keep;
  std::filesystem::create_directories(out);
  options.output = options.singleFile ? out / (std::string(label) + ".pdf") : out / label;
  options.overwrite = true;
  Feedback feedback;
  QElapsedTimer timer;
  timer.start();
  auto report = sheet::exportAtlas(layout, context, options, feedback);
  const double seconds = double(timer.nsecsElapsed()) / 1e9;
  if (!report) {
    std::printf("%-22s failed: %s\n", label, report.error().text().c_str());
    return;
  }
  std::vector<double> times = report->sheetSeconds;
  std::sort(times.begin(), times.end());
  std::uintmax_t bytes = 0;
  for (const auto& f : report->files) bytes += std::filesystem::file_size(f);
  std::printf("%-22s %2d sheets  %6.2f s/sheet  (wall %6.1f s; each sheet %5.2f / %5.2f / %5.2f s min/median/max; "
              "%5.1f MB/sheet; %zu failed)  RSS now %6.0f MB, peak %6.0f MB\n",
              label, report->pages, report->pages ? seconds / report->pages : 0.0, seconds,
              times.empty() ? 0.0 : times.front(), times.empty() ? 0.0 : times[times.size() / 2],
              times.empty() ? 0.0 : times.back(), report->pages ? double(bytes) / 1e6 / report->pages : 0.0,
              report->failures.size(), bench::currentRssMb(), bench::peakRssMb());
  for (const auto& f : report->failures) std::printf("  failed %s: %s\n", f.feature.c_str(), f.error.c_str());
  for (const auto& w : report->warnings) std::printf("  warning %s: %s\n", w.feature.c_str(), w.error.c_str());
  std::fflush(stdout);
  if (o.keep.empty()) std::filesystem::remove_all(out);
}

}  // namespace

int main(int argc, char** argv) {
  if (std::getenv("QT_QPA_PLATFORM") == nullptr) setenv("QT_QPA_PLATFORM", "offscreen", 1);
  QGuiApplication app(argc, argv);
  const Options o = parse(argc, argv);
  auto loaded = project::loadProject(o.county / "sample-project.onemap");
  if (!loaded) {
    std::fprintf(stderr, "%s\n(make it with: onemap-cli make-sample --size county --out %s)\n",
                 loaded.error().text().c_str(), o.county.string().c_str());
    return 1;
  }
  project::Project project = std::move(*loaded);
  project::LayerSpec patches;
  patches.id = "change_patches";
  patches.name = "变化图斑";
  patches.kind = project::LayerKind::Vector;
  patches.layerName = o.patches.empty() ? "truth_changes" : "change_patches";
  patches.source = o.patches.empty() ? o.county / "truth.gpkg" : o.patches;
  patches.style = {{"mode", "categorized"}, {"category_field", "BHLX"},
                   {"categories", "非农化=#e53935;非粮化=#fb8c00;其他=#8e24aa"},
                   {"fill", "#808e24aa"}, {"fill_opacity", "0.45"}, {"stroke", "#ffeb3b"}, {"stroke_width", "1.5"}};
  project.layers.push_back(patches);
  int visible = 0;
  for (auto& layer : project.layers) {
    if (layer.id == "DLTB") layer.visible = o.dltb;
    if (layer.id == "truth_changes") layer.visible = false;  // the patches stand for it
    if (layer.visible) ++visible;
  }
  const layout::Layout layout = sheet::villageMapTemplate(project, "一村一图");
  const std::string filter = spreadFilter(project, layout, o.sheets);
  std::printf("county %s; patches %s; %d visible layers%s; %d sheets at %.0f dpi; %s threads\n",
              o.county.string().c_str(), patches.source.string().c_str(), visible,
              o.dltb ? " (DLTB on)" : " (DLTB off)", o.sheets, o.dpi,
              o.threads > 0 ? std::to_string(o.threads).c_str() : "all");
  std::printf("villages: %s\n", filter.c_str());
  sheet::SheetContext context;
  context.project = &project;
  context.projectFile = o.county / "sample-project.onemap";
  context.mapCrs = project.crs;
  sheet::AtlasOptions options;
  options.dpi = o.dpi;
  options.extraFilter = filter;
  options.threads = o.threads;
  const auto wanted = [&](const char* name) { return o.only.empty() || o.only == name; };
  if (wanted("pdf")) {
    options.format = sheet::ExportFormat::Pdf;
    run("PDF files", layout, context, options, o);
  }
  if (wanted("single")) {
    options.format = sheet::ExportFormat::Pdf;
    options.singleFile = true;
    run("one multi-page PDF", layout, context, options, o);
    options.singleFile = false;
  }
  if (wanted("png")) {
    options.format = sheet::ExportFormat::Png;
    run("PNG files", layout, context, options, o);
  }
  if (wanted("tif")) {
    options.format = sheet::ExportFormat::GeoTiff;
    run("GeoTIFF files", layout, context, options, o);
  }
  std::printf("peak RSS %.0f MB\n", bench::peakRssMb());
  return 0;
}
