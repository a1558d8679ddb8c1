#!/usr/bin/env bash
# OneMap Agri developer entry point: installs dependencies, builds, and runs the app or the tests.
#
#   bash packaging/dev.sh run     set up, build, start the desktop app on the bundled sample data
#   bash packaging/dev.sh test    set up, build, run the whole test suite through ctest
#   bash packaging/dev.sh setup   only install the Debian packages
#   bash packaging/dev.sh build   only configure and build
#
# Idempotent: a second run installs nothing and rebuilds only what changed. Every step says what
# it is doing and the script stops at the first failing step, naming it.
# Environment: CI=true (warnings are errors, headless, verbose test output), ONEMAP_BUILD_DIR
# (default: build/ in the checkout), ONEMAP_BUILD_TYPE (default RelWithDebInfo),
# ONEMAP_SANITIZE=ON for an ASan/UBSan build, ONEMAP_JOBS (default: number of cores).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
build_dir="${ONEMAP_BUILD_DIR:-$root/build}"
build_type="${ONEMAP_BUILD_TYPE:-RelWithDebInfo}"
jobs="${ONEMAP_JOBS:-$(nproc 2>/dev/null || echo 2)}"
ci="${CI:-false}"
step="starting"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
trap 'rc=$?; if [ $rc -ne 0 ]; then printf "\n\033[1;31mFAILED during step: %s (exit %s)\033[0m\n" "$step" "$rc" >&2; fi' EXIT

run_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else echo "Need root to run: $* (run as root or install sudo)" >&2; return 1; fi
}

setup() {
  step="install Debian packages (packaging/debian-packages.txt)"
  mapfile -t packages < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$here/debian-packages.txt" | grep -v '^$')
  local missing=()
  for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then missing+=("$p"); fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    say "All ${#packages[@]} Debian packages are installed"
    return
  fi
  say "Installing ${#missing[@]} Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  run_root apt-get update -q
  run_root apt-get install -y -q --no-install-recommends "${missing[@]}"
}

configure() {
  step="configure with CMake ($build_dir)"
  local werror=OFF
  [ "$ci" = "true" ] && werror=ON
  say "Configuring ($build_type, warnings as errors: $werror)"
  cmake -S "$root" -B "$build_dir" -G Ninja --log-level=WARNING \
    -DCMAKE_BUILD_TYPE="$build_type" \
    -DONEMAP_WARNINGS_AS_ERRORS="$werror" \
    -DONEMAP_SANITIZE="${ONEMAP_SANITIZE:-OFF}" >/dev/null
}

build() {
  configure
  step="build with Ninja"
  say "Building with $jobs jobs"
  cmake --build "$build_dir" -j "$jobs"
}

ensure_sample() {
  step="generate the sample county (onemap-cli make-sample)"
  local folder="$build_dir/sample-county"
  if [ ! -f "$folder/sample-project.onemap" ]; then
    say "Generating the sample county into $folder (seed 1, a few seconds)"
    "$build_dir/app/cli/onemap-cli" make-sample --size small --seed 1 --out "$folder" --overwrite --quiet
  fi
}

run_app() {
  ensure_sample
  step="start the OneMap Agri desktop app"
  local sample="$build_dir/sample-county/sample-project.onemap"
  say "Starting onemap on $sample"
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    say "No display found: starting under Xvfb (xvfb-run)"
    exec xvfb-run -a -s "-screen 0 1600x1000x24" "$build_dir/app/shell/onemap" "$sample" "$@"
  fi
  exec "$build_dir/app/shell/onemap" "$sample" "$@"
}

run_tests() {
  step="run the test suite with ctest"
  export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
  local extra=()
  [ "$ci" = "true" ] && extra+=(--output-on-failure)
  say "Running the test suite"
  (cd "$build_dir" && ctest -j "$jobs" --timeout 900 "${extra[@]}" "$@")
}

cmd="${1:-}"
shift || true
case "$cmd" in
  setup) setup ;;
  build) setup; build ;;
  run) setup; build; run_app "$@" ;;
  test) setup; build; run_tests "$@" ;;
  *) echo "usage: bash packaging/dev.sh run|test|setup|build" >&2; step="usage"; exit 2 ;;
esac
