#pragma once

#include <QString>

#include "onemap/base/feedback.h"
#include "onemap/render/map_settings.h"

class QPainter;

namespace onemap::render {

/// Draws one layer onto any QPainter (screen image, print image, PDF). Built on the GUI thread
/// from a snapshot of the layer's settings, then used on one worker thread; it opens its own data
/// handles there. Rendering honours feedback.isCanceled() between features/blocks.
class LayerRenderer {
 public:
  virtual ~LayerRenderer() = default;
  /// Draws the layer; returns an error text to show for this layer, or empty on success.
  virtual QString render(QPainter& painter, const MapSettings& settings, Feedback& feedback) = 0;
  /// The layer's opacity (0..1), applied when composing.
  virtual double opacity() const = 0;
};

}  // namespace onemap::render
