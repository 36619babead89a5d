#!/usr/bin/env python3
# bench/interleave.py CMD... — run each command N times (env N, default 150),
# round-robin, and print the median wall time of each: for before/after
# comparisons of two builds side by side.
import subprocess, time, sys, statistics, os
cmds = sys.argv[1:]
n = int(os.environ.get("N", "150"))
t = {c: [] for c in cmds}
for i in range(n + 10):
    for c in cmds:
        s = time.perf_counter()
        subprocess.run(c.split(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if i >= 10: t[c].append((time.perf_counter() - s) * 1000)
for c in cmds:
    print(f"{statistics.median(t[c]):7.3f} ms  {c}")
