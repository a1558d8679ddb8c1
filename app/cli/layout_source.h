#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>

#include <filesystem>
#include <memory>

#include "command.h"
#include "onemap/base/error.h"
#include "onemap/layout/layout.h"
#include "onemap/project/project.h"

namespace onemap::cli {

/// The options export-layout and export-atlas share: --project, --layout, --template.
struct LayoutOptions {
  QCommandLineOption project{QStringLiteral("project"), QString(), QStringLiteral("FILE")};
  QCommandLineOption layout{QStringLiteral("layout"), QString(), QStringLiteral("NAME")};
  QCommandLineOption templ{QStringLiteral("template"), QString(), QStringLiteral("village|FILE")};
  LayoutOptions();
  void addTo(QCommandLineParser& parser) const;
};

/// A loaded project and the layout to export from it.
struct LayoutSource {
  std::filesystem::path projectFile;
  project::Project project;
  layout::Layout layout;
};

/// Loads --project and picks --layout NAME from it, or builds --template village (the standard
/// 一村一图 sheet bound to the project) or loads --template FILE (re-bound to the project).
/// Errors say what is missing; an unknown layout name lists the project's layouts.
Result<LayoutSource> loadLayoutSource(const QCommandLineParser& parser, const LayoutOptions& options,
                                      const CommandLine& line);

}  // namespace onemap::cli
