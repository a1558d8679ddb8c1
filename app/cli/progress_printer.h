#pragma once

#include "onemap/base/feedback.h"

namespace onemap::cli {

/// A Feedback printing "step: NN %" lines to stderr (at most every 500 ms), for long commands.
Feedback stderrProgress(bool quiet);

}  // namespace onemap::cli
