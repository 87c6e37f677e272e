#!/usr/bin/python3
"""Whole `storyplot animate` processes on the seed story at 1280x720: frames per second end to end
and the peak resident memory of storyplot and its encoder together (the sum over the process tree,
sampled every 20 ms). Usage: bench/animate_bench.py [BUILD_DIR] [FRAMES...] (default 100 1000)"""
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build")
COUNTS = [int(a) for a in sys.argv[2:]] or [100, 1000]
STORY = os.path.join(ROOT, "assets", "stories", "vladivostok-2019.story.json")
FPS = 25


def tree_rss_kb(pid):
    """Resident memory of pid and its descendants, in kB."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
        except (OSError, ValueError, IndexError):
            pass
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, []))
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def run(fmt, frames):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out." + fmt)
        cmd = [os.path.join(BUILD, "storyplot"), "animate", "-q", STORY, "-o", out, "--size", "1280x720",
               "--fps", str(FPS), "--seconds", str(frames / FPS)]
        t0 = time.time()
        proc = subprocess.Popen(cmd)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, tree_rss_kb(proc.pid))
            time.sleep(0.02)
        wall = time.time() - t0
        if proc.returncode != 0:
            sys.exit(f"animate {fmt} failed ({proc.returncode})")
        size = os.path.getsize(out)
    print(f"animate {fmt:4} {frames:5} frames 1280x720: {wall:6.2f} s, {frames / wall:6.1f} frames/s, "
          f"peak memory {peak / 1024:6.0f} MB (storyplot + ffmpeg), file {size / 1e6:.1f} MB")


for n in COUNTS:
    run("mp4", n)
    run("gif", n)
