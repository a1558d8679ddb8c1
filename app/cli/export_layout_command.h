#pragma once

#include "command.h"

namespace onemap::cli {

/// `onemap-cli export-layout --project P --layout NAME --out sheet.pdf|.png|.tif`: one map sheet.
int runExportLayoutCommand(const CommandLine& line);

}  // namespace onemap::cli
