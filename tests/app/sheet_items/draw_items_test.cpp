#include <QFile>
#include <QPainter>
#include <QtTest>

#include "image_probe.h"
#include "onemap/layout/item_properties.h"
#include "onemap/sheet/crs_text.h"
#include "sheet_items_test.h"

using namespace onemap;
using layout::ItemType;

void SheetItemsTest::labelExpandsVariablesAndAligns() {
  const auto red = [](QRgb c) { return probe::near(c, QColor(255, 0, 0), 90) && qRed(c) > 150; };
  // Centred, red, bold: the text's ink is centred in the box.
  layout::Item label = item(ItemType::Label, 80, 20, {{"text", "{project_title} {scale}"}, {"color", "#ff0000"}, {"bold", "true"}, {"font_size", "14"}});
  QString error;
  QImage image = drawItem(&sheet::drawLabel, label, &error);
  keep(image, "label_center");
  QVERIFY2(error.isEmpty(), qPrintable(error));
  const QRect ink = probe::bounds(image, red);
  QVERIFY(!ink.isNull());
  QVERIFY2(std::abs(ink.center().x() - image.width() / 2) <= 8, qPrintable(QString::number(ink.center().x())));
  QVERIFY(std::abs(ink.center().y() - image.height() / 2) <= 10);
  // "青禾县 1:2000" at 14 pt: about 12 characters' worth of ink, 4.9 mm tall.
  QVERIFY2(ink.width() > 200 && ink.width() < 420, qPrintable(QString::number(ink.width())));
  QVERIFY(ink.height() > 30 && ink.height() < 60);

  // Left-aligned: ink starts at the left edge.
  label.props["align"] = "left";
  image = drawItem(&sheet::drawLabel, label);
  QVERIFY(probe::bounds(image, red).left() < 15);
  label.props["align"] = "right";
  image = drawItem(&sheet::drawLabel, label);
  QVERIFY(probe::bounds(image, red).right() > image.width() - 15);

  // Two lines ("\n" typed as backslash-n) stack vertically around the centre.
  label.props["align"] = "center";
  label.props["text"] = "{layout_name}\\n{date_cn}";
  image = drawItem(&sheet::drawLabel, label, &error);
  keep(image, "label_two_lines");
  const QRect two = probe::bounds(image, red);
  QVERIFY2(two.height() > 90, qPrintable(QString::number(two.height())));
  QVERIFY(std::abs(two.center().y() - image.height() / 2) <= 10);

  // Bold text has more ink than regular text.
  label.props["text"] = "土地利用现状图";
  label.props["bold"] = "false";
  const int regularInk = probe::count(drawItem(&sheet::drawLabel, label), red);
  label.props["bold"] = "true";
  const int boldInk = probe::count(drawItem(&sheet::drawLabel, label), red);
  QVERIFY2(boldInk > regularInk * 1.15, qPrintable(QStringLiteral("%1 vs %2").arg(boldInk).arg(regularInk)));

  // Letter spacing widens the same text.
  label.props["text"] = "土地利用现状图";
  const int plain = probe::bounds(drawItem(&sheet::drawLabel, label), red).width();
  label.props["letter_spacing"] = "50";
  const int spaced = probe::bounds(drawItem(&sheet::drawLabel, label), red).width();
  QVERIFY2(spaced > plain * 1.3, qPrintable(QStringLiteral("%1 vs %2").arg(spaced).arg(plain)));
}

void SheetItemsTest::labelTooLongIsClippedAndReported() {
  layout::Item label = item(ItemType::Label, 30, 8, {{"text", "一村一图 青禾县青禾村土地利用现状与变化图斑分布图"}, {"font_size", "14"}});
  QString error;
  const QImage image = drawItem(&sheet::drawLabel, label, &error, 5.0);
  keep(image, "label_clipped");
  QVERIFY2(error.contains("does not fit"), qPrintable(error));
  // Nothing is drawn outside the box (5 mm margin all round).
  const QRect ink = probe::bounds(image, probe::dark);
  QVERIFY(!ink.isNull());
  QVERIFY(QRect(50, 50, 300, 80).adjusted(-1, -1, 1, 1).contains(ink));
}

void SheetItemsTest::shapeStrokeAndFill() {
  const layout::Item box = item(ItemType::Shape, 20, 10, {{"stroke_width", "1"}, {"stroke_color", "#0000ff"}, {"fill", "#00ff00"}});
  const QImage image = drawItem(&sheet::drawShape, box);
  QVERIFY(probe::near(image.pixel(100, 50), QColor(0, 255, 0), 5));
  QVERIFY(probe::near(image.pixel(5, 50), QColor(0, 0, 255), 5));   // 1 mm stroke inside the edge
  QVERIFY(probe::near(image.pixel(195, 50), QColor(0, 0, 255), 5));
  QVERIFY(probe::near(image.pixel(100, 15), QColor(0, 255, 0), 5));
  const layout::Item line = item(ItemType::Shape, 20, 10, {{"shape", "line"}, {"stroke_width", "0.5"}});
  const QImage l = drawItem(&sheet::drawShape, line);
  QVERIFY(probe::dark(l.pixel(100, 50)));
  QVERIFY(!probe::dark(l.pixel(180, 20)));
}

void SheetItemsTest::pictureMissingFileShowsPlaceholder() {
  const layout::Item picture = item(ItemType::Picture, 30, 20, {{"path", "logos/missing_logo.png"}});
  QString error;
  const QImage image = drawItem(&sheet::drawPicture, picture, &error);
  keep(image, "picture_missing");
  QVERIFY2(error.contains("missing_logo.png"), qPrintable(error));
  const auto red = [](QRgb c) { return qRed(c) > 150 && qGreen(c) < 80; };
  QVERIFY(red(image.pixel(150, 100)));  // the cross meets in the middle
  QVERIFY(red(image.pixel(1, 100)));    // the box's edge
  QVERIFY(!red(image.pixel(150, 40)));  // inside the box, off the cross
}

void SheetItemsTest::pictureSvgKeepsAspect() {
  const auto svgPath = m_dir->path() / "logo.svg";
  QFile svg(QString::fromStdString(svgPath.string()));
  QVERIFY(svg.open(QIODevice::WriteOnly));
  svg.write(R"(<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">)"
            R"(<rect x="0" y="0" width="200" height="100" fill="#0000ff"/></svg>)");
  svg.close();
  const layout::Item picture = item(ItemType::Picture, 20, 20, {{"path", "logo.svg"}});
  QString error;
  QImage image = drawItem(&sheet::drawPicture, picture, &error);
  keep(image, "picture_svg");
  QVERIFY2(error.isEmpty(), qPrintable(error));
  const auto blue = [](QRgb c) { return probe::near(c, QColor(0, 0, 255), 10); };
  const QRect ink = probe::bounds(image, blue);
  QVERIFY2(std::abs(ink.width() - 200) <= 2 && std::abs(ink.height() - 100) <= 2, qPrintable(QStringLiteral("%1x%2").arg(ink.width()).arg(ink.height())));
  QVERIFY(std::abs(ink.top() - 50) <= 2);
  layout::Item stretched = picture;
  stretched.props["keep_aspect"] = "false";
  image = drawItem(&sheet::drawPicture, stretched);
  QVERIFY(probe::count(image, blue) > 200 * 200 * 0.97);
}

void SheetItemsTest::northArrowTurnsWithTheMap() {
  const layout::Item arrow = item(ItemType::NorthArrow, 12, 24);
  QString error;
  QImage image = drawItem(&sheet::drawNorthArrow, arrow, &error);
  keep(image, "north_arrow");
  QVERIFY2(error.isEmpty(), qPrintable(error));
  // Upright: the black half is left of the axis, the letter on top.
  const QRect lowerHalf(0, image.height() / 2, image.width(), image.height() / 2);
  const int leftInk = probe::count(image, probe::dark, QRect(0, lowerHalf.top(), image.width() / 2, lowerHalf.height()));
  const int rightInk = probe::count(image, probe::dark, QRect(image.width() / 2, lowerHalf.top(), image.width() / 2, lowerHalf.height()));
  QVERIFY2(leftInk > 4 * rightInk, qPrintable(QStringLiteral("%1 / %2").arg(leftInk).arg(rightInk)));
  QVERIFY(probe::count(image, probe::dark, QRect(0, 0, image.width(), 40)) > 50);  // "N" / "北"

  // With the map turned 90° clockwise north points right: the black half is above the axis.
  m_layout.items[0].props["map_rotation"] = "90";
  image = drawItem(&sheet::drawNorthArrow, arrow);
  m_layout.items[0].props.erase("map_rotation");
  keep(image, "north_arrow_rotated");
  const int above = probe::count(image, probe::dark, QRect(0, 0, image.width(), image.height() / 2));
  const int below = probe::count(image, probe::dark, QRect(0, image.height() / 2, image.width(), image.height() / 2));
  QVERIFY2(above > 3 * below, qPrintable(QStringLiteral("%1 / %2").arg(above).arg(below)));

  // An arrow from a file that is missing: the placeholder and the file's name.
  const layout::Item fromFile = item(ItemType::NorthArrow, 12, 24, {{"path", "arrows/north.svg"}});
  image = drawItem(&sheet::drawNorthArrow, fromFile, &error);
  QVERIFY2(error.contains("north.svg"), qPrintable(error));
  QVERIFY(qRed(image.pixel(60, 120)) > 150 && qGreen(image.pixel(60, 120)) < 80);
}

void SheetItemsTest::producerPrintsRowsAndCrs() {
  QCOMPARE(sheet::crsSheetText("EPSG:4549"), QStringLiteral("CGCS2000, Gauss–Krüger projection, 3° zone, central meridian 120°E"));
  QCOMPARE(sheet::crsSheetText("EPSG:4528"), QStringLiteral("CGCS2000, Gauss–Krüger projection, 3° zone 40, central meridian 120°E"));
  QCOMPARE(sheet::crsSheetText("EPSG:4490"), QStringLiteral("CGCS2000 geographic coordinates"));
  const layout::Item producer = item(ItemType::Producer, 70, 24, {{"unit", "青禾县自然资源局"}, {"data_source", "{project_title}三调数据"}});
  QString error;
  const QImage image = drawItem(&sheet::drawProducer, producer, &error);
  keep(image, "producer");
  QVERIFY2(error.isEmpty(), qPrintable(error));
  // Ruled: the outer box and three rules between the four rows.
  int rules = 0;
  for (int y = 2; y < image.height() - 2; ++y) rules += probe::dark(image.pixel(image.width() - 5, y)) ? 1 : 0;
  QVERIFY2(rules >= 3 && rules <= 9, qPrintable(QString::number(rules)));
  for (int row = 0; row < 4; ++row)
    QVERIFY(probe::count(image, probe::dark, QRect(20, row * 60 + 10, 400, 40)) > 30);
}
