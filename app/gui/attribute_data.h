#pragma once

#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "onemap/base/error.h"
#include "onemap/base/extent.h"
#include "onemap/base/feedback.h"
#include "onemap/project/project.h"

namespace onemap::gui {

/// One attribute column stored compactly: numbers as numbers, texts as indices into a dictionary
/// of distinct values (cheap for 三调 codes and names repeated over 300 000 rows).
struct AttributeColumn {
  enum class Kind { Integer, Real, Text };
  QString name;
  Kind kind = Kind::Text;
  int precision = 0;                   ///< decimals to show for Real (0 = up to 4)
  std::vector<std::int64_t> integers;  ///< Integer: per row
  std::vector<double> reals;           ///< Real: per row
  std::vector<std::uint8_t> nulls;     ///< Integer/Real: 1 where NULL (empty when none is)
  std::vector<std::uint32_t> texts;    ///< Text: per row, index into dictionary (0 = NULL)
  std::vector<QString> dictionary;     ///< Text: distinct values; entry 0 stands for NULL
  std::vector<std::uint32_t> ranks;    ///< Text: sort rank of each dictionary entry (numbers by value)

  bool isNull(std::size_t row) const;
  /// The value as shown (empty for NULL).
  QString text(std::size_t row) const;
};

/// All attributes of one vector layer with each feature's id and extent (map CRS). Built on a
/// worker thread, then read-only (shared between threads).
struct AttributeData {
  std::string layerId;
  std::vector<std::int64_t> fids;
  std::vector<Extent> extents;
  std::vector<AttributeColumn> columns;
  std::vector<std::pair<std::int64_t, int>> rowByFid;  ///< sorted by fid

  std::size_t rowCount() const { return fids.size(); }
  /// Numeric-aware order of two rows by `column` (NULL first, numbers by value, texts collated).
  bool lessThan(int column, int rowA, int rowB) const;
};

/// Reads every feature's attributes and extent from a vector layer (reprojected to `mapCrs`),
/// reporting progress on `feedback`; errors name the file and layer.
Result<std::shared_ptr<const AttributeData>> loadAttributeData(const project::LayerSpec& layer,
                                                               const std::string& mapCrs, Feedback feedback);

/// A parsed table filter: all rows, `FIELD op value`, or rows containing a text.
struct AttributeFilter {
  enum class Kind { All, Compare, Contains };
  enum class Op { Eq, Ne, Gt, Ge, Lt, Le };
  Kind kind = Kind::All;
  int column = -1;
  Op op = Op::Eq;
  QString value;                 ///< Compare: the value (unquoted); Contains: the text
  std::optional<double> number;  ///< Compare: the value as a number, when it is one
};

/// Parses a filter typed by the user: empty = all rows; `FIELD op value` with op one of
/// = == != <> > >= < <= (field names case-insensitive, quotes optional); anything else = rows
/// containing the text in any field. Sets `error` (and returns an All filter) when a field does
/// not exist or a numeric field is compared with text.
AttributeFilter parseAttributeFilter(const AttributeData& data, const QString& text, QString* error);

/// The rows that pass `filter`, ordered by `sortColumn` (-1 = file order; stable, so equal values
/// keep file order). Any thread.
std::vector<int> orderedRows(const AttributeData& data, const AttributeFilter& filter, int sortColumn,
                             bool descending);

}  // namespace onemap::gui
