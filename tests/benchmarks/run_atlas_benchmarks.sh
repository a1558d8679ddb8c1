#!/usr/bin/env bash
# The 一村一图 atlas export on the county sample (issue 6): 12 villages spread over the county,
# the standard A3 template with the after image, the DLTB polygons and the change patches, as
# 300 dpi PDF files, one multi-page PDF and 300 dpi PNG files on both cores. Prints seconds per
# sheet and peak memory. Targets: <= 1 s/sheet PDF, <= 2 s/sheet PNG, < 1.5 GB.
#   tests/benchmarks/run_atlas_benchmarks.sh [COUNTY_DIR] [BUILD_DIR] [WORK_DIR]
# COUNTY_DIR is made with `onemap-cli make-sample --size county` when it does not exist; the
# change patches are detected once into WORK_DIR (about a minute) and reused.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
county="${1:-/tmp/county}"
build="${2:-$here/build}"
work="${3:-/tmp/onemap_atlas_bench}"
cli="$build/app/cli/onemap-cli"
if [ ! -f "$county/gf1_after.tif" ]; then
  echo "making the county sample in $county (about 75 s)"
  "$cli" make-sample --size county --seed 1 --out "$county" --quiet
fi
mkdir -p "$work"
patches="$work/change_patches.gpkg"
if [ ! -f "$patches" ]; then
  echo "detecting the change patches once into $patches"
  gpkg="$county/sample_county.gpkg"
  "$cli" detect --before "$county/gf1_before.tif" --after "$county/gf1_after.tif" --cropland "$gpkg:DLTB" \
    --pbf "$gpkg:YJJBNTTB" --villages "$gpkg:CJDCQ" --red-line "$gpkg:STBHHX" --out "$patches" --quiet
fi

echo "== bench_atlas_export (DLTB on, patches from detection)"
/usr/bin/time -f "process peak RSS %M KB, %e s wall, %P CPU" \
  "$build/tests/benchmarks/bench_atlas_export" "$county" --patches "$patches"
