#pragma once

#include <QFutureWatcher>
#include <QPoint>
#include <QRectF>

#include <memory>
#include <string>
#include <vector>

#include "onemap/base/feedback.h"
#include "onemap/gui/map_tool.h"
#include "onemap/gui/selection_model.h"

namespace onemap::gui {

class ProjectController;
struct WindowContext;

/// Select Features: a click selects the features under the cursor, a dragged rectangle those
/// touching it; Shift adds to the selection, Ctrl removes from it. Works on the attribute table's
/// layer (SelectionModel::activeLayer), else on the top-most visible vector layer. Features are
/// read on a worker thread. Owned by the canvas; GUI thread only.
class SelectTool : public MapTool {
  Q_OBJECT
 public:
  enum class Mode { Replace, Add, Remove };

  SelectTool(MapCanvas* canvas, ProjectController* project, SelectionModel* selection);
  ~SelectTool() override;

  /// Creates the tool with its Tools-menu and tool-bar actions (Select Features, Clear Selection).
  static SelectTool* install(const WindowContext& context);

  /// The layer a selection goes to now (id), empty when there is no visible vector layer.
  std::string targetLayer() const;
  /// Selects in the target layer what `mapRect` touches (a click: a tiny rectangle around it).
  void select(const QRectF& mapRect, bool isClick, Mode mode);
  bool isBusy() const { return bool(m_watcher); }

  void mousePress(QMouseEvent* event) override;
  void mouseMove(QMouseEvent* event) override;
  void mouseRelease(QMouseEvent* event) override;
  bool keyPress(QKeyEvent* event) override;
  void paint(QPainter& painter) override;
  QCursor cursor() const override { return QCursor(Qt::PointingHandCursor); }
  void deactivated() override { m_dragging = false; }

 signals:
  /// A selection finished: `count` features of layer `layerName` were found.
  void selected(const QString& layerName, int count);

 private:
  ProjectController* m_project;
  SelectionModel* m_selection;
  std::unique_ptr<QFutureWatcher<std::vector<FeatureShape>>> m_watcher;
  Feedback m_feedback;
  bool m_dragging = false;
  QPoint m_start;
  QPoint m_current;
};

}  // namespace onemap::gui
