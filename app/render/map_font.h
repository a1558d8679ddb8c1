#pragma once

#include <QFont>

namespace onemap::render {

/// The font for text drawn on maps (labels, and later map-sheet text): a CJK font whose PDF
/// text maps back to the right Unicode characters (WenQuanYi Micro Hei when installed; Noto CJK
/// maps shared glyphs such as 水 to Kangxi radicals, which breaks searching a PDF), else the
/// application's default. Thread-safe.
QFont mapFont(double pointSize);

}  // namespace onemap::render
