#include "temp_dir.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <random>
#include <system_error>

#include <unistd.h>

namespace onemap::test {

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  std::random_device device;
  const auto base = std::filesystem::temp_directory_path();
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto candidate = base / ("onemap-test-" + std::to_string(::getpid()) + "-" +
                             std::to_string(counter++) + "-" + std::to_string(device() % 100000));
    std::error_code ec;
    if (std::filesystem::create_directory(candidate, ec)) {
      m_path = candidate;
      return;
    }
  }
  std::abort();
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(m_path, ec);
}

std::vector<std::string> TempDir::files() const {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(m_path))
    if (entry.is_regular_file()) out.push_back(std::filesystem::relative(entry.path(), m_path).string());
  std::sort(out.begin(), out.end());
  return out;
}

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::filesystem::path sourceDir() {
  const char* dir = std::getenv("ONEMAP_SOURCE_DIR");
  return dir != nullptr ? std::filesystem::path(dir) : std::filesystem::path(ONEMAP_SOURCE_DIR_DEFAULT);
}

std::filesystem::path sharedDataDir() {
  const char* env = std::getenv("ONEMAP_SHARED_DATA");
  const std::filesystem::path dir = env != nullptr ? std::filesystem::path(env)
                                                   : std::filesystem::path(ONEMAP_SHARED_DATA_DEFAULT);
  std::error_code ec;
  if (std::filesystem::is_directory(dir, ec)) return std::filesystem::canonical(dir, ec);
  return {};
}

}  // namespace onemap::test
