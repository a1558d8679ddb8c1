#pragma once

#include <QString>
#include <QStringList>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "onemap/base/layer_ref.h"

namespace onemap::cli {

/// Process exit codes of onemap-cli: 0 success, 1 bad input (the message says which file and
/// what to do), 2 usage error (unknown command or option), 3 canceled.
enum ExitCode { kExitOk = 0, kExitBadInput = 1, kExitUsage = 2, kExitCanceled = 3 };

/// A subcommand's arguments both as text (for option parsing) and as the raw bytes the shell
/// passed (file names may not be UTF-8: GBK names copied from Windows machines).
struct CommandLine {
  QStringList args;
  std::vector<std::string> raw;
  /// The file path for argument `value` (a positional argument or option value), byte-exact.
  std::filesystem::path path(const QString& value) const;
  /// FILE or FILE:LAYER for argument `value`, split as vector::splitLayerSpec does (a colon of a
  /// drive letter or of an existing file name stays in the path).
  LayerRef layerRef(const QString& value) const;
};

/// One onemap-cli subcommand: its name, a one-line summary and its entry point (arguments
/// exclude the program and command names). Run on the main thread.
struct Command {
  QString name;
  QString summary;
  std::function<int(const CommandLine& line)> run;
};

/// All subcommands, in the order `onemap-cli --help` lists them.
std::vector<Command> builtinCommands();

}  // namespace onemap::cli
