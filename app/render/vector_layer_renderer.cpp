#include "onemap/render/vector_layer_renderer.h"

#include <QPainter>

#include "onemap/render/label_placer.h"
#include "onemap/render/wkb_painter_path.h"

#include <cstdlib>
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

  if (!m_style.visibleAtScale(settings.scaleDenominator())) return {};
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  QPen pen(m_style.stroke, m_style.strokeWidth);
  pen.setCosmetic(true);
  painter.setPen(m_style.stroke.alpha() == 0 ? QPen(Qt::NoPen) : pen);
  painter.setBrush(m_style.fill);
  const auto toPixel = [&settings](double x, double y) { return settings.toPixel(x, y); };
  // Columns of the fields the style needs, in requiredFields() order (-1 when missing).
  std::vector<int> columns;
  const auto& fields = reader->layer().fields;
  for (const auto& name : m_style.requiredFields()) {
    int column = -1;
    for (std::size_t i = 0; i < fields.size(); ++i)
      if (fields[i].name == name) column = int(i);
    columns.push_back(column);
  }
  std::vector<StyleValue> values(columns.size());
  QFont font = painter.font();
  font.setPointSizeF(m_style.labelSize);
  LabelPlacer labels(font, m_style.labelColor, m_style.labelHalo);
  auto result = reader->forEach(options, &feedback, [&](const vector::Feature& feature) {
    if (feature.wkb.empty()) return true;
    const DecodedGeometry g = decodeWkb(feature.wkb, toPixel);
    if (!g.ok) return true;
    if (!columns.empty()) {
      for (std::size_t k = 0; k < columns.size(); ++k) {
        values[k] = StyleValue{};
        if (columns[k] < 0 || std::size_t(columns[k]) >= feature.attributes.size()) continue;
        const auto& value = feature.attributes[std::size_t(columns[k])];
        if (const auto* text = std::get_if<std::string>(&value)) {
          values[k].text = *text;
          char* end = nullptr;
          const double parsed = std::strtod(text->c_str(), &end);
          if (end != text->c_str() && *end == '\0') values[k].number = parsed;
        } else if (const auto* i = std::get_if<std::int64_t>(&value)) {
          values[k].text = std::to_string(*i);
          values[k].number = double(*i);
        } else if (const auto* d = std::get_if<double>(&value)) {
          values[k].text = QString::number(*d, 'g', 10).toStdString();
          values[k].number = *d;
        }
      }
      painter.setBrush(m_style.fillFor(values));
    }
    if (!g.path.isEmpty()) {
      if (g.polygonal) painter.drawPath(g.path);
      else painter.strokePath(g.path, painter.pen());
    }
    for (const QPointF& p : g.points)
      painter.drawEllipse(p, m_style.pointSize / 2.0, m_style.pointSize / 2.0);
    if (!m_style.labelField.empty()) {
      const QString text = m_style.labelFor(values);
      const QPointF anchor = !g.points.empty() ? g.points.front() + QPointF(0, -m_style.pointSize - 4)
                                               : g.path.boundingRect().center();
      labels.add(text, anchor, g.path.boundingRect().width() * g.path.boundingRect().height());
    }
    return !feedback.isCanceled();
  });
  painter.restore();
  labels.paint(painter, QRectF(QPointF(0, 0), QSizeF(settings.outputSize())));
  if (!result && result.error().code != ErrorCode::Canceled) return QString::fromStdString(result.error().text());
  return {};
}

}  // namespace onemap::render
