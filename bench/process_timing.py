"""Whole processes timed for the benchmarks: wall time and peak resident memory (GNU time)."""
import subprocess
import sys
import time


def timed(args):
    """Runs `args`; returns (wall seconds, peak resident MB, standard error). Exits on failure."""
    start = time.monotonic()
    run = subprocess.run(["/usr/bin/time", "-f", "%M"] + args, capture_output=True, text=True)
    wall = time.monotonic() - start
    if run.returncode != 0:
        sys.exit("failed: " + " ".join(args) + "\n" + run.stderr)
    return wall, int(run.stderr.strip().splitlines()[-1]) / 1024, run.stderr
