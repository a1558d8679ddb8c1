#include "onemap/sheet/atlas_export.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

#include <atomic>
#include <functional>
#include <mutex>
#include <set>
#include <system_error>

#include "onemap/base/text.h"
#include "onemap/base/worker_pool.h"
#include "onemap/layout/layout.h"
#include "onemap/render/renderer_factory.h"
#include "onemap/sheet/map_layers.h"
#include "onemap/sheet/sheet_pages.h"
#include "onemap/storage/atomic_file.h"

namespace onemap::sheet {
namespace {

/// Share of the progress bar taken by reading the coverage features.
constexpr double kReadShare = 0.03;

std::string featureLabel(const AtlasFeature& f) { return f.name.empty() ? f.code : f.code + " " + f.name; }

const char* extensionOf(ExportFormat format) {
  switch (format) {
    case ExportFormat::Pdf: return ".pdf";
    case ExportFormat::Png: return ".png";
    case ExportFormat::GeoTiff: return ".tif";
  }
  return ".pdf";
}

/// What happened to one sheet.
struct SheetOutcome {
  bool written = false;
  bool canceled = false;
  std::string error;
  QStringList problems;
  double seconds = 0.0;
};

/// A sheet's own feedback: its progress goes to the atlas' feedback in the sheet's share of the
/// bar and under the sheet's label ("Sheet 3/12: 320115101001 长岗村"), whatever the layers
/// report; a cancel of the atlas reaches the sheet at its next progress report. One sheet, one
/// thread; not movable (the callback holds `this`).
class SheetProgress {
 public:
  SheetProgress(const Feedback& atlas, std::size_t index, std::size_t count, const AtlasFeature& feature)
      : m_atlas(atlas),
        m_from(kReadShare + (1.0 - kReadShare) * double(index) / double(count)),
        m_span((1.0 - kReadShare) / double(count)),
        m_label(QCoreApplication::translate("Sheet", "Sheet %1/%2: %3")
                    .arg(index + 1)
                    .arg(count)
                    .arg(QString::fromStdString(featureLabel(feature)))
                    .toStdString()),
        m_sheet([this](double fraction, std::string_view) { forward(fraction); }, std::chrono::milliseconds(0)) {
    m_atlas.setProgress(m_from, m_label);
  }
  SheetProgress(const SheetProgress&) = delete;
  SheetProgress& operator=(const SheetProgress&) = delete;
  Feedback& feedback() { return m_sheet; }

 private:
  void forward(double fraction) {
    if (m_atlas.isCanceled()) m_sheet.cancel();
    m_atlas.setProgress(m_from + m_span * fraction, m_label);
  }
  Feedback m_atlas;
  double m_from;
  double m_span;
  std::string m_label;
  Feedback m_sheet;
};

/// The per-sheet result of a feature that cannot have a sheet at all, or empty.
std::string unusableFeature(const AtlasFeature& f) {
  if (f.wkb.empty() || f.outline.isEmpty() || f.extent.isEmpty() || !(f.extent.width() > 0) ||
      !(f.extent.height() > 0))
    return "the coverage feature has no polygon geometry (empty or not a polygon), so its sheet has no extent";
  return {};
}

void fillReport(AtlasReport& report, const std::vector<AtlasFeature>& features,
                const std::vector<SheetOutcome>& outcomes, const std::vector<std::filesystem::path>& files) {
  for (std::size_t i = 0; i < features.size(); ++i) {
    const SheetOutcome& o = outcomes[i];
    if (o.canceled) report.canceled = true;
    if (o.written) {
      if (!files.empty()) report.files.push_back(files[i]);
      report.sheetSeconds.push_back(o.seconds);
      ++report.pages;
      if (!o.problems.isEmpty())
        report.warnings.push_back({featureLabel(features[i]), o.problems.join(QStringLiteral("; ")).toStdString()});
    } else if (!o.error.empty()) {
      report.failures.push_back({featureLabel(features[i]), o.error});
    }
  }
}

/// Runs `work(index)` for every index on `threads` threads (the calling thread among them).
void forEachIndex(std::size_t count, int threads, const std::function<void(std::size_t)>& work) {
  std::atomic<std::size_t> next{0};
  runOnThreads(threads, [&] {
    for (std::size_t i = next++; i < count; i = next++) work(i);
  });
}

Result<AtlasReport> exportFiles(const layout::Layout& layout, const SheetContext& context,
                                const AtlasOptions& options, const std::vector<AtlasFeature>& features,
                                Feedback& feedback) {
  std::error_code ec;
  std::filesystem::create_directories(options.output, ec);
  if (!std::filesystem::is_directory(options.output, ec))
    return fail(ErrorCode::Io, "cannot create the output folder", text::displayPath(options.output),
                "Check the path and that you may write there.");
  // One file per feature; names made unique within the atlas (two villages of the same name).
  std::vector<std::filesystem::path> files;
  std::set<std::string> used;
  for (const auto& f : features) {
    std::string name = atlasFileName(layout.atlas, f, options.format);
    const std::string ext = extensionOf(options.format);
    const std::string stem = name.substr(0, name.size() - ext.size());
    for (int n = 2; used.contains(name); ++n) name = stem + "_" + std::to_string(n) + ext;
    used.insert(name);
    files.push_back(options.output / std::filesystem::path(std::u8string(name.begin(), name.end())));
  }
  if (!options.overwrite) {
    int existing = 0;
    std::filesystem::path first;
    for (const auto& file : files)
      if (std::filesystem::exists(file, ec)) {
        if (existing++ == 0) first = file;
      }
    if (existing > 0)
      return fail(ErrorCode::InvalidInput,
                  std::to_string(existing) + " of the " + std::to_string(files.size()) +
                      " sheet files exist already (the first: " + text::displayPath(first.filename()) + ")",
                  text::displayPath(options.output),
                  "Choose another folder, or allow replacing them (onemap-cli: --overwrite).");
  }

  render::RendererFactory factory;
  std::mutex factoryMutex;
  std::vector<SheetOutcome> outcomes(features.size());
  std::atomic<int> done{0};
  const int threads = std::clamp(options.threads > 0 ? options.threads : QThread::idealThreadCount(), 1,
                                 int(features.size()));
  QElapsedTimer wall;
  wall.start();
  forEachIndex(features.size(), threads, [&](std::size_t i) {
    SheetOutcome& outcome = outcomes[i];
    if (feedback.isCanceled()) {
      outcome.canceled = true;
      return;
    }
    if (std::string why = unusableFeature(features[i]); !why.empty()) {
      outcome.error = why;
      return;
    }
    QElapsedTimer timer;
    timer.start();
    SheetContext sheet = context;
    sheet.atlas = &features[i];
    sheet.renderers = &factory;
    sheet.renderersMutex = &factoryMutex;
    ExportOptions one;
    one.format = options.format;
    one.dpi = options.dpi;
    one.overwrite = options.overwrite;
    SheetProgress progress(feedback, i, features.size(), features[i]);
    auto st = exportSheet(layout, sheet, files[i], one, progress.feedback(), &outcome.problems);
    outcome.seconds = double(timer.nsecsElapsed()) / 1e9;
    if (st) outcome.written = true;
    else if (st.error().code == ErrorCode::Canceled) outcome.canceled = true;
    else outcome.error = st.error().text();
    const int finished = ++done;
    feedback.setProgress(kReadShare + (1.0 - kReadShare) * double(finished) / double(features.size()));
  });
  AtlasReport report;
  report.sheets = int(features.size());
  fillReport(report, features, outcomes, files);
  report.seconds = double(wall.nsecsElapsed()) / 1e9;
  return report;
}

Result<AtlasReport> exportSinglePdf(const layout::Layout& layout, const SheetContext& context,
                                    const AtlasOptions& options, const std::vector<AtlasFeature>& features,
                                    Feedback& feedback) {
  const std::filesystem::path& file = options.output;
  std::error_code ec;
  if (!options.overwrite && std::filesystem::exists(file, ec))
    return fail(ErrorCode::InvalidInput, "the file exists already", text::displayPath(file),
                "Choose another name, or allow replacing it (onemap-cli: --overwrite).");
  if (file.has_parent_path() && !std::filesystem::is_directory(file.parent_path(), ec))
    return fail(ErrorCode::NotFound, "the folder does not exist", text::displayPath(file.parent_path()),
                "Create the folder first, or choose another one.");
  QElapsedTimer wall;
  wall.start();
  const std::filesystem::path temporary = storage::temporarySibling(file);
  struct Cleanup {
    std::filesystem::path path;
    ~Cleanup() {
      std::error_code ignored;
      if (!path.empty()) std::filesystem::remove(path, ignored);
    }
  } cleanup{temporary};
  render::RendererFactory factory;
  std::vector<SheetOutcome> outcomes(features.size());
  {
    PdfPages pdf(temporary, layout, options.dpi, QString::fromStdString(layout.name));
    for (std::size_t i = 0; i < features.size(); ++i) {
      SheetOutcome& outcome = outcomes[i];
      if (feedback.isCanceled()) {
        outcome.canceled = true;
        continue;
      }
      if (std::string why = unusableFeature(features[i]); !why.empty()) {
        outcome.error = why;
        continue;
      }
      QElapsedTimer timer;
      timer.start();
      SheetContext sheet = context;
      sheet.atlas = &features[i];
      sheet.renderers = &factory;
      sheet.renderersMutex = nullptr;
      SheetProgress progress(feedback, i, features.size(), features[i]);
      auto page = pdf.addPage(layout, sheet, progress.feedback());
      if (!page) return fail(page.error());
      outcome.problems = *page;
      outcome.seconds = double(timer.nsecsElapsed()) / 1e9;
      outcome.written = !feedback.isCanceled();
      outcome.canceled = feedback.isCanceled();
    }
    if (feedback.isCanceled()) {
      AtlasReport report;
      report.sheets = int(features.size());
      report.canceled = true;
      report.seconds = double(wall.nsecsElapsed()) / 1e9;
      return report;  // the temporary file goes with `cleanup`
    }
    bool any = false;
    for (const auto& o : outcomes) any = any || o.written;
    if (!any) {
      AtlasReport report;
      report.sheets = int(features.size());
      fillReport(report, features, outcomes, {});
      report.seconds = double(wall.nsecsElapsed()) / 1e9;
      return report;
    }
    if (auto st = pdf.finish(); !st) return fail(st.error());
  }
  if (auto st = storage::publishTemporary(temporary, file); !st) return fail(st.error());
  cleanup.path.clear();
  AtlasReport report;
  report.sheets = int(features.size());
  fillReport(report, features, outcomes, {});
  report.files.push_back(file);
  report.seconds = double(wall.nsecsElapsed()) / 1e9;
  return report;
}

}  // namespace

std::string atlasFileName(const layout::AtlasSettings& settings, const AtlasFeature& feature, ExportFormat format) {
  layout::Variables values;
  values["atlas_code"] = values["village_code"] = feature.code;
  values["atlas_name"] = values["village_name"] = feature.name;
  values["page"] = std::to_string(feature.index + 1);
  for (const auto& [field, value] : feature.attributes) values["field:" + field] = value;
  const std::string pattern = settings.fileNamePattern.empty() ? "{atlas_code}_{atlas_name}" : settings.fileNamePattern;
  std::string name = layout::expandVariables(pattern, values);
  for (char& c : name) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f || std::string_view("/\\:*?\"<>|{}").find(c) != std::string_view::npos) c = '_';
  }
  // No leading/trailing blanks or dots (Windows drops them), never empty.
  const auto first = name.find_first_not_of(" .");
  const auto last = name.find_last_not_of(" .");
  name = first == std::string::npos ? std::string() : name.substr(first, last - first + 1);
  if (name.empty()) name = "sheet_" + std::to_string(feature.index + 1);
  if (name.size() > 200) {  // at a character boundary
    std::size_t cut = 200;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
    name.resize(cut);
  }
  return name + extensionOf(format);
}

Result<AtlasReport> exportAtlas(const layout::Layout& layout, const SheetContext& context,
                                const AtlasOptions& options, Feedback& feedback) {
  if (!context.project) return fail(ErrorCode::Internal, "no project for the atlas", layout.name);
  if (!layout.atlasMap())
    return fail(ErrorCode::InvalidInput, "the layout has no map frame for the atlas", layout.name,
                "Add a map frame to the layout.");
  if (options.singleFile && options.format != ExportFormat::Pdf)
    return fail(ErrorCode::InvalidInput, "only PDF atlases can be written as one file", layout.name,
                "Choose PDF, or one file per sheet.");
  if (!(options.dpi >= 10 && options.dpi <= 2400))
    return fail(ErrorCode::InvalidInput, "the resolution must be between 10 and 2400 dpi", std::to_string(options.dpi));
  if (options.output.empty()) return fail(ErrorCode::InvalidInput, "no output given for the atlas", layout.name);
  // The export drives the atlas whether or not the layout has it switched on.
  layout::Layout driven = layout;
  driven.atlas.enabled = true;
  Feedback reading = feedback.subRange(0.0, kReadShare);
  auto features = readAtlasFeatures(*context.project, driven.atlas, sheetCrs(context), options.extraFilter, reading);
  if (!features) return fail(features.error());
  if (features->empty()) {
    std::string filter = driven.atlas.filter;
    if (!options.extraFilter.empty()) filter += (filter.empty() ? "" : " AND ") + options.extraFilter;
    return fail(ErrorCode::InvalidInput,
                filter.empty() ? "the coverage layer has no features" : "no coverage feature matches the filter",
                filter.empty() ? driven.atlas.coverageLayerId : "\"" + filter + "\" on layer " + driven.atlas.coverageLayerId,
                "Check the filter's field names, values and quoting.");
  }
  return options.singleFile ? exportSinglePdf(driven, context, options, *features, feedback)
                            : exportFiles(driven, context, options, *features, feedback);
}

}  // namespace onemap::sheet
