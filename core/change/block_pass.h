#pragma once
// Internal to onemap_change: the block pass that classifies every pixel of the grid.

#include "block_pass_rules.h"
#include "class_map_sink.h"
#include "cropland_layer.h"
#include "onemap/base/feedback.h"
#include "onemap/change/block_pass_observer.h"
#include "onemap/change/change_parameters.h"
#include "raster_reader.h"

namespace onemap::change::detail {

/// Classifies every pixel of `images` by `rules` on cropland and writes the classes and their
/// evidence to `sink`. The grid is cut into bands of columns and those into runs of rows (the
/// units, planBlockPass()); each of `parameters.threads` threads takes a unit and streams it
/// from top to bottom in steps of whole block rows, keeping the 2·kHalo rows the next step
/// needs instead of reading them again (and goes on into the unit below when nobody took it) —
/// so every block of the images is decoded once (plus the halo rows at the edges of the units),
/// and blocks farther than kHalo from any cropland not at all. Each step classifies only the
/// rows it writes and the few its clean-up looks at. `observer` (may be null) sets whether far
/// blocks are skipped and receives the pixels read.
Status runBlockPass(const ImagePair& images, const CroplandLayer& cropland, const BlockPassRules& rules,
                    const ChangeParameters& parameters, ClassMapSink& sink, Feedback& feedback,
                    BlockPassObserver* observer);

}  // namespace onemap::change::detail
