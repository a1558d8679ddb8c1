#pragma once

#include <memory>

class GDALDataset;
class OGRSpatialReference;
class OGRGeometry;
class OGRFeature;
class OGRCoordinateTransformation;

namespace onemap::gdal {

/// Stateless deleters for GDAL/OGR objects owned by OneMap code (include only in .cpp files
/// that already include GDAL; the types are forward-declared so this header stays light).
struct DatasetCloser { void operator()(GDALDataset* dataset) const noexcept; };
struct SpatialReferenceReleaser { void operator()(OGRSpatialReference* srs) const noexcept; };
struct GeometryDeleter { void operator()(OGRGeometry* geometry) const noexcept; };
struct FeatureDeleter { void operator()(OGRFeature* feature) const noexcept; };
struct TransformationDeleter { void operator()(OGRCoordinateTransformation* ct) const noexcept; };

/// An open GDAL dataset, closed when the pointer goes; use on one thread at a time.
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;
/// A reference-counted OGR spatial reference, released when the pointer goes.
using SpatialReferencePtr = std::unique_ptr<OGRSpatialReference, SpatialReferenceReleaser>;
/// An owned OGR geometry.
using GeometryPtr = std::unique_ptr<OGRGeometry, GeometryDeleter>;
/// An owned OGR feature.
using FeaturePtr = std::unique_ptr<OGRFeature, FeatureDeleter>;
/// An owned OGR coordinate transformation.
using TransformationPtr = std::unique_ptr<OGRCoordinateTransformation, TransformationDeleter>;

}  // namespace onemap::gdal
