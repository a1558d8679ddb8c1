#pragma once

#include "command.h"

namespace onemap::cli {

/// `onemap-cli make-sample --size small|county --seed N --out DIR [--overwrite] [--no-imagery]`
int runMakeSampleCommand(const CommandLine& line);

}  // namespace onemap::cli
