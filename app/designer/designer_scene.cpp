#include "designer_scene.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QTransform>

#include <cmath>

#include "item_arrange.h"
#include "layout_document.h"
#include "map_preview.h"
#include "onemap/gui/project_controller.h"
#include "onemap/layout/item_properties.h"
#include "onemap/sheet/layout_renderer.h"

namespace onemap::designer {

namespace {
constexpr double kMapMarginMm = 12.0;
constexpr double kItemMarginMm = 2.0;
constexpr double kShadowMm = 2.5;
}  // namespace

// ---- PageGraphic

void PageGraphic::setPageSize(QSizeF sizeMm) {
  prepareGeometryChange();
  m_size = sizeMm;
}

QRectF PageGraphic::boundingRect() const {
  return QRectF(0, 0, m_size.width() + kShadowMm, m_size.height() + kShadowMm);
}

void PageGraphic::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
  const QRectF sheet(QPointF(0, 0), m_size);
  painter->setPen(Qt::NoPen);
  for (int i = 3; i >= 1; --i) {
    painter->setBrush(QColor(0, 0, 0, 22 * (4 - i)));
    painter->drawRect(sheet.translated(kShadowMm * i / 3.0, kShadowMm * i / 3.0));
  }
  painter->setBrush(Qt::white);
  painter->drawRect(sheet);
  painter->setPen(QPen(QColor(160, 160, 160), 0));
  painter->setBrush(Qt::NoBrush);
  painter->drawRect(sheet);
}

// ---- ItemGraphic

ItemGraphic::ItemGraphic(DesignerScene* scene, const layout::Item& item) : m_scene(scene) {
  setItem(item);
}

double ItemGraphic::margin() const {
  return m_item.type == layout::ItemType::Map ? kMapMarginMm : kItemMarginMm;
}

void ItemGraphic::setItem(const layout::Item& item) {
  const bool geometry = item.width != m_item.width || item.height != m_item.height ||
                        item.rotation != m_item.rotation || m_size.isEmpty();
  if (geometry) prepareGeometryChange();
  m_item = item;
  m_size = QSizeF(item.width, item.height);
  setPos(item.x, item.y);
  setVisible(item.visible);
  setCacheMode(item.type == layout::ItemType::Map ? NoCache : DeviceCoordinateCache);
  update();
}

void ItemGraphic::setPreviewRect(const QRectF& rect) {
  if (rect.size() != m_size) {
    prepareGeometryChange();
    m_size = rect.size();
  }
  setPos(rect.topLeft());
  update();
}

QRectF ItemGraphic::pageRect() const { return QRectF(pos(), m_size); }

void ItemGraphic::setMapImage(const QImage& image, const QRectF& pageRect, const QString& error) {
  m_mapImage = image;
  m_mapImageRect = pageRect.translated(-m_item.x, -m_item.y);
  m_mapImageRect = QRectF(m_mapImageRect.x() / m_item.width, m_mapImageRect.y() / m_item.height,
                          m_mapImageRect.width() / m_item.width, m_mapImageRect.height() / m_item.height);
  m_error = error;
  update();
}

QRectF ItemGraphic::boundingRect() const {
  QRectF rect(QPointF(0, 0), m_size);
  if (m_item.rotation != 0.0) {
    QTransform turn;
    turn.translate(rect.center().x(), rect.center().y());
    turn.rotate(m_item.rotation);
    turn.translate(-rect.center().x(), -rect.center().y());
    rect = turn.mapRect(rect);
  }
  const double m = margin();
  return rect.adjusted(-m, -m, m, m);
}

void ItemGraphic::paintMap(QPainter* painter) {
  if (!m_mapImage.isNull()) {
    // The last render, scaled to the frame's current size (a new one is on its way).
    const QRectF& r = m_mapImageRect;
    const QRectF target(r.x() * m_size.width(), r.y() * m_size.height(), r.width() * m_size.width(),
                        r.height() * m_size.height());
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    painter->drawImage(target, m_mapImage);
    return;
  }
  painter->fillRect(QRectF(QPointF(0, 0), m_size), QColor(235, 238, 242));
  painter->setPen(QPen(QColor(150, 150, 150), 0));
  painter->drawRect(QRectF(QPointF(0, 0), m_size));
}

void ItemGraphic::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
  if (m_item.type == layout::ItemType::Map) {
    paintMap(painter);
  } else {
    const double dotsPerMm = QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    painter->save();
    painter->translate(-pos());  // renderItem draws in page coordinates
    layout::Item shown = m_item;
    setItemRect(shown, pageRect());
    Feedback feedback;
    m_error = sheet::renderItem(*painter, m_scene->layout(), shown, m_scene->context(), dotsPerMm, feedback);
    painter->restore();
  }
  if (!m_error.isEmpty()) {
    // A problem the sheet would also report: hatch the frame so it is not missed.
    painter->save();
    painter->setPen(QPen(QColor(200, 0, 0), 0, Qt::DashLine));
    painter->setBrush(QBrush(QColor(200, 0, 0, 40), Qt::BDiagPattern));
    painter->drawRect(QRectF(QPointF(0, 0), m_size));
    painter->restore();
  }
}

// ---- DesignerScene

DesignerScene::DesignerScene(LayoutDocument* document, gui::ProjectController* project, QObject* parent)
    : QGraphicsScene(parent), m_document(document), m_project(project), m_page(new PageGraphic) {
  addItem(m_page);
  m_page->setZValue(-1);
  setBackgroundBrush(QColor(128, 134, 140));
  m_renderer = new MapPreviewRenderer(
      [this](const std::string& id) -> std::optional<MapJob> {
        const auto* item = layout().item(id);
        if (!item || item->type != layout::ItemType::Map || !item->visible) return std::nullopt;
        MapJob job;
        job.project = m_project->project();
        job.layout = layout();
        job.itemId = id;
        job.atlas = m_atlas;
        job.mapCrs = m_project->mapCrs();
        job.projectFile = m_project->fileName();
        job.dotsPerMm = m_dotsPerMm;
        job.marginMm = kMapMarginMm;
        m_renderedDotsPerMm = m_dotsPerMm;
        return job;
      },
      this);
  connect(m_renderer, &MapPreviewRenderer::rendered, this, &DesignerScene::mapRendered);
  connect(m_renderer, &MapPreviewRenderer::idle, this, &DesignerScene::renderingDone);
  connect(document, &LayoutDocument::changed, this, &DesignerScene::sync);
  m_zoomTimer.setSingleShot(true);
  m_zoomTimer.setInterval(300);
  connect(&m_zoomTimer, &QTimer::timeout, this, [this] {
    if (std::abs(m_dotsPerMm - m_renderedDotsPerMm) > 0.05 * m_dotsPerMm) requestMaps(true, nullptr);
  });
  sync();
}

DesignerScene::~DesignerScene() { delete m_renderer; }

const layout::Layout& DesignerScene::layout() const { return m_document->layout(); }

ItemGraphic* DesignerScene::graphic(const std::string& id) const {
  auto it = m_graphics.find(id);
  return it == m_graphics.end() ? nullptr : it->second;
}

ItemGraphic* DesignerScene::itemAt(QPointF pageMm) const {
  const auto& items = layout().items;
  for (auto it = items.rbegin(); it != items.rend(); ++it) {
    if (!it->visible) continue;
    ItemGraphic* g = graphic(it->id);
    if (g && g->pageRect().adjusted(-0.5, -0.5, 0.5, 0.5).contains(pageMm)) return g;
  }
  return nullptr;
}

sheet::SheetContext DesignerScene::context() const {
  sheet::SheetContext context;
  context.project = &m_project->project();
  context.projectFile = m_project->fileName();
  context.mapCrs = m_project->mapCrs();
  context.renderers = &m_project->renderers();
  context.atlas = atlasFeature();
  context.preview = true;
  return context;
}

void DesignerScene::setAtlasFeature(std::optional<sheet::AtlasFeature> feature) {
  m_atlas = std::move(feature);
  for (auto& [id, g] : m_graphics) g->update();
  requestMaps(true, nullptr);
}

void DesignerScene::setPreviewDotsPerMm(double dotsPerMm) {
  m_dotsPerMm = dotsPerMm;
  m_zoomTimer.start();
}

void DesignerScene::refreshAll() {
  for (auto& [id, g] : m_graphics) g->update();
  requestMaps(true, nullptr);
}

bool DesignerScene::isRendering() const { return m_renderer->isBusy(); }

void DesignerScene::sync() {
  const layout::Layout& now = layout();
  const layout::Layout previous = std::exchange(m_shown, now);
  m_page->setPageSize(QSizeF(now.pageWidthMm, now.pageHeightMm));
  setSceneRect(-40, -40, now.pageWidthMm + 80, now.pageHeightMm + 80);

  std::map<std::string, ItemGraphic*> kept;
  bool mapChanged = previous.pageWidthMm != now.pageWidthMm || previous.pageHeightMm != now.pageHeightMm ||
                    previous.atlas != now.atlas;
  for (std::size_t i = 0; i < now.items.size(); ++i) {
    const auto& item = now.items[i];
    ItemGraphic* g = graphic(item.id);
    const layout::Item* before = previous.item(item.id);
    if (!g) {
      g = new ItemGraphic(this, item);
      addItem(g);
      if (item.type == layout::ItemType::Map) mapChanged = true;
    } else if (!before || !(*before == item)) {
      g->setItem(item);
      if (item.type == layout::ItemType::Map) mapChanged = true;
    } else {
      g->setItem(item);  // back from a drag preview
    }
    g->setZValue(double(i));
    kept[item.id] = g;
    m_graphics.erase(item.id);
  }
  for (auto& [id, g] : m_graphics) {
    if (g->item().type == layout::ItemType::Map) mapChanged = true;
    removeItem(g);
    delete g;
  }
  m_graphics = std::move(kept);
  if (mapChanged)
    for (auto& [id, g] : m_graphics) g->update();  // legends, scale bars and {scale} follow the maps
  requestMaps(false, &previous);
  if (mapChanged) requestMaps(true, nullptr);
}

void DesignerScene::requestMaps(bool all, const layout::Layout* previous) {
  for (const auto& item : layout().items) {
    if (item.type != layout::ItemType::Map || !item.visible) continue;
    const layout::Item* before = previous ? previous->item(item.id) : nullptr;
    const bool changed = !before || !(*before == item);
    if (all || (changed && previous)) m_renderer->request(item.id);
  }
}

void DesignerScene::mapRendered(const MapImage& image) {
  if (ItemGraphic* g = graphic(image.itemId)) g->setMapImage(image.image, image.pageRect, image.error);
}

}  // namespace onemap::designer
