#include "progress_printer.h"

#include <cstdio>
#include <string>

namespace onemap::cli {

Feedback stderrProgress(bool quiet) {
  if (quiet) return Feedback();
  return Feedback(
      [](double fraction, std::string_view step) {
        const std::string label(step.empty() ? std::string_view("progress") : step);
        std::fprintf(stderr, "%s: %3d %%\n", label.c_str(), int(fraction * 100.0 + 0.5));
      },
      std::chrono::milliseconds(500));
}

}  // namespace onemap::cli
