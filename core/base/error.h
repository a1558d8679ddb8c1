#pragma once

#include <expected>
#include <string>
#include <string_view>

namespace onemap {

/// Broad category of a failure; callers branch on it (Canceled is an outcome, not a failure).
enum class ErrorCode {
  Canceled,
  NotFound,
  OpenFailed,
  InvalidInput,
  Unsupported,
  Io,
  OutOfMemory,
  Internal,
};

/// Stable English identifier of an error code, e.g. "not-found" (for logs and JSON).
std::string_view errorCodeName(ErrorCode code) noexcept;

/// A failure: what went wrong, on what (file, layer, band, value) and what the user can do about it.
struct Error {
  ErrorCode code = ErrorCode::Internal;
  std::string message;  ///< what went wrong, one sentence without trailing period
  std::string context;  ///< the file, layer, band or value concerned (may be empty)
  std::string hint;     ///< what to do about it (may be empty)

  /// "context: message. hint" — the full sentence shown to users.
  std::string text() const;

  /// Returns a copy with an outer context prepended ("outer: inner-context").
  Error withContext(std::string_view outer) const;
};

/// The result of an operation that may fail: a value or an Error.
template <class T>
using Result = std::expected<T, Error>;

/// Result of an operation that returns nothing on success.
using Status = std::expected<void, Error>;

/// Builds the unexpected value of a Result: `return fail(ErrorCode::NotFound, "...", path);`.
inline std::unexpected<Error> fail(ErrorCode code, std::string message, std::string context = {},
                                   std::string hint = {}) {
  return std::unexpected<Error>(
      Error{code, std::move(message), std::move(context), std::move(hint)});
}

/// Wraps an existing Error as the unexpected value of any Result type.
inline std::unexpected<Error> fail(Error error) { return std::unexpected<Error>(std::move(error)); }

}  // namespace onemap
