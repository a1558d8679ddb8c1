#pragma once

#include <QString>

#include <string>

namespace onemap {
struct Error;
}

namespace onemap::cli {

/// Writes a line to stdout (UTF-8).
void printOut(const QString& line);
/// Writes a line to stderr (UTF-8).
void printErr(const QString& line);
/// Prints "onemap-cli: error: <text>" for a core Error to stderr and returns its exit code.
int reportError(const Error& error);
/// UTF-8 std::string to QString.
inline QString qs(const std::string& s) { return QString::fromStdString(s); }

}  // namespace onemap::cli
