#pragma once

#include <QRectF>
#include <QString>

#include <filesystem>

class QPainter;

namespace onemap::sheet {

/// Draws the SVG (as vectors) or raster image in `file` into `box` (page mm), centred with its
/// aspect ratio kept when `keepAspect`. When the file is missing or unreadable it draws a crossed
/// placeholder box instead and returns an error text naming the file; empty on success.
QString drawPictureFile(QPainter& painter, const std::filesystem::path& file, const QRectF& box, bool keepAspect);

/// The crossed box that stands for a picture that cannot be drawn.
void drawPicturePlaceholder(QPainter& painter, const QRectF& box);

}  // namespace onemap::sheet
