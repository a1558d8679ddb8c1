#pragma once

#include <QString>

#include <string>

namespace onemap::sheet {

/// A CRS as map sheets print it in the producer block, translated: for CGCS2000 Gauss–Krüger
/// "2000国家大地坐标系 高斯-克吕格投影 3度带 中央经线120°", for EPSG:4490 "2000国家大地坐标系（地理坐标）",
/// else the CRS's name (crsDisplayName). Empty for an empty definition. Thread-safe.
QString crsSheetText(const std::string& crs);

}  // namespace onemap::sheet
