#pragma once

#include <cstdint>

#include "onemap/sample/scene.h"

namespace onemap::sample {

/// Options of the generated county.
struct SceneOptions {
  SampleSize size = SampleSize::Small;
  std::uint64_t seed = 1;
  double misregistrationMetres = 0.0;  ///< shift of the second date in x and y (0 = none)
};

/// Lays out a believable county deterministically from the seed: road grid and river, villages
/// and townships made of whole road blocks, 三调 land-use parcels shaped like fields, permanent
/// basic farmland, conversions with truth, distractors, red line and points of interest.
Scene buildScene(const SceneOptions& options);

/// Chinese names for generated places, deterministic from a seed and an index; names within
/// one kind are unique for indices below `count`.
std::string villageName(std::uint64_t seed, int index);
std::string townshipName(std::uint64_t seed, int index);
std::string personName(std::uint64_t seed, int index);

}  // namespace onemap::sample
