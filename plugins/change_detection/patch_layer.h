#pragma once

#include <filesystem>

#include "onemap/project/project.h"

namespace onemap::plugins {

/// The project layer showing a detector output's change_patches: categorized by BHLX (非农化
/// red, 非粮化 orange), half-transparent fill, labelled by nothing (the panel lists them).
project::LayerSpec patchLayer(const std::filesystem::path& gpkg);

}  // namespace onemap::plugins
