#pragma once

#include <QImage>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

#include "onemap/layout/layout.h"
#include "onemap/project/project.h"
#include "onemap/sheet/item_drawers.h"
#include "onemap/sheet/sheet_context.h"
#include "temp_dir.h"

class QPainter;

/// Map-sheet item drawers: each item drawn onto images at 10 px/mm (and into PDF) must show the
/// right things at the right places, from data written to a temporary GeoPackage.
class SheetItemsTest : public QObject {
  Q_OBJECT

 public:
  static constexpr double kPxPerMm = 10.0;
  static constexpr double kX0 = 500000.0;   ///< fixture origin, EPSG:4549
  static constexpr double kY0 = 3500000.0;

  using Drawer = QString (*)(QPainter&, const onemap::layout::Item&, const onemap::sheet::DrawContext&);
  /// Draws `item` with `drawer` onto a white image of the item's size plus `marginMm` around it.
  QImage drawItem(Drawer drawer, const onemap::layout::Item& item, QString* error = nullptr, double marginMm = 0.0,
                  const onemap::sheet::AtlasFeature* atlas = nullptr);
  /// Saves `image` as NAME.png under $ONEMAP_TEST_OUTPUT when that is set (to look at).
  static void keep(const QImage& image, const QString& name);
  /// A layout item of `type` with `props`, placed at the page origin.
  static onemap::layout::Item item(onemap::layout::ItemType type, double w, double h,
                                   std::map<std::string, std::string> props = {});

 private:
  std::unique_ptr<onemap::test::TempDir> m_dir;
  onemap::project::Project m_project;
  onemap::layout::Layout m_layout;
  onemap::sheet::AtlasFeature m_villageA;

  void writeFixtures();

 private slots:
  void initTestCase();

  // draw_items_test.cpp
  void labelExpandsVariablesAndAligns();
  void labelTooLongIsClippedAndReported();
  void shapeStrokeAndFill();
  void pictureMissingFileShowsPlaceholder();
  void pictureSvgKeepsAspect();
  void northArrowTurnsWithTheMap();
  void producerPrintsRowsAndCrs();

  // scale_bar_test.cpp
  void scaleBarGivenSegmentHasExactLength();
  void scaleBarAutomaticLengthIsNiceAndFits();
  void scaleBarSwitchesToKilometres();

  // legend_test.cpp
  void legendListsOnlyCategoriesInTheFrame();
  void legendSwatchesHaveTheStyleColours();
  void legendOverflowEndsWithEllipsis();
  void legendOnCountySampleIsFast();

  // table_test.cpp
  void summaryByVillageCode();
  void summaryByOutlineWithoutCode();
  void summaryWholeLayerWithoutAtlas();
  void attributeTableLimitsRows();
  void tableDrawsRuledCells();

  // grid_test.cpp
  void kilometreGridTicksAndLabels();
  void kilometreGridOnRotatedFrame();
  void graticuleLabelsAtKnownCoordinates();
  void gridLabelsDrawnOutsideTheFrame();

  // pdf_text_test.cpp
  void pdfTextIsSearchableChinese();
};
