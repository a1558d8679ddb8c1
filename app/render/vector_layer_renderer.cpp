#include "onemap/render/vector_layer_renderer.h"

#include <QPainter>

#include "onemap/render/wkb_painter_path.h"
#include "onemap/vector/feature_reader.h"

namespace onemap::render {

VectorLayerRenderer::VectorLayerRenderer(std::filesystem::path source, std::string layerName,
                                         std::string encoding, VectorStyle style, double opacity)
    : m_source(std::move(source)),
      m_layerName(std::move(layerName)),
      m_encoding(std::move(encoding)),
      m_style(style),
      m_opacity(opacity) {}

QString VectorLayerRenderer::render(QPainter& painter, const MapSettings& settings, Feedback& feedback) {
  vector::OpenOptions openOptions;
  openOptions.encoding = m_encoding;
  auto reader = vector::FeatureReader::open(m_source, m_layerName, openOptions);
  if (!reader) return QString::fromStdString(reader.error().text());

  vector::ReadOptions options;
  options.targetCrs = settings.crs();
  options.filter = settings.visibleExtent();
  options.repairInvalid = false;  // drawing tolerates invalid rings; repair is for analysis

  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  QPen pen(m_style.stroke, m_style.strokeWidth);
  pen.setCosmetic(true);
  painter.setPen(m_style.stroke.alpha() == 0 ? QPen(Qt::NoPen) : pen);
  painter.setBrush(m_style.fill);
  const auto toPixel = [&settings](double x, double y) { return settings.toPixel(x, y); };
  int categoryIndex = -1;
  const auto& fields = reader->layer().fields;
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (!m_style.categoryField.empty() && fields[i].name == m_style.categoryField) categoryIndex = int(i);
  auto result = reader->forEach(options, &feedback, [&](const vector::Feature& feature) {
    if (feature.wkb.empty()) return true;
    const DecodedGeometry g = decodeWkb(feature.wkb, toPixel);
    if (!g.ok) return true;
    if (categoryIndex >= 0 && std::size_t(categoryIndex) < feature.attributes.size()) {
      const auto* text = std::get_if<std::string>(&feature.attributes[std::size_t(categoryIndex)]);
      painter.setBrush(m_style.fillFor(text != nullptr ? *text : std::string()));
    }
    if (!g.path.isEmpty()) {
      if (g.polygonal) painter.drawPath(g.path);
      else painter.strokePath(g.path, painter.pen());
    }
    for (const QPointF& p : g.points)
      painter.drawEllipse(p, m_style.pointSize / 2.0, m_style.pointSize / 2.0);
    return !feedback.isCanceled();
  });
  painter.restore();
  if (!result && result.error().code != ErrorCode::Canceled) return QString::fromStdString(result.error().text());
  return {};
}

}  // namespace onemap::render
