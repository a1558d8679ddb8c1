#include "onemap/raster/acquisition_date.h"

#include <cctype>

namespace onemap::raster {
namespace {

bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

/// Whether `text` at `at` holds YYYY-MM-DD naming a day of the Gregorian calendar.
bool calendarDateAt(std::string_view text, std::size_t at) {
  if (at + 10 > text.size()) return false;
  const std::string_view s = text.substr(at, 10);
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (!digit(s[i])) return false;
  if (s[4] != '-' || s[7] != '-') return false;
  const int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  const int month = (s[5] - '0') * 10 + (s[6] - '0'), day = (s[8] - '0') * 10 + (s[9] - '0');
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int days[] = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return day <= days[month - 1];
}

}  // namespace

std::optional<std::string> dateFromMetadata(const std::vector<std::pair<std::string, std::string>>& metadata) {
  for (const auto& [key, value] : metadata) {
    if (key != "ACQUISITION_DATE" && key != "DATE_ACQUIRED" && key != "SENSING_TIME") continue;
    std::size_t at = 0;
    while (at < value.size() && std::isspace(static_cast<unsigned char>(value[at]))) ++at;
    if (calendarDateAt(value, at) && (at + 10 == value.size() || !digit(value[at + 10]))) return value.substr(at, 10);
  }
  return std::nullopt;
}

std::optional<std::string> dateFromFileName(std::string_view name) {
  for (std::size_t at = 0; at + 10 <= name.size(); ++at) {
    if (at > 0 && digit(name[at - 1])) continue;
    if (at + 10 < name.size() && digit(name[at + 10])) continue;
    if (calendarDateAt(name, at)) return std::string(name.substr(at, 10));
  }
  return std::nullopt;
}

}  // namespace onemap::raster
