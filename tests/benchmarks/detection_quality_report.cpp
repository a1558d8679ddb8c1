#include "detection_quality_report.h"

#include <nlohmann/json.hpp>

#include <array>
#include <string>

namespace onemap::bench {
namespace {

constexpr std::size_t kBaselines = analysis::kChangeBaselineCount;
constexpr int kColumns = 2 + int(kBaselines);  // engine default, engine all-change, then the baselines
const std::array<const char*, kColumns> kPrettyNames{"engine default", "engine all-change", "ΔNDVI + Otsu",
                                                      "CVA + Otsu", "CVA + Otsu + 3×3 open/close",
                                                      "IR-MAD (consistent σ²) + χ² 0.99", "MAD + χ² 0.99"};

std::string columnId(int k) {
  if (k == 0) return "engine_default";
  if (k == 1) return "engine_all_change";
  return std::string(analysis::changeBaselineName(analysis::allChangeBaselines()[std::size_t(k - 2)]));
}

const Scored& column(const CaseResult& r, int k) {
  return k == 0 ? r.engineDefault : k == 1 ? r.engineAllChange : r.baselines[std::size_t(k - 2)];
}

/// Mean precision, recall and F1 of each column over some cases (an error counts as 0).
struct Means {
  int cases = 0;
  std::array<analysis::PixelScores, kColumns> columns{};
  std::size_t bestBaseline() const {
    std::size_t best = 0;
    for (std::size_t i = 1; i < kBaselines; ++i)
      if (columns[i + 2].f1 > columns[best + 2].f1) best = i;
    return best;
  }
};

Means means(const std::vector<CaseResult>& results, bool synthetic) {
  Means m;
  for (const auto& r : results) {
    if (r.source.synthetic != synthetic) continue;
    ++m.cases;
    for (int k = 0; k < kColumns; ++k) {
      m.columns[std::size_t(k)].precision += column(r, k).pixels.precision;
      m.columns[std::size_t(k)].recall += column(r, k).pixels.recall;
      m.columns[std::size_t(k)].f1 += column(r, k).pixels.f1;
    }
  }
  for (auto& c : m.columns)
    if (m.cases > 0) c.precision /= m.cases, c.recall /= m.cases, c.f1 /= m.cases;
  return m;
}

std::string format(const char* pattern, double a, double b = 0.0, double c = 0.0) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, pattern, a, b, c);
  return buffer;
}

std::string baselineLabel(std::size_t index, double f1) {
  return std::string(analysis::changeBaselineName(analysis::allChangeBaselines()[index])) + format(" %.3f", f1);
}

std::string bestLabel(const CaseResult& r) {
  const Scored& best = r.baselines[r.bestBaseline()];
  return best.error.empty() ? baselineLabel(r.bestBaseline(), best.pixels.f1) : std::string("none (error)");
}

std::string ruleText() {
  return "the engine's all-change F1 >= the best baseline's F1 on every real case, and its mean over the real cases "
         ">= the best single baseline's mean + " + format("%.2f", Verdict::margin);
}

void printText(const std::vector<CaseResult>& results, std::FILE* out) {
  std::fprintf(out, "Pixel precision (P), recall (R) and F1 of the change class on the labelled pixels\n");
  std::fprintf(out, "%-16s %-9s", "case", "kind");
  for (int k = 0; k < kColumns; ++k) std::fprintf(out, " %-18s", columnId(k).c_str());
  std::fprintf(out, " %s\n%-26s", "best baseline", "");
  for (int k = 0; k < kColumns; ++k) std::fprintf(out, " %-18s", "P     R     F1");
  std::fprintf(out, "\n");
  const auto row = [&](const std::string& name, const std::string& kind, const auto& cell, const std::string& best) {
    std::fprintf(out, "%-16s %-9s", name.c_str(), kind.c_str());
    for (int k = 0; k < kColumns; ++k) std::fprintf(out, " %-18s", cell(k).c_str());
    std::fprintf(out, " %s\n", best.c_str());
  };
  for (const auto& r : results)
    row(r.source.name, r.source.synthetic ? "synthetic" : "real",
        [&](int k) {
          const Scored& s = column(r, k);
          return s.error.empty() ? format("%.3f %.3f %.3f", s.pixels.precision, s.pixels.recall, s.pixels.f1)
                                 : std::string("error");
        },
        bestLabel(r));
  for (const bool synthetic : {false, true}) {
    const Means m = means(results, synthetic);
    if (m.cases == 0) continue;
    row("mean", format(synthetic ? "synth (%.0f)" : "real (%.0f)", m.cases),
        [&](int k) {
          const auto& c = m.columns[std::size_t(k)];
          return format("%.3f %.3f %.3f", c.precision, c.recall, c.f1);
        },
        baselineLabel(m.bestBaseline(), m.columns[m.bestBaseline() + 2].f1));
  }
}

void printMarkdown(const std::vector<CaseResult>& results, std::FILE* out) {
  std::fprintf(out, "Pixel F1 (precision / recall) of the change class on the labelled pixels.\n\n| case | kind |");
  for (const char* name : kPrettyNames) std::fprintf(out, " %s |", name);
  std::fprintf(out, " best baseline |\n|---|---|");
  for (int k = 0; k < kColumns; ++k) std::fprintf(out, "---|");
  std::fprintf(out, "---|\n");
  for (const auto& r : results) {
    std::fprintf(out, "| %s | %s |", r.source.name.c_str(), r.source.synthetic ? "synthetic" : "real");
    for (int k = 0; k < kColumns; ++k) {
      const Scored& s = column(r, k);
      const std::string cell =
          s.error.empty() ? format("%.3f (%.2f / %.2f)", s.pixels.f1, s.pixels.precision, s.pixels.recall) : "error";
      std::fprintf(out, " %s |", cell.c_str());
    }
    std::fprintf(out, " %s |\n", bestLabel(r).c_str());
  }
  for (const bool synthetic : {false, true}) {
    const Means m = means(results, synthetic);
    if (m.cases == 0) continue;
    std::fprintf(out, "| **mean** | %s (%d) |", synthetic ? "synthetic" : "real", m.cases);
    for (const auto& c : m.columns) std::fprintf(out, " **%.3f** (%.2f / %.2f) |", c.f1, c.precision, c.recall);
    std::fprintf(out, " %s |\n", baselineLabel(m.bestBaseline(), m.columns[m.bestBaseline() + 2].f1).c_str());
  }
}

nlohmann::json scoredJson(const Scored& s) {
  nlohmann::json j{{"precision", s.pixels.precision}, {"recall", s.pixels.recall}, {"f1", s.pixels.f1},
                   {"tp", s.pixels.truePositives},    {"fp", s.pixels.falsePositives}, {"fn", s.pixels.falseNegatives},
                   {"tn", s.pixels.trueNegatives}};
  if (!s.error.empty()) j["error"] = s.error;
  if (!s.note.empty()) j["note"] = s.note;
  return j;
}

void printJson(const std::vector<CaseResult>& results, const Verdict& verdict, double seconds, std::FILE* out) {
  nlohmann::json j;
  j["cases"] = nlohmann::json::array();
  for (const auto& r : results) {
    nlohmann::json c{{"name", r.source.name}, {"kind", r.source.synthetic ? "synthetic" : "real"},
                     {"seconds", r.seconds}, {"bands", r.bands}};
    for (int k = 0; k < kColumns; ++k) c[columnId(k)] = scoredJson(column(r, k));
    c["best_baseline"] = columnId(int(r.bestBaseline()) + 2);
    j["cases"].push_back(c);
  }
  for (const bool synthetic : {false, true}) {
    const Means m = means(results, synthetic);
    nlohmann::json mj{{"cases", m.cases}};
    for (int k = 0; k < kColumns; ++k) {
      const auto& c = m.columns[std::size_t(k)];
      mj[columnId(k)] = {{"precision", c.precision}, {"recall", c.recall}, {"f1", c.f1}};
    }
    j["means"][synthetic ? "synthetic" : "real"] = mj;
  }
  j["verdict"] = {{"applicable", verdict.applicable},
                  {"pass", verdict.pass},
                  {"rule", ruleText()},
                  {"failures", verdict.failures},
                  {"engine_all_change_mean_f1", verdict.engineMean},
                  {"best_baseline", columnId(int(verdict.bestBaseline) + 2)},
                  {"best_baseline_mean_f1", verdict.bestBaselineMean}};
  j["seconds"] = seconds;
  std::fprintf(out, "%s\n", j.dump(2).c_str());
}

}  // namespace

Verdict judge(const std::vector<CaseResult>& results) {
  Verdict v;
  const Means m = means(results, false);
  v.realCases = m.cases;
  v.applicable = m.cases > 0;
  if (!v.applicable) return v;
  for (const auto& r : results) {
    if (r.source.synthetic) continue;
    const std::size_t best = r.bestBaseline();
    const double engine = r.engineAllChange.pixels.f1, baseline = r.baselines[best].pixels.f1;
    if (engine < baseline)
      v.failures.push_back(r.source.name + ": engine all-change F1 " + format("%.3f", engine) + " < " +
                           baselineLabel(best, baseline));
  }
  v.engineMean = m.columns[1].f1;
  v.bestBaseline = m.bestBaseline();
  v.bestBaselineMean = m.columns[v.bestBaseline + 2].f1;
  if (v.engineMean < v.bestBaselineMean + Verdict::margin)
    v.failures.push_back("mean engine all-change F1 " + format("%.3f", v.engineMean) + " < " +
                         baselineLabel(v.bestBaseline, v.bestBaselineMean) + " + " + format("%.2f", Verdict::margin));
  v.pass = v.failures.empty();
  return v;
}

void printReport(ReportFormat format, const std::vector<CaseResult>& results, const Verdict& verdict, double seconds,
                 std::FILE* out) {
  if (format == ReportFormat::Json) return printJson(results, verdict, seconds, out);
  if (format == ReportFormat::Markdown) printMarkdown(results, out);
  else printText(results, out);
  bool first = true;
  for (const auto& r : results)
    for (int k = 0; k < kColumns; ++k)
      if (!column(r, k).error.empty()) {
        std::fprintf(out, "%s- %s, %s: %s\n", first ? "\nerrors (scored as 0):\n" : "", r.source.name.c_str(),
                     columnId(k).c_str(), column(r, k).error.c_str());
        first = false;
      }
  if (!verdict.applicable) {
    std::fprintf(out, "\nverdict: none (no real case was run)\n");
  } else {
    std::fprintf(out, "\nverdict: %s over %d real case%s (rule: %s)\n", verdict.pass ? "PASS" : "FAIL",
                 verdict.realCases, verdict.realCases == 1 ? "" : "s", ruleText().c_str());
    std::fprintf(out, "  mean engine all-change F1 %.3f; best single baseline %s, needed %.3f\n", verdict.engineMean,
                 baselineLabel(verdict.bestBaseline, verdict.bestBaselineMean).c_str(),
                 verdict.bestBaselineMean + Verdict::margin);
    for (const auto& failure : verdict.failures) std::fprintf(out, "  failed: %s\n", failure.c_str());
  }
  std::fprintf(out, "total %.0f s\n", seconds);
}

}  // namespace onemap::bench
