// Change-detection quality over every labelled pair (issue 12): the engine in default and
// all-change mode against five classical baselines (|ΔNDVI| + Otsu, CVA + Otsu, CVA + Otsu +
// 3 × 3 opening/closing, IR-MAD + chi-square, MAD + chi-square), pixel precision / recall / F1 of
// the change class on the labelled pixels of each reference. Prints one row per case, the means
// and a verdict:
//   PASS when the engine's all-change F1 is at least the best baseline's on every real case and
//   its mean over the real cases is at least the best single baseline's mean + 0.05.
//
//   bench_detection_quality [--markdown | --json] [--real | --synthetic] [--cases a,b]
//                           [--seeds 2,3,5] [--threads N] [--require-oscd]
//
// Real cases: the Landsat Nanjing pair (data-samples/) and the OSCD development cities in
// $ONEMAP_OSCD_DIR, else <source>/../shared/data/oscd_dev (read in place: their labels are
// non-commercial). Synthetic cases: small sample counties generated into a temporary folder.
// Exit status: 0 PASS, 1 FAIL, 2 bad usage or no case, 77 --require-oscd without the OSCD folder.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "detection_quality_report.h"
#include "temp_dir.h"

using namespace onemap;
using namespace onemap::bench;

namespace {

std::vector<std::string> splitList(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream stream(text);
  for (std::string item; std::getline(stream, item, ',');)
    if (!item.empty()) out.push_back(item);
  return out;
}

std::filesystem::path oscdDir() {
  if (const char* env = std::getenv("ONEMAP_OSCD_DIR")) return env;
  return test::sourceDir() / ".." / "shared" / "data" / "oscd_dev";
}

int usage(const char* message) {
  std::fprintf(stderr,
               "%s\nusage: bench_detection_quality [--markdown | --json] [--real | --synthetic] [--cases a,b] "
               "[--seeds 2,3,5] [--threads N] [--require-oscd]\n",
               message);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  ReportFormat format = ReportFormat::Text;
  bool real = true, synthetic = true, requireOscd = false;
  std::vector<std::string> only;
  std::vector<std::string> seeds{"2", "3", "5"};
  int threads = 2;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool hasValue = i + 1 < argc;
    if (arg == "--markdown") format = ReportFormat::Markdown;
    else if (arg == "--json") format = ReportFormat::Json;
    else if (arg == "--real") synthetic = false;
    else if (arg == "--synthetic") real = false;
    else if (arg == "--require-oscd") requireOscd = true;
    else if (arg == "--cases" && hasValue) only = splitList(argv[++i]);
    else if (arg == "--seeds" && hasValue) seeds = splitList(argv[++i]);
    else if (arg == "--threads" && hasValue) threads = std::max(1, std::atoi(argv[++i]));
    else return usage(("unknown option: " + arg).c_str());
  }
  const auto wanted = [&](const std::string& name) {
    return only.empty() || std::find(only.begin(), only.end(), name) != only.end();
  };

  const std::filesystem::path oscd = oscdDir();
  const bool haveOscd = std::filesystem::is_directory(oscd);
  if (requireOscd && !haveOscd) {
    std::fprintf(stderr, "skipped: no OSCD folder at %s (set ONEMAP_OSCD_DIR)\n", oscd.c_str());
    return 77;
  }
  std::vector<QualityCase> cases;
  if (real) {
    const auto nanjing = test::sharedDataDir() / "landsat_nanjing";
    if (wanted("nanjing") && std::filesystem::exists(nanjing / "nanjing_L5TM_2000-05-03_6band_utm50n.tif"))
      cases.push_back({"nanjing", false, nanjing / "nanjing_L5TM_2000-05-03_6band_utm50n.tif",
                       nanjing / "nanjing_L5TM_2002-07-12_6band_utm50n.tif",
                       nanjing / "nanjing_reference_0unlabeled_1unchanged_2changed.tif", std::nullopt});
    else if (wanted("nanjing"))
      std::fprintf(stderr, "note: the Landsat Nanjing pair is not in %s\n", nanjing.c_str());
    if (!haveOscd) std::fprintf(stderr, "note: no OSCD folder at %s (set ONEMAP_OSCD_DIR)\n", oscd.c_str());
    std::vector<std::filesystem::path> cities;
    if (haveOscd)
      for (const auto& entry : std::filesystem::directory_iterator(oscd))
        if (entry.is_directory() && std::filesystem::exists(entry.path() / "reference.tif"))
          cities.push_back(entry.path());
    std::sort(cities.begin(), cities.end());
    for (const auto& city : cities)
      if (wanted(city.filename().string()))
        cases.push_back({city.filename().string(), false, city / "before.tif", city / "after.tif",
                         city / "reference.tif", std::nullopt});
  }

  test::TempDir work;
  std::vector<CaseResult> results;
  const auto start = std::chrono::steady_clock::now();
  if (synthetic)
    for (const auto& seed : seeds) {
      if (!wanted("sample-seed" + seed)) continue;
      std::fprintf(stderr, "generating sample-seed%s ...\n", seed.c_str());
      auto c = makeSyntheticCase(std::atoi(seed.c_str()), work / ("sample-seed" + seed));
      if (!c) {
        std::fprintf(stderr, "sample seed %s: %s\n", seed.c_str(), c.error().text().c_str());
        return 2;
      }
      cases.push_back(*c);
    }
  if (cases.empty()) return usage("no case to run");
  for (std::size_t i = 0; i < cases.size(); ++i) {
    std::fprintf(stderr, "[%zu/%zu] %s ...", i + 1, cases.size(), cases[i].name.c_str());
    results.push_back(runCase(cases[i], work.path(), threads));
    std::fprintf(stderr, " %.1f s\n", results.back().seconds);
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const Verdict verdict = judge(results);
  printReport(format, results, verdict, seconds, stdout);
  return verdict.applicable && !verdict.pass ? 1 : 0;
}
