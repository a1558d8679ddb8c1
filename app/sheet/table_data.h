#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <string>
#include <vector>

#include "onemap/base/error.h"
#include "onemap/base/extent.h"
#include "onemap/base/feedback.h"

namespace onemap::project {
struct LayerSpec;
struct Project;
}  // namespace onemap::project

namespace onemap::sheet {

/// Which features of a layer a sheet table counts: those of one atlas feature. With neither a
/// code nor an outline, the whole layer.
struct TableFilter {
  std::string code;                         ///< atlas code: ZLDWDM starts with it (layers with ZLDWDM)
  std::vector<unsigned char> outlineWkb;    ///< else: features lying mostly inside this outline
  Extent outlineExtent;                     ///< of the outline
  std::string crs;                          ///< CRS of the outline (the map CRS)
};

/// One line of a change-patch summary: a change type and sub-type, or the total.
struct ChangeSummaryRow {
  std::string type;         ///< BHLX (非农化, 非粮化, 其他)
  std::string subtype;      ///< BHZL code (building, road, pond, orchard_forest, bare, other)
  std::int64_t count = 0;   ///< patches
  double areaSquareMetres = 0.0;  ///< sum of MJ
  double areaMu = 0.0;      ///< sum of MJ_MU
  double pbfMu = 0.0;       ///< sum of YNMJ (m² of permanent basic farmland) in 亩
};

/// Change patches by type and sub-type (sorted by BHLX, then BHZL) and their total.
struct ChangeSummary {
  std::vector<ChangeSummaryRow> rows;
  ChangeSummaryRow total;
};

/// One row of a drawn table. The first cell may span several columns (`leadSpan`) or, for
/// grouped rows, several rows (`leadRows`; 0 = covered by the cell above).
struct TableRow {
  QStringList cells;
  bool bold = false;
  int leadSpan = 1;
  int leadRows = 1;
};

/// A table ready to draw: headers, which columns hold numbers (right-aligned) and rows.
struct SheetTable {
  QStringList headers;
  std::vector<bool> numeric;
  std::vector<TableRow> rows;
  int fixedTailRows = 0;  ///< rows at the end that are kept when rows must be cut (the total)
};

/// The first vector layer of the project with a BHLX field (a change-patch layer), or null.
const project::LayerSpec* findChangePatchLayer(const project::Project& project);

/// Sums the change patches of `layer` (fields BHLX, BHZL, MJ, MJ_MU, YNMJ) that pass `filter`.
Result<ChangeSummary> readChangeSummary(const project::LayerSpec& layer, const TableFilter& filter,
                                        Feedback* feedback = nullptr);
/// The summary as a table: 变化类型 | 变化子类 | 图斑个数 | 面积(亩) | 其中永久基本农田(亩), one row per
/// sub-type with the type cell merged over its group, and a 合计 row (headers translated).
SheetTable summarySheetTable(const ChangeSummary& summary);

/// The listed `fields` of the features of `layer` that pass `filter`, at most `maxRows` rows
/// followed by a "…共 N 条" row when there are more. Reals get two decimals, known field names a
/// readable (translated) header.
Result<SheetTable> readAttributeTable(const project::LayerSpec& layer, const std::vector<std::string>& fields,
                                      int maxRows, const TableFilter& filter, Feedback* feedback = nullptr);

/// The translated name of a change sub-type code (BHZL): "road" → "道路"; other text unchanged.
QString changeSubtypeName(const std::string& code);

}  // namespace onemap::sheet
