"""Stdlib geometry helpers for build_network.py (great circle, graphs, Dijkstra, simplification)."""
import heapq, json, math

R = 6371.0088

def gc_km(a, b):
    lon1, lat1 = map(math.radians, a); lon2, lat2 = map(math.radians, b)
    d = math.sin((lat2-lat1)/2)**2 + math.cos(lat1)*math.cos(lat2)*math.sin((lon2-lon1)/2)**2
    return 2*R*math.asin(min(1.0, math.sqrt(d)))

def line_km(pts):
    return sum(gc_km(pts[i], pts[i+1]) for i in range(len(pts)-1))

class Graph:
    """Undirected graph over rounded coordinates; edges keep their polyline."""
    def __init__(self, prec=5):
        self.prec = prec
        self.adj = {}     # key -> list of (key, km, edge_index)
        self.edges = []   # list of coordinate lists
        self.coords = {}  # key -> (lon, lat)
    def key(self, p):
        k = (round(p[0], self.prec), round(p[1], self.prec))
        self.coords.setdefault(k, (p[0], p[1]))
        self.adj.setdefault(k, [])
        return k
    def add_edge(self, pts, km=None):
        a = self.key(pts[0]); b = self.key(pts[-1])
        if a == b and len(pts) < 3:
            return
        if km is None:
            km = line_km(pts)
        idx = len(self.edges); self.edges.append(pts)
        self.adj[a].append((b, km, idx)); self.adj[b].append((a, km, idx))
    def add_line_split(self, pts):
        """Add every segment as its own edge (so interior vertices are nodes)."""
        for i in range(len(pts)-1):
            if pts[i] != pts[i+1]:
                self.add_edge([pts[i], pts[i+1]])

class Grid:
    def __init__(self, cell=0.25):
        self.cell = cell; self.g = {}
    def add(self, k, p):
        c = (int(math.floor(p[0]/self.cell)), int(math.floor(p[1]/self.cell)))
        self.g.setdefault(c, []).append((k, p))
    def near(self, p, rad_cells=1):
        cx, cy = int(math.floor(p[0]/self.cell)), int(math.floor(p[1]/self.cell))
        for dx in range(-rad_cells, rad_cells+1):
            for dy in range(-rad_cells, rad_cells+1):
                for it in self.g.get((cx+dx, cy+dy), ()):
                    yield it

def dijkstra(g, src, dst):
    dist = {src: 0.0}; prev = {}; pq = [(0.0, 0, src)]; cnt = 0
    while pq:
        d, _, u = heapq.heappop(pq)
        if u == dst:
            break
        if d > dist.get(u, 1e18):
            continue
        for v, w, idx in g.adj[u]:
            nd = d + w
            if nd < dist.get(v, 1e18):
                cnt += 1
                dist[v] = nd; prev[v] = (u, idx); heapq.heappush(pq, (nd, cnt, v))
    if dst not in dist:
        return None, None
    # rebuild polyline
    path = []; v = dst
    while v != src:
        u, idx = prev[v]
        e = g.edges[idx]
        seg = e if g.key(e[-1]) == v else list(reversed(e))
        path.append(seg)
        v = u
    pts = []
    for seg in reversed(path):
        if pts and pts[-1] == seg[0]:
            pts.extend(seg[1:])
        else:
            pts.extend(seg)
    return dist[dst], pts

def _perp(p, a, b):
    # planar distance (deg, lon scaled by cos lat) from p to segment ab
    c = math.cos(math.radians(p[1]))
    ax, ay, bx, by, px, py = a[0]*c, a[1], b[0]*c, b[1], p[0]*c, p[1]
    dx, dy = bx-ax, by-ay
    if dx == 0 and dy == 0:
        return math.hypot(px-ax, py-ay)
    t = max(0, min(1, ((px-ax)*dx + (py-ay)*dy)/(dx*dx+dy*dy)))
    return math.hypot(px-(ax+t*dx), py-(ay+t*dy))

def simplify(pts, tol):
    """Douglas-Peucker (iterative)."""
    if len(pts) < 3:
        return list(pts)
    keep = [False]*len(pts); keep[0] = keep[-1] = True
    stack = [(0, len(pts)-1)]
    while stack:
        i, j = stack.pop()
        dmax, idx = 0, None
        for k in range(i+1, j):
            d = _perp(pts[k], pts[i], pts[j])
            if d > dmax:
                dmax, idx = d, k
        if idx is not None and dmax > tol:
            keep[idx] = True; stack.append((i, idx)); stack.append((idx, j))
    return [p for p, k in zip(pts, keep) if k]

def simplify_max(pts, maxv=50, tol=0.01):
    s = simplify(pts, tol)
    while len(s) > maxv:
        tol *= 1.5; s = simplify(pts, tol)
    return s

# ---------- point in polygon ----------
def ring_contains(ring, x, y):
    inside = False; n = len(ring); j = n-1
    for i in range(n):
        xi, yi = ring[i][0], ring[i][1]; xj, yj = ring[j][0], ring[j][1]
        if (yi > y) != (yj > y) and x < (xj-xi)*(y-yi)/(yj-yi)+xi:
            inside = not inside
        j = i
    return inside

def polys_of(geom):
    if geom['type'] == 'Polygon':
        return [geom['coordinates']]
    return geom['coordinates']

def poly_contains(geom, x, y):
    for poly in polys_of(geom):
        if ring_contains(poly[0], x, y) and not any(ring_contains(h, x, y) for h in poly[1:]):
            return True
    return False

def seg_dist_deg(p, a, b):
    ax, ay, bx, by, px, py = a[0], a[1], b[0], b[1], p[0], p[1]
    dx, dy = bx-ax, by-ay
    if dx == 0 and dy == 0:
        return math.hypot(px-ax, py-ay)
    t = max(0, min(1, ((px-ax)*dx + (py-ay)*dy)/(dx*dx+dy*dy)))
    return math.hypot(px-(ax+t*dx), py-(ay+t*dy))

def poly_dist_deg(geom, x, y):
    best = 1e9
    for poly in polys_of(geom):
        for ring in poly:
            for i in range(len(ring)-1):
                best = min(best, seg_dist_deg((x, y), ring[i], ring[i+1]))
    return best
