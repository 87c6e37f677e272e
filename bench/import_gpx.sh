#!/usr/bin/env bash
# Time and peak memory of `storyplot import` on a recorded track of N points (default 100,000): a
# GPX made here of one track, a point a second along a wandering line with elevations, a pause of
# 20 minutes every 25,000 points, and 10 waypoints on the way. Usage: [KEEP=1] bench/import_gpx.sh [BINARY] [N]
set -euo pipefail
bin=$(realpath "${1:-build/storyplot}")
n=${2:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [[ -n ${KEEP:-} ]]; then trap - EXIT; echo "kept in $work"; fi  # KEEP=1: look at the story
python3 - "$n" > "$work/track.gpx" <<'PY'
import math, sys, datetime
n = int(sys.argv[1])
t0 = datetime.datetime(2019, 4, 24, 0, 0, 0)
print('<?xml version="1.0"?>\n<gpx version="1.1" creator="bench" xmlns="http://www.topografix.com/GPX/1/1">')
pts, t, lon, lat = [], 0, 131.0, 43.0
for i in range(n):
    if i and i % 25000 == 0: t += 1200
    lon += 0.0002 * math.cos(i / 500.0); lat += 0.0001 * math.sin(i / 700.0)
    pts.append((lon, lat, t)); t += 1
for k in range(10):
    lo, la, tt = pts[(k * n) // 10 + 7]
    print(f'<wpt lat="{la:.6f}" lon="{lo:.6f}"><name>Waypoint {k}</name></wpt>')
print('<trk><name>Long ride</name><trkseg>')
for lo, la, tt in pts:
    ts = (t0 + datetime.timedelta(seconds=tt)).strftime('%Y-%m-%dT%H:%M:%SZ')
    print(f'<trkpt lat="{la:.6f}" lon="{lo:.6f}"><ele>{100 + tt % 50}</ele><time>{ts}</time></trkpt>')
print('</trkseg></trk>\n</gpx>')
PY
ls -l "$work/track.gpx" | awk '{printf "GPX of %s points: %.1f MB\n", "'"$n"'", $5 / 1e6}'
for run in 1 2 3; do
  /usr/bin/time -f "import: %e s, %M KB peak" "$bin" import "$work/track.gpx" -o "$work/track.story.json" 2>&1 | tail -3
done
