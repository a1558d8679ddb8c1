#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "temp_dir.h"

TEST(TranslationCatalogue, ZhCnIsComplete) {
  const auto ts = onemap::test::sourceDir() / "resources" / "translations" / "onemap_zh_CN.ts";
  std::ifstream in(ts);
  ASSERT_TRUE(in) << ts;
  std::stringstream s;
  s << in.rdbuf();
  const std::string text = s.str();
  const std::regex message("<message>[\\s\\S]*?</message>");
  int total = 0;
  std::string unfinished;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), message); it != std::sregex_iterator(); ++it) {
    ++total;
    const std::string m = it->str();
    if (m.find("type=\"unfinished\"") != std::string::npos || m.find("<translation></translation>") != std::string::npos)
      unfinished += m + "\n";
  }
  EXPECT_GT(total, 50);
  EXPECT_TRUE(unfinished.empty()) << "untranslated entries in " << ts << ":\n" << unfinished;
}
