#include "onemap/sheet/picture_file.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QImageReader>
#include <QPainter>
#include <QSvgRenderer>

#include <map>
#include <mutex>

namespace onemap::sheet {
namespace {

QString displayPath(const std::filesystem::path& file) { return QString::fromStdU32String(file.u32string()); }

/// Raster images by path and modification time: an atlas draws the same logo on every sheet.
QImage cachedImage(const QString& path, QString* error) {
  static std::mutex mutex;
  static std::map<QString, std::pair<QDateTime, QImage>> cache;
  const QDateTime modified = QFileInfo(path).lastModified();
  {
    std::lock_guard lock(mutex);
    if (auto it = cache.find(path); it != cache.end() && it->second.first == modified) return it->second.second;
  }
  QImageReader reader(path);
  reader.setAutoTransform(true);
  QImage image = reader.read();
  if (image.isNull()) {
    *error = reader.errorString();
    return image;
  }
  std::lock_guard lock(mutex);
  if (cache.size() > 32) cache.clear();
  cache[path] = {modified, image};
  return image;
}

QRectF fitted(const QRectF& box, QSizeF size, bool keepAspect) {
  if (!keepAspect || size.isEmpty()) return box;
  const QSizeF s = size.scaled(box.size(), Qt::KeepAspectRatio);
  return QRectF(box.center().x() - s.width() / 2.0, box.center().y() - s.height() / 2.0, s.width(), s.height());
}

}  // namespace

void drawPicturePlaceholder(QPainter& painter, const QRectF& box) {
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  QPen pen(QColor(200, 0, 0), 0.3);
  painter.setPen(pen);
  painter.setBrush(QColor(255, 235, 235));
  const QRectF inner = box.adjusted(0.15, 0.15, -0.15, -0.15);  // the pen stays inside the item
  painter.drawRect(inner);
  painter.drawLine(inner.topLeft(), inner.bottomRight());
  painter.drawLine(inner.topRight(), inner.bottomLeft());
  painter.restore();
}

QString drawPictureFile(QPainter& painter, const std::filesystem::path& file, const QRectF& box, bool keepAspect) {
  const QString path = displayPath(file);
  const QFileInfo info(path);
  if (file.empty() || !info.isFile()) {
    drawPicturePlaceholder(painter, box);
    return QCoreApplication::translate("SheetItems", "The picture file %1 does not exist: choose another file or copy it there.")
        .arg(file.empty() ? QCoreApplication::translate("SheetItems", "(none)") : path);
  }
  if (info.suffix().compare("svg", Qt::CaseInsensitive) == 0 || info.suffix().compare("svgz", Qt::CaseInsensitive) == 0) {
    QSvgRenderer svg(path);
    if (!svg.isValid()) {
      drawPicturePlaceholder(painter, box);
      return QCoreApplication::translate("SheetItems", "The SVG file %1 cannot be read: check that it is a valid SVG image.").arg(path);
    }
    QSizeF size = svg.viewBoxF().size();
    if (size.isEmpty()) size = svg.defaultSize();
    painter.save();
    svg.render(&painter, fitted(box, size, keepAspect));
    painter.restore();
    return {};
  }
  QString error;
  const QImage image = cachedImage(path, &error);
  if (image.isNull()) {
    drawPicturePlaceholder(painter, box);
    return QCoreApplication::translate("SheetItems", "The image file %1 cannot be read (%2): save it as PNG, JPEG or SVG.").arg(path, error);
  }
  painter.save();
  painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
  painter.drawImage(fitted(box, QSizeF(image.size()), keepAspect), image);
  painter.restore();
  return {};
}

}  // namespace onemap::sheet
