#pragma once

#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QImage>
#include <QTimer>

#include <map>
#include <optional>
#include <string>

#include "onemap/layout/layout.h"
#include "onemap/sheet/sheet_context.h"

namespace onemap::gui {
class ProjectController;
}

namespace onemap::designer {

class LayoutDocument;
class MapPreviewRenderer;
struct MapImage;
class DesignerScene;

/// The white sheet of paper with a drop shadow, under all items.
class PageGraphic : public QGraphicsItem {
 public:
  void setPageSize(QSizeF sizeMm);
  QRectF boundingRect() const override;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 private:
  QSizeF m_size{420, 297};
};

/// One layout item on the page, drawn by sheet::renderItem: map frames from their last
/// background render (scaled while a new one renders), other items synchronously at the view's
/// zoom. Positioned at the item's top-left corner; one scene unit is one millimetre.
class ItemGraphic : public QGraphicsItem {
 public:
  ItemGraphic(DesignerScene* scene, const layout::Item& item);

  const layout::Item& item() const { return m_item; }
  /// Takes the model's item (after an edit, undo or redo).
  void setItem(const layout::Item& item);
  /// Shows the item at `rect` (page mm) while it is dragged, without changing the model.
  void setPreviewRect(const QRectF& rect);
  QRectF pageRect() const;
  void setMapImage(const QImage& image, const QRectF& pageRect, const QString& error);
  bool hasMapImage() const { return !m_mapImage.isNull(); }
  /// The problem the last drawing reported (empty when none).
  const QString& error() const { return m_error; }

  QRectF boundingRect() const override;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 private:
  void paintMap(QPainter* painter);
  double margin() const;

  DesignerScene* m_scene;
  layout::Item m_item;
  QSizeF m_size;
  QImage m_mapImage;
  QRectF m_mapImageRect;  ///< relative to the item's top-left corner when rendered
  QString m_error;
};

/// The page and its items for one layout document; keeps the graphics in step with the model,
/// schedules background map renders and holds the atlas preview feature. GUI thread only.
class DesignerScene : public QGraphicsScene {
  Q_OBJECT
 public:
  DesignerScene(LayoutDocument* document, gui::ProjectController* project, QObject* parent = nullptr);
  ~DesignerScene() override;

  LayoutDocument* document() const { return m_document; }
  const layout::Layout& layout() const;
  ItemGraphic* graphic(const std::string& id) const;
  /// Topmost visible item graphic containing the page point, or null.
  ItemGraphic* itemAt(QPointF pageMm) const;
  PageGraphic* page() const { return m_page; }

  /// Context for drawing on the GUI thread (the project's own renderers).
  sheet::SheetContext context() const;
  /// The atlas feature the page previews, or none (normal sheet).
  void setAtlasFeature(std::optional<sheet::AtlasFeature> feature);
  const sheet::AtlasFeature* atlasFeature() const { return m_atlas ? &*m_atlas : nullptr; }

  /// Resolution map frames are rendered at (view zoom × device pixel ratio); re-renders later.
  void setPreviewDotsPerMm(double dotsPerMm);
  /// Redraws everything (layer styles or data changed).
  void refreshAll();
  /// True while a map frame is rendering or queued.
  bool isRendering() const;
  MapPreviewRenderer* renderer() const { return m_renderer; }

 signals:
  /// Every queued map frame has been rendered.
  void renderingDone();

 private:
  void sync();
  void requestMaps(bool all, const layout::Layout* previous);
  void mapRendered(const MapImage& image);

  LayoutDocument* m_document;
  gui::ProjectController* m_project;
  PageGraphic* m_page;
  std::map<std::string, ItemGraphic*> m_graphics;
  std::optional<sheet::AtlasFeature> m_atlas;
  MapPreviewRenderer* m_renderer;
  layout::Layout m_shown;   ///< the layout the graphics show
  double m_dotsPerMm = 4.0;
  double m_renderedDotsPerMm = 0.0;
  QTimer m_zoomTimer;
};

}  // namespace onemap::designer
