#!/usr/bin/python3
"""A PostGIS table of 1,000,000 features read by view (issue 15): a PostgreSQL with PostGIS started in
a temporary folder (tests/support/postgis.sh), a table of 1,000,000 points on a grid over 120-140 E,
35-50 N and one of 250,000 small polygons (squares of about 1 km) over the same area, each with a
spatial index. Measures, median of RUNS:
  - whole `storyplot render` processes at 1920x1080: a region (2 x 1.5 degrees, every feature in it) and
    the whole area (a sample of 100,000 a layer, drawn as the note says);
  - the window (under Xvfb at 1920x1080): seconds from start to the first features drawn, then frames
    while it pans across the table and reads what comes into view (median and slowest frame, how many
    frames drew while a read was under way), and its peak resident memory.
Usage: bench/postgis_bench.py [BUILD_DIR] [RUNS]"""
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

from process_timing import timed

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build")
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 3
STORYPLOT = os.path.join(BUILD, "storyplot")
SERVER = os.path.join(ROOT, "tests", "support", "postgis.sh")

TABLES = """
CREATE TABLE grid (id integer PRIMARY KEY, name text, geom geometry(Point, 4326));
INSERT INTO grid SELECT i, 'p' || i, ST_SetSRID(ST_MakePoint(120 + (i % 1000) * 0.02, 35 + (i / 1000) * 0.015), 4326)
  FROM generate_series(0, 999999) AS i;
CREATE INDEX ON grid USING gist (geom);
CREATE TABLE parcels (id integer PRIMARY KEY, geom geometry(Polygon, 4326));
INSERT INTO parcels SELECT i, ST_MakeEnvelope(120 + (i % 500) * 0.04, 35 + (i / 500) * 0.03,
                                               120.01 + (i % 500) * 0.04, 35.008 + (i / 500) * 0.03, 4326)
  FROM generate_series(0, 249999) AS i;
CREATE INDEX ON parcels USING gist (geom);
ANALYZE;
"""


def main():
    with tempfile.TemporaryDirectory(prefix="storyplot-postgis-bench-") as tmp:
        os.chmod(tmp, 0o755)  # the server runs as another user (nobody, under root)
        conn = subprocess.run([SERVER, "start", os.path.join(tmp, "pg")], check=True, capture_output=True, text=True).stdout.strip()
        try:
            start = time.monotonic()
            subprocess.run([SERVER, "sql", os.path.join(tmp, "pg")], input=TABLES, check=True, capture_output=True, text=True)
            print(f"tables loaded: 1,000,000 points and 250,000 polygons in {time.monotonic() - start:.1f} s")
            load = os.popen("cat /proc/loadavg").read().split()[0]
            print(f"load average at start {load}; {RUNS} runs, medians")
            for name, bbox in (("region 130-132E 42-43.5N", "130,42,132,43.5"), ("the whole area", "118,33,142,52")):
                walls, peaks = [], []
                for _ in range(RUNS):
                    wall, peak, err = timed([STORYPLOT, "render", "--basemap", conn, "--bbox", bbox, "--size", "1920x1080",
                                             "-o", os.path.join(tmp, "out.png"), "-q"])
                    walls.append(wall)
                    peaks.append(peak)
                note = "; ".join(re.findall(r"(\d+ features in this view: every \S+ is drawn)", err))
                print(f"render {name}: {statistics.median(walls):.2f} s, peak {statistics.median(peaks):.0f} MB" + (f" ({note})" if note else ""))

            script = os.path.join(tmp, "pan.txt")
            with open(script, "w") as f:
                f.write("view 129 41 131 42.5\npan-frames 180 30 10\nview 118 33 142 52\npan-frames 180 30 10\nquit\n")
            # The same pans without the database: what the frames cost without a source to read.
            plain = os.path.join(tmp, "plain.txt")
            with open(plain, "w") as f:
                f.write("view 129 41 131 42.5\npan-frames 180 30 10\nview 118 33 142 52\npan-frames 180 30 10\nquit\n")
            bare = []
            for _ in range(RUNS):
                _, _, err = timed(["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", STORYPLOT, "--script", plain, "--window-size", "1920x1080"])
                bare.append(re.findall(r"panned (\d+) frames in ([\d.]+) s \((\d+) while reading\): median ([\d.]+) ms", err))
            for i, name in enumerate(("the region", "the whole area")):
                rows = [b[i] for b in bare if len(b) > i]
                print(f"window without the database, panning {name}: {statistics.median(int(r[0]) / float(r[1]) for r in rows):.0f} frames/s, "
                      f"median frame {statistics.median(float(r[3]) for r in rows):.1f} ms")
            firsts, pans = [], []
            for _ in range(RUNS):
                wall, peak, err = timed(["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", STORYPLOT, "--basemap", conn, "--script", script,
                                         "--window-size", "1920x1080"])
                first = re.search(r"read by view: .*?, ([\d.]+) s after start", err)
                firsts.append(float(first.group(1)) if first else float("nan"))
                pans.append((re.findall(r"panned (\d+) frames in ([\d.]+) s \((\d+) while reading\): median ([\d.]+) ms, slowest ([\d.]+) ms", err),
                             peak))
            print(f"window: first features drawn {statistics.median(firsts):.2f} s after start")
            for i, name in enumerate(("panning the region", "panning the whole area")):
                rows = [p[0][i] for p in pans if len(p[0]) > i]
                fps = statistics.median(int(r[0]) / float(r[1]) for r in rows)
                print(f"window, {name}: {fps:.0f} frames/s, median frame {statistics.median(float(r[3]) for r in rows):.1f} ms, "
                      f"slowest {statistics.median(float(r[4]) for r in rows):.1f} ms, "
                      f"{statistics.median(int(r[2]) for r in rows):.0f} of {rows[0][0]} frames while a read was under way")
            print(f"window peak memory {statistics.median(p[1] for p in pans):.0f} MB")
        finally:
            subprocess.run([SERVER, "stop", os.path.join(tmp, "pg")], capture_output=True)


if __name__ == "__main__":
    main()
