#include "detail/dataset_open.h"

#include <cpl_string.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <system_error>

#include "detail/encoding_detection.h"
#include "onemap/base/text.h"
#include "onemap/gdal/cpl_error_capture.h"
#include "onemap/gdal/gdal_init.h"

namespace onemap::vector::detail {
namespace {

constexpr std::array<const char*, 8> kAllowedDrivers = {
    "GPKG", "ESRI Shapefile", "GeoJSON", "OpenFileGDB", "LIBKML", "KML", "CSV", nullptr};

// Column names GDAL's CSV driver should take as geometry (matched case-insensitively).
constexpr const char* kWktNames[] = {"WKT", "geom", "geometry", "the_geom", "wkt_geom", "shape", "几何"};
constexpr const char* kXNames[] = {"X",       "lon",  "lng",  "long", "longitude",
                                   "POINT_X", "经度", "东经", "X坐标"};
constexpr const char* kYNames[] = {"Y", "lat", "latitude", "POINT_Y", "纬度", "北纬", "Y坐标"};

std::string lowerExtension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

// The format a file extension promises, empty when it is not one OneMap reads.
std::string formatForExtension(const std::string& ext) {
  if (ext == ".gpkg") return "GeoPackage";
  if (ext == ".shp" || ext == ".dbf") return "Shapefile";
  if (ext == ".geojson" || ext == ".json") return "GeoJSON";
  if (ext == ".gdb") return "File Geodatabase";
  if (ext == ".kml" || ext == ".kmz") return "KML";
  if (ext == ".csv") return "CSV";
  return {};
}

// Each name as given, plus its GB18030 spelling when it is not ASCII (for GBK-encoded CSVs).
template <std::size_t N>
std::string possibleNames(const char* const (&names)[N]) {
  std::string out;
  for (const char* name : names) {
    if (!out.empty()) out += ',';
    out += name;
    if (text::isAscii(name)) continue;
    if (char* gb = CPLRecode(name, CPL_ENC_UTF8, "GB18030"); gb != nullptr) {
      if (std::string(gb) != name) out += std::string(",") + gb;
      CPLFree(gb);
    }
  }
  return out;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

Status addCsvOptions(const OpenOptions& options, CPLStringList& openOptions) {
  if (options.csvXField.empty() != options.csvYField.empty())
    return fail(ErrorCode::InvalidInput, "csvXField and csvYField must be given together", {},
                "name both the X (longitude/easting) and the Y (latitude/northing) column");
  openOptions.SetNameValue("GEOM_POSSIBLE_NAMES", options.csvWktField.empty()
                                                      ? possibleNames(kWktNames).c_str()
                                                      : options.csvWktField.c_str());
  openOptions.SetNameValue("X_POSSIBLE_NAMES", options.csvXField.empty() ? possibleNames(kXNames).c_str()
                                                                         : options.csvXField.c_str());
  openOptions.SetNameValue("Y_POSSIBLE_NAMES", options.csvYField.empty() ? possibleNames(kYNames).c_str()
                                                                         : options.csvYField.c_str());
  openOptions.SetNameValue("KEEP_GEOM_COLUMNS", "NO");
  return {};
}

// A CSV layer without geometry columns cannot be drawn or analysed: say which columns we expected.
Status checkCsvGeometry(OpenedDataset& opened, const OpenOptions& options) {
  for (int i = 0; i < opened.dataset->GetLayerCount(); ++i) {
    OGRLayer* layer = opened.dataset->GetLayer(i);
    if (layer == nullptr || layer->GetGeomType() != wkbNone) continue;
    std::vector<std::string> columns;
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    for (int f = 0; f < defn->GetFieldCount(); ++f)
      columns.push_back(toUtf8Text(defn->GetFieldDefn(f)->GetNameRef(), opened.recodeFrom));
    std::string expected;
    if (!options.csvWktField.empty())
      expected = "a WKT column named '" + options.csvWktField + "' (csvWktField)";
    else if (!options.csvXField.empty())
      expected = "X/Y columns named '" + options.csvXField + "' and '" + options.csvYField + "'";
    else
      expected =
          "a WKT column (WKT, geom, geometry) or X/Y columns (X, lon, longitude, 经度 and Y, lat, "
          "latitude, 纬度)";
    return fail(ErrorCode::InvalidInput, "the CSV file has no geometry columns: expected " + expected,
                opened.context,
                "the columns are: " + joined(columns) +
                    "; rename them or set csvWktField or csvXField/csvYField in the open options");
  }
  return {};
}

Status chooseEncoding(OpenedDataset& opened, const std::string& ext, const OpenOptions& options,
                      CPLStringList& openOptions) {
  const bool shapefile = ext == ".shp" || ext == ".dbf";
  const bool csv = ext == ".csv";
  std::error_code ec;
  const bool folder = ext != ".gdb" && std::filesystem::is_directory(opened.path, ec);  // of Shapefiles
  if (!options.encoding.empty()) {
    const std::string name = normalizeEncodingName(options.encoding);
    if (name.empty())
      return fail(ErrorCode::InvalidInput, "unknown text encoding '" + options.encoding + "'", opened.context,
                  "use an encoding name such as UTF-8, GB18030, GBK or CP936");
    if (shapefile || csv || folder) {
      opened.encoding = name;
      opened.encodingSource = "user override";
    } else {
      opened.warnings.push_back("the encoding option (" + name +
                                ") was ignored: this format always stores UTF-8");
    }
  } else if (shapefile || csv) {
    EncodingChoice choice = shapefile ? detectShapefileEncoding(opened.path) : detectCsvEncoding(opened.path);
    opened.encoding = choice.encoding;
    opened.encodingSource = choice.source;
    opened.warnings.insert(opened.warnings.end(), choice.warnings.begin(), choice.warnings.end());
  }
  if (!opened.encoding.empty() && (shapefile || folder))
    openOptions.SetNameValue("ENCODING", opened.encoding.c_str());
  if (csv && opened.encoding != "UTF-8") opened.recodeFrom = opened.encoding;
  return {};
}

Error openFailure(const gdal::CplErrorCapture& capture, const OpenedDataset& opened, const std::string& ext) {
  const char* const* allowed = kAllowedDrivers.data();
  std::string format = formatForExtension(ext);
  if (format.empty())
    if (GDALDriverH driver = GDALIdentifyDriverEx(opened.path.c_str(), GDAL_OF_VECTOR, allowed, nullptr))
      format = GDALGetDriverLongName(driver);
  if (!format.empty())
    return capture.toError(
        ErrorCode::OpenFailed,
        "cannot read the file as " + format + "; it may be damaged, incomplete or not really " + format,
        opened.context, "check that the file was copied completely, or export it again from the source GIS");
  std::string what = "this is not a vector format OneMap reads";
  if (GDALDriverH other =
          GDALIdentifyDriverEx(opened.path.c_str(), GDAL_OF_RASTER | GDAL_OF_VECTOR, nullptr, nullptr))
    what += " (GDAL recognises it as " + std::string(GDALGetDriverLongName(other)) + ")";
  return Error{ErrorCode::Unsupported, what, opened.context, supportedFormatsHint()};
}

}  // namespace

const char* supportedFormatsHint() {
  return "OneMap reads GeoPackage (.gpkg), Shapefile (.shp), GeoJSON (.geojson, .json), File Geodatabase "
         "(.gdb folder), KML (.kml, .kmz) and CSV with a WKT column or X/Y columns (.csv)";
}

Result<OpenedDataset> openDataset(const std::filesystem::path& path, const OpenOptions& options) {
  gdal::ensureInitialized();
  OpenedDataset opened;
  opened.path = path;
  opened.context = text::displayPath(path);
  const bool virtualPath = path.native().rfind("/vsi", 0) == 0;
  if (!virtualPath) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
      return fail(ErrorCode::NotFound, "the file does not exist", opened.context,
                  "check the path, or whether the file was moved or renamed");
  }
  const std::string ext = lowerExtension(path);
  CPLStringList openOptions;
  if (auto status = chooseEncoding(opened, ext, options, openOptions); !status) return fail(status.error());
  if (ext == ".csv")
    if (auto status = addCsvOptions(options, openOptions); !status)
      return fail(status.error().withContext(opened.context));

  gdal::CplErrorCapture capture;
  opened.dataset.reset(GDALDataset::Open(path.c_str(),
                                         GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR,
                                         kAllowedDrivers.data(), openOptions.List(), nullptr));
  if (!opened.dataset) return fail(openFailure(capture, opened, ext));
  GDALDriver* driver = opened.dataset->GetDriver();
  opened.driver = driver != nullptr ? driver->GetDescription() : "";
  const char* longName = driver != nullptr ? driver->GetMetadataItem(GDAL_DMD_LONGNAME) : nullptr;
  opened.driverLongName = longName != nullptr ? longName : opened.driver;
  // A folder of Shapefiles keeps GDAL's per-layer choice (see describeLayer); the rest is UTF-8.
  if (opened.encoding.empty() && opened.driver != "ESRI Shapefile") {
    opened.encoding = "UTF-8";
    opened.encodingSource = "format (always UTF-8)";
  }

  if (opened.driver == "CSV") {
    if (auto status = checkCsvGeometry(opened, options); !status) return fail(status.error());
    if (!options.csvCrs.empty()) {
      opened.assignedCrs.reset(new OGRSpatialReference());
      opened.assignedCrs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
      if (opened.assignedCrs->SetFromUserInput(options.csvCrs.c_str(),
                                               OGRSpatialReference::SET_FROM_USER_INPUT_LIMITATIONS_get()) !=
          OGRERR_NONE)
        return fail(ErrorCode::InvalidInput,
                    "csvCrs '" + options.csvCrs + "' is not a coordinate system GDAL knows", opened.context,
                    "give it as EPSG:4490, EPSG:4549... or as WKT");
    } else {
      opened.warnings.push_back(
          "CSV files carry no coordinate system; set csvCrs (e.g. EPSG:4490 for CGCS2000 "
          "longitude/latitude)");
    }
  }
  return opened;
}

Result<OGRLayer*> findLayer(const OpenedDataset& opened, const std::string& name) {
  const int count = opened.dataset->GetLayerCount();
  if (count == 0)
    return fail(ErrorCode::InvalidInput, "the file contains no vector layers", opened.context,
                "check that this is the right file");
  if (name.empty()) return opened.dataset->GetLayer(0);
  std::vector<std::string> names;
  for (int i = 0; i < count; ++i) {
    OGRLayer* layer = opened.dataset->GetLayer(i);
    const char* raw = layer->GetName();
    const std::string shown = toUtf8Text(raw, opened.recodeFrom);
    if (name == raw || name == shown) return layer;
    names.push_back(shown);
  }
  return fail(ErrorCode::InvalidInput, "there is no layer named '" + text::escapeInvalidUtf8(name) + "'",
              opened.context, "available layers: " + joined(names));
}

const OGRSpatialReference* layerCrs(const OpenedDataset& opened, OGRLayer& layer) {
  if (opened.assignedCrs) return opened.assignedCrs.get();
  return layer.GetSpatialRef();
}

std::string toUtf8Text(const char* raw, const std::string& recodeFrom) {
  if (raw == nullptr) return {};
  const std::string_view bytes(raw);
  if (text::isAscii(bytes)) return std::string(bytes);
  if (!recodeFrom.empty())
    if (auto decoded = text::toUtf8(bytes, recodeFrom.c_str())) return *decoded;
  if (text::isValidUtf8(bytes)) return std::string(bytes);
  if (auto decoded = text::toUtf8(bytes, "GB18030")) return *decoded;
  return text::escapeInvalidUtf8(bytes);
}

std::string layerContext(const OpenedDataset& opened, const std::string& layerName) {
  return opened.context + ", layer '" + layerName + "'";
}

}  // namespace onemap::vector::detail
