#!/usr/bin/python3
"""Whole `storyplot snap` processes on a generated OpenStreetMap rail grid of about 100,000 edges
(224 x 224 nodes over 4 x 4 degrees, jittered), with a train of 12 stops across it: wall time and
peak resident memory (GNU time), median of RUNS. Usage: bench/snap_bench.py [BUILD_DIR] [RUNS]"""
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build")
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 5
GRID = 224
STEP = 4.0 / GRID


def write_network(path):
    rnd = random.Random(7)
    with open(path, "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="snap_bench">\n')
        for r in range(GRID):
            for c in range(GRID):
                lon = 128 + c * STEP + rnd.uniform(-STEP / 4, STEP / 4)
                lat = 40 + r * STEP + rnd.uniform(-STEP / 4, STEP / 4)
                f.write(f'<node id="{r * GRID + c + 1}" lat="{lat:.7f}" lon="{lon:.7f}" version="1"/>\n')
        way = 1
        for r in range(GRID):
            for refs in ([r * GRID + c + 1 for c in range(GRID)], [c * GRID + r + 1 for c in range(GRID)]):
                f.write(f'<way id="{way}" version="1">' + "".join(f'<nd ref="{n}"/>' for n in refs) +
                        '<tag k="railway" v="rail"/></way>\n')
                way += 1
        f.write("</osm>\n")


def write_story(path):
    rnd = random.Random(11)
    stops = [(128.1 + i * 3.8 / 11, 40.1 + rnd.uniform(0, 3.8)) for i in range(12)]
    features = [{"type": "Feature", "id": f"s{i}", "geometry": {"type": "Point", "coordinates": list(p)},
                 "properties": {"kind": "place", "name": f"Stop {i}"}} for i, p in enumerate(stops)]
    features.append({"type": "Feature", "id": "train", "geometry": None,
                     "properties": {"kind": "route", "name": "Across", "mode": "train", "stops": [f"s{i}" for i in range(12)]}})
    with open(path, "w") as f:
        json.dump({"type": "FeatureCollection", "story": {"title": "snap bench"}, "features": features}, f)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        net, story, out = (os.path.join(tmp, n) for n in ("grid.osm", "s.story.json", "out.story.json"))
        write_network(net)
        write_story(story)
        print(f"network: {os.path.getsize(net) / 1e6:.1f} MB OSM XML, {2 * GRID * (GRID - 1)} edges")
        walls, rss = [], []
        for _ in range(RUNS):
            run = subprocess.run(["/usr/bin/time", "-f", "%e %M", os.path.join(BUILD, "storyplot"), "snap", story,
                                  "--network", net, "-o", out], capture_output=True, text=True, check=True)
            wall, kb = run.stderr.strip().splitlines()[-1].split()
            walls.append(float(wall))
            rss.append(int(kb) / 1024)
        print(run.stdout.strip())
        print(f"snap, whole process: median {statistics.median(walls):.2f} s, peak memory {statistics.median(rss):.0f} MB "
              f"({RUNS} runs: {', '.join(f'{w:.2f}' for w in walls)} s)")


if __name__ == "__main__":
    main()
