#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "temp_dir.h"

namespace {

std::string unfinishedEntries(const std::filesystem::path& ts, int& total) {
  std::ifstream in(ts);
  std::stringstream s;
  s << in.rdbuf();
  const std::string text = s.str();
  const std::regex message("<message>[\\s\\S]*?</message>");
  total = 0;
  std::string unfinished;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), message); it != std::sregex_iterator(); ++it) {
    ++total;
    const std::string m = it->str();
    if (m.find("type=\"unfinished\"") != std::string::npos || m.find("<translation></translation>") != std::string::npos)
      unfinished += m + "\n";
  }
  return unfinished;
}

}  // namespace

TEST(TranslationCatalogue, EveryUserFacingStringInTheSourcesHasAChineseTranslation) {
  // Re-extract the strings from the sources into a copy of the catalogue: anything new shows up
  // as unfinished even if nobody ran update_translations.
  onemap::test::TempDir dir;
  const auto source = onemap::test::sourceDir();
  const auto copy = dir / "onemap_zh_CN.ts";
  std::filesystem::copy_file(source / "resources" / "translations" / "onemap_zh_CN.ts", copy);
  const std::string command = std::string("\"") + ONEMAP_LUPDATE + "\" -silent -locations none -no-obsolete " +
                              ONEMAP_LUPDATE_INCLUDES + " \"" + (source / "app").string() + "\" \"" +
                              (source / "plugins").string() + "\" -target-language zh_CN -ts \"" + copy.string() + "\"";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  int total = 0;
  const std::string unfinished = unfinishedEntries(copy, total);
  EXPECT_GT(total, 50);
  EXPECT_TRUE(unfinished.empty()) << "strings without a zh_CN translation (run the update_translations target and "
                                     "translate them in resources/translations/onemap_zh_CN.ts):\n" << unfinished;
}

TEST(TranslationCatalogue, ZhCnIsComplete) {
  const auto ts = onemap::test::sourceDir() / "resources" / "translations" / "onemap_zh_CN.ts";
  ASSERT_TRUE(std::filesystem::exists(ts)) << ts;
  int total = 0;
  const std::string unfinished = unfinishedEntries(ts, total);
  EXPECT_GT(total, 50);
  EXPECT_TRUE(unfinished.empty()) << "untranslated entries in " << ts << ":\n" << unfinished;
}
