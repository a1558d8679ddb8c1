#pragma once

// Internal to onemap_vector: what can be said about a layer without reading its features.

#include <optional>
#include <string>

#include "onemap/base/extent.h"
#include "onemap/vector/vector_info.h"

class OGRLayer;
class OGRSpatialReference;

namespace onemap::vector::detail {

struct OpenedDataset;

/// Name, geometry type, fields, CRS, stored extent, encoding and dataset warnings of `layer`
/// (feature count only when the driver knows it cheaply; no validity or area scan).
LayerInfo describeLayer(const OpenedDataset& opened, OGRLayer& layer);

/// The EPSG code of `crs` (from its authority, or a single confident match); 0 when unknown.
int epsgOf(const OGRSpatialReference& crs);

/// "EPSG:4549" when the code is known, else the CRS name.
std::string crsLabel(const OGRSpatialReference& crs);

/// `extent` (in `crs`) as longitude/latitude on the CRS's own datum; nullopt when impossible.
std::optional<Extent> lonLatExtent(const OGRSpatialReference& crs, const Extent& extent);

}  // namespace onemap::vector::detail
