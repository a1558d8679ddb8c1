#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "onemap/storage/atomic_file.h"
#include "temp_dir.h"

using namespace onemap;

TEST(AtomicFile, WritesTheContentAndLeavesNoTemporaryBehind) {
  test::TempDir dir;
  ASSERT_TRUE(storage::writeFileAtomically(dir / "a.json", "hello 耕地"));
  EXPECT_EQ(test::readFile(dir / "a.json"), "hello 耕地");
  EXPECT_EQ(dir.files(), std::vector<std::string>{"a.json"});
}

TEST(AtomicFile, ReplacesAnExistingFileWhole) {
  test::TempDir dir;
  ASSERT_TRUE(storage::writeFileAtomically(dir / "a.txt", std::string(10000, 'x')));
  ASSERT_TRUE(storage::writeFileAtomically(dir / "a.txt", "short"));
  EXPECT_EQ(test::readFile(dir / "a.txt"), "short");
}

TEST(AtomicFile, FailureInAMissingFolderNamesTheFileAndWritesNothing) {
  test::TempDir dir;
  const auto r = storage::writeFileAtomically(dir / "no-such-folder" / "a.txt", "x");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::Io);
  EXPECT_NE(r.error().context.find("no-such-folder/a.txt"), std::string::npos);
  EXPECT_TRUE(dir.files().empty());
}

TEST(AtomicFile, TemporarySiblingsAreDistinctAndInTheSameFolder) {
  const auto a = storage::temporarySibling("/x/out.gpkg");
  const auto b = storage::temporarySibling("/x/out.gpkg");
  EXPECT_NE(a, b);
  EXPECT_EQ(a.parent_path(), std::filesystem::path("/x"));
  EXPECT_EQ(a.extension(), ".gpkg");
}
