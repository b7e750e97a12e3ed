#!/usr/bin/env python3
"""Sizes and timings of the web map's network layer (/api/network per zoom band, whole and with bbox).

Usage: bench/maplayer.py BASE_URL [SERVER_LOG] [ROUNDS=20]

For each zoom band (the page's request zoom 0, 5, 7, 9) and each shape (attrs=map: the page's first layer;
lines=only: what the page asks for another band; the full layer with every attribute), whole and cut to the box the
page asks for a 1400x1000-pixel view centred on Tashkent (network.mjs viewBox: the view padded by half its size on
each side, snapped to the band's grid), it prints: raw bytes, gzip bytes on the wire, features (places, links),
line vertices; the first request's time (which serialises the layer, or its features one by one for a bbox) and
the median and p90 of ROUNDS later requests, as the client saw them (loopback, keep-alive, gzip) and, when the
server's log is given, as the server logged them (Caravan's request logger: handler and writing, "in X ms").
Standard library only.
"""
import gzip
import http.client
import json
import math
import re
import statistics
import sys
import time
import urllib.parse

BAND_ZOOM = [0, 5, 7, 9]
BAND_BBOX_STEP = [5, 1, 0.5, 0.1]  # network.mjs BAND_BBOX_STEP
VIEW_PX = (1400, 1000)
CENTRE = (69.25, 41.3)  # Tashkent (lon, lat)


def view_box(zoom, band, pad=0.5):
    """The box network.mjs viewBox gives for a VIEW_PX view at `zoom` centred on CENTRE (Web Mercator)."""
    world = 256 * 2 ** zoom
    lon_w = VIEW_PX[0] * 360 / world
    def y(lat):
        return world / 2 - world / (2 * math.pi) * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    def lat(yy):
        return math.degrees(2 * math.atan(math.exp((world / 2 - yy) * 2 * math.pi / world)) - math.pi / 2)
    cy = y(CENTRE[1])
    view = {"west": CENTRE[0] - lon_w / 2, "east": CENTRE[0] + lon_w / 2,
            "north": lat(cy - VIEW_PX[1] / 2), "south": lat(cy + VIEW_PX[1] / 2)}
    step = BAND_BBOX_STEP[band]
    w, h = view["east"] - view["west"], view["north"] - view["south"]
    def snap(v, up):
        q = round(v / step, 9)
        return round((math.ceil(q) if up else math.floor(q)) * step, 6)
    box = [max(-180, snap(view["west"] - pad * w, False)), max(-90, snap(view["south"] - pad * h, False)),
           min(180, snap(view["east"] + pad * w, True)), min(90, snap(view["north"] + pad * h, True))]
    return [int(v) if v == int(v) else v for v in box]


class Client:
    def __init__(self, base):
        u = urllib.parse.urlparse(base)
        self.host, self.port = u.hostname, u.port
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)

    def get(self, path, gz=True):
        headers = {"Accept-Encoding": "gzip"} if gz else {}
        t = time.perf_counter()
        self.conn.request("GET", path, headers=headers)
        r = self.conn.getresponse()
        body = r.read()
        ms = (time.perf_counter() - t) * 1000
        if r.status != 200:
            raise SystemExit(f"{path}: HTTP {r.status} {body[:200]!r}")
        return body, r.getheader("Content-Encoding") == "gzip", ms


def server_ms(log_path, path, since):
    """Milliseconds the server logged for `path` in log lines after offset `since`."""
    if not log_path:
        return []
    with open(log_path, "rb") as f:
        f.seek(since)
        text = f.read().decode("utf-8", "replace")
    pat = re.compile(r"GET " + re.escape(path) + r" -> 200 in ([0-9.]+) ms")
    return [float(m.group(1)) for m in pat.finditer(text)]


def log_size(log_path):
    if not log_path:
        return 0
    with open(log_path, "rb") as f:
        f.seek(0, 2)
        return f.tell()


def p90(xs):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(0.9 * (len(xs) - 1))))]


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    base = sys.argv[1].rstrip("/")
    log = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] else None
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    c = Client(base)
    health = json.loads(c.get("/api/health", gz=False)[0])
    print(f"network: {health['nodes']:,} nodes, {health['links']:,} links; {rounds} timed requests after the first")
    print("| band (request) | shape | bbox | raw bytes | gzip bytes | places | links | vertices "
          "| first ms | client p50 / p90 ms | server p50 / p90 ms |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for band, zoom in enumerate(BAND_ZOOM):
        box = view_box(zoom, band)
        for shape in ("attrs=map", "lines=only", "all"):
            for with_box in (False, True):
                q = f"zoom={zoom}" + ("" if shape == "all" else "&" + shape)
                if with_box:
                    q += "&bbox=" + ",".join(str(v) for v in box)
                path = "/api/network?" + q
                mark = log_size(log)
                first, zipped, first_ms = c.get(path)
                times = [c.get(path)[2] for _ in range(rounds)]
                time.sleep(0.3)  # the request log line is written after the response
                logged = server_ms(log, path, mark)
                raw, _, _ = c.get(path, gz=False)
                geo = json.loads(raw)
                places = sum(1 for f in geo["features"] if f["geometry"]["type"] == "Point")
                lines = [f for f in geo["features"] if f["geometry"]["type"] == "LineString"]
                vertices = sum(len(f["geometry"]["coordinates"]) for f in lines)
                wire = len(first) if zipped else len(gzip.compress(raw))
                srv = (f"{statistics.median(logged[1:]):.1f} / {p90(logged[1:]):.1f} (first {logged[0]:.1f})"
                       if len(logged) > 1 else "–")
                print(f"| {band} (zoom={zoom}) | {shape} | {('bbox=' + ','.join(str(v) for v in box)) if with_box else 'none'} "
                      f"| {len(raw):,} | {wire:,} | {places:,} | {len(lines):,} | {vertices:,} | {first_ms:.1f} "
                      f"| {statistics.median(times):.1f} / {p90(times):.1f} | {srv} |")


if __name__ == "__main__":
    main()
