// Map rendering on the county-size sample: the 20000² 4-band image, the DLTB land-use polygons
// (categorized by DLBM) and both together, at full extent and at fixed scales, through the same
// threaded MapRenderJob the canvas uses. Prints a table of times (median / max over repeats) and
// the process's peak resident memory.
//
//   bench_render [COUNTY_DIR] [--repeat N] [--size WxH] [--no-cache] [--only image|polygons|both]
//
// COUNTY_DIR defaults to $ONEMAP_COUNTY, else /tmp/county_full; it must hold
// sample-project.onemap (from `onemap-cli make-sample --size county`).
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QGuiApplication>
#include <QImage>
#include <QThreadPool>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "process_memory.h"
#include "onemap/project/project.h"
#include "onemap/render/map_render_job.h"
#include "onemap/render/renderer_factory.h"

using namespace onemap;

namespace {

struct Options {
  std::filesystem::path county;
  int repeat = 5;
  QSize size{1600, 1000};
  bool noCache = false;
  std::string only;  // "image", "polygons" or "both"; empty = all
};

/// Renders `layers` with a MapRenderJob (worker threads, composed image) and returns the wall time
/// in ms from start() to finished(); `errors` receives the layer errors.
double renderOnce(render::RendererFactory& factory, const std::vector<project::LayerSpec>& layers,
                  const render::MapSettings& settings, QStringList* errors = nullptr, QImage* image = nullptr) {
  QElapsedTimer timer;
  timer.start();
  std::vector<std::unique_ptr<render::LayerRenderer>> renderers;
  for (const auto& layer : layers) renderers.push_back(factory.create(layer));
  render::MapRenderJob job(settings, std::move(renderers));
  QEventLoop loop;
  QObject::connect(&job, &render::MapRenderJob::finished, &loop, &QEventLoop::quit);
  job.start();
  loop.exec();
  const double ms = double(timer.nsecsElapsed()) / 1e6;
  if (errors) *errors = job.errors();
  if (image) *image = job.image();
  return ms;
}

struct Row {
  std::string name;
  std::vector<double> ms;
  double anchor = 0;  // QGIS 3.22 figure from the issue, 0 = none
  double target = 0;
};

void printRow(const Row& row) {
  std::vector<double> sorted = row.ms;
  std::sort(sorted.begin(), sorted.end());
  const double median = sorted.empty() ? 0 : sorted[sorted.size() / 2];
  const double worst = sorted.empty() ? 0 : sorted.back();
  char anchor[32] = "";
  char target[32] = "";
  if (row.anchor > 0) std::snprintf(anchor, sizeof anchor, "%.0f", row.anchor);
  if (row.target > 0) std::snprintf(target, sizeof target, "%.0f", row.target);
  std::printf("%-52s %4zu %9.1f %9.1f %8s %8s %9.0f %9.0f\n", row.name.c_str(), row.ms.size(), median, worst,
              anchor, target, bench::currentRssMb(), bench::peakRssMb());
  std::fflush(stdout);
}

Extent atScale(const Extent& full, double cx, double cy, double scale, QSize size) {
  // Map units per pixel for 1:scale at 96 dpi, metre units.
  const double upp = scale * 0.0254 / 96.0;
  const double x = full.minX() + cx * full.width();
  const double y = full.minY() + cy * full.height();
  return Extent(x - upp * size.width() / 2, y - upp * size.height() / 2, x + upp * size.width() / 2,
                y + upp * size.height() / 2);
}

Options parse(int argc, char** argv) {
  Options o;
  if (const char* env = std::getenv("ONEMAP_COUNTY")) o.county = env;
  else o.county = "/tmp/county_full";
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--repeat" && i + 1 < argc) o.repeat = std::max(1, std::atoi(argv[++i]));
    else if (arg == "--size" && i + 1 < argc) {
      int w = 0;
      int h = 0;
      if (std::sscanf(argv[++i], "%dx%d", &w, &h) == 2 && w > 0 && h > 0) o.size = QSize(w, h);
    } else if (arg == "--no-cache") o.noCache = true;
    else if (arg == "--only" && i + 1 < argc) o.only = argv[++i];
    else if (arg == "--help" || arg == "-h") {
      std::printf("usage: bench_render [COUNTY_DIR] [--repeat N] [--size WxH] [--no-cache] [--only image|polygons|both]\n");
      std::exit(0);
    } else o.county = arg;
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  if (!std::getenv("QT_QPA_PLATFORM")) setenv("QT_QPA_PLATFORM", "offscreen", 1);
  QGuiApplication app(argc, argv);
  const Options options = parse(argc, argv);
  const auto projectFile = options.county / "sample-project.onemap";
  auto project = project::loadProject(projectFile);
  if (!project) {
    std::fprintf(stderr, "bench_render: %s\n(make one with: onemap-cli make-sample --size county --out DIR)\n",
                 project.error().text().c_str());
    return 1;
  }
  const project::LayerSpec* image = nullptr;
  const project::LayerSpec* dltb = nullptr;
  for (const auto& layer : project->layers) {
    if (layer.id == "image_after") image = &layer;
    if (layer.id == "DLTB") dltb = &layer;
  }
  if (!image || !dltb) {
    std::fprintf(stderr, "bench_render: %s has no image_after or DLTB layer\n", projectFile.c_str());
    return 1;
  }
  project::LayerSpec imageLayer = *image;
  imageLayer.visible = true;
  // Categorized by DLBM with the built-in 三调 palette, filled (the project's own style has no fill).
  project::LayerSpec polygonLayer = *dltb;
  polygonLayer.visible = true;
  polygonLayer.style["mode"] = "categorized";
  polygonLayer.style["category_field"] = "DLBM";
  polygonLayer.style["palette"] = "dlbm";
  polygonLayer.style["fill_opacity"] = "0.8";
  polygonLayer.style["stroke"] = "#60ffffff";
  polygonLayer.style["stroke_width"] = "0.5";

  const std::string crs = project->crs.empty() ? "EPSG:4549" : project->crs;
  const Extent full(480000, 3500000, 520000, 3540000);  // county sample extent (EPSG:4549)
  const QSize size = options.size;
  const render::MapSettings fullSettings(full, size, crs);

  std::printf("county: %s   output %dx%d px   threads %d   repeat %d%s\n", options.county.c_str(), size.width(),
              size.height(), QThreadPool::globalInstance()->maxThreadCount(), options.repeat,
              options.noCache ? "   (vector cache off)" : "");
  std::printf("%-52s %4s %9s %9s %8s %8s %9s %9s\n", "case", "n", "median", "max", "QGIS", "target", "RSS MB",
              "peak MB");

  const std::vector<std::pair<double, double>> positions{
      {0.5, 0.5}, {0.25, 0.3}, {0.7, 0.8}, {0.1, 0.9}, {0.85, 0.15}, {0.4, 0.65}};
  const auto makeFactory = [&] {
    auto factory = std::make_unique<render::RendererFactory>();
    if (options.noCache) factory->setVectorCacheLimits(0, 0);
    return factory;
  };
  QStringList errors;

  const auto wanted = [&](const char* part) { return options.only.empty() || options.only == part; };

  // Raster.
  if (wanted("image")) {
    auto factory = makeFactory();
    Row cold{"image, full extent, cold (first render)", {}, 105, 100};
    cold.ms.push_back(renderOnce(*factory, {imageLayer}, fullSettings, &errors));
    printRow(cold);
    Row warm{"image, full extent, warm", {}, 105, 100};
    for (int i = 0; i < options.repeat; ++i) warm.ms.push_back(renderOnce(*factory, {imageLayer}, fullSettings));
    printRow(warm);
    Row zoomed{"image, 1:5000, 6 positions", {}, 139, 100};
    for (int i = 0; i < options.repeat; ++i)
      for (const auto& [cx, cy] : positions)
        zoomed.ms.push_back(renderOnce(*factory, {imageLayer},
                                       render::MapSettings(atScale(full, cx, cy, 5000, size), size, crs)));
    printRow(zoomed);
    Row pan{"image, 1:5000, pan by 1/4 screen x 20", {}, 0, 100};
    Extent e = atScale(full, 0.3, 0.4, 5000, size);
    for (int i = 0; i < 20; ++i) {
      const double dx = e.width() / 4;
      e = Extent(e.minX() + dx, e.minY(), e.maxX() + dx, e.maxY());
      pan.ms.push_back(renderOnce(*factory, {imageLayer}, render::MapSettings(e, size, crs)));
    }
    printRow(pan);
    if (!errors.isEmpty()) std::printf("  errors: %s\n", errors.join("; ").toUtf8().constData());
  }

  // Polygons.
  if (wanted("polygons")) {
    auto factory = makeFactory();
    Row zoomedCold{"DLTB categorized, 1:10000, cold (first render)", {}, 27, 30};
    zoomedCold.ms.push_back(renderOnce(*factory, {polygonLayer},
                                       render::MapSettings(atScale(full, 0.5, 0.5, 10000, size), size, crs),
                                       &errors));
    printRow(zoomedCold);
    auto coldFactory = makeFactory();
    Row cold{"DLTB categorized, full extent, cold (cache build)", {}, 5500, 1000};
    cold.ms.push_back(renderOnce(*coldFactory, {polygonLayer}, fullSettings, &errors));
    printRow(cold);
    Row warm{"DLTB categorized, full extent, warm", {}, 5500, 1000};
    for (int i = 0; i < options.repeat; ++i) warm.ms.push_back(renderOnce(*coldFactory, {polygonLayer}, fullSettings));
    printRow(warm);
    Row zoomed{"DLTB categorized, 1:10000, 6 positions, warm", {}, 27, 30};
    for (int i = 0; i < options.repeat; ++i)
      for (const auto& [cx, cy] : positions)
        zoomed.ms.push_back(renderOnce(*coldFactory, {polygonLayer},
                                       render::MapSettings(atScale(full, cx, cy, 10000, size), size, crs)));
    printRow(zoomed);
    Row mid{"DLTB categorized, 1:50000, 6 positions, warm", {}, 0, 0};
    for (int i = 0; i < options.repeat; ++i)
      for (const auto& [cx, cy] : positions)
        mid.ms.push_back(renderOnce(*coldFactory, {polygonLayer},
                                    render::MapSettings(atScale(full, cx, cy, 50000, size), size, crs)));
    printRow(mid);
    if (!errors.isEmpty()) std::printf("  errors: %s\n", errors.join("; ").toUtf8().constData());
  }

  // Both.
  if (wanted("both")) {
    auto factory = makeFactory();
    Row cold{"image + DLTB, full extent, cold", {}, 6200, 1000};
    cold.ms.push_back(renderOnce(*factory, {imageLayer, polygonLayer}, fullSettings, &errors));
    printRow(cold);
    Row warm{"image + DLTB, full extent, warm", {}, 6200, 1000};
    for (int i = 0; i < options.repeat; ++i)
      warm.ms.push_back(renderOnce(*factory, {imageLayer, polygonLayer}, fullSettings));
    printRow(warm);
    Row zoomed{"image + DLTB, 1:10000, 6 positions, warm", {}, 0, 100};
    for (int i = 0; i < options.repeat; ++i)
      for (const auto& [cx, cy] : positions)
        zoomed.ms.push_back(renderOnce(*factory, {imageLayer, polygonLayer},
                                       render::MapSettings(atScale(full, cx, cy, 10000, size), size, crs)));
    printRow(zoomed);
    if (!errors.isEmpty()) std::printf("  errors: %s\n", errors.join("; ").toUtf8().constData());
  }
  std::printf("peak RSS %.0f MB (target < 1024)\n", bench::peakRssMb());
  return 0;
}
