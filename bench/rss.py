#!/usr/bin/env python3
"""Memory of a running `caravan serve` (bench/rss.sh starts one) before and after a burst of expensive Pareto
requests, as ratios. Python standard library only; loopback only.

Usage: rss.py PORT SERVER_PID [BURST=200] [SETTLE_S=60]
Phases: warm-up (each kind of expensive request once, so that classes, JIT code and the per-cargo caches are in
place), start figures, a burst of BURST concurrent Pareto requests (503 answers are retried after Retry-After, so
every request of the burst is eventually computed), then up to SETTLE_S s idle. Prints RESULT key=value lines:
RSS and, when the JVM runs with -XX:NativeMemoryTracking=summary, the committed memory by category (jcmd)."""
import json
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

PORT = int(sys.argv[1])
PID = int(sys.argv[2])
BURST = int(sys.argv[3]) if len(sys.argv) > 3 else 200
SETTLE = int(sys.argv[4]) if len(sys.argv) > 4 else 60
BASE = f"http://127.0.0.1:{PORT}"
HEAVY = ("/api/route?from=Almaty&to=Karachi&pareto=true&max_labels=500000&budget_ms=5000&samples=100000"
         "&pareto_tolerance=0")
WARM = [HEAVY, "/api/route?from=Almaty&to=Karachi&alternatives=3", "/api/route?from=Tashkent&to=Karachi",
        "/api/places?q=kar", "/api/brief.pdf?from=Almaty&to=Karachi", "/api/critical?top=5"]


def rss_mb():
    with open(f"/proc/{PID}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def nmt():
    """Committed MB by NMT category ('Java Heap', 'Thread', 'Code', ...); {} when NMT is off."""
    try:
        out = subprocess.run(["jcmd", str(PID), "VM.native_memory", "summary"], capture_output=True, text=True,
                             timeout=60).stdout
    except (OSError, subprocess.TimeoutExpired):
        return {}
    cats = {}
    for m in re.finditer(r"-\s+([A-Za-z][A-Za-z ]+?) \(reserved=\d+KB, committed=(\d+)KB\)", out):
        cats[m.group(1).strip()] = int(m.group(2)) / 1024.0
    m = re.search(r"Total: reserved=\d+KB, committed=(\d+)KB", out)
    if m:
        cats["Total"] = int(m.group(1)) / 1024.0
    return cats


def get(path, timeout=300):
    """Status of GET path; a 503 is retried after its Retry-After, up to 25 minutes."""
    deadline = time.monotonic() + 1500
    while True:
        try:
            with urllib.request.urlopen(BASE + path, timeout=timeout) as r:
                r.read()
                return r.status
        except urllib.error.HTTPError as e:
            e.read()
            if e.code != 503 or time.monotonic() > deadline:
                return e.code
            time.sleep(float(e.headers.get("Retry-After", "1")))
        except OSError:
            return "none"


def main():
    for path in WARM:
        get(path)
    time.sleep(12)  # the launcher's periodic collection runs after 10 s idle
    start, start_nmt = rss_mb(), nmt()
    print(f"RESULT rss_start_mb={start:.0f}")
    codes, peak = {}, [start]
    done = threading.Event()

    def sampler():
        while not done.is_set():
            peak[0] = max(peak[0], rss_mb())
            time.sleep(0.2)

    def one():
        c = get(HEAVY)
        codes[c] = codes.get(c, 0) + 1

    s = threading.Thread(target=sampler)
    s.start()
    t0 = time.monotonic()
    threads = [threading.Thread(target=one) for _ in range(BURST)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    burst_s = time.monotonic() - t0
    done.set()
    s.join()
    print(f"RESULT burst={BURST} burst_s={burst_s:.0f} codes={json.dumps(codes, sort_keys=True)} "
          f"rss_peak_mb={peak[0]:.0f}")
    end = rss_mb()
    deadline = time.monotonic() + SETTLE
    while time.monotonic() < deadline and end > 1.2 * start:
        time.sleep(5)
        end = rss_mb()
    end_nmt = nmt()
    print(f"RESULT rss_end_mb={end:.0f} settle_s={SETTLE - max(0, deadline - time.monotonic()):.0f}")
    print(f"RATIO rss_peak/start={peak[0] / start:.2f} rss_end/start={end / start:.2f} (target end/start <= 1.20)")
    for k in sorted(set(start_nmt) | set(end_nmt), key=lambda k: -(end_nmt.get(k, 0) - start_nmt.get(k, 0))):
        a, b = start_nmt.get(k, 0), end_nmt.get(k, 0)
        if abs(b - a) >= 1 or k == "Total":
            print(f"NMT {k}: {a:.0f} -> {b:.0f} MB committed")
    if start_nmt:
        print(f"NMT not tracked (RSS - NMT committed; malloc arenas, DuckDB, libraries): "
              f"{start - start_nmt.get('Total', 0):.0f} -> {end - end_nmt.get('Total', 0):.0f} MB")


if __name__ == "__main__":
    main()
