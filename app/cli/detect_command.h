#pragma once

#include "command.h"

namespace onemap::cli {

/// `onemap-cli detect`: 非农化 / 非粮化 change patches from two image dates (see --help).
int runDetectCommand(const CommandLine& line);

}  // namespace onemap::cli
