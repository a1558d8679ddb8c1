#include "cli_io.h"

#include <QCoreApplication>

#include <cstdio>

#include "command.h"
#include "onemap/base/error.h"

namespace onemap::cli {

void printOut(const QString& line) {
  const QByteArray bytes = line.toUtf8();
  std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
  std::fputc('\n', stdout);
}

void printErr(const QString& line) {
  const QByteArray bytes = line.toUtf8();
  std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stderr);
  std::fputc('\n', stderr);
}

int reportError(const Error& error) {
  printErr(QCoreApplication::translate("onemap-cli", "onemap-cli: error: %1").arg(qs(error.text())));
  return error.code == ErrorCode::Canceled ? kExitCanceled : kExitBadInput;
}

}  // namespace onemap::cli
