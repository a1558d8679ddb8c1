#include "onemap/sheet/sheet_export.h"

#include <QFile>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <system_error>

#include "onemap/base/text.h"
#include "onemap/layout/item_properties.h"
#include "onemap/layout/layout.h"
#include "onemap/raster/image_geotiff.h"
#include "onemap/sheet/frame_view.h"
#include "onemap/sheet/map_layers.h"
#include "onemap/sheet/png_writer.h"
#include "onemap/sheet/sheet_context.h"
#include "onemap/sheet/sheet_pages.h"
#include "onemap/sheet/sheet_variables.h"
#include "onemap/storage/atomic_file.h"

namespace onemap::sheet {
namespace {

constexpr double kPi = 3.14159265358979323846;

std::string lowerExtension(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return ext;
}

/// The sidecar files a raster export writes next to `file`.
std::vector<std::filesystem::path> sidecars(const std::filesystem::path& file, ExportFormat format) {
  if (format != ExportFormat::Png) return {};
  std::filesystem::path world = file, prj = file;
  world.replace_extension(".pgw");
  prj.replace_extension(".prj");
  return {world, prj};
}

Status refuseExisting(const std::filesystem::path& file) {
  return fail(ErrorCode::InvalidInput, "the file exists already", text::displayPath(file),
              "Choose another name, or allow replacing it (onemap-cli: --overwrite).");
}

/// Removes a temporary file on every way out unless released.
struct TemporaryFile {
  std::filesystem::path path;
  ~TemporaryFile() {
    if (path.empty()) return;
    std::error_code ec;
    std::filesystem::remove(path, ec);
  }
};

Status canceled(const std::filesystem::path& file) {
  return fail(ErrorCode::Canceled, "export canceled", text::displayPath(file));
}

Status writePdf(const layout::Layout& layout, const SheetContext& context, const std::filesystem::path& file,
                const ExportOptions& options, Feedback& feedback, QStringList& problems) {
  TemporaryFile temporary{storage::temporarySibling(file)};
  {
    PdfPages pdf(temporary.path, layout, options.dpi, sheetTitle(layout, context));
    auto page = pdf.addPage(layout, context, feedback);
    if (!page) return fail(page.error());
    problems << *page;
    if (feedback.isCanceled()) return canceled(file);
    if (auto st = pdf.finish(); !st) return st;
  }
  if (auto st = storage::publishTemporary(temporary.path, file); !st) return st;
  temporary.path.clear();
  return {};
}

Status writePng(const QImage& page, const std::filesystem::path& file) {
  TemporaryFile temporary{storage::temporarySibling(file)};
  if (auto st = writeRgbPng(page, temporary.path); !st) return st;
  if (auto st = storage::publishTemporary(temporary.path, file); !st) return st;
  temporary.path.clear();
  return {};
}

Status writeGeoTiff(const QImage& page, const std::filesystem::path& file, const std::array<double, 6>* transform,
                    const std::string& crs, double dpi) {
  TemporaryFile temporary{storage::temporarySibling(file)};
  const QImage rgba = page.convertToFormat(QImage::Format_RGBA8888);
  raster::GeoTiffOptions options;
  if (transform) {
    options.geoTransform = *transform;
    options.crs = crs;
  } else {
    // No map frame: pixel coordinates, as an image viewer would show them.
    options.geoTransform = {0, 1, 0, 0, 0, 1};
  }
  options.dpi = dpi;
  if (auto st = raster::writeRgbaGeoTiff(temporary.path,
                                         {rgba.constBits(), rgba.width(), rgba.height(), rgba.bytesPerLine()}, options);
      !st)
    return st;
  if (auto st = storage::publishTemporary(temporary.path, file); !st) return st;
  temporary.path.clear();
  return {};
}

}  // namespace

std::optional<ExportFormat> formatForPath(const std::filesystem::path& file) {
  const std::string ext = lowerExtension(file);
  if (ext == ".pdf") return ExportFormat::Pdf;
  if (ext == ".png") return ExportFormat::Png;
  if (ext == ".tif" || ext == ".tiff") return ExportFormat::GeoTiff;
  return std::nullopt;
}

QString sheetTitle(const layout::Layout& layout, const SheetContext& context) {
  if (const layout::Item* title = layout.item("title"); title && title->type == layout::ItemType::Label) {
    const std::string text = layout::expandVariables(title->prop(layout::keys::kText),
                                                     sheetVariables(layout, *title, context));
    if (!text.empty()) return QString::fromStdString(text).simplified();
  }
  return QString::fromStdString(layout.name);
}

std::optional<std::array<double, 6>> pageGeoTransform(const layout::Layout& layout, const SheetContext& context,
                                                      double dotsPerMm) {
  const layout::Item* map = layout.atlasMap();
  if (!map || !(dotsPerMm > 0)) return std::nullopt;
  const FrameView view = frameView(layout, *map, context);
  if (!view.isValid()) return std::nullopt;
  // Page pixel → page mm → the frame's own mm (undoing the item's turn about its centre) → map.
  const double r = -map->rotation * kPi / 180.0;
  const double c = std::cos(r), s = std::sin(r);
  const double cx = map->width / 2.0, cy = map->height / 2.0;
  const auto toMap = [&](double px, double py) {
    const double x = px / dotsPerMm - map->x - cx, y = py / dotsPerMm - map->y - cy;
    return view.toMap(QPointF(cx + x * c - y * s, cy + x * s + y * c));
  };
  constexpr double kStep = 1000.0;  // differences over many pixels keep the digits
  const QPointF origin = toMap(0, 0), right = toMap(kStep, 0), down = toMap(0, kStep);
  return std::array<double, 6>{origin.x(), (right.x() - origin.x()) / kStep, (down.x() - origin.x()) / kStep,
                               origin.y(), (right.y() - origin.y()) / kStep, (down.y() - origin.y()) / kStep};
}

std::string worldFileText(const std::array<double, 6>& gt) {
  char text[512];
  std::snprintf(text, sizeof text, "%.12f\n%.12f\n%.12f\n%.12f\n%.6f\n%.6f\n", gt[1], gt[4], gt[2], gt[5],
                gt[0] + 0.5 * gt[1] + 0.5 * gt[2], gt[3] + 0.5 * gt[4] + 0.5 * gt[5]);
  return text;
}

Status exportSheet(const layout::Layout& layout, const SheetContext& context, const std::filesystem::path& file,
                   const ExportOptions& options, Feedback& feedback, QStringList* problems) {
  if (!(options.dpi >= 10 && options.dpi <= 2400))
    return fail(ErrorCode::InvalidInput, "the resolution must be between 10 and 2400 dpi",
                std::to_string(options.dpi));
  std::error_code ec;
  if (!options.overwrite) {
    if (std::filesystem::exists(file, ec)) return refuseExisting(file);
    for (const auto& sidecar : sidecars(file, options.format))
      if (std::filesystem::exists(sidecar, ec)) return refuseExisting(sidecar);
  }
  if (file.has_parent_path() && !std::filesystem::is_directory(file.parent_path(), ec))
    return fail(ErrorCode::NotFound, "the folder does not exist", text::displayPath(file.parent_path()),
                "Create the folder first, or choose another one.");
  QStringList drawn;
  if (options.format == ExportFormat::Pdf) {
    if (auto st = writePdf(layout, context, file, options, feedback, drawn); !st) return st;
    if (problems) *problems << drawn;
    return {};
  }

  auto page = renderPageImage(layout, context, options.dpi, feedback, drawn);
  if (!page) return fail(page.error());
  if (feedback.isCanceled()) return canceled(file);
  const double dotsPerMm = options.dpi / 25.4;
  const auto transform = pageGeoTransform(layout, context, dotsPerMm);
  const std::string crs = sheetCrs(context);
  if (options.format == ExportFormat::GeoTiff) {
    if (auto st = writeGeoTiff(*page, file, transform ? &*transform : nullptr, crs, options.dpi); !st) return st;
  } else {
    if (auto st = writePng(*page, file); !st) return st;
    const auto files = sidecars(file, options.format);
    if (transform) {
      if (auto st = storage::writeFileAtomically(files[0], worldFileText(*transform)); !st) return st;
      if (!crs.empty()) {
        auto wkt = raster::crsWkt(crs, true);
        if (!wkt) drawn << QString::fromStdString(wkt.error().text());
        else if (auto st = storage::writeFileAtomically(files[1], *wkt + "\n"); !st) return st;
      }
    }
  }
  if (problems) *problems << drawn;
  return {};
}

}  // namespace onemap::sheet
