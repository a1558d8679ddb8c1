#pragma once

#include "command.h"

namespace onemap::cli {

/// `onemap-cli export-atlas --project P --layout NAME --out DIR|file.pdf`: one sheet per village.
int runExportAtlasCommand(const CommandLine& line);

}  // namespace onemap::cli
