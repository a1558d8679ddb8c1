#include "onemap/sheet/sheet_pages.h"

#include <QCoreApplication>
#include <QFile>
#include <QPageLayout>
#include <QPageSize>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include "onemap/base/text.h"
#include "onemap/layout/layout.h"
#include "onemap/sheet/layout_renderer.h"
#include "onemap/sheet/sheet_context.h"

namespace onemap::sheet {
namespace {

/// Page images above this many pixels are refused (an A0 sheet at 600 dpi is 557 Mpx).
constexpr double kMaxPagePixels = 400e6;

QPageSize exactPageSize(const layout::Layout& layout) {
  return QPageSize(QSizeF(layout.pageWidthMm, layout.pageHeightMm), QPageSize::Millimeter,
                   QString::fromStdString(layout.name), QPageSize::ExactMatch);
}

/// Qt writes the page size in whole points (420 mm → 1191 pt). Rewrites each page's MediaBox to
/// the exact size in place, with the same number of bytes so that the file's offsets stay valid:
/// [0 y0 W 842] keeps the top edge where Qt's content starts (it draws from the top down).
bool writeExactMediaBoxes(const std::filesystem::path& file, double widthPt, double heightPt) {
  QFile pdf(QFile::decodeName(file.c_str()));
  if (!pdf.open(QIODevice::ReadWrite)) return false;
  uchar* data = pdf.map(0, pdf.size());
  if (!data) return false;
  const std::string_view bytes(reinterpret_cast<const char*>(data), std::size_t(pdf.size()));
  constexpr std::string_view key = "/MediaBox [0 0 ";
  bool all = true;
  for (std::size_t at = bytes.find(key); at != std::string_view::npos; at = bytes.find(key, at + key.size())) {
    const std::size_t begin = at + key.size() - 2;  // the second "0"
    const std::size_t end = bytes.find(']', begin);
    if (end == std::string_view::npos || end - begin > 40) continue;
    double w = 0, h = 0;
    if (std::sscanf(std::string(bytes.substr(begin + 2, end - begin - 2)).c_str(), "%lf %lf", &w, &h) != 2 ||
        std::abs(w - widthPt) > 1.0 || std::abs(h - heightPt) > 1.0)
      continue;
    const std::size_t room = end - begin;
    std::string box;
    for (int digits = 6; digits >= 2; --digits) {
      char text[96];
      std::snprintf(text, sizeof text, "%.*f %.*f %.*f", digits, h - heightPt, digits, widthPt, digits, h);
      box = text;
      if (box.size() <= room) break;
    }
    if (box.size() > room) {
      all = false;
      continue;
    }
    box.resize(room, ' ');
    std::memcpy(data + begin, box.data(), room);
  }
  pdf.unmap(data);
  return all;
}

}  // namespace

PdfPages::PdfPages(const std::filesystem::path& file, const layout::Layout& layout, double dpi, const QString& title)
    : m_file(file),
      m_writer(std::make_unique<QPdfWriter>(QFile::decodeName(file.c_str()))),
      m_widthMm(layout.pageWidthMm),
      m_heightMm(layout.pageHeightMm) {
  m_writer->setResolution(int(std::lround(dpi)));
  m_writer->setPageLayout(QPageLayout(exactPageSize(layout), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0),
                                      QPageLayout::Millimeter));
  m_writer->setTitle(title);
  m_writer->setCreator(QStringLiteral("OneMap Agri"));
}

PdfPages::~PdfPages() {
  if (m_painter.isActive()) m_painter.end();
}

Result<QStringList> PdfPages::addPage(const layout::Layout& layout, const SheetContext& context, Feedback& feedback) {
  if (m_failed) return fail(ErrorCode::Io, "cannot write the PDF", text::displayPath(m_file));
  if (!m_started) {
    if (!m_painter.begin(m_writer.get())) {
      m_failed = true;
      return fail(ErrorCode::Io, "cannot write the PDF", text::displayPath(m_file),
                  "Check that the folder exists and is writable.");
    }
    m_started = true;
  } else if (!m_writer->newPage()) {
    m_failed = true;
    return fail(ErrorCode::Io, "cannot add a page to the PDF", text::displayPath(m_file));
  }
  // The device's own resolution: QPdfWriter rounds the requested one to whole dots per inch.
  const double dotsPerMm = m_writer->resolution() / 25.4;
  return renderLayout(m_painter, layout, context, dotsPerMm, feedback);
}

Status PdfPages::finish() {
  if (!m_started) return fail(ErrorCode::Internal, "the PDF has no page", text::displayPath(m_file));
  if (!m_painter.end() || m_failed)
    return fail(ErrorCode::Io, "cannot finish the PDF", text::displayPath(m_file),
                "Check the free disk space and that the folder is writable.");
  if (!writeExactMediaBoxes(m_file, m_widthMm / 25.4 * 72.0, m_heightMm / 25.4 * 72.0))
    return fail(ErrorCode::Io, "cannot set the exact page size of the PDF", text::displayPath(m_file));
  return {};
}

QSize pageImageSize(const layout::Layout& layout, double dpi) {
  const double dotsPerMm = dpi / 25.4;
  return QSize(std::max(1, int(std::lround(layout.pageWidthMm * dotsPerMm))),
               std::max(1, int(std::lround(layout.pageHeightMm * dotsPerMm))));
}

Result<QImage> renderPageImage(const layout::Layout& layout, const SheetContext& context, double dpi,
                               Feedback& feedback, QStringList& problems) {
  const QSize size = pageImageSize(layout, dpi);
  if (double(size.width()) * double(size.height()) > kMaxPagePixels)
    return fail(ErrorCode::OutOfMemory,
                "a page of " + std::to_string(size.width()) + " × " + std::to_string(size.height()) +
                    " pixels is too large",
                layout.name, "Export at a lower resolution, or as PDF.");
  QImage image(size, QImage::Format_RGB32);  // paper is opaque: no alpha to carry or convert
  if (image.isNull())
    return fail(ErrorCode::OutOfMemory, "not enough memory for the page image", layout.name,
                "Export at a lower resolution, or as PDF.");
  image.setDotsPerMeterX(int(std::lround(dpi / 0.0254)));
  image.setDotsPerMeterY(int(std::lround(dpi / 0.0254)));
  image.fill(Qt::white);
  QPainter painter(&image);
  problems << renderLayout(painter, layout, context, dpi / 25.4, feedback);
  painter.end();
  return image;
}

}  // namespace onemap::sheet
