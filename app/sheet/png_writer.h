#pragma once

#include <QImage>

#include <filesystem>

#include "onemap/base/error.h"

namespace onemap::sheet {

/// Writes an opaque page image (Format_RGB32) as an 8-bit RGB PNG with its resolution (pHYs).
/// Rows use the "Up" filter and libdeflate's fastest level: a 300 dpi A3 page in about a third of
/// the time of Qt's writer (adaptive filters, zlib) for a file some 10 % larger. Any thread.
Status writeRgbPng(const QImage& image, const std::filesystem::path& file);

}  // namespace onemap::sheet
