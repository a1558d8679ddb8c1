#include "onemap/proj/proj_context.h"

#include <cctype>
#include <string>

namespace onemap::proj::detail {

namespace {

/// One PROJ context per thread, with a log callback that keeps the last error message.
class ThreadContext {
 public:
  ThreadContext() : m_context(proj_context_create()) {
    if (m_context == nullptr) return;
    proj_log_level(m_context, PJ_LOG_ERROR);
    proj_log_func(m_context, this, &ThreadContext::log);
  }
  ~ThreadContext() {
    if (m_context != nullptr) proj_context_destroy(m_context);
  }
  ThreadContext(const ThreadContext&) = delete;
  ThreadContext& operator=(const ThreadContext&) = delete;

  PJ_CONTEXT* context() const noexcept { return m_context; }
  const std::string& lastMessage() const noexcept { return m_lastMessage; }
  void clear() noexcept { m_lastMessage.clear(); }

 private:
  // Called by PROJ (C code): must never let an exception escape.
  static void log(void* data, int level, const char* message) noexcept {
    if (data == nullptr || message == nullptr || level > PJ_LOG_ERROR) return;
    try {
      static_cast<ThreadContext*>(data)->m_lastMessage = message;
    } catch (...) {
      // Out of memory while copying a log line: drop the line.
    }
  }

  PJ_CONTEXT* m_context = nullptr;
  std::string m_lastMessage;
};

ThreadContext& threadState() {
  thread_local ThreadContext state;
  return state;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
    text.remove_suffix(1);
  }
  return text;
}

bool allDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return false;
  }
  return true;
}

constexpr const char* kDefinitionHint =
    "Give an EPSG code such as EPSG:4549 or 4549, a WKT string or PROJJSON";

}  // namespace

PJ_CONTEXT* threadContext() noexcept { return threadState().context(); }

void clearLastProjMessage() noexcept { threadState().clear(); }

std::string lastProjMessage() {
  ThreadContext& state = threadState();
  if (!state.lastMessage().empty()) return state.lastMessage();
  PJ_CONTEXT* context = state.context();
  if (context == nullptr) return {};
  const int error = proj_context_errno(context);
  if (error == 0) return {};
  const char* text = proj_context_errno_string(context, error);
  return text != nullptr ? std::string(text) : std::string();
}

std::string shortDefinition(std::string_view definition) {
  constexpr std::size_t kMaxChars = 80;
  std::string_view text = trimmed(definition);
  if (text.size() <= kMaxChars) return "\"" + std::string(text) + "\"";
  // Cut at a UTF-8 character boundary.
  std::size_t cut = kMaxChars;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;
  return "\"" + std::string(text.substr(0, cut)) + "...\"";
}

Result<PjPtr> createCrs(std::string_view definition) {
  const std::string_view text = trimmed(definition);
  if (text.empty()) {
    return fail(ErrorCode::InvalidInput, "the CRS definition is empty", "\"\"", kDefinitionHint);
  }
  PJ_CONTEXT* context = threadContext();
  if (context == nullptr) {
    return fail(ErrorCode::Internal, "PROJ could not create a context", shortDefinition(text),
                "Check that PROJ is installed and its proj.db can be found (PROJ_DATA)");
  }
  const std::string request = allDigits(text) ? "EPSG:" + std::string(text) : std::string(text);
  clearLastProjMessage();
  PjPtr crs(proj_create(context, request.c_str()));
  if (!crs) {
    std::string message = "PROJ cannot read this CRS definition";
    const std::string detail = lastProjMessage();
    if (!detail.empty()) message += " (" + detail + ")";
    return fail(ErrorCode::InvalidInput, std::move(message), shortDefinition(text),
                kDefinitionHint);
  }
  if (proj_is_crs(crs.get()) == 0) {
    return fail(ErrorCode::InvalidInput,
                "the definition describes a coordinate operation, not a coordinate reference "
                "system",
                shortDefinition(text), kDefinitionHint);
  }
  return crs;
}

PjPtr horizontalCrs(const PJ* crs) {
  PJ_CONTEXT* context = threadContext();
  if (crs == nullptr || context == nullptr) return nullptr;
  switch (proj_get_type(crs)) {
    case PJ_TYPE_BOUND_CRS: {
      PjPtr source(proj_get_source_crs(context, crs));
      return source ? horizontalCrs(source.get()) : nullptr;
    }
    case PJ_TYPE_COMPOUND_CRS: {
      PjPtr first(proj_crs_get_sub_crs(context, crs, 0));
      return first ? horizontalCrs(first.get()) : nullptr;
    }
    default:
      return PjPtr(proj_clone(context, crs));
  }
}

}  // namespace onemap::proj::detail
