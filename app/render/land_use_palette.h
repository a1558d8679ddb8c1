#pragma once

#include <QColor>

#include <string>

namespace onemap::render {

/// Map colour for a 三调 land-use code (DLBM): yellows for cropland, purples for gardens, greens
/// for forest and grass, reds for construction, greys for transport, blues for water. Unknown
/// codes fall back to their two-digit class, then to grey. (Approximates the customary 三调
/// colours; the exact official table is not confirmed.)
QColor landUseColor(const std::string& dlbm);

}  // namespace onemap::render
