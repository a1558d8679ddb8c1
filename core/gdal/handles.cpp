#include "onemap/gdal/handles.h"

#include <gdal_priv.h>
#include <ogr_feature.h>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>

namespace onemap::gdal {

void DatasetCloser::operator()(GDALDataset* dataset) const noexcept { GDALClose(dataset); }
void SpatialReferenceReleaser::operator()(OGRSpatialReference* srs) const noexcept {
  if (srs != nullptr) srs->Release();
}
void GeometryDeleter::operator()(OGRGeometry* geometry) const noexcept {
  OGRGeometryFactory::destroyGeometry(geometry);
}
void FeatureDeleter::operator()(OGRFeature* feature) const noexcept {
  OGRFeature::DestroyFeature(feature);
}
void TransformationDeleter::operator()(OGRCoordinateTransformation* ct) const noexcept {
  OGRCoordinateTransformation::DestroyCT(ct);
}

}  // namespace onemap::gdal
