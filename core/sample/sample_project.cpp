#include "onemap/project/project.h"
#include "onemap/sample/sample_writer.h"
#include "onemap/sample/vector_writer.h"

namespace onemap::sample {
namespace {

project::LayerSpec vectorLayer(const std::filesystem::path& file, const std::string& layer, const std::string& name,
                               std::map<std::string, std::string> style, bool visible = true) {
  project::LayerSpec spec;
  spec.id = layer;
  spec.name = name;
  spec.kind = project::LayerKind::Vector;
  spec.source = file;
  spec.layerName = layer;
  spec.visible = visible;
  spec.style = std::move(style);
  return spec;
}

}  // namespace

Status writeSampleProject(const Scene& scene, const std::filesystem::path& folder, bool withImagery) {
  project::Project p;
  p.title = scene.countyName + " 示例 (OneMap Agri sample county)";
  p.crs = "EPSG:" + std::to_string(scene.epsg);
  if (withImagery) {
    for (int date = 0; date < 2; ++date) {
      project::LayerSpec image;
      image.id = date == 0 ? "image_before" : "image_after";
      image.name = (date == 0 ? scene.before.date : scene.after.date) + " GF-1 PMS " + (date == 0 ? "前时相" : "后时相");
      image.kind = project::LayerKind::Raster;
      image.source = folder / (date == 0 ? kBeforeImage : kAfterImage);
      image.visible = date == 1;
      image.style["bands"] = "red,green,blue";
      // A fixed linear range suits the synthetic DN (a per-band percentile cut would darken the
      // vegetation that dominates the scene and tint it).
      image.style["stretch"] = "minmax";
      image.style["stretch_values"] = "80,650;80,650;80,650";
      p.layers.push_back(image);
    }
  }
  const auto gpkg = folder / kSampleGeoPackage;
  p.layers.push_back(vectorLayer(gpkg, "DLTB", "地类图斑 DLTB",
                                 {{"category_field", "DLBM"}, {"palette", "dlbm"}, {"stroke", "#60ffffff"},
                                  {"stroke_width", "0.5"}, {"fill_opacity", withImagery ? "0.45" : "1.0"}},
                                 !withImagery));
  p.layers.push_back(vectorLayer(gpkg, "YJJBNTTB", "永久基本农田",
                                 {{"fill", "none"}, {"stroke", "#ffd23c"}, {"stroke_width", "0.8"}}, false));
  p.layers.push_back(vectorLayer(gpkg, "STBHHX", "生态保护红线",
                                 {{"fill", "#3022a022"}, {"stroke", "#1f9e3a"}, {"stroke_width", "2"}}));
  p.layers.push_back(vectorLayer(gpkg, "CJDCQ", "行政村界线",
                                 {{"fill", "none"}, {"stroke", "#f0f0f0"}, {"stroke_width", "1.5"}}));
  p.layers.push_back(vectorLayer(gpkg, "XZQ_XIAN", "县界",
                                 {{"fill", "none"}, {"stroke", "#ff5050"}, {"stroke_width", "2.5"}}));
  p.layers.push_back(vectorLayer(folder / kTruthGeoPackage, "truth_changes", "真实变化 (样例真值)",
                                 {{"fill", "none"}, {"stroke", "#ff00ff"}, {"stroke_width", "2"}}));
  p.layers.push_back(vectorLayer(gpkg, "YNXXS", "益农信息社",
                                 {{"fill", "#ff8c00"}, {"stroke", "#ffffff"}, {"point_size", "8"}}));
  p.layers.push_back(vectorLayer(gpkg, "WLJD", "物流节点",
                                 {{"fill", "#1e90ff"}, {"stroke", "#ffffff"}, {"point_size", "7"}}, false));
  return project::saveProject(p, folder / kSampleProject);
}

}  // namespace onemap::sample
