#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace onemap::test {

/// A fresh, empty directory under the system temp folder, removed with its content on
/// destruction. One per test; not shared between threads.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return m_path; }
  /// path() / name, as a std::filesystem::path.
  std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

  /// Every regular file below the directory, relative to it, sorted (to check nothing was written).
  std::vector<std::string> files() const;

 private:
  std::filesystem::path m_path;
};

/// The whole content of a file as bytes (empty if it cannot be read).
std::string readFile(const std::filesystem::path& path);

/// Directory of the project's source tree (from ONEMAP_SOURCE_DIR, set by ctest).
std::filesystem::path sourceDir();
/// The shared/data folder with the real image pairs, or empty if it is not there.
std::filesystem::path sharedDataDir();

}  // namespace onemap::test
