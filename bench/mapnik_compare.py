#!/usr/bin/python3
"""Mapnik (python3-mapnik) and storyplot rendering the same Natural Earth 1:10m countries layer at
the same size and bounding box, side by side. Prints wall times of whole processes and Mapnik's
in-process time, medians of RUNS alternating runs, and the ratio. With --busy, another process keeps
one core busy throughout. Usage: bench/mapnik_compare.py [--busy] [BUILD_DIR] [RUNS]"""
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUSY = "--busy" in sys.argv
ARGS = [a for a in sys.argv[1:] if a != "--busy"]
BUILD = ARGS[0] if len(ARGS) > 0 else os.path.join(ROOT, "build")
RUNS = int(ARGS[1]) if len(ARGS) > 1 else 5
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


def median(times):
    ordered = sorted(times)
    return ordered[len(ordered) // 2] if len(ordered) % 2 else (ordered[len(ordered) // 2 - 1] + ordered[len(ordered) // 2]) / 2


def main():
    tmp = tempfile.mkdtemp()
    script = os.path.join(tmp, "mapnik_render.py")
    with open(script, "w") as f:
        f.write(MAPNIK_SCRIPT)
    burner = subprocess.Popen(["/usr/bin/python3", "-c", "while True: pass"]) if BUSY else None
    print(f"{W}x{H}, Natural Earth 1:10m countries, medians of {RUNS} alternating runs"
          f"{', one core kept busy by another process' if BUSY else ''}; {os.cpu_count()} cores")
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
                            "--bbox", bbox_text, "--detail", "10m", "--no-decorations", "--no-context-labels", "--no-water"], check=True)
            ours.append(time.time() - t)
        print(f"{name:7s} mapnik: {median(mapnik_process):.3f} s whole process ({median(mapnik_inside):.3f} s render+save in process); "
              f"storyplot: {median(ours):.3f} s whole process (best {min(ours):.3f}); "
              f"ratio storyplot/mapnik {median(ours) / median(mapnik_process):.2f}")
    if burner:
        burner.kill()


if __name__ == "__main__":
    main()
