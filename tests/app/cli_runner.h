#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace onemap::test {

/// What a finished onemap-cli run printed and returned.
struct CliRun {
  int exitCode = -1;
  std::string out;
  std::string err;
};

/// Runs the built onemap-cli with `args` (each passed as one argument, bytes unchanged) and the
/// extra environment assignments `env` ("ONEMAP_LANG=zh_CN"), capturing stdout and stderr.
CliRun runCli(const std::vector<std::string>& args, const std::vector<std::string>& env = {"ONEMAP_LANG=en"});

}  // namespace onemap::test
