#pragma once

#include "command.h"

namespace onemap::cli {

/// `onemap-cli evaluate --truth TRUTH[:layer] PATCHES[:layer] [--distractors FILE:layer] ...`
int runEvaluateCommand(const CommandLine& line);

}  // namespace onemap::cli
