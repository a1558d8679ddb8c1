#include "onemap/layout/layout_variables.h"

#include <cmath>
#include <cstdio>

namespace onemap::layout {

std::string expandVariables(std::string_view text, const Variables& values) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      out += c;
      ++i;
      continue;
    }
    if (c == '{') {
      const std::size_t close = text.find('}', i + 1);
      if (close != std::string_view::npos) {
        const std::string_view name = text.substr(i + 1, close - i - 1);
        if (auto it = values.find(name); it != values.end()) {
          out += it->second;
          i = close;
          continue;
        }
      }
    }
    out += c;
  }
  return out;
}

std::string formatScale(double denominator) {
  if (!(denominator > 0) || !std::isfinite(denominator)) return "1:?";
  const std::string digits = std::to_string(static_cast<long long>(std::llround(denominator)));
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (digits.size() > 4 && i > 0 && (digits.size() - i) % 3 == 0) grouped += ' ';
    grouped += digits[i];
  }
  return "1:" + grouped;
}

std::string chineseDate(std::string_view isoDate) {
  int year = 0, month = 0, day = 0;
  char tail = 0;
  const std::string copy(isoDate);
  if (copy.size() != 10 || std::sscanf(copy.c_str(), "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3 ||
      month < 1 || month > 12 || day < 1 || day > 31)
    return copy;
  return std::to_string(year) + "年" + std::to_string(month) + "月" + std::to_string(day) + "日";
}

}  // namespace onemap::layout
