#include "onemap/base/error.h"

namespace onemap {

std::string_view errorCodeName(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::Canceled: return "canceled";
    case ErrorCode::NotFound: return "not-found";
    case ErrorCode::OpenFailed: return "open-failed";
    case ErrorCode::InvalidInput: return "invalid-input";
    case ErrorCode::Unsupported: return "unsupported";
    case ErrorCode::Io: return "io";
    case ErrorCode::OutOfMemory: return "out-of-memory";
    case ErrorCode::Internal: return "internal";
  }
  return "internal";
}

std::string Error::text() const {
  std::string out;
  if (!context.empty()) {
    out += context;
    out += ": ";
  }
  out += message;
  if (!out.empty() && out.back() != '.' && out.back() != '!' && out.back() != '?') out += '.';
  if (!hint.empty()) {
    out += ' ';
    out += hint;
  }
  return out;
}

Error Error::withContext(std::string_view outer) const {
  Error copy = *this;
  if (outer.empty()) return copy;
  copy.context = context.empty() ? std::string(outer) : std::string(outer) + ": " + context;
  return copy;
}

}  // namespace onemap
