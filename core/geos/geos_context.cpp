#include "onemap/geos/geos_context.h"

#define GEOS_USE_ONLY_R_API
#include <geos_c.h>

#include <string>

namespace onemap::geos {
namespace {

// GEOS calls this from inside its C code: it must never throw.
void storeMessage(const char* message, void* userData) noexcept {
  auto* target = static_cast<std::string*>(userData);
  if (target == nullptr) return;
  try {
    target->assign(message != nullptr ? message : "");
  } catch (...) {
    // Out of memory while keeping a message: drop it rather than unwind through C.
  }
}

// Set once this thread's context is finished (a trivially destructible flag stays readable while
// other thread_local and static objects are destroyed after it).
thread_local bool t_finished = false;

// One GEOS context per thread, created lazily and finished when the thread exits.
struct ThreadState {
  GEOSContextHandle_t handle = nullptr;
  std::string message;  // last error/notice raised in `handle`
  std::string readOut;  // what lastGeosMessage() handed out (kept alive until the next call)

  ThreadState() {
    handle = GEOS_init_r();
    if (handle != nullptr) {
      GEOSContext_setErrorMessageHandler_r(handle, &storeMessage, &message);
      GEOSContext_setNoticeMessageHandler_r(handle, &storeMessage, &message);
    }
  }
  ~ThreadState() {
    t_finished = true;
    if (handle != nullptr) GEOS_finish_r(handle);
  }
  ThreadState(const ThreadState&) = delete;
  ThreadState& operator=(const ThreadState&) = delete;
};

ThreadState& threadState() {
  thread_local ThreadState state;
  return state;
}

}  // namespace

GEOSContextHandle_HS* threadContext() { return t_finished ? nullptr : threadState().handle; }

const char* lastGeosMessage() {
  if (t_finished) return "";
  ThreadState& state = threadState();
  state.readOut.swap(state.message);
  state.message.clear();
  return state.readOut.c_str();
}

}  // namespace onemap::geos
