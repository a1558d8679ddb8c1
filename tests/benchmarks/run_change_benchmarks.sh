#!/usr/bin/env bash
# Change detection on the county sample against the references the issue names: the plain GDAL
# read of both images (bench_change_detection prints both and their ratio) and gdal_calc.py
# computing only |ΔNDVI| on the same pair. Prints seconds and peak memory of each.
#   tests/benchmarks/run_change_benchmarks.sh [COUNTY_DIR] [BUILD_DIR]
# COUNTY_DIR is made with `onemap-cli make-sample --size county` when it does not exist.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
county="${1:-/tmp/county}"
build="${2:-$here/build}"
cli="$build/app/cli/onemap-cli"
if [ ! -f "$county/gf1_before.tif" ]; then
  echo "making the county sample in $county (about 75 s)"
  "$cli" make-sample --size county --seed 1 --out "$county" --quiet
fi

echo "== OneMap detection vs the plain read (2 threads, --memory-mb 1024)"
"$build/tests/benchmarks/bench_change_detection" "$county"

echo "== gdal_calc.py |NDVI(after) - NDVI(before)| on the same pair"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
start=$(date +%s.%N)
/usr/bin/time -f "gdal_calc.py peak RSS %M KB" /usr/bin/python3 /usr/bin/gdal_calc.py --quiet \
  -A "$county/gf1_before.tif" --A_band 3 -B "$county/gf1_before.tif" --B_band 4 \
  -C "$county/gf1_after.tif" --C_band 3 -D "$county/gf1_after.tif" --D_band 4 \
  --calc "abs((D - C) / (D + C + 1e-6) - (B - A) / (B + A + 1e-6))" --type Float32 \
  --co TILED=YES --co COMPRESS=DEFLATE --outfile "$out/dndvi.tif"
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { printf "gdal_calc.py |dNDVI| seconds: %.1f\n", e - s }'
