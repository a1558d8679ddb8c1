#include <QtTest>

#include <cmath>

#include "image_probe.h"
#include "sheet_items_test.h"

using namespace onemap;
using layout::ItemType;

namespace {

/// The dark runs [start, end) of image row `y`.
std::vector<std::pair<int, int>> darkRuns(const QImage& image, int y) {
  std::vector<std::pair<int, int>> runs;
  int start = -1;
  for (int x = 0; x <= image.width(); ++x) {
    const bool d = x < image.width() && probe::dark(image.pixel(x, y));
    if (d && start < 0) start = x;
    if (!d && start >= 0) {
      runs.emplace_back(start, x);
      start = -1;
    }
  }
  return runs;
}

/// The row through the bar: the one with the longest dark run (text has only short runs).
int barRow(const QImage& image) {
  int best = -1, bestLength = 0;
  for (int y = 0; y < image.height(); ++y)
    for (const auto& [a, b] : darkRuns(image, y))
      if (b - a > bestLength) {
        bestLength = b - a;
        best = y;
      }
  return best;
}

struct Bar {
  double firstSegmentMm = 0;  ///< black block, outline included
  double totalMm = 0;         ///< outline to outline
};

/// The longest dark run of any row: the bar's outline (or the line style's base line) from
/// end to end; the unit name beside the bar is a separate, shorter run.
std::pair<int, int> longestRun(const QImage& image) {
  std::pair<int, int> best{0, 0};
  for (int y = 0; y < image.height(); ++y)
    for (const auto& run : darkRuns(image, y))
      if (run.second - run.first > best.second - best.first) best = run;
  return best;
}

/// Measures an alternating bar: its length from the outline, the first (black) block along the
/// bar's middle row.
Bar measure(const QImage& image) {
  const int y = barRow(image);
  const auto [left, right] = longestRun(image);
  const int x = left + 3;
  int top = y, bottom = y;
  while (top > 0 && probe::dark(image.pixel(x, top - 1))) --top;
  while (bottom + 1 < image.height() && probe::dark(image.pixel(x, bottom + 1))) ++bottom;
  const auto runs = darkRuns(image, (top + bottom) / 2);
  Bar bar;
  bar.totalMm = (right - left) / SheetItemsTest::kPxPerMm;
  if (!runs.empty()) bar.firstSegmentMm = (runs.front().second - runs.front().first) / SheetItemsTest::kPxPerMm;
  return bar;
}

bool isNice(double metres) {
  const double decade = std::pow(10.0, std::floor(std::log10(metres)));
  for (double step : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (std::abs(metres - step * decade) < 1e-6 * metres) return true;
  return false;
}

}  // namespace

void SheetItemsTest::scaleBarGivenSegmentHasExactLength() {
  // The main map is at 1:2000 (2 m per mm): 20 m segments are 10 mm, four of them 40 mm.
  const layout::Item bar = item(ItemType::ScaleBar, 80, 14, {{"segment_length", "20"}, {"units", "m"}});
  QString error;
  const QImage image = drawItem(&sheet::drawScaleBar, bar, &error);
  keep(image, "scale_bar_20m");
  QVERIFY2(error.isEmpty(), qPrintable(error));
  const Bar m = measure(image);
  const double pen = 0.15;  // the outline's width, half on each side of the bar's ends
  QVERIFY2(std::abs(m.totalMm - (4 * 20 / 2.0 + pen)) <= 0.2, qPrintable(QString::number(m.totalMm)));
  QVERIFY2(std::abs(m.firstSegmentMm - (20 / 2.0 + pen)) <= 0.2, qPrintable(QString::number(m.firstSegmentMm)));
}

void SheetItemsTest::scaleBarAutomaticLengthIsNiceAndFits() {
  for (double width : {50.0, 80.0, 120.0}) {
    const layout::Item bar = item(ItemType::ScaleBar, width, 14, {{"segments", "4"}});
    QString error;
    const QImage image = drawItem(&sheet::drawScaleBar, bar, &error);
    keep(image, QStringLiteral("scale_bar_auto_%1").arg(width));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const Bar m = measure(image);
    const double segmentMetres = (m.firstSegmentMm - 0.15) * 2.0;  // 1:2000
    const double rounded = std::round(segmentMetres * 2.0) / 2.0;
    QVERIFY2(isNice(rounded), qPrintable(QStringLiteral("%1 m").arg(segmentMetres)));
    // The drawn length is the segment length over the map units per mm, within a pixel.
    QVERIFY2(std::abs(m.totalMm - 0.15 - 4 * rounded / 2.0) <= 0.15, qPrintable(QString::number(m.totalMm)));
    // Fills at least 45 % of the item (the next nice length would not fit) and stays inside it.
    QVERIFY2(m.totalMm > 0.45 * width && m.totalMm < width, qPrintable(QString::number(m.totalMm)));
    double next = rounded * 1.0001;
    for (double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
      const double candidate = step * std::pow(10.0, std::floor(std::log10(rounded)));
      if (candidate > rounded * 1.0001) {
        next = candidate;
        break;
      }
    }
    QVERIFY2(4 * next / 2.0 + 2.0 > width, qPrintable(QStringLiteral("%1 m would fit too").arg(next)));
  }
}

void SheetItemsTest::scaleBarSwitchesToKilometres() {
  // At 1:50 000 (50 m/mm) a 100 mm bar is several kilometres: labelled in km.
  m_layout.items[0].props["scale"] = "50000";
  const layout::Item bar = item(ItemType::ScaleBar, 100, 14, {{"segments", "4"}});
  QString error;
  const QImage image = drawItem(&sheet::drawScaleBar, bar, &error);
  m_layout.items[0].props.erase("scale");
  keep(image, "scale_bar_km");
  QVERIFY2(error.isEmpty(), qPrintable(error));
  const Bar m = measure(image);
  // 1 km segments: 20 mm each at 50 m/mm.
  QVERIFY2(std::abs(m.firstSegmentMm - 0.15 - 20.0) <= 0.2, qPrintable(QString::number(m.firstSegmentMm)));
  // The "line" style draws a ticked line of the same length.
  layout::Item line = bar;
  line.props["style"] = "line";
  line.props["segment_length"] = "0.5";
  line.props["units"] = "km";
  m_layout.items[0].props["scale"] = "50000";
  const QImage lined = drawItem(&sheet::drawScaleBar, line, &error);
  m_layout.items[0].props.erase("scale");
  keep(lined, "scale_bar_line");
  const auto [left, right] = longestRun(lined);
  const double length = (right - left) / kPxPerMm;
  QVERIFY2(std::abs(length - (4 * 500 / 50.0 + 0.25)) <= 0.2, qPrintable(QString::number(length)));
}
