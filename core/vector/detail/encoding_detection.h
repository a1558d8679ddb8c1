#pragma once

// Internal to onemap_vector: how attribute text of a Shapefile DBF or a CSV is encoded.

#include <filesystem>
#include <string>
#include <vector>

namespace onemap::vector::detail {

/// The encoding chosen for a file's attribute text and why.
struct EncodingChoice {
  std::string encoding;               ///< iconv/GDAL name: "UTF-8", "GB18030", "CP936"...
  std::string source;                 ///< ".cpg file", "DBF language id", "detected from content"
  std::vector<std::string> warnings;  ///< e.g. text that fits no candidate encoding
};

/// Canonical iconv name for an encoding written by a user or in a .cpg ("936" -> "CP936",
/// "utf8" -> "UTF-8", "ANSI 1252" -> "CP1252"); empty when iconv does not know it.
std::string normalizeEncodingName(const std::string& name);

/// Guesses the encoding of the DBF next to `shapefile` (.shp or .dbf): .cpg, then the DBF
/// language id, then the bytes of its text fields (UTF-8 if valid, else GB18030).
EncodingChoice detectShapefileEncoding(const std::filesystem::path& shapefile);

/// Guesses the encoding of a CSV file from its first megabyte (UTF-8 if valid, else GB18030).
EncodingChoice detectCsvEncoding(const std::filesystem::path& csv);

/// Which of UTF-8 and GB18030 fits a set of text values best (values may be cut mid-character
/// when they fill their field width: `truncated` says which).
EncodingChoice chooseFromContent(const std::vector<std::string>& values, const std::vector<bool>& truncated);

}  // namespace onemap::vector::detail
