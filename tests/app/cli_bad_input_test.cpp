// onemap-cli on hostile but ordinary input: a clean error (exit 1 or 2, the value named), never a
// crash (issue 13).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "cli_runner.h"
#include "temp_dir.h"

using onemap::test::runCli;

TEST(CliBadInput, MakeSampleRefusesAnEmptyOutAndThreadsOutOfRange) {
  onemap::test::TempDir dir;
  const auto empty = runCli({"make-sample", "--size", "small", "--out", ""});
  EXPECT_EQ(empty.exitCode, 2) << empty.err;
  EXPECT_NE(empty.err.find("--out"), std::string::npos) << empty.err;
  for (const char* threads : {"100000", "-3", "many"}) {
    const auto run = runCli({"make-sample", "--size", "small", "--threads", threads, "--out", (dir / "s").string()});
    EXPECT_EQ(run.exitCode, 2) << threads << ": " << run.err;
    EXPECT_NE(run.err.find("--threads"), std::string::npos) << run.err;
  }
  const auto nan = runCli({"make-sample", "--size", "small", "--misregistration", "nan", "--out", (dir / "s").string()});
  EXPECT_EQ(nan.exitCode, 2) << nan.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "s"));
}

TEST(CliBadInput, AMistypedOrFolderProjectIsAnErrorNamingIt) {
  onemap::test::TempDir dir;
  std::ofstream(dir / "typed.onemap")
      << R"({"format":"onemap-project","version":1,"layers":[{"kind":"raster","source":"a.tif","visible":"yes"}]})";
  std::filesystem::create_directories(dir / "folder.onemap");
  for (const char* name : {"typed.onemap", "folder.onemap"}) {
    const auto run = runCli({"export-layout", "--project", (dir / name).string(), "--template", "village", "--out",
                             (dir / "sheet.pdf").string()});
    EXPECT_EQ(run.exitCode, 1) << name << ": " << run.err;
    EXPECT_NE(run.err.find(name), std::string::npos) << run.err;
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "sheet.pdf"));
}
