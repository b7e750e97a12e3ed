"""Rail topology from track geometry (stdlib only, deterministic).

Input: polylines [(lon, lat), ...]. Steps (issue #14 section 1):
  1. snap: line ends and vertices within `tol_km` of an earlier vertex take that vertex's position;
  2. split: lines are cut at every vertex shared with another line (junctions) and at snapped ends;
  3. chains: runs through degree-2 vertices are merged into one link whose length is measured along the
     geometry (great circle per segment), keeping the simplified geometry for display;
  4. components: connected components are reported, with what was dropped (degenerate lines).
"""
import math
from geo import gc_km, line_km, Grid

def simplify(pts, tol_km):
    """Douglas-Peucker on an equirectangular projection; keeps first and last vertex."""
    if len(pts) < 3 or tol_km <= 0:
        return list(pts)
    lat0 = math.radians(sum(p[1] for p in pts) / len(pts))
    xy = [(p[0] * 111.32 * math.cos(lat0), p[1] * 110.57) for p in pts]
    keep = [False] * len(pts); keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        i, j = stack.pop()
        (x1, y1), (x2, y2) = xy[i], xy[j]
        dx, dy = x2 - x1, y2 - y1; L2 = dx * dx + dy * dy
        best, bk = -1.0, -1
        for k in range(i + 1, j):
            x, y = xy[k]
            t = 0.0 if L2 == 0 else max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / L2))
            d = math.hypot(x - (x1 + t * dx), y - (y1 + t * dy))
            if d > best:
                best, bk = d, k
        if best > tol_km:
            keep[bk] = True; stack.append((i, bk)); stack.append((bk, j))
    return [p for p, k in zip(pts, keep) if k]

class Topology:
    def __init__(self, lines, tol_km=0.05, simplify_km=0.2):
        self.tol_km = tol_km
        self.dropped = []      # (index, reason)
        self.vertices = []     # vertex id -> (lon, lat)
        self.links = []        # dicts: a, b, km, geometry, sources
        self._build(lines, simplify_km)

    def _snap(self, lines):
        grid = Grid(cell=max(tol_km_to_deg(self.tol_km), 1e-6))
        out = []
        for li, (pts, src) in enumerate(lines):
            ids = []
            for p in pts:
                vid = None; best = self.tol_km
                for k, q in grid.near(p):
                    d = gc_km(p, q)
                    if d <= best:
                        vid, best = k, d
                if vid is None:
                    vid = len(self.vertices); self.vertices.append((p[0], p[1])); grid.add(vid, p)
                if not ids or ids[-1] != vid:
                    ids.append(vid)
            if len(ids) < 2:
                self.dropped.append((li, "degenerate (shorter than snap tolerance)"))
                continue
            out.append((ids, src))
        return out

    def _build(self, lines, simplify_km):
        lines = [(l if isinstance(l, tuple) and len(l) == 2 and isinstance(l[1], str) else (l, ""))
                 for l in lines]
        paths = self._snap(lines)
        # undirected segment set; each segment keeps the sources that drew it (dedups overlapping lines)
        seg = {}
        for ids, src in paths:
            for a, b in zip(ids, ids[1:]):
                seg.setdefault((min(a, b), max(a, b)), set()).add(src)
        adj = {}
        for a, b in seg:
            adj.setdefault(a, set()).add(b); adj.setdefault(b, set()).add(a)
        self.degree = {v: len(n) for v, n in adj.items()}
        used = set()
        def walk(start, nxt):
            chain = [start, nxt]; srcs = set(seg[(min(start, nxt), max(start, nxt))])
            used.add((min(start, nxt), max(start, nxt)))
            while self.degree[chain[-1]] == 2 and chain[-1] != start:
                cur = chain[-1]
                n = [x for x in adj[cur] if (min(cur, x), max(cur, x)) not in used]
                if not n:
                    break
                e = (min(cur, n[0]), max(cur, n[0])); used.add(e); srcs |= seg[e]; chain.append(n[0])
            return chain, srcs
        for v in sorted(adj):
            if self.degree[v] != 2:
                for n in sorted(adj[v]):
                    if (min(v, n), max(v, n)) not in used:
                        self._add(*walk(v, n), simplify_km)
        for v in sorted(adj):   # pure cycles (every vertex degree 2)
            for n in sorted(adj[v]):
                if (min(v, n), max(v, n)) not in used:
                    self._add(*walk(v, n), simplify_km)
        self.nodes = sorted({l["a"] for l in self.links} | {l["b"] for l in self.links})

    def _add(self, chain, srcs, simplify_km):
        pts = [self.vertices[i] for i in chain]
        self.links.append({"a": chain[0], "b": chain[-1], "km": line_km(pts),
                           "geometry": simplify(pts, simplify_km), "sources": sorted(srcs)})

    def components(self):
        parent = {}
        def find(x):
            parent.setdefault(x, x)
            while parent[x] != x:
                parent[x] = parent[parent[x]]; x = parent[x]
            return x
        for l in self.links:
            ra, rb = find(l["a"]), find(l["b"])
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
        comps = {}
        for v in self.nodes:
            comps.setdefault(find(v), []).append(v)
        return sorted(comps.values(), key=lambda c: (-len(c), c[0]))

    def report(self):
        comps = self.components()
        return {"vertices_in": len(self.vertices), "nodes": len(self.nodes), "links": len(self.links),
                "km": round(sum(l["km"] for l in self.links), 1), "components": len(comps),
                "largest_component_nodes": len(comps[0]) if comps else 0, "dropped": len(self.dropped)}

def tol_km_to_deg(km):
    return km / 111.0 * 2.0
