#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "detection_quality_case.h"

namespace onemap::bench {

/// How the table is printed.
enum class ReportFormat { Text, Markdown, Json };

/// The pass rule over the real cases: the engine's all-change F1 is at least the best baseline's
/// on every case, and its mean is at least the best single baseline's mean plus `margin`.
struct Verdict {
  static constexpr double margin = 0.05;
  bool applicable = false;  ///< at least one real case was run
  bool pass = false;
  int realCases = 0;
  std::vector<std::string> failures;  ///< one sentence per broken condition
  double engineMean = 0.0;            ///< mean all-change F1 over the real cases
  std::size_t bestBaseline = 0;       ///< the baseline with the highest mean F1 over them
  double bestBaselineMean = 0.0;
};

/// Applies the rule to the real cases of `results`.
Verdict judge(const std::vector<CaseResult>& results);

/// Prints the table (a row per case, mean rows for the real and the synthetic cases), the errors,
/// the verdict and the run time.
void printReport(ReportFormat format, const std::vector<CaseResult>& results, const Verdict& verdict, double seconds,
                 std::FILE* out);

}  // namespace onemap::bench
