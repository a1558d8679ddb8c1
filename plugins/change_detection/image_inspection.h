#pragma once

#include <QDate>
#include <QString>

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "onemap/proj/ground_scale.h"

namespace onemap::plugins {

/// Where an image's acquisition date was found.
enum class DateSource { None, Metadata, FileName };

/// What the detection dialog shows about one image: band roles, acquisition date, CRS and
/// ground pixel size. Read off the GUI thread by inspectImage(); a value type.
struct ImageFacts {
  QString error;                          ///< why the image cannot be read; empty when it can
  QString bands;                          ///< band roles as guessed: "1:blue 2:green 3:red 4:nir"
  QDate date;                             ///< acquisition date; invalid when unknown
  DateSource dateSource = DateSource::None;
  std::optional<proj::GroundScale> grid;  ///< CRS and pixel size in metres at the image centre
  QString gridError;                      ///< why `grid` is missing (no georeferencing, unknown CRS)
};

/// Reads `image`'s header (no pixels): band roles as the detector guesses them, the acquisition
/// date (metadata, else the file name), the CRS and the ground size of a pixel at the centre
/// (geodesic on the ellipsoid for a geographic CRS, the linear unit for a projected one).
/// Blocking and thread-safe: the dialog calls it on a worker thread.
ImageFacts inspectImage(const std::filesystem::path& image);

/// The acquisition date in GDAL metadata: the first ACQUISITION_DATE, DATE_ACQUIRED or
/// SENSING_TIME item (in the metadata's order, as the detector reads it) that starts with a valid
/// YYYY-MM-DD; invalid when none does.
QDate dateFromMetadata(const std::vector<std::pair<std::string, std::string>>& metadata);
/// The first valid YYYY-MM-DD in a file name that is not part of a longer number; invalid when none.
QDate dateFromFileName(const QString& name);

/// Indices of the proposed earlier and later image.
struct DatePair {
  int before = -1;
  int after = -1;
};
/// The before/after pair proposed by acquisition date among images listed top layer first
/// (invalid dates = unknown): the latest dated image is the later one, the latest image dated
/// strictly before it the earlier one; on equal dates the upper layer wins. nullopt when fewer
/// than two different dates are known (the dialog keeps the layer order then).
std::optional<DatePair> proposeByDate(const std::vector<QDate>& datesTopFirst);

/// A run's grid as the dialog and the results panel say it, translated:
/// "EPSG:4326 WGS 84 (geographic), pixel 8.50 × 12.60 m"; empty when nothing is known.
QString gridText(const QString& crs, bool geographic, double pixelWidthM, double pixelHeightM);
/// The same for an inspected image (also says when it has no CRS).
QString gridText(const proj::GroundScale& grid);

}  // namespace onemap::plugins
