#!/usr/bin/env bash
# Wall time of whole `storyplot render` processes at 3840x2160, world and region, best and median
# of N runs. Usage: bench/render_wall.sh [BINARY] [RUNS]
set -euo pipefail
bin=${1:-build/storyplot}
runs=${2:-5}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
measure() {
  local name=$1; shift
  local times=()
  for ((i = 0; i < runs; i++)); do
    local t0 t1
    t0=$(date +%s.%N)
    "$bin" render -q -o "$out/$name.png" --size 3840x2160 "$@"
    t1=$(date +%s.%N)
    times+=("$(awk -v a="$t0" -v b="$t1" "BEGIN {print b - a}")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v name="$name" '{a[NR]=$1} END {printf "render %-7s 3840x2160: best %.3f s, median %.3f s over %d runs\n", name, a[1], a[int((NR+1)/2)], NR}'
}
measure world --bbox -180,-85,180,85
measure region --bbox 124,37,136,46
