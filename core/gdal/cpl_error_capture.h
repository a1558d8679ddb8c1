#pragma once

#include <string>
#include <vector>

#include "onemap/base/error.h"

namespace onemap::gdal {

/// One message GDAL/OGR/PROJ raised through CPLError.
struct CplMessage {
  enum class Level { Debug, Warning, Failure, Fatal };
  Level level = Level::Failure;
  int number = 0;  ///< CPLErrorNum
  std::string text;
};

/// Collects the CPLError messages raised on the current thread while it lives (a scoped,
/// thread-local handler); after the GDAL call returns, the caller turns them into an Error.
/// Never throws from inside the handler. Not copyable; use on one thread, stack-allocated.
class CplErrorCapture {
 public:
  CplErrorCapture();
  ~CplErrorCapture();
  CplErrorCapture(const CplErrorCapture&) = delete;
  CplErrorCapture& operator=(const CplErrorCapture&) = delete;

  const std::vector<CplMessage>& messages() const { return m_messages; }
  bool hasFailures() const;
  /// Text of the last failure (or warning if no failure), empty if nothing was raised.
  std::string lastMessage() const;
  /// All warnings, one per entry.
  std::vector<std::string> warnings() const;

  /// An Error for `context` (file, layer...) with `what` failed; GDAL's own message appended.
  /// The code is `fallback` unless GDAL's error number says better (out of memory, no file...).
  Error toError(ErrorCode fallback, std::string what, std::string context,
                std::string hint = {}) const;

 private:
  static void handler(int level, int number, const char* message);
  std::vector<CplMessage> m_messages;
};

}  // namespace onemap::gdal
