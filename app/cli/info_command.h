#pragma once

#include "command.h"

namespace onemap::cli {

/// `onemap-cli info FILE [--json] [--layer NAME] [--encoding ENC] [--no-stats] ...`
int runInfoCommand(const CommandLine& line);

}  // namespace onemap::cli
