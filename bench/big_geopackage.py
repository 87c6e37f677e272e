#!/usr/bin/python3
"""A GeoPackage bigger than memory should matter, read by view (issue 15): written here with Python's
sqlite3 (the GeoPackage format is SQLite: a feature table of GeoPackage geometry blobs and its R-tree
index), SIZE_GB of jagged 24-vertex polygons of about 1 km over 100-150 E, 20-55 N. Then, median of
RUNS:
  - whole `storyplot render` processes at 1920x1080: a region of 2 x 1.5 degrees (every feature in it)
    and the whole area (an even sample of 100,000, as the note says); time and peak memory;
  - the window under Xvfb at 1920x1080: seconds to the first features, frames while panning the
    region and the whole area, peak resident memory.
The file is kept (FILE, default /tmp/storyplot-big.gpkg) and reused when it is already there.
Usage: bench/big_geopackage.py [BUILD_DIR] [RUNS] [SIZE_GB] [FILE]"""
import math
import os
import random
import re
import sqlite3
import statistics
import struct
import subprocess
import sys
import time

from process_timing import timed

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build")
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 3
SIZE_GB = float(sys.argv[3]) if len(sys.argv) > 3 else 5.0
FILE = sys.argv[4] if len(sys.argv) > 4 else "/tmp/storyplot-big.gpkg"
STORYPLOT = os.path.join(BUILD, "storyplot")
VERTICES = 24


def geometry_blob(lon, lat, rnd):
    ring = []
    for k in range(VERTICES):
        a = 2 * math.pi * k / VERTICES
        r = 0.005 * (0.6 + 0.4 * rnd.random())
        ring.append((lon + r * math.cos(a), lat + r * math.sin(a)))
    ring.append(ring[0])
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    header = b"GP" + bytes([0, 0x03]) + struct.pack("<i", 4326) + struct.pack("<4d", min(xs), max(xs), min(ys), max(ys))
    wkb = struct.pack("<BIII", 1, 3, 1, len(ring)) + b"".join(struct.pack("<2d", x, y) for x, y in ring)
    return header + wkb, (min(xs), max(xs), min(ys), max(ys))


def write_geopackage(path, size_gb):
    tmp = path + ".part"
    if os.path.exists(tmp):
        os.remove(tmp)
    db = sqlite3.connect(tmp)
    db.executescript(f"""
        PRAGMA application_id = 1196444487; PRAGMA user_version = 10200;
        PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
        CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
            organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
        INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', NULL),
            ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', NULL),
            ('WGS 84 geodetic', 4326, 'EPSG', 4326, 'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]', NULL);
        CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
            description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
            min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER);
        INSERT INTO gpkg_contents (table_name, data_type, identifier, min_x, min_y, max_x, max_y, srs_id)
            VALUES ('parcels', 'features', 'parcels', 100, 20, 150, 55, 4326);
        CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
            srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, PRIMARY KEY (table_name, column_name));
        INSERT INTO gpkg_geometry_columns VALUES ('parcels', 'geom', 'POLYGON', 4326, 0, 0);
        CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
            scope TEXT NOT NULL);
        INSERT INTO gpkg_extensions VALUES ('parcels', 'geom', 'gpkg_rtree_index', 'http://www.geopackage.org/spec120/#extension_rtree',
            'write-only');
        CREATE TABLE parcels (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom POLYGON, name TEXT);
        CREATE VIRTUAL TABLE rtree_parcels_geom USING rtree(id, minx, maxx, miny, maxy);
    """)
    rnd = random.Random(5)
    per_feature = 0
    target = size_gb * (1 << 30)
    fid = 0
    batch = 100_000
    start = time.monotonic()
    while True:
        rows, boxes = [], []
        for _ in range(batch):
            fid += 1
            blob, box = geometry_blob(rnd.uniform(100, 150), rnd.uniform(20, 55), rnd)
            rows.append((fid, blob, f"parcel {fid}"))
            boxes.append((fid,) + box)
        db.executemany("INSERT INTO parcels (fid, geom, name) VALUES (?, ?, ?)", rows)
        db.executemany("INSERT INTO rtree_parcels_geom VALUES (?, ?, ?, ?, ?)", boxes)
        db.commit()
        size = os.path.getsize(tmp)
        if size >= target:
            break
        if fid == batch:
            per_feature = size / fid
            print(f"writing about {target / per_feature / 1e6:.1f} million polygons…", flush=True)
    db.close()
    os.replace(tmp, path)
    print(f"wrote {path}: {fid:,} polygons, {os.path.getsize(path) / (1 << 30):.2f} GB in {time.monotonic() - start:.0f} s")


def main():
    if not os.path.exists(FILE) or os.path.getsize(FILE) < SIZE_GB * (1 << 30) * 0.95:
        write_geopackage(FILE, SIZE_GB)
    print(f"{FILE}: {os.path.getsize(FILE) / (1 << 30):.2f} GB; load average {os.popen('cat /proc/loadavg').read().split()[0]}; "
          f"{RUNS} runs, medians")
    for name, bbox in (("region 130-132E 42-43.5N", "130,42,132,43.5"), ("the whole area", "98,18,152,57")):
        walls, peaks, err = [], [], ""
        for _ in range(RUNS):
            wall, peak, err = timed([STORYPLOT, "render", "--basemap", FILE, "--bbox", bbox, "--size", "1920x1080", "-o", "/tmp/big.png", "-q"])
            walls.append(wall)
            peaks.append(peak)
        note = "; ".join(re.findall(r"(\d+ features in this view: every \S+ is drawn)", err))
        print(f"render {name}: {statistics.median(walls):.2f} s, peak {statistics.median(peaks):.0f} MB" + (f" ({note})" if note else ""))
    script = "/tmp/storyplot-big-pan.txt"
    with open(script, "w") as f:
        f.write("view 129 41 131 42.5\npan-frames 180 30 10\nview 98 18 152 57\npan-frames 180 30 10\nquit\n")
    firsts, pans, peaks = [], [], []
    for _ in range(RUNS):
        _, peak, err = timed(["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", STORYPLOT, "--basemap", FILE, "--script", script,
                              "--window-size", "1920x1080"])
        first = re.search(r"read by view: .*?, ([\d.]+) s after start", err)
        firsts.append(float(first.group(1)) if first else float("nan"))
        pans.append(re.findall(r"panned (\d+) frames in ([\d.]+) s \((\d+) while reading\): median ([\d.]+) ms, slowest ([\d.]+) ms", err))
        peaks.append(peak)
    print(f"window: first features drawn {statistics.median(firsts):.2f} s after start; peak memory {statistics.median(peaks):.0f} MB")
    for i, name in enumerate(("panning the region", "panning the whole area")):
        rows = [p[i] for p in pans if len(p) > i]
        print(f"window, {name}: {statistics.median(int(r[0]) / float(r[1]) for r in rows):.0f} frames/s, "
              f"median frame {statistics.median(float(r[3]) for r in rows):.1f} ms, slowest {statistics.median(float(r[4]) for r in rows):.1f} ms, "
              f"{statistics.median(int(r[2]) for r in rows):.0f} of {rows[0][0]} frames while a read was under way")


if __name__ == "__main__":
    main()
