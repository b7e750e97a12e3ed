#!/usr/bin/env python3
"""Fallback load generator for bench/load.sh where wrk is not installed (Python standard library only).

Keeps CONNECTIONS threads busy for DURATION seconds against BASE_URL, cycling route queries over the same eight
origin-destination pairs as routes.lua, and prints the same RESULT key=value lines. Loopback only, bounded in time.
"""
import http.client
import os
import sys
import threading
import time
import urllib.parse

PAIRS = [("Almaty", "Karachi"), ("Tashkent", "Bandar Abbas"), ("Kostanay", "Bandar Abbas"), ("Bishkek", "Istanbul"),
         ("Termez", "Peshawar"), ("Dushanbe", "Karachi"), ("Urumqi", "Tehran"), ("Khorgos", "Mersin")]


def main():
    base, duration, connections = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
    url = urllib.parse.urlparse(base)
    if url.hostname not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("load.py: loopback addresses only")
    extra = os.environ.get("CARAVAN_LOAD_QUERY", "&cargo=container")
    latencies, errors, lock = [], [0], threading.Lock()
    deadline = time.monotonic() + duration

    def worker(offset):
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        i, mine, bad = offset, [], 0
        while time.monotonic() < deadline:
            a, b = PAIRS[i % len(PAIRS)]
            i += 1
            path = "/api/route?from=%s&to=%s%s" % (urllib.parse.quote(a), urllib.parse.quote(b), extra)
            t0 = time.perf_counter()
            try:
                conn.request("GET", path)
                resp = conn.getresponse()
                resp.read()
                if resp.status != 200:
                    bad += 1
            except (OSError, http.client.HTTPException):
                bad += 1
                conn.close()
                conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
            mine.append(time.perf_counter() - t0)
        conn.close()
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    start = time.monotonic()
    threads = [threading.Thread(target=worker, args=(k,)) for k in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.monotonic() - start
    latencies.sort()

    def pct(p):
        if not latencies:
            return float("nan")
        return latencies[min(len(latencies) - 1, int(round(p / 100.0 * (len(latencies) - 1))))] * 1000

    print("RESULT requests=%d" % len(latencies))
    print("RESULT seconds=%.2f" % seconds)
    print("RESULT rps=%.1f" % (len(latencies) / seconds))
    print("RESULT p50_ms=%.1f" % pct(50))
    print("RESULT p99_ms=%.1f" % pct(99))
    print("RESULT max_ms=%.1f" % (latencies[-1] * 1000 if latencies else float("nan")))
    print("RESULT errors=%d" % errors[0])


if __name__ == "__main__":
    main()
