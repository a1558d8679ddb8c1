#pragma once

// Internal to onemap_vector: the feature scan behind readVectorInfo.

#include "onemap/base/error.h"
#include "onemap/base/feedback.h"
#include "onemap/vector/vector_info.h"

class OGRLayer;

namespace onemap::vector::detail {

struct OpenedDataset;

/// Reads every feature of `layer` and fills in `info`: feature count, extent from the
/// geometries, empty and invalid geometry counts, polygon area, warnings. Canceled via `feedback`.
Status scanLayer(const OpenedDataset& opened, OGRLayer& layer, LayerInfo& info, Feedback* feedback);

}  // namespace onemap::vector::detail
