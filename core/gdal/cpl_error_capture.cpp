#include "onemap/gdal/cpl_error_capture.h"

#include <cpl_error.h>

namespace onemap::gdal {

CplErrorCapture::CplErrorCapture() {
  CPLPushErrorHandlerEx(
      [](CPLErr level, CPLErrorNum number, const char* message) {
        handler(static_cast<int>(level), number, message);
      },
      this);
}

CplErrorCapture::~CplErrorCapture() { CPLPopErrorHandler(); }

void CplErrorCapture::handler(int level, int number, const char* message) {
  auto* self = static_cast<CplErrorCapture*>(CPLGetErrorHandlerUserData());
  if (self == nullptr) return;
  CplMessage entry;
  switch (static_cast<CPLErr>(level)) {
    case CE_Debug: entry.level = CplMessage::Level::Debug; break;
    case CE_Warning: entry.level = CplMessage::Level::Warning; break;
    case CE_Fatal: entry.level = CplMessage::Level::Fatal; break;
    default: entry.level = CplMessage::Level::Failure; break;
  }
  if (entry.level == CplMessage::Level::Debug) return;
  entry.number = number;
  entry.text = message != nullptr ? message : "";
  try {
    self->m_messages.push_back(std::move(entry));
  } catch (...) {
    // Never let an exception cross the C boundary.
  }
}

bool CplErrorCapture::hasFailures() const {
  for (const auto& m : m_messages)
    if (m.level >= CplMessage::Level::Failure) return true;
  return false;
}

std::string CplErrorCapture::lastMessage() const {
  for (auto it = m_messages.rbegin(); it != m_messages.rend(); ++it)
    if (it->level >= CplMessage::Level::Failure) return it->text;
  return m_messages.empty() ? std::string() : m_messages.back().text;
}

std::vector<std::string> CplErrorCapture::warnings() const {
  std::vector<std::string> out;
  for (const auto& m : m_messages)
    if (m.level == CplMessage::Level::Warning) out.push_back(m.text);
  return out;
}

Error CplErrorCapture::toError(ErrorCode fallback, std::string what, std::string context,
                               std::string hint) const {
  ErrorCode code = fallback;
  for (const auto& m : m_messages) {
    if (m.level < CplMessage::Level::Failure) continue;
    if (m.number == CPLE_OutOfMemory) code = ErrorCode::OutOfMemory;
    else if (m.number == CPLE_UserInterrupt) code = ErrorCode::Canceled;
    else if (m.number == CPLE_NotSupported && fallback == ErrorCode::Internal)
      code = ErrorCode::Unsupported;
  }
  const std::string detail = lastMessage();
  if (!detail.empty()) what += " (GDAL: " + detail + ")";
  return Error{code, std::move(what), std::move(context), std::move(hint)};
}

}  // namespace onemap::gdal
