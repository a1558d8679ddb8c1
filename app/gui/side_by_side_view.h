#pragma once

#include <QObject>
#include <QPointer>

#include <map>
#include <string>

#include "onemap/gui/window_context.h"

class QSplitter;
class QToolButton;
class QWidget;

namespace onemap::project {
struct Project;
}

namespace onemap::render {
class MapSettings;
}

namespace onemap::gui {

/// The linked side-by-side view: splits the window's map area into the main canvas (left) and a
/// second canvas (right), each drawing its own set of layers (default: the second top-most raster
/// left, the top-most raster right, everything else on both). Extents follow each other both ways
/// and the cursor shows as a crosshair in the other canvas. Closing returns to the single view.
/// Owned by the compare controller; GUI thread only.
class SideBySideView : public QObject {
  Q_OBJECT
 public:
  /// Which canvas draws a layer.
  enum Side { Left = 1, Right = 2, Both = Left | Right };

  SideBySideView(const WindowContext& context, QObject* parent = nullptr);
  ~SideBySideView() override;

  bool isOpen() const { return m_right != nullptr; }
  void open();
  void close();

  /// The main canvas (left) and the second one (right, null while closed).
  MapCanvas* leftCanvas() const { return m_context.canvas; }
  MapCanvas* rightCanvas() const { return m_right; }

  /// Where a layer is drawn (layers not assigned are drawn on both sides).
  Side side(const std::string& layerId) const;
  void setSide(const std::string& layerId, Side side);
  /// The default assignment: top-most raster right, the one below it left, the rest both.
  static std::map<std::string, Side> defaultSides(const project::Project& project);

 signals:
  void openChanged(bool open);

 private:
  QWidget* makePane(QWidget* content, Side side, const QString& title);
  void fillLayerMenu(QToolButton* button, Side side);
  void follow(MapCanvas* from, MapCanvas* to, const render::MapSettings& settings);

  WindowContext m_context;
  QPointer<QSplitter> m_splitter;
  QPointer<MapCanvas> m_right;
  std::map<std::string, Side> m_sides;
  bool m_syncing = false;
};

}  // namespace onemap::gui
