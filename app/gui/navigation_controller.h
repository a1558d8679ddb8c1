#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <optional>
#include <vector>

#include "onemap/base/extent.h"
#include "onemap/gui/window_context.h"

class QAction;
class QComboBox;

namespace onemap::gui {

class ZoomBoxTool;

/// View menu and navigation tool bar: pan, zoom in/out, zoom box, full extent, previous/next
/// extent (a history of the canvas's extents, like QGIS) and the scale box with fixed scales and
/// free entry. Owned by the main window; GUI thread only.
class NavigationController : public QObject {
  Q_OBJECT
 public:
  NavigationController(const WindowContext& context, QObject* parent = nullptr);

  /// Extents kept for Previous/Next.
  static constexpr int kMaxHistory = 100;
  /// Scale denominators offered in the scale box.
  static const std::vector<int>& fixedScales();

  /// "1:10000", "10000", "1：10,000" → 10000; nullopt for anything else (or ≤ 0).
  static std::optional<double> parseScale(const QString& text);
  /// 10000 → "1:10000".
  static QString formatScale(double denominator);

  /// The scale denominator of the current view (map units converted to metres on a geographic CRS).
  double scale() const;
  /// Zooms about the view centre to 1:`denominator`.
  void setScale(double denominator);

  void zoomIn();
  void zoomOut();
  void zoomToFullExtent();
  void previousExtent();
  void nextExtent();
  bool canGoBack() const { return m_index > 0; }
  bool canGoForward() const { return m_index >= 0 && m_index + 1 < int(m_history.size()); }
  int historySize() const { return int(m_history.size()); }
  /// Extent changes closer together than this (ms) count as one step (a burst of wheel zooms).
  void setHistoryMergeInterval(int milliseconds) { m_mergeMs = milliseconds; }

  ZoomBoxTool* zoomBoxTool() const { return m_zoomBox; }
  QComboBox* scaleBox() const { return m_scaleBox; }
  QAction* panAction() const { return m_pan; }
  QAction* zoomBoxAction() const { return m_zoomBoxAction; }
  QAction* previousAction() const { return m_previous; }
  QAction* nextAction() const { return m_next; }

 private:
  void createActions();
  void record(const Extent& extent);
  void goTo(int index);
  void updateActions();
  void showScale();
  void applyScaleText(const QString& text);
  /// Metres per map unit at the view centre (1 for projected CRSs).
  double metresPerUnit() const;

  WindowContext m_context;
  ZoomBoxTool* m_zoomBox;
  QComboBox* m_scaleBox = nullptr;
  QAction* m_pan = nullptr;
  QAction* m_zoomBoxAction = nullptr;
  QAction* m_previous = nullptr;
  QAction* m_next = nullptr;
  std::vector<Extent> m_history;
  int m_index = -1;
  bool m_navigating = false;
  bool m_geographic = false;
  int m_mergeMs = 400;
  QElapsedTimer m_lastRecord;
};

}  // namespace onemap::gui
