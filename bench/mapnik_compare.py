#!/usr/bin/python3
"""Mapnik (python3-mapnik) and storyplot rendering the same Natural Earth 1:10m countries layer at
the same size and bounding box, side by side. Prints wall times of whole processes and Mapnik's
in-process time, and the ratio. Usage: bench/mapnik_compare.py [BUILD_DIR] [RUNS]"""
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build")
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 3
COUNTRIES = os.path.join(ROOT, "node_modules", "world-atlas", "countries-10m.json")
VIEWS = {"world": (-180, -85, 180, 85), "region": (124, 37, 136, 46)}
W, H = 3840, 2160

MAPNIK_SCRIPT = r'''
import sys, time
t0 = time.time()
import mapnik
w, h, path, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
bbox = [float(v) for v in sys.argv[5].split(",")]
m = mapnik.Map(w, h, "epsg:3857")
m.background = mapnik.Color("#cfdce4")
style = mapnik.Style()
rule = mapnik.Rule()
fill = mapnik.PolygonSymbolizer()
fill.fill = mapnik.Color("#f4f1eb")
rule.symbols.append(fill)
line = mapnik.LineSymbolizer()
line.stroke = mapnik.Color("#a89aa3")
line.stroke_width = 1.0
rule.symbols.append(line)
style.rules.append(rule)
m.append_style("countries", style)
layer = mapnik.Layer("countries", "epsg:4326")
layer.datasource = mapnik.Ogr(file=path, layer="countries")
layer.styles.append("countries")
m.layers.append(layer)
proj = mapnik.ProjTransform(mapnik.Projection("epsg:4326"), mapnik.Projection("epsg:3857"))
m.zoom_to_box(proj.forward(mapnik.Box2d(*bbox)))
t1 = time.time()
image = mapnik.Image(w, h)
mapnik.render(m, image)
image.save(out, "png")
print(time.time() - t1)
'''


def best(times):
    return min(times)


def main():
    tmp = tempfile.mkdtemp()
    script = os.path.join(tmp, "mapnik_render.py")
    with open(script, "w") as f:
        f.write(MAPNIK_SCRIPT)
    print(f"{W}x{H}, Natural Earth 1:10m countries, best of {RUNS} runs")
    for name, bbox in VIEWS.items():
        bbox_text = ",".join(str(v) for v in bbox)
        mapnik_process, mapnik_inside, ours = [], [], []
        for _ in range(RUNS):
            t = time.time()
            inside = subprocess.run(["/usr/bin/python3", script, str(W), str(H), COUNTRIES, os.path.join(tmp, "m.png"), bbox_text],
                                    check=True, capture_output=True, text=True).stdout
            mapnik_process.append(time.time() - t)
            mapnik_inside.append(float(inside.strip()))
            t = time.time()
            subprocess.run([os.path.join(BUILD, "storyplot"), "render", "-q", "-o", os.path.join(tmp, "s.png"), "--size", f"{W}x{H}",
                            "--bbox", bbox_text, "--detail", "10m", "--no-decorations", "--no-context-labels"], check=True)
            ours.append(time.time() - t)
        print(f"{name:7s} mapnik: {best(mapnik_process):.3f} s whole process ({best(mapnik_inside):.3f} s render+save in process); "
              f"storyplot: {best(ours):.3f} s whole process; ratio storyplot/mapnik {best(ours) / best(mapnik_process):.2f}")


if __name__ == "__main__":
    main()
