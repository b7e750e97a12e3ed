"""Rail network of the region from track geometry (issue #14 section 1), hooked into build_network.py.

Sources (read from ../shared/data at build time):
  osm-railways-asia/railways/{afghanistan,azerbaijan,turkmenistan}.json  OSM track ([lat, lon]!), ODbL
  osm-railways-uzbekistan/uzbekistan_railways.geojson                     OSM track of Uzbekistan, ODbL
  natural-earth-railroads/ne_10m_railroads_bbox25-0-90-60.geojson        NE track elsewhere, public domain
  osm-railways-asia/stations/*.json, osm-railways-uzbekistan/uzbekistan_rail_stations.geojson  station names
  un-locode-geoapify/unlocode_16countries.csv                            UN/LOCODE rail locations (codes)

Per country (rail links never cross a border: crossings do), track is cut at the country's NE 1:50m
boundary, built into a topology by topology.Topology (snap, split, degree-2 chains measured along the
geometry), cleaned (sidings and yard tracks: dead ends shorter than SPUR_KM dropped, links shorter than
CONTRACT_KM contracted, parallel tracks between the same two nodes kept once), and the curated nodes and OSM
stations are put on the track (the link is split at the nearest track vertex).

Each curated rail link (links_curated.csv) whose two ends are on the track and whose track path is
plausible (RATIO_MIN..RATIO_MAX x the curated/published length) is *absorbed*: its name, gauge, status,
source and a published length (scaled onto the path's links) become attributes of the track links on the
path, and the straight curated link is dropped. Curated links that cannot be absorbed stay as chains
(listed in build_report.txt and docs/DATA.md).

Output: ODbL-derived nodes and links (from OSM track and stations) go to rail_osm_nodes.csv /
rail_osm_links.csv (ODbL 1.0, (c) OpenStreetMap contributors); Natural Earth-derived ones join nodes.csv /
links.csv. Deterministic; stdlib only.
"""
import csv, json, math, os, re, unicodedata
from collections import defaultdict

from geo import gc_km, line_km, Grid, simplify_max, poly_contains
from topology import Topology

OSM_COUNTRIES = ('AF', 'AZ', 'TM', 'UZ')            # OSM track used inside these countries
NE_COUNTRIES = ('KZ', 'KG', 'TJ', 'IR', 'PK', 'GE', 'CN', 'RU', 'TR', 'IN')   # Natural Earth track inside these
# (the Gulf states stay curated chains measured on NE railroads, as before). RU, TR, IN since 3 Dec 2026 (access
# legs over 300 km): their whole track in the shared box (lon 25..90, lat 0..60: European Russia, the Urals and
# southern Siberia; Turkey; India west of 90 E).
GAUGE_BY_COUNTRY = {'KZ': '1520', 'UZ': '1520', 'TM': '1520', 'KG': '1520', 'TJ': '1520', 'AZ': '1520',
                    'GE': '1520', 'IR': '1435', 'CN': '1435', 'PK': '1676', 'AF': '1520',
                    'RU': '1520', 'TR': '1435', 'IN': '1676'}
# countries where every curated node (ports, cities, border posts) within NODE_SNAP_KM of the track is put on it,
# not only the ends of curated rail links: their track has no curated corridors that would reach the ports
PIN_ALL_COUNTRIES = ('RU', 'TR', 'IN')
PIN_ALL_KINDS = ('city', 'seaport', 'dry_port', 'terminal', 'rail_station')
# known exceptions (country, lon_min, lat_min, lon_max, lat_max, gauge, reason) for track not on a curated
# corridor; links on an absorbed curated corridor take the corridor's gauge instead
GAUGE_EXCEPTIONS = [
    ('AF', 60.5, 33.5, 63.0, 35.5, '1435', "Khaf-Herat line from Iran (Iranian standard gauge)"),
    ('IR', 60.6, 28.9, 61.8, 29.6, '1676', 'Pakistan broad gauge runs from Taftan to Zahedan'),
    ('IR', 60.9, 36.4, 61.3, 36.6, '1520', '1520 track from Turkmenistan into the Sarakhs (IR) exchange yard'),
    ('IR', 48.7, 38.3, 48.95, 38.5, '1520', '1520 track from Azerbaijan into the Astara (IR) terminal'),
]
SNAP_TOL_KM = {'osm': 0.1, 'ne': 0.05}
SPUR_KM = {'osm': 8.0, 'ne': 3.0}     # dead ends shorter than this are sidings/yards: dropped
JOIN_KM = {'osm': 0.5, 'ne': 3.0}     # dead ends joined to another line within this distance
CONTRACT_KM = 1.5                     # links shorter than this are contracted into one node
NODE_SNAP_KM = 15.0                   # curated node -> nearest track vertex
STATION_SNAP_KM = {'osm': 1.0, 'ne': 3.0}
STATION_MIN_GAP_KM = 2.0              # a station closer than this to an existing node is merged (name as alias)
LOCODE_SNAP_KM = 5.0
JUNCTION_NAME_KM = 1.5                # a station this close to a junction / end of track names that node
RATIO_MIN, RATIO_MAX = 0.85, 1.35     # track path / curated length for absorption
MAX_VERTICES = 50
OSM_SRC = 'OpenStreetMap railways (c) OpenStreetMap contributors, ODbL 1.0 (shared/data/osm-railways-{})'
NE_SRC = 'Natural Earth 10m railroads (public domain; topology by data-build/rail_osm.py)'
# Natural Earth railroad features that are not track: ferry routes drawn as railroads (rwdb_rr_id -> reason). The
# crossing they stand for is a curated ferry link instead (data-build/links_curated.csv), so that a route says it
# takes a ferry and the crossing gets its own time.
NE_NOT_TRACK = {
    19404: 'Lake Van train ferry Tatvan - Van (a lake crossing drawn as a railroad in NE); curated ferry link tr_tatvan - tr_van_pier',
}
KM_POST = re.compile(r'^\s*\d+([.,]\d+)?\s*(км|km|-?й\s*км)?\s*$|\bкм\b|\bkm\b', re.I)

CYR = dict(zip('абвгдеёжзийклмнопрстуфхцчшщъыьэюяўқғҳәіңөүұһ',
               ['a', 'b', 'v', 'g', 'd', 'e', 'yo', 'zh', 'z', 'i', 'y', 'k', 'l', 'm', 'n', 'o', 'p', 'r', 's',
                't', 'u', 'f', 'kh', 'ts', 'ch', 'sh', 'shch', '', 'y', '', 'e', 'yu', 'ya', 'o', 'q', 'g', 'h',
                'a', 'i', 'n', 'o', 'u', 'u', 'h']))


def translit(s):
    """Latin spelling of a Cyrillic station name (BGN/PCGN-like, simplified); other scripts unchanged."""
    out = []
    for ch in s:
        lo = ch.lower()
        if lo in CYR:
            t = CYR[lo]
            out.append(t.capitalize() if ch != lo and t else t)
        else:
            out.append(ch)
    return ''.join(out)


STATION_WORDS = re.compile(r'\s*\b(railway station|railroad station|train station|station|stansiyas[iı]|'
                           r'стансиясы|станция|вокзал|temir yo.l stantsiyasi|stantsiyasi|stantsiya|ایستگاه راه آهن)\b\s*', re.I)


def clean_name(s):
    """Station name without 'Railway Station' and the like ('Abadeh' for 'Abadeh Railway Station')."""
    t = STATION_WORDS.sub(' ', s).strip(' -,;')
    return re.sub(r'\s+', ' ', t) or s.strip()


def norm(s):
    """Place-name key as core's PlaceIndex.normalize: no marks, lower case, punctuation to single spaces."""
    t = unicodedata.normalize('NFD', s or '')
    t = ''.join(c for c in t if not unicodedata.combining(c)).lower().replace('ı', 'i')
    return re.sub(r'[^\w]+|_', ' ', t).strip()


def name_keys(n):
    keys = set()
    for x in [n['name']] + [a for a in n.get('alt_names', '').split(';') if a]:
        keys.add(norm(x)); keys.add(norm(re.sub(r'\([^)]*\)', ' ', x)))
    keys.discard('')
    return keys


def curated_name_near(cur, p, names, km=30.0):
    """True when a curated node within km of p already has one of the names."""
    want = {norm(x) for x in names if x} | {norm(clean_name(x)) for x in names if x}
    want.discard('')
    for s, n in cur:
        if gc_km(p, (n['lon'], n['lat'])) <= km and name_keys(n) & want:
            return True
    return False


def is_latin(s):
    return all(ord(c) < 0x250 for c in s)


# ---------------------------------------------------------------- countries
class CountryOf:
    """Country of a point among the region's NE 1:50m polygons (cached per 0.01 degree cell)."""
    def __init__(self, polys, codes):
        self.items = []
        for c in codes:
            g = polys.get(c)
            if g is None:
                continue
            xs = [p[0] for poly in (g['coordinates'] if g['type'] == 'MultiPolygon' else [g['coordinates']])
                  for p in poly[0]]
            ys = [p[1] for poly in (g['coordinates'] if g['type'] == 'MultiPolygon' else [g['coordinates']])
                  for p in poly[0]]
            self.items.append((c, g, min(xs), min(ys), max(xs), max(ys)))
        self.cache = {}

    def __call__(self, p):
        k = (round(p[0], 2), round(p[1], 2))
        r = self.cache.get(k)
        if r is None:
            r = ''
            for c, g, x0, y0, x1, y1 in self.items:
                if x0 <= p[0] <= x1 and y0 <= p[1] <= y1 and poly_contains(g, p[0], p[1]):
                    r = c; break
            self.cache[k] = r
        return r


def split_by_country(pts, country_of):
    """Pieces [(country, pts)] of a line, cut where the country changes."""
    out, cur, cc = [], [], None
    for p in pts:
        c = country_of(p)
        if c != cc and cur:
            out.append((cc, cur)); cur = []
        cc = c; cur.append(p)
    if cur:
        out.append((cc, cur))
    return [(c, q) for c, q in out if c and len(q) >= 2]


# ---------------------------------------------------------------- input
def load_lines(shared, country_of):
    """{country: [(pts, source_tag)]} with OSM track in OSM_COUNTRIES and NE track in NE_COUNTRIES."""
    d = os.path.join(shared, 'data')
    per = defaultdict(list)
    seen = set()
    for f in ('afghanistan', 'azerbaijan', 'turkmenistan'):
        for w in json.load(open(os.path.join(d, 'osm-railways-asia/railways', f + '.json'))):
            if w.get('type') != 'rail' or w['id'] in seen:
                continue
            seen.add(w['id'])
            pts = [(round(q[1], 6), round(q[0], 6)) for q in w['geometry']]
            for c, piece in split_by_country(pts, country_of):
                if c in OSM_COUNTRIES and c != 'UZ':
                    per[c].append((piece, 'osm:asia'))
    uz = json.load(open(os.path.join(d, 'osm-railways-uzbekistan/uzbekistan_railways.geojson')))
    for ft in uz['features']:
        if ft['properties'].get('fclass') != 'rail' or not ft.get('geometry'):
            continue
        gs = ft['geometry']['coordinates'] if ft['geometry']['type'] == 'MultiLineString' else [ft['geometry']['coordinates']]
        for g in gs:
            for c, piece in split_by_country([tuple(q[:2]) for q in g], country_of):
                if c == 'UZ':
                    per[c].append((piece, 'osm:uzbekistan'))
    ne = json.load(open(os.path.join(d, 'natural-earth-railroads/ne_10m_railroads_bbox25-0-90-60.geojson')))
    for ft in ne['features']:
        if ft['properties'].get('rwdb_rr_id') in NE_NOT_TRACK:
            continue
        pts = [tuple(q) for q in ft['geometry']['coordinates']]
        if not any(40 < q[0] < 92 and 22 < q[1] < 56 for q in pts) and \
                not any(25 <= q[0] <= 92 and 0 <= q[1] <= 60 for q in pts):
            continue
        for c, piece in split_by_country(pts, country_of):
            if c in NE_COUNTRIES:
                per[c].append((piece, 'ne'))
    return per


def load_stations(shared, country_of):
    """[(lon, lat, name, alt, osm_id, country)] of named stations (not halts or kilometre posts)."""
    d = os.path.join(shared, 'data')
    out, seen = [], set()
    sd = os.path.join(d, 'osm-railways-asia/stations')
    for fn in sorted(os.listdir(sd)):
        for s in json.load(open(os.path.join(sd, fn))):
            if s.get('type') != 'station' or not s.get('name') or s['id'] in seen:
                continue
            seen.add(s['id'])
            out.append((s['lon'], s['lat'], s['name'], s.get('nameLocal') or '', s['id']))
    us = json.load(open(os.path.join(d, 'osm-railways-uzbekistan/uzbekistan_rail_stations.geojson')))
    for ft in us['features']:
        p = ft['properties']
        if p.get('fclass') != 'railway_station' or not p.get('name') or int(p['osm_id']) in seen:
            continue
        seen.add(int(p['osm_id']))
        c = ft['geometry']['coordinates']
        out.append((c[0], c[1], p['name'].replace('?', "'"), '', int(p['osm_id'])))
    res = []
    for lon, lat, name, alt, oid in out:
        if KM_POST.search(name):
            continue
        c = country_of((lon, lat))
        if c in OSM_COUNTRIES or c in NE_COUNTRIES:
            res.append((lon, lat, name.strip(), alt.strip(), oid, c))
    res.sort(key=lambda s: s[4])
    return res


def load_locodes(shared):
    """UN/LOCODE locations with the rail function ('2' in position 2 of the function mask)."""
    out = []
    with open(os.path.join(shared, 'data/un-locode-geoapify/unlocode_16countries.csv'), newline='', encoding='utf-8') as f:
        for r in csv.DictReader(f):
            fn = r['function']
            if len(fn) > 1 and fn[1] == '2' and r['lat'] and r['lon']:
                out.append((float(r['lon']), float(r['lat']), r['country'] + r['location'], r['nameWoDiacritics'] or r['name'],
                            r['country'], r['geocoded'] == 'true'))
    return out


# ---------------------------------------------------------------- graph cleaning
class RailGraph:
    """Mutable rail graph of one country: vertices (lon, lat), links {a, b, pts (full), sources}."""
    def __init__(self, topo):
        self.pos = {i: topo.vertices[i] for i in topo.nodes}
        self.links = {}
        for i, l in enumerate(topo.links):
            pts = self._full(topo, l)
            self.links[i] = dict(a=l['a'], b=l['b'], pts=pts, sources=set(l['sources']))
        self.next_id = len(topo.links)
        self.next_v = len(topo.vertices)
        self.pinned = set()   # vertices that must stay nodes (curated nodes, stations)

    @staticmethod
    def _full(topo, l):
        return [tuple(p) for p in l['full']]

    def km(self, lid):
        return line_km(self.links[lid]['pts'])

    def adj(self):
        a = defaultdict(list)
        for lid, l in self.links.items():
            a[l['a']].append(lid)
            if l['b'] != l['a']:
                a[l['b']].append(lid)
        return a

    def prune_spurs(self, spur_km):
        dropped = 0
        while True:
            adj = self.adj(); kill = []
            for v, ls in adj.items():
                if len(ls) == 1 and v not in self.pinned:
                    lid = ls[0]; l = self.links[lid]
                    other = l['b'] if l['a'] == v else l['a']
                    if len(adj[other]) >= 3 and self.km(lid) < spur_km:
                        kill.append(lid)
            kill = sorted(set(kill))
            if not kill:
                return dropped
            for lid in kill:
                self.links.pop(lid, None); dropped += 1

    def drop_loops_and_parallels(self):
        n = 0
        best = {}
        for lid in sorted(self.links):
            l = self.links[lid]
            if l['a'] == l['b']:
                self.links.pop(lid); n += 1; continue
            k = (min(l['a'], l['b']), max(l['a'], l['b']))
            if k in best:
                o = best[k]
                if self.km(lid) < self.km(o):
                    self.links[lid]['sources'] |= self.links[o]['sources']; self.links.pop(o); best[k] = lid
                else:
                    self.links[o]['sources'] |= l['sources']; self.links.pop(lid)
                n += 1
            else:
                best[k] = lid
        return n

    def contract_short(self, min_km):
        n = 0
        adj = self.adj()
        for lid in sorted(self.links, key=lambda i: (self.km(i), i)):
            l = self.links.get(lid)
            if l is None or self.km(lid) >= min_km or l['a'] == l['b']:
                continue
            a, b = l['a'], l['b']
            if a in self.pinned and b in self.pinned:
                continue
            keep, gone = (a, b) if (a in self.pinned or len(adj[a]) >= len(adj[b])) and b not in self.pinned else (b, a)
            self.links.pop(lid); n += 1
            for oid in adj[gone]:
                o = self.links.get(oid)
                if o is None:
                    continue
                o.pop('bb', None)
                if o['a'] == gone:
                    o['a'] = keep; o['pts'] = [self.pos[keep]] + o['pts'][1:]
                if o['b'] == gone:
                    o['b'] = keep; o['pts'] = o['pts'][:-1] + [self.pos[keep]]
                adj[keep].append(oid)
            adj[gone] = []
        return n

    def merge_chains(self):
        """Join links through unpinned degree-2 vertices."""
        n = 0
        adj = {v: set(ls) for v, ls in self.adj().items()}
        for v in sorted(adj):
            ls = sorted(adj[v])
            if len(ls) != 2 or v in self.pinned:
                continue
            l1, l2 = self.links[ls[0]], self.links[ls[1]]
            p1 = l1['pts'] if l1['b'] == v else list(reversed(l1['pts']))
            a = l1['a'] if l1['b'] == v else l1['b']
            p2 = l2['pts'] if l2['a'] == v else list(reversed(l2['pts']))
            b = l2['b'] if l2['a'] == v else l2['a']
            if a == v or b == v or a == b:
                continue
            self.links.pop(ls[1])
            self.links[ls[0]] = dict(a=a, b=b, pts=p1 + p2[1:], sources=l1['sources'] | l2['sources'])
            adj[v] = set()
            adj[b].discard(ls[1]); adj[b].add(ls[0])
            n += 1
        return n

    def components(self):
        parent = {}
        def find(x):
            parent.setdefault(x, x)
            while parent[x] != x:
                parent[x] = parent[parent[x]]; x = parent[x]
            return x
        for l in self.links.values():
            ra, rb = find(l['a']), find(l['b'])
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
        comps = defaultdict(list)
        for l in self.links.values():
            for v in (l['a'], l['b']):
                comps[find(v)].append(v)
        return sorted((sorted(set(c)) for c in comps.values()), key=lambda c: (-len(c), c[0]))

    def join_ends(self, max_km):
        """Joins each dead end to the nearest vertex of another link within max_km (cartographic lines and
        OSM ways that stop short of the line they join); returns the number of joins."""
        adj = self.adj()
        grid = Grid(0.05)
        for lid in sorted(self.links):
            for i, q in enumerate(self.links[lid]['pts']):
                grid.add((lid, i), q)
        todo = []
        for v in sorted(adj):
            if len(adj[v]) != 1:
                continue
            own = adj[v][0]
            p = self.pos[v]
            best = (max_km, None)
            for (lid, i), q in grid.near(p, max(1, int(max_km / 5) + 1)):
                if lid == own:
                    continue
                l = self.links[lid]
                if v in (l['a'], l['b']):
                    continue
                d = gc_km(p, q)
                if d < best[0]:
                    best = (d, q)
            if best[1] is not None:
                todo.append((v, best[1], best[0]))
        n = 0
        for v, q, d in todo:
            w, dd = self.put_on_track(q, 0.001)
            if w is None or w == v:
                continue
            nid = self.next_id; self.next_id += 1
            self.links[nid] = dict(a=v, b=w, pts=[self.pos[v], self.pos[w]], sources={'join'})
            n += 1
        return n

    def put_on_track(self, p, max_km):
        """Vertex on the track nearest to p (splitting a link there); (vertex, km) or (None, None)."""
        best = (max_km, None, None)
        for lid in sorted(self.links):
            l = self.links[lid]
            pts = l['pts']
            bb = l.get('bb')
            if bb is None:
                bb = l['bb'] = (min(q[0] for q in pts), min(q[1] for q in pts), max(q[0] for q in pts),
                                max(q[1] for q in pts))
            m = max_km / 80.0
            if not (bb[0] - m <= p[0] <= bb[2] + m and bb[1] - m <= p[1] <= bb[3] + m):
                continue
            for i, q in enumerate(pts):
                d = gc_km(p, q)
                if d < best[0]:
                    best = (d, lid, i)
        d, lid, i = best
        if lid is None:
            return None, None
        l = self.links[lid]
        if i == 0:
            return l['a'], d
        if i == len(l['pts']) - 1:
            return l['b'], d
        v = self.next_v; self.next_v += 1
        self.pos[v] = l['pts'][i]
        nid = self.next_id; self.next_id += 1
        self.links[nid] = dict(a=v, b=l['b'], pts=l['pts'][i:], sources=set(l['sources']))
        self.links[lid] = dict(a=l['a'], b=v, pts=l['pts'][:i + 1], sources=set(l['sources']))
        return v, d


def topology_full(lines, tol_km):
    """Topology whose links also keep their full (unsimplified) vertex list as 'full'."""
    t = Topology(lines, tol_km=tol_km, simplify_km=0.0)
    for l in t.links:
        l['full'] = l['geometry']
    return t


# ---------------------------------------------------------------- the build
def slugify(s):
    s = unicodedata.normalize('NFKD', translit(s)).encode('ascii', 'ignore').decode()
    return re.sub(r'[^a-z0-9]+', '_', s.lower()).strip('_')


def gauge_for(country, pts):
    mx = sum(p[0] for p in pts) / len(pts); my = sum(p[1] for p in pts) / len(pts)
    for c, x0, y0, x1, y1, g, why in GAUGE_EXCEPTIONS:
        if c == country and x0 <= mx <= x1 and y0 <= my <= y1:
            return g, why
    return GAUGE_BY_COUNTRY[country], ''


def dijkstra_links(links, src, dst, usable):
    import heapq
    adj = defaultdict(list)
    for lid in usable:
        l = links[lid]
        adj[l['a']].append((l['b'], l['km'], lid)); adj[l['b']].append((l['a'], l['km'], lid))
    dist = {src: 0.0}; prev = {}; pq = [(0.0, str(src), src)]
    while pq:
        d, _, u = heapq.heappop(pq)
        if u == dst:
            break
        if d > dist.get(u, 1e18):
            continue
        for v, w, lid in adj[u]:
            if d + w < dist.get(v, 1e18):
                dist[v] = d + w; prev[v] = (u, lid); heapq.heappush(pq, (d + w, str(v), v))
    if dst not in dist:
        return None, []
    path, v = [], dst
    while v != src:
        u, lid = prev[v]; path.append(lid); v = u
    return dist[dst], list(reversed(path))


def build(shared, nodes, curated_rail, polys, fmt, wkt, pins=(), spurs=None):
    """Builds the track network.

    nodes: build_network's slug -> node dict (modified: gauge_change flags, may gain alt names);
    curated_rail: [(slug_a, slug_b, link dict as built by build_links)] for curated rail links;
    pins: slugs of further curated nodes to put on the track (the border posts of rail crossings);
    spurs: {slug: reason} of curated nodes joined to the nearest track vertex by a rail access link of their own
           (rail_pins.csv): the track is not bent through the node, so through trains do not make the detour;
    returns (new_nodes [dicts, with 'odbl' flag], new_links [dicts with 'odbl'], absorbed set of curated link ids,
             report lines).
    """
    rep = []
    country_of = CountryOf(polys, OSM_COUNTRIES + NE_COUNTRIES)
    per = load_lines(shared, country_of)
    stations = load_stations(shared, country_of)
    locodes = load_locodes(shared)
    rep.append('== rail from track geometry (data-build/rail_osm.py) ==')
    rep.append(f'  track pieces by country: ' + ' '.join(f'{c}:{len(per[c])}' for c in sorted(per)))
    rep.append('  NE railroad features left out (not track): ' + '; '.join(
        f'{k} {v}' for k, v in sorted(NE_NOT_TRACK.items())))
    rep.append(f'  named OSM stations in the covered countries: {len(stations)}; UN/LOCODE rail locations: {len(locodes)}')
    curated_by_country = defaultdict(list)
    used_slugs = set()
    for a, b, L in curated_rail:
        used_slugs |= {a, b}
    used_slugs |= set(pins)
    spurs = spurs or {}
    used_slugs |= set(spurs)
    out_nodes, out_links, absorbed = [], [], {}
    taken_ids = {n['id'] for n in nodes.values()}
    chains_kept = []
    for cc in sorted(per):
        kind = 'osm' if cc in OSM_COUNTRIES else 'ne'
        lines = per[cc]
        t = topology_full(lines, SNAP_TOL_KM[kind])
        g = RailGraph(t)
        km_in = sum(line_km(p) for p, _ in lines)
        # curated nodes of this country used by rail links: pin after cleaning
        cur = [(s, n) for s, n in nodes.items() if n['country'] == cc and (s in used_slugs or (
            cc in PIN_ALL_COUNTRIES and n['kind'] in PIN_ALL_KINDS))]
        cur_all = [(s, n) for s, n in nodes.items() if n['country'] == cc]
        joins = g.join_ends(JOIN_KM[kind])
        dropped_spurs = g.prune_spurs(SPUR_KM[kind])
        par = g.drop_loops_and_parallels()
        con = g.contract_short(CONTRACT_KM)
        par += g.drop_loops_and_parallels()
        dropped_spurs += g.prune_spurs(SPUR_KM[kind])
        g.merge_chains()
        vid_of = {}   # vertex -> node slug/id
        attach = []
        spur_at = []  # (slug, track vertex, km) of rail access links (spurs)
        for s, n in cur:
            v, d = g.put_on_track((n['lon'], n['lat']), NODE_SNAP_KM)
            if v is None:
                attach.append(f'{s} (no track within {NODE_SNAP_KM:.0f} km)'); continue
            if s in spurs:
                spur_at.append((s, v, d)); g.pinned.add(v); continue
            if v in vid_of:
                attach.append(f'{s} (same track vertex as {vid_of[v]})'); continue
            vid_of[v] = s; g.pinned.add(v)
            n['_track_km'] = d
        # stations
        names = {}
        st_added = st_merged = 0
        # Which stations become nodes: freight stations (a UN/LOCODE location with the rail function within
        # LOCODE_SNAP_KM) are put on the track, splitting it; any other named station only names a track
        # junction or end within JUNCTION_NAME_KM. Splitting the track at every halt would multiply the links on
        # a route (and the work of criticality and reliability per route) without adding a routing choice.
        code_grid = Grid(0.1)
        for lc in locodes:
            if lc[4] == cc:
                code_grid.add(lc[2], (lc[0], lc[1]))
        ends_grid = Grid(0.05)
        for v in sorted(g.adj()):
            ends_grid.add(v, g.pos[v])
        for lon, lat, name, alt, oid, sc in stations:
            if sc != cc:
                continue
            freight = any(gc_km((lon, lat), q) <= LOCODE_SNAP_KM for _, q in code_grid.near((lon, lat), 1))
            jn = min(((gc_km((lon, lat), q), k) for k, q in ends_grid.near((lon, lat), 1)), default=(1e9, None))
            if jn[0] <= JUNCTION_NAME_KM and jn[1] not in vid_of:
                v, d = jn[1], jn[0]
            elif freight:
                v, d = g.put_on_track((lon, lat), STATION_SNAP_KM[kind])
            else:
                continue
            if v is None:
                continue
            if v in vid_of:
                continue
            latin = clean_name(name if is_latin(name) else translit(name))
            if not is_latin(latin) and alt and is_latin(translit(alt)):
                latin = clean_name(translit(alt))
            if not is_latin(latin) or not latin:
                continue   # no Latin spelling: users could not type it
            if curated_name_near(cur_all, (lon, lat), [latin, name, alt, translit(alt) if alt else '']):
                continue   # the curated node of that name stands for it (one place, one name)
            sid = f'st_{cc.lower()}_{oid}'
            vid_of[v] = sid; g.pinned.add(v)
            alts = [x for x in (name, alt, translit(alt) if alt else '') if x and x != latin]
            names[sid] = dict(id=sid, name=latin, alt_names=';'.join(dict.fromkeys(alts)), country=cc,
                              kind='rail_station', lon=g.pos[v][0], lat=g.pos[v][1], odbl=True,
                              source=f'OpenStreetMap railway station node {oid} (c) OpenStreetMap contributors, ODbL 1.0'
                                     + ('' if kind == 'osm' else '; placed on the nearest Natural Earth track vertex'),
                              confidence='published' if kind == 'osm' else 'estimated',
                              note=f'station {d:.1f} km from its OSM position' if d > 0.3 else '')
            st_added += 1
        g.merge_chains()
        # every remaining node: junction (or track end) unless named
        adj = g.adj()
        for v in sorted(adj):
            if v in vid_of:
                continue
            p = g.pos[v]
            nearest = min(((gc_km(p, (x['lon'], x['lat'])), x['name'], x['kind'] == 'rail_station' and x['id'] in names)
                           for x in list(names.values()) + [nodes[s] for s in vid_of.values() if s in nodes]
                           if x['kind'] != 'junction'),
                          default=(None, '', False))
            jid = f'rj_{cc.lower()}_{round(p[0] * 1000)}_{round(p[1] * 1000)}'
            while jid in names or jid in taken_ids:
                jid += 'x'
            vid_of[v] = jid
            what = 'rail junction' if len(adj[v]) >= 3 or any(v == x[1] for x in spur_at) else 'end of track'
            label = f'{what} near {nearest[1]} ({nearest[0]:.0f} km)' if nearest[0] is not None and nearest[0] < 60 else \
                f'{what} {p[1]:.2f}N {p[0]:.2f}E'
            names[jid] = dict(id=jid, name=label[0].upper() + label[1:], alt_names='', country=cc, kind='junction',
                              lon=p[0], lat=p[1], odbl=(kind == 'osm' or (nearest[0] is not None and nearest[0] < 60 and nearest[2])),
                              source=(OSM_SRC.format('asia' if cc != 'UZ' else 'uzbekistan') if kind == 'osm' else NE_SRC)
                              + ' (track vertex)' + ('; named after the nearest OpenStreetMap station (c) OpenStreetMap '
                                                     'contributors, ODbL 1.0' if kind == 'ne' and nearest[2] and nearest[0] < 60 else ''),
                              confidence='estimated', note='')
        for sid, n in names.items():
            n['lon'], n['lat'] = round(n['lon'], 4), round(n['lat'], 4)
        def nid(v):
            s = vid_of[v]
            return nodes[s]['id'] if s in nodes else s
        # links with km measured along the full geometry
        links = {}
        for lid in sorted(g.links):
            l = g.links[lid]
            pts = l['pts']
            a, b = vid_of[l['a']], vid_of[l['b']]
            pa = (nodes[a]['lon'], nodes[a]['lat']) if a in nodes else None
            pb = (nodes[b]['lon'], nodes[b]['lat']) if b in nodes else None
            km = line_km(pts)
            gauge, gwhy = gauge_for(cc, pts)
            links[lid] = dict(a=l['a'], b=l['b'], km=km, pts=pts, gauge=gauge, gwhy=gwhy, src=sorted(l['sources']),
                              access=(pa, pb))
        # absorb curated corridor links of this country
        for sa, sb, L in curated_rail:
            if nodes[sa]['country'] != cc or nodes[sb]['country'] != cc:
                continue
            va = next((v for v, s in vid_of.items() if s == sa), None)
            vb = next((v for v, s in vid_of.items() if s == sb), None)
            if va is None or vb is None:
                chains_kept.append((sa, sb, L, 'an end is not on the track')); continue
            d, path = dijkstra_links(links, va, vb, [k for k in links if not links[k].get('claimed_by')] or links)
            if d is None:
                d, path = dijkstra_links(links, va, vb, list(links))
            ref = float(L['km'])
            if d is None:
                chains_kept.append((sa, sb, L, 'ends on disconnected track')); continue
            if not (RATIO_MIN <= d / ref <= RATIO_MAX):
                chains_kept.append((sa, sb, L, f'track path {d:.0f} km vs {ref:.0f} km curated')); continue
            absorbed[L['id']] = (len(path), d)
            scale = ref / d if L['confidence'] == 'published' else 1.0
            fresh = [lid for lid in path if not links[lid].get('claimed_by')]
            if L['confidence'] == 'published' and len(fresh) == len(path):
                # rounded to 0.1 km per link, the remainder on the longest link: the corridor sums exactly
                r = {lid: round(links[lid]['km'] * scale, 1) for lid in path}
                top = max(path, key=lambda k: (links[k]['km'], k))
                r[top] = round(r[top] + ref - sum(r.values()), 1)
                for lid in path:
                    links[lid]['km_round'] = r[lid]
            for lid in path:
                x = links[lid]
                if x.get('claimed_by'):
                    continue
                x['claimed_by'] = L['id']
                x['name'] = L['name']; x['status'] = L['status']; x['gauge'] = L['gauge']; x['gwhy'] = ''
                if L['confidence'] == 'published':
                    x['km_pub'] = x['km'] * scale
                    x['pubnote'] = (f'length scaled by {scale:.3f} so that the corridor totals the published '
                                    f'{ref:g} km ({L["source"]})')
                x['corridor_src'] = L['source']
                x['corridor_note'] = L['note']
        # emit
        for lid in sorted(links):
            x = links[lid]
            geom = simplify_max(x['pts'], MAX_VERTICES, 0.002)
            a, b = nid(x['a']), nid(x['b'])
            if vid_of[x['a']] in nodes:
                geom = [(nodes[vid_of[x['a']]]['lon'], nodes[vid_of[x['a']]]['lat'])] + geom
            if vid_of[x['b']] in nodes:
                geom = geom + [(nodes[vid_of[x['b']]]['lon'], nodes[vid_of[x['b']]]['lat'])]
            # access legs from curated node positions to the track are part of the length
            acc = 0.0
            for s, q in ((vid_of[x['a']], x['pts'][0]), (vid_of[x['b']], x['pts'][-1])):
                if s in nodes:
                    acc += gc_km((nodes[s]['lon'], nodes[s]['lat']), q)
            geom = simplify_max(geom, MAX_VERTICES, 0.002)
            src_txt = (OSM_SRC.format('uzbekistan' if cc == 'UZ' else 'asia') if kind == 'osm' else NE_SRC)
            km = x.get('km_round', x.get('km_pub', x['km'] + acc))
            note = f'measured along {"OSM" if kind == "osm" else "NE"} track geometry'
            if acc > 0.05:
                note += f' + {acc:.1f} km from the node position(s) to the track'
            conf = 'estimated'
            if 'pubnote' in x:
                note = x['pubnote']; conf = 'published'
            if x['gwhy']:
                note += '; gauge: ' + x['gwhy']
            elif 'claimed_by' not in x:
                note += f'; gauge {x["gauge"]} by country rule'
            if x.get('corridor_note'):
                note = x['corridor_note'] + '; ' + note
            src = src_txt
            if x.get('corridor_src') and x['corridor_src'] != src_txt and 'Natural Earth' not in x['corridor_src']:
                src = src_txt + '; corridor: ' + x['corridor_src']
            if a == b:
                continue
            out_links.append(dict(name=x.get('name', ''), mode='rail', gauge=x['gauge'], status=x.get('status', 'operational'),
                                  km=fmt(km, 1), geometry=wkt(geom), source=src, confidence=conf, note=note[:300],
                                  odbl=(kind == 'osm'), **{'from': a, 'to': b}))
        for s_, v, d in spur_at:
            # rail access link from the node to the track vertex: great circle x 1.2 (rail circuity rule)
            n_ = nodes[s_]
            gauge = next((x['gauge'] for x in links.values() if v in (x['a'], x['b'])), GAUGE_BY_COUNTRY.get(cc, ''))
            km = max(0.5, d * 1.2)
            out_links.append(dict(name=f'rail access {n_["name"]}', mode='rail', gauge=gauge, status='operational',
                                  km=fmt(km, 1), geometry=wkt([(n_['lon'], n_['lat']), tuple(g.pos[v])]),
                                  source=('Caravan rail access rule (data-build/rail_pins.csv): ' + spurs[s_])[:300],
                                  confidence='estimated',
                                  note=f'rail access leg: great circle {d:.1f} km from the node to the nearest '
                                       f'{"OSM" if kind == "osm" else "NE"} track vertex x 1.2 (rail circuity)',
                                  odbl=(kind == 'osm'), **{'from': n_['id'], 'to': nid(v)}))
            rep.append(f'    rail access leg: {s_} -> {nid(v)} {km:.1f} km')
        out_nodes.extend(names.values())
        comps = g.components()
        rep.append(f'  {cc} ({kind}): {len(lines)} pieces {km_in:.0f} km in; topology {len(t.nodes)} nodes '
                   f'{len(t.links)} links, {len(t.dropped)} degenerate pieces dropped; cleaned: {joins} dead ends joined to a line, {dropped_spurs} '
                   f'sidings/spurs dropped, {con} short links contracted, {par} loops/parallel tracks merged; out: '
                   f'{len(links)} links {sum(x["km"] for x in links.values()):.0f} km, {len(comps)} components '
                   f'(largest {len(comps[0]) if comps else 0} nodes), stations added {st_added}')
        if attach:
            rep.append(f'    curated nodes not put on the track: ' + ', '.join(attach))
    byid = {n['id']: n for n in nodes.values()}
    byid.update({n['id']: n for n in out_nodes})
    # UN/LOCODE codes as alternative names / ids of the stations they denote
    taken = {n['id'] for n in nodes.values()} | {n['id'] for n in out_nodes}
    grid = Grid(0.1)
    for n in out_nodes:
        if n['kind'] == 'rail_station':
            grid.add(n['id'], (n['lon'], n['lat']))
    coded = 0
    cur_by_cc = defaultdict(list)
    for s_, n_ in nodes.items():
        cur_by_cc[n_['country']].append((s_, n_))
    for lon, lat, code, name, c, geoc in sorted(locodes, key=lambda r: r[2]):
        if code in taken:
            continue
        best = min(((gc_km((lon, lat), p), k) for k, p in grid.near((lon, lat), 1)), default=(1e9, None))
        if best[0] > LOCODE_SNAP_KM or best[1] is None:
            continue
        n = byid[best[1]]
        if n['country'] != c:
            continue
        if c in PIN_ALL_COUNTRIES:
            continue   # RU/TR/IN: the code stays with its UN/LOCODE place (places_ports: a city of that name takes it)
        al = [a for a in n['alt_names'].split(';') if a]
        if code in al:
            continue
        al.append(code)
        if slugify(name) and slugify(name) != slugify(n['name']) and name not in al:
            al.append(name)
        n['alt_names'] = ';'.join(al); coded += 1
    rep.append(f'  UN/LOCODE rail codes given to track stations within {LOCODE_SNAP_KM:.0f} km (as alternative names): {coded}')
    rep.append(f'  curated rail links absorbed into track links: {len(absorbed)}; kept as curated chains: {len(chains_kept)}')
    for sa, sb, L, why in chains_kept:
        rep.append(f'    chain kept: {sa} - {sb} ({L["status"]}): {why}')
    return out_nodes, out_links, set(absorbed), rep, chains_kept


def hook(nodes, links, shared, polys, fmt, wkt, link_id):
    """build_network.py hook: replaces absorbed curated rail links by track links; adds track nodes."""
    id2slug = {n['id']: s for s, n in nodes.items()}
    curated = [(id2slug[L['from']], id2slug[L['to']], L) for L in links if L['mode'] == 'rail']
    # the border posts of rail crossings go on the track even without a curated rail link of their own: a crossing
    # can then join two countries' track at the ends where it meets the border (data-build/crossings_extra.csv)
    pins = [id2slug[L[e]] for L in links if L['mode'] == 'crossing' and 'rail' in L.get('carries', '')
            for e in ('from', 'to')]
    spurs = {}
    # and the nodes listed in rail_pins.csv (a rail terminal in a city that no curated rail link reaches)
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'rail_pins.csv'), newline='', encoding='utf-8') as f:
        for r in csv.DictReader(x for x in f if not x.startswith('#')):
            s = id2slug.get(r['id'], r['id'] if r['id'] in nodes else None)
            if s is None:
                raise SystemExit(f'rail_pins.csv: unknown node {r["id"]}')
            spurs[s] = r['source']
            n = nodes[s]
            n['note'] = (n['note'] + '; ' if n.get('note') else '') + 'rail access: ' + r['note']
    new_nodes, new_links, absorbed, rep, chains = build(shared, nodes, curated, polys, fmt, wkt, pins, spurs)
    links = [L for L in links if L['id'] not in absorbed]
    for n in new_nodes:
        nodes[n['id']] = n
    used = {L['id'] for L in links}
    odbl_nodes = {n['id'] for n in new_nodes if n['odbl']}
    for L in new_links:
        L['id'] = link_id('rail', L['from'], L['to'], used)
        # a link ending at an OSM station or OSM track node is split by OSM data: it goes to the ODbL file too
        L['odbl'] = L['odbl'] or L['from'] in odbl_nodes or L['to'] in odbl_nodes
    links = links + new_links
    rep.append(break_of_gauge(nodes, links))
    print('\n' + '\n'.join(rep))
    return links


def split_odbl(rows):
    """(rows not derived from OSM, rows derived from OSM) - the latter go to the ODbL files."""
    return [r for r in rows if not r.get('odbl')], [r for r in rows if r.get('odbl')]


def break_of_gauge(nodes, links):
    """Flags nodes where rail links of two gauges meet (gauge_change, transship); returns a report line."""
    by_node = defaultdict(set)
    for l in links:
        if l['mode'] == 'rail':
            by_node[l['from']].add(l['gauge']); by_node[l['to']].add(l['gauge'])
    byid = {n['id']: n for n in nodes.values()}
    new, old = [], []
    for nid_, gs in sorted(by_node.items()):
        if len(gs) < 2:
            continue
        n = byid[nid_]
        if n.get('gauge_change') == 'true':
            old.append(f'{nid_} ({"/".join(sorted(gs))})'); continue
        n['gauge_change'] = 'true'; n['transship'] = 'true'
        n['note'] = (n['note'] + '; ' if n.get('note') else '') + \
            'break of gauge ' + '/'.join(sorted(gs)) + ' (rail links of two gauges meet here; rail_osm.py)'
        new.append(f'{nid_} ({"/".join(sorted(gs))})')
    flagged = sorted(n['id'] for n in nodes.values() if n.get('gauge_change') == 'true')
    return ('  break-of-gauge stations where rail links of two gauges meet: already flagged (node_flags.csv) '
            + (', '.join(old) or 'none') + '; newly flagged ' + (', '.join(new) or 'none')
            + f'\n  all gauge_change nodes ({len(flagged)}): ' + ', '.join(flagged))
