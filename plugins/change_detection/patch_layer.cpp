#include "patch_layer.h"

namespace onemap::plugins {

project::LayerSpec patchLayer(const std::filesystem::path& gpkg) {
  project::LayerSpec layer;
  layer.kind = project::LayerKind::Vector;
  layer.source = std::filesystem::absolute(gpkg);
  layer.layerName = "change_patches";
  layer.id = "change_patches";
  layer.name = "变化图斑 " + gpkg.stem().string();
  layer.style = {{"mode", "categorized"},     {"category_field", "BHLX"},
                 {"categories", "非农化=#e53935;非粮化=#fb8c00;其他=#8e24aa"},
                 {"fill", "#808e24aa"},       {"fill_opacity", "0.45"},
                 {"stroke", "#ffeb3b"},       {"stroke_width", "1.5"}};
  return layer;
}

}  // namespace onemap::plugins
