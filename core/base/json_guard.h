#pragma once

#include <exception>
#include <string>
#include <string_view>

#include "onemap/base/error.h"

namespace onemap {

/// Deepest nesting of arrays and objects a OneMap JSON file (project, layout, template) may have.
inline constexpr int kMaxJsonDepth = 64;

/// The deepest nesting of `[` and `{` in JSON `text` (brackets inside strings not counted), found
/// in one pass without building anything: checked before parsing, so that a hostile file
/// nested 100 000 deep is refused instead of exhausting the stack.
int jsonNestingDepth(std::string_view text);

/// The error for an exception raised while reading the values of JSON `context` (a file): the
/// library's message without its code, with the key path it names, e.g. "the value at
/// /layers/0/visible has the wrong type: type must be boolean, but is string".
Error jsonValueError(const std::exception& error, const std::string& context);

/// The error for JSON nested deeper than kMaxJsonDepth.
Error jsonTooDeepError(int depth, const std::string& context);

}  // namespace onemap
