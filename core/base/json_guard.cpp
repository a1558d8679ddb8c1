#include "onemap/base/json_guard.h"

#include <algorithm>

namespace onemap {

int jsonNestingDepth(std::string_view text) {
  int depth = 0, deepest = 0;
  bool inString = false, escaped = false;
  for (const char c : text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') inString = false;
      continue;
    }
    if (c == '"') inString = true;
    else if (c == '[' || c == '{') deepest = std::max(deepest, ++depth);
    else if ((c == ']' || c == '}') && depth > 0) --depth;
  }
  return deepest;
}

Error jsonValueError(const std::exception& error, const std::string& context) {
  // "[json.exception.type_error.302] (/layers/0/visible) type must be boolean, but is string"
  std::string what = error.what();
  if (!what.empty() && what.front() == '[') {
    const auto end = what.find("] ");
    if (end != std::string::npos) what = what.substr(end + 2);
  }
  std::string message = "a value has the wrong type or form: " + what;
  if (!what.empty() && what.front() == '(') {
    const auto end = what.find(") ");
    if (end != std::string::npos)
      message = "the value at " + what.substr(1, end - 1) + " has the wrong type or form: " + what.substr(end + 2);
  }
  return Error{ErrorCode::InvalidInput, message, context, "Correct that value in the file, or save the file again from OneMap Agri."};
}

Error jsonTooDeepError(int depth, const std::string& context) {
  return Error{ErrorCode::InvalidInput,
               "the file nests " + std::to_string(depth) + " levels deep (at most " + std::to_string(kMaxJsonDepth) +
                   " are allowed)",
               context, "This is no file OneMap Agri wrote; check where it came from."};
}

}  // namespace onemap
