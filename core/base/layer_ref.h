#pragma once

#include <filesystem>
#include <string>

namespace onemap {

/// A data file and, for vector data, a layer in it (empty = the file's only or first layer).
struct LayerRef {
  std::filesystem::path path;
  std::string layer;
};

}  // namespace onemap
