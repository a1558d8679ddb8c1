#pragma once

#include "image_difference.h"

#include <QImage>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "onemap/layout/layout.h"
#include "onemap/project/project.h"
#include "onemap/render/renderer_factory.h"
#include "onemap/sheet/sheet_context.h"

namespace onemap::test {

/// The small sample county (seed 1, with imagery) written once per test program into a temporary
/// folder, its project loaded, plus a "change_patches" layer (the sample's truth conversions,
/// which carry BHLX/BHZL/MJ/MJ_MU/ZLDWDM like detected patches) styled as the detector styles
/// patches. Removed at exit.
struct SampleCounty {
  std::filesystem::path folder;
  std::filesystem::path projectFile;
  project::Project project;

  static const SampleCounty& instance();
};

/// A sheet context for the sample: its project, map CRS, a fixed {date} (2026-12-01) so that
/// images do not change from day to day, and `factory` as renderer factory.
sheet::SheetContext sampleContext(const project::Project& project, const std::filesystem::path& projectFile,
                                  render::RendererFactory& factory);

/// The village with this code read as an atlas feature of `layout`'s atlas (aborts when missing).
sheet::AtlasFeature sampleVillage(const project::Project& project, const layout::Layout& layout,
                                  const std::string& code);

/// Runs a program with arguments; its standard output, or empty when it did not run.
std::string runTool(const std::string& program, const std::vector<std::string>& args);

}  // namespace onemap::test
