#!/usr/bin/env bash
# Change-detection quality in one command (issue 12): builds bench_detection_quality if needed and
# runs it on every labelled pair, printing one row per case and a PASS/FAIL verdict.
#
#   bash tests/benchmarks/run_detection_quality.sh [--markdown | --json] [--real | --synthetic]
#                                                  [--cases a,b] [--seeds 2,3,5] [--threads N]
#
# Cases:
#   nanjing          Landsat-5 TM pair and sparse labels, data-samples/landsat_nanjing (real)
#   OSCD cities      the six Sentinel-2 pairs of $ONEMAP_OSCD_DIR, default ../shared/data/oscd_dev
#                    next to the checkout (real; labels CC BY-NC-SA: read in place, never copied)
#   sample-seedN     small generated counties (seeds 2, 3, 5) scored on their cropland against their
#                    truth polygons, with the cropland given to the engine and to the baselines (synthetic)
# Columns: pixel precision, recall and F1 of the change class (reference value 2) over the
# labelled pixels (1 or 2) for the engine with ChangeParameters defaults (conversions only) and
# with --all-change, then five baselines on the same pixels: |ΔNDVI| + Otsu, CVA + Otsu, CVA +
# Otsu + 3×3 opening and closing, IR-MAD + chi-square 0.99, MAD + chi-square 0.99
# (core/analysis/change_baselines.h). Otsu runs on a 256-bin histogram of [minimum, 99.9th
# percentile]. IR-MAD re-weights up to 30 fits and divides its weighted MAD variances by the
# consistency factor of its chi-square weights (without it they shrink and the cut takes most
# pixels); MAD is one unweighted canonical correlation fit. An engine error is printed and
# scored as 0.
# Verdict (real cases only): PASS when the engine's all-change F1 >= the best baseline's F1 on
# every real case and the mean all-change F1 >= the best single baseline's mean + 0.05.
# Exit status 0 PASS, 1 FAIL. ctest runs the real cases as DetectionQuality (`ctest -L quality`),
# skipped when the OSCD folder is absent. The whole run takes about 40 s on 2 cores.
# Environment: ONEMAP_BUILD_DIR (default build/ in the checkout), ONEMAP_OSCD_DIR.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${ONEMAP_BUILD_DIR:-$root/build}"
if [ ! -f "$build/build.ninja" ] && [ ! -f "$build/Makefile" ]; then
  echo "configuring $build" >&2
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo --log-level=WARNING >/dev/null
fi
cmake --build "$build" --target bench_detection_quality -j "$(nproc 2>/dev/null || echo 2)" >&2
ONEMAP_SOURCE_DIR="$root" exec "$build/tests/benchmarks/bench_detection_quality" "$@"
