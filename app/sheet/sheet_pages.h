#pragma once

#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QStringList>

#include <filesystem>
#include <memory>

#include "onemap/base/error.h"
#include "onemap/base/feedback.h"

namespace onemap::layout {
struct Layout;
}

namespace onemap::sheet {

struct SheetContext;

/// A PDF being written page by page (one sheet, or an atlas in one file): page size exactly the
/// layout's (finish() corrects Qt's whole-point MediaBox), no margins, rasters at `dpi`, title and
/// creator metadata. One thread.
class PdfPages {
 public:
  PdfPages(const std::filesystem::path& file, const layout::Layout& layout, double dpi, const QString& title);
  ~PdfPages();
  PdfPages(const PdfPages&) = delete;
  PdfPages& operator=(const PdfPages&) = delete;

  /// Draws the sheet on a new page; returns what could not be drawn, or an error when the file
  /// cannot be written.
  Result<QStringList> addPage(const layout::Layout& layout, const SheetContext& context, Feedback& feedback);
  /// Ends the document (the file is complete once this succeeds).
  Status finish();

 private:
  std::filesystem::path m_file;
  std::unique_ptr<QPdfWriter> m_writer;
  QPainter m_painter;
  double m_widthMm = 0.0;
  double m_heightMm = 0.0;
  bool m_started = false;
  bool m_failed = false;
};

/// The page drawn into an image of `dpi` (white paper); a null image with an error when it would
/// not fit in memory.
Result<QImage> renderPageImage(const layout::Layout& layout, const SheetContext& context, double dpi,
                               Feedback& feedback, QStringList& problems);

/// Pixel size of a page at `dpi`.
QSize pageImageSize(const layout::Layout& layout, double dpi);

}  // namespace onemap::sheet
