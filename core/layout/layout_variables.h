#pragma once

#include <map>
#include <string>
#include <string_view>

namespace onemap::layout {

/// Values of the {variables} in layout text, by name. The renderer fills the standard ones:
/// project_title, layout_name, date (2026-12-01), date_cn (2026年12月1日), scale ("1:5000", of
/// the item's map frame), crs_name, page, page_count, and on atlas sheets atlas_name, atlas_code
/// (also as village_name, village_code) and field:NAME for every attribute of the feature.
using Variables = std::map<std::string, std::string, std::less<>>;

/// Replaces every {name} in `text` by its value. "{{" and "}}" stand for literal braces; an
/// unknown name is left as written so that a typo shows on the sheet instead of vanishing.
std::string expandVariables(std::string_view text, const Variables& values);

/// "1:5000", "1:10 000" — a scale denominator rounded to a whole number; more than four digits
/// are grouped in threes (GB 3101 / SI style).
std::string formatScale(double denominator);

/// "2026年12月1日" for the given ISO date "2026-12-01"; the input when it is not such a date.
std::string chineseDate(std::string_view isoDate);

}  // namespace onemap::layout
