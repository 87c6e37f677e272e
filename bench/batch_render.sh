#!/usr/bin/env bash
# Stories per minute when a desk renders many stories on one machine with GNU parallel: N stories
# (the seed story, each copy framed on one of its chapters in turn, 1920x1080 PNG with every
# decoration), with 1 process at a time and then with as many as the machine has cores, on a warm
# cache. Usage: bench/batch_render.sh [BINARY] [STORIES]
set -euo pipefail
bin=$(realpath "${1:-build/storyplot}")
stories=${2:-50}
seed=$(realpath assets/stories/vladivostok-2019.story.json)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chapters=(context departure border arrival summit father)
for ((i = 0; i < stories; i++)); do
  cp "$seed" "$work/story-$i.story.json"
  echo "$work/story-$i.story.json ${chapters[i % ${#chapters[@]}]}"
done > "$work/jobs"
"$bin" render -q "$seed" -o "$work/warm.png"  # the caches, once
cores=$(nproc)
for jobs in 1 "$cores"; do
  rm -f "$work"/story-*.png
  t0=$(date +%s.%N)
  # The recipe of docs/BATCH.md: one render per line of the job list, --halt now,fail=1 stops at the first failure.
  parallel --jobs "$jobs" --colsep ' ' --halt now,fail=1 \
    "$bin" render -q {1} --chapter {2} -o '{1.}.png' :::: "$work/jobs"
  t1=$(date +%s.%N)
  made=$(find "$work" -name 'story-*.png' | wc -l)
  awk -v a="$t0" -v b="$t1" -v n="$made" -v j="$jobs" -v c="$cores" \
    'BEGIN {printf "%d stories with %d process(es) at a time (%d cores): %.1f s, %.1f stories/minute\n", n, j, c, b - a, 60 * n / (b - a)}'
done
