#!/usr/bin/env bash
# Time and peak memory of whole storyplot processes on the worst inputs of the dependability work:
# a 10 MB article, a 30 MB article of one repeated name, a 100,000-vertex route in a 0.001-degree
# view, 20,000 places, 100,000 places (refused), a 50 MB title (refused) and a polygon of 200,000
# random vertices (left out: too tangled to fill). The inputs are made here.
# Usage: bench/worst_inputs.sh [BINARY]
set -euo pipefail
bin=$(realpath "${1:-build/storyplot}")
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
python3 - "$here/assets/stories/vladivostok-2019.story.json" <<'PY'
import json, random, sys
random.seed(3)
seed = json.load(open(sys.argv[1]))
# An article of 10 MB: the seed story's own chapter texts and place facts, over and over.
texts = [c.get("text", "") for c in seed["story"]["chapters"]] + [f["properties"].get("fact", "") for f in seed["features"]]
block = "\n\n".join(t for t in texts if t) + "\n\n"
open("article-10mb.txt", "w").write("A long story\n\n" + block * (10_000_000 // len(block)))
open("article-repeated.txt", "w").write("One name\n" + "Paris " * 5_000_000)
def places(n):
    return [{"type": "Feature", "id": "p%d" % i, "geometry": {"type": "Point", "coordinates": [random.uniform(124, 136), random.uniform(37, 46)]},
             "properties": {"kind": "place", "name": "Place %d" % i}} for i in range(n)]
def story(features, title="worst"):
    return {"type": "FeatureCollection", "story": {"title": title}, "features": features}
json.dump(story(places(20000)), open("places-20k.story.json", "w"))
json.dump(story(places(100000)), open("places-100k.story.json", "w"))
json.dump(story(places(2), "x" * 50_000_000), open("title-50mb.story.json", "w"))
path = [[124 + 12 * i / 100000, 37 + 9 * abs(((i * 7) % 1000) / 1000 - 0.5)] for i in range(100000)]
route = {"type": "Feature", "id": "r", "geometry": {"type": "LineString", "coordinates": path},
         "properties": {"kind": "route", "mode": "train", "stops": ["p0", "p1"], "times": ["2019-04-23T10:00+10:00", "2019-04-25T10:00+10:00"]}}
json.dump(story(places(2) + [route]), open("route-100k.story.json", "w"))
ring = [[random.uniform(124, 136), random.uniform(37, 46)] for _ in range(200000)]
json.dump({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},
           "geometry": {"type": "Polygon", "coordinates": [ring + ring[:1]]}}]}, open("tangled-200k.geojson", "w"))
PY
measure() {
  local name=$1; shift
  local seconds kb
  /usr/bin/time -o time.txt -f "%e %M" "$bin" "$@" >/dev/null 2>err.txt || true
  read -r seconds kb < <(tail -1 time.txt)
  printf '%-38s %7.2f s %6d MB   %s\n' "$name" "$seconds" "$((kb / 1024))" "$(grep -m1 '^storyplot:' err.txt | cut -c1-80)"
}
"$bin" extract "$here/tests/data/articles/train-to-hanoi.txt" -o warm.story.json -q  # caches built first
measure "extract 10 MB article" extract article-10mb.txt -o a.story.json -q
measure "extract 30 MB, one name repeated" extract article-repeated.txt -o b.story.json -q
measure "render 100k-vertex route, tiny view" render route-100k.story.json -o r.png -q --bbox 130,41.5,130.001,41.501 --size 800x600
measure "render 100k-vertex route, whole" render route-100k.story.json -o r2.png -q
measure "render 20,000 places" render places-20k.story.json -o p.png -q
measure "render 100,000 places (refused)" render places-100k.story.json -o p2.png -q
measure "validate 50 MB title (refused)" validate title-50mb.story.json
measure "render 200k random-vertex polygon, 4K" render -o t.png -q --basemap tangled-200k.geojson --bbox 124,37,136,46 --size 3840x2160
