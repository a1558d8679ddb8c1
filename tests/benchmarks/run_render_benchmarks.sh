#!/usr/bin/env bash
# Rendering benchmarks on the county-size sample: the renderer alone, then the main window under
# Xvfb (start-up, frames, GUI-thread latency, memory). Prints figures; never part of ctest.
#   bash tests/benchmarks/run_render_benchmarks.sh [COUNTY_DIR]   (default /tmp/county_full)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${ONEMAP_BUILD_DIR:-$root/build}"
county="${1:-/tmp/county_full}"
if [ ! -f "$county/sample-project.onemap" ]; then
  echo "Generating the county sample into $county (about 1-2 minutes)" >&2
  "$build/app/cli/onemap-cli" make-sample --size county --seed 1 --out "$county" --quiet
fi
QT_QPA_PLATFORM=offscreen "$build/tests/benchmarks/bench_render" "$county" --repeat 5
xvfb-run -a -s "-screen 0 1600x1000x24" "$build/tests/benchmarks/bench_gui_latency" "$county"
