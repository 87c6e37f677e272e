#!/usr/bin/env bash
# The window at rest: time from start to the first frame on screen and to every load done, then the CPU
# the process uses over 30 s when nothing happens (pidstat, from Debian's sysstat), under Xvfb.
# Usage: bench/window_idle.sh [BINARY] [SECONDS]
set -euo pipefail
bin=$(realpath "${1:-build/storyplot}")
seconds=${2:-30}
dir=$(mktemp -d)
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
cleanup() { kill "${app:-}" "$xvfb" 2>/dev/null || true; rm -rf "$dir"; }
trap cleanup EXIT
for _ in $(seq 100); do [[ -e /tmp/.X11-unix/X${display#:} ]] && break; sleep 0.05; done
echo state >"$dir/script"
export STORYPLOT_CONFIG="$dir/config"
: >"$dir/log"
t0=$(date +%s.%N)
DISPLAY=$display "$bin" --script "$dir/script" 2>"$dir/log" &
app=$!
wait_for() {
  until grep -q "$1" "$dir/log"; do
    kill -0 "$app" 2>/dev/null || { cat "$dir/log"; exit 1; }
    sleep 0.005
  done
  date +%s.%N
}
t1=$(wait_for "first frame on screen")
t2=$(wait_for "script: state")  # scripts run once every load is done
awk -v a="$t0" -v b="$t1" -v c="$t2" 'BEGIN {printf "window: first frame on screen %.3f s after start; every level, town and country name loaded %.3f s\n", b - a, c - a}'
sleep 2  # what a person's last input left moving settles
pidstat -p "$app" "$seconds" 1 | awk -v s="$seconds" '/^Average/ {printf "window: idle CPU %s%% of a core over %d s (user %s%%, system %s%%)\n", $8, s, $4, $5}'
