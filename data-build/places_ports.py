"""Places, ports and sea legs for Caravan's embedded network (issue 14, sections 3 and 4).

Called from build_network.py through three marked hook lines (`# --- places hook ---`):
  add_nodes(nodes, shared)          after the curated nodes: World Port Index ports (ports.csv), sea waypoints
                                    (sea_waypoints.csv), container-train cities east of the data box (places_east.csv)
  sea_path_safe(g, a, b)            the MARNET measurement used for every sea link: the two ends join the lane graph
                                    only by straight connectors that do not cross land (NE polygons)
  add_links(nodes, links, shared)   after every other link: sea legs (ports.csv hubs, sea_legs.csv), the eastern
                                    China rail chain, then the places and their access legs (must run last, so
                                    that places attach to the final network)

Places (docs/DATA.md "Places and access legs"):
  * every Natural Earth 10m populated place of the 16 region countries with pop_max >= 100,000 (box lon 25..90,
    lat 0..60), and every UN/LOCODE location there with a port (1), rail (2), road terminal (3) or border (B)
    function whose coordinates lie in or within 0.3 deg of its country;
  * a place already on the network (same name, or a UN/LOCODE row within MERGE_KM of a node of the same name) only
    adds its code as an alternative name of that node; UN/LOCODE rows of the same name as a Natural Earth city
    within MERGE_KM become one place;
  * every other place is a dead-end node with exactly one access link to the nearest network node of its country
    that has links of the access mode (road; rail for rail-only UN/LOCODE rows). A dead end can carry no through
    traffic, so it never shortens a route between other places; the access link is named "access road/rail ..."
    and its length follows the circuity rule: great circle x 1.2 (plains) or x 1.35 (AF, KG, TJ: mountains),
    rail x 1.2; confidence estimated.
Python 3 stdlib only; deterministic.
"""
import csv, io, json, math, os, re, unicodedata
from collections import defaultdict

from geo import Graph, gc_km, dijkstra, simplify_max, poly_contains, poly_dist_deg

HERE = os.path.dirname(os.path.abspath(__file__))
REGION = ('KZ', 'UZ', 'TM', 'KG', 'TJ', 'AF', 'PK', 'IR', 'RU', 'CN', 'AZ', 'GE', 'TR', 'IN', 'OM', 'AE')
MOUNTAIN = {'AF', 'KG', 'TJ'}
CIRC_ROAD, CIRC_MOUNTAIN, CIRC_RAIL = 1.2, 1.35, 1.2
MIN_POP = 100_000
COUNTRY_TOL_DEG = 0.04     # inside the Java loader's 0.05 deg country check
RAIL_ACCESS_MIN_KM = 150.0  # a road access leg longer than this (great circle) may go by rail to a nearer rail node
MERGE_KM = 30.0          # same-name UN/LOCODE row and NE city / network node closer than this are one place
ALIAS_KM = 3.0           # an unnamed-match UN/LOCODE row this close to a network node is that node (code alias)
LOCODE_MAX_OUT_DEG = 0.3 # UN/LOCODE rows farther than this outside their country are dropped (bad geocode)
PORT_WAIT_H = 42         # half of the 84 h mean wait for a weekly service (same rule as links_curated.csv)
SEA_KN = 16
VOLGA_DON_CIRCUITY = 1.3   # river sections (lower Volga, Don): Caravan estimate, not calibrated
VOLGA_DON_KN = 7
MAX_VERTICES = 50
KN = 1.852
STATS = {}


def _read(path):
    with open(path, newline='', encoding='utf-8') as f:
        return list(csv.DictReader(io.StringIO(''.join(ln for ln in f if not ln.startswith('#')))))


def fmt(x, nd):
    s = f'{x:.{nd}f}'
    return s.rstrip('0').rstrip('.') if '.' in s else s


def norm(s):
    """Same folding as org.caravan.place.PlaceIndex.normalize."""
    t = unicodedata.normalize('NFD', s or '')
    t = ''.join(ch for ch in t if not unicodedata.category(ch).startswith('M'))
    t = t.lower().replace('ı', 'i')
    return re.sub(r'[^\w]+|_', ' ', t).strip()


# ---------------------------------------------------------------- land test (sea connectors)
_LAND = []   # (bbox, geometry)


def _land(shared):
    if _LAND:
        return _LAND
    have = set()
    for path in ('data/natural-earth/ne_50m_admin_0_countries_bbox25-0-90-60.geojson',
                 'data/natural-earth/ne_110m_admin_0_countries.json'):
        for f in json.load(open(os.path.join(shared, path)))['features']:
            a3 = f['properties'].get('ADM0_A3')
            if path.endswith('.json') and a3 in have:
                continue   # 50m outline where the box file has the country; 110m (coarse) only elsewhere
            have.add(a3)
            g = f['geometry']
            polys = g['coordinates'] if g['type'] == 'MultiPolygon' else [g['coordinates']]
            for poly in polys:
                xs = [p[0] for p in poly[0]]; ys = [p[1] for p in poly[0]]
                _LAND.append(((min(xs), min(ys), max(xs), max(ys)), {'type': 'Polygon', 'coordinates': poly}))
    return _LAND


def on_land(p):
    for (x0, y0, x1, y1), g in _LAND:
        if x0 <= p[0] <= x1 and y0 <= p[1] <= y1 and poly_contains(g, p[0], p[1]):
            return True
    return False


def crosses_land(a, b, skip_a_km=25.0, skip_b_km=0.0, step_km=4.0):
    """Whether the straight line a-b crosses land once it has reached the sea: the port's own shore (land samples
    within skip_a_km of a, before the first sea sample) is allowed, any later land is not."""
    L = gc_km(a, b)
    n = max(1, int(L / step_km))
    at_sea = False
    for i in range(1, n):
        t = i / n
        if (1 - t) * L < skip_b_km:
            continue
        land = on_land((a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t))
        if not land:
            at_sea = True
        elif at_sea or t * L > skip_a_km:
            return True
    return False


_VERTS = {}
RIVER_PORTS = []
# Ports whose nearest MARNET lanes lie beyond a headland: the connector runs through this approach point (chosen
# at sea on the NE 50m coastline; estimated). Keyed by the port position rounded to 0.01 deg.
APPROACH = {
    (69.72, 22.84): (69.0, 22.62),   # Mundra: out of the Gulf of Kutch past Okha
    (70.22, 23.03): (69.0, 22.62),   # Kandla (Deendayal), Gulf of Kutch
}


def sea_path_safe(g, a, b, k=3):
    """Shortest lane path between a and b; each end joins up to k of its 12 nearest lane vertices whose straight
    connector stays at sea (the port's own shore, up to 25 km, may be crossed)."""
    if not _LAND:
        _land(SHARED[0])
    verts = _VERTS.get(id(g))
    if verts is None:
        verts = _VERTS[id(g)] = sorted(v for v in g.adj if len(g.adj[v]) >= 1)
    ka, kb = ('__A__',), ('__B__',)
    for key, p in ((ka, a), (kb, b)):
        via = APPROACH.get((round(p[0], 2), round(p[1], 2)))
        q = via or p
        near = sorted((gc_km(q, g.coords[v]), v) for v in verts)[:12]
        ok = [(dd, v) for dd, v in near if not crosses_land(q, g.coords[v], 0.0 if via else 25.0)][:k]
        if not ok:   # a river port (Astrakhan, Olya on the Volga): the connector follows the river, kept straight
            if p not in RIVER_PORTS:
                RIVER_PORTS.append(p)
                print(f'  sea connector from {p} crosses land to every lane vertex (river port): nearest used')
            ok = near[:1]
        g.coords[key] = p
        g.adj[key] = []
        for dd, v in ok:
            idx = len(g.edges)
            if via:
                dd += gc_km(p, via)
            g.edges.append([p] + ([via] if via else []) + [g.coords[v]])
            g.adj[key].append((v, dd, idx))
            g.adj[v].append((key, dd, idx))
    d, pts = dijkstra(g, ka, kb)
    for key in (ka, kb):
        for v, w, idx in g.adj.pop(key):
            g.adj[v] = [e for e in g.adj[v] if e[0] != key]
        g.coords.pop(key)
    return d, pts


SHARED = ['/work/shared']
_WORLD = []


def world_sea(shared):
    """Eurostat MARNET 20 km, lon -30..135, lat -45..62 (the legs to Gibraltar, Malacca, China and round the Cape of
    Good Hope leave the data box)."""
    if not _WORLD:
        eu = json.load(open(os.path.join(shared, 'data/eurostat-searoute-marnet/marnet_plus_20km.geojson')))
        g = Graph(prec=6)
        for f in eu['features']:
            c = [tuple(p) for p in f['geometry']['coordinates']]
            if all(-30 < p[0] < 135 and -45 < p[1] < 62 for p in c):   # to 45 S: the Cape of Good Hope route
                g.add_line_split(c)
        _WORLD.append(g)
    return _WORLD[0]


# ---------------------------------------------------------------- nodes
def add_nodes(nodes, shared):
    SHARED[0] = shared
    _land(shared)
    wpi = {r['index_number']: r for r in csv.DictReader(open(os.path.join(shared, 'data/world-port-index/world_port_index.csv'),
                                                               newline='', encoding='utf-8'))}
    ids = {n['id'] for n in nodes.values()}
    g = world_sea(shared)
    lane = sorted(v for v in g.adj if len(g.adj[v]) >= 2)
    for r in _read(os.path.join(HERE, 'sea_waypoints.csv')):
        p = (float(r['lon']), float(r['lat']))
        dd, v = min((gc_km(p, g.coords[v]), v) for v in lane)
        nodes[r['id']] = dict(id=r['id'], name=r['name'], alt_names=r['alt_names'], country='XX', kind='sea_waypoint',
                              lon=round(g.coords[v][0], 4), lat=round(g.coords[v][1], 4),
                              source='sea waypoint chosen on the MARNET lanes (data-build/sea_waypoints.csv)',
                              confidence='estimated', note=(r['note'] + '; ' if r['note'] else '')
                              + f'snapped to a MARNET lane vertex ({dd:.0f} km)')
    for r in _read(os.path.join(HERE, 'ports.csv')):
        w = wpi.get(r['wpi_index'])
        if w is None or w['country'] != r['country']:
            raise SystemExit(f'ports.csv: {r["id"]}: WPI row {r["wpi_index"]} missing or in another country')
        if r['id'] in ids:
            raise SystemExit(f'ports.csv: {r["id"]} is already a network node')
        nodes[r['id']] = dict(id=r['id'], name=r['name'], alt_names=r['alt_names'], country=r['country'], kind='seaport',
                              lon=round(float(w['port_longitude']), 4), lat=round(float(w['port_latitude']), 4),
                              handles='container;bulk', transship='true',
                              source=f'NGA World Port Index (Pub. 150) no. {r["wpi_index"]} "{w["port_name"]}" '
                                     f'(harbour size {w["harbor_size"] or "?"})',
                              confidence='published', note=r['note'])
        ids.add(r['id'])
    locodes = {r['country'] + r['location']: r for r in csv.DictReader(open(os.path.join(
        shared, 'data/un-locode-geoapify/unlocode_16countries.csv'), newline='', encoding='utf-8'))}
    ne_places = {}
    for f in json.load(open(os.path.join(shared, 'data/natural-earth/ne_10m_populated_places_simple_bbox25-0-90-60.geojson')))['features']:
        ne_places.setdefault((f['properties']['iso_a2'], f['properties']['name']), f['geometry']['coordinates'])
    for r in _read(os.path.join(HERE, 'places_east.csv')):
        nodes[r['id']] = dict(id=r['id'], name=r['name'], alt_names=r['alt_names'], country=r['country'], kind=r['kind'],
                              lon=float(r['lon']), lat=float(r['lat']),
                              transship='' if r['kind'] == 'border_post' else 'true',
                              source=f'city centre per en.wikipedia.org/wiki/{r["name"].replace(" ", "_")} '
                                     '(data-build/places_east.csv, not re-checked)',
                              confidence='estimated', note=r['note'])
        if (r.get('gauge_change') or '') == 'true':
            nodes[r['id']].update(gauge_change='true', transship='true')
        cs = r.get('coord_source') or ''
        kind, _, ref = cs.partition(':')
        if kind in ('unlocode', 'unlocode_geocoded'):
            u = locodes.get(ref)
            if u is None or not u['lat']:
                raise SystemExit(f'places_east.csv: {r["id"]}: UN/LOCODE {ref} missing or without coordinates')
            lon, lat = round(float(u['lon']), 4), round(float(u['lat']), 4)
            if abs(lon - float(r['lon'])) > 0.01 or abs(lat - float(r['lat'])) > 0.01:
                raise SystemExit(f'places_east.csv: {r["id"]}: lon/lat differ from UN/LOCODE {ref} ({lon} {lat})')
            geoc = u['geocoded'] == 'true'
            nodes[r['id']].update(lon=lon, lat=lat, source=f'UN/LOCODE {ref} "{u["name"]}" '
                                  + ('coordinates geocoded by Geoapify' if geoc else 'official coordinates')
                                  + ' (geoapify/un-locode)', confidence='estimated' if geoc else 'published')
        elif kind == 'ne_place':
            c = ne_places.get((r['country'], ref))
            if c is None:
                raise SystemExit(f'places_east.csv: {r["id"]}: NE place {ref} not found')
            nodes[r['id']].update(lon=round(c[0], 4), lat=round(c[1], 4), confidence='published',
                                  source=f'Natural Earth 10m populated place "{ref}"')
        elif kind == 'wiki':
            nodes[r['id']].update(source=f'coordinates of the article {ref} (data-build/places_east.csv, not re-checked)')
        elif kind == 'estimate':
            nodes[r['id']].update(source='estimate (data-build/places_east.csv; the note says how)')


# ---------------------------------------------------------------- links
def _link(links, used, **kw):
    base = f'{kw["mode"]}_{kw["from"]}_{kw["to"]}'.lower()
    lid, i = base, 2
    while lid in used:
        lid = f'{base}_{i}'; i += 1
    used.add(lid)
    kw['id'] = lid
    kw.setdefault('gauge', '')
    links.append(kw)
    return kw


def _wkt(pts):
    return 'LINESTRING(' + ', '.join(f'{fmt(x, 4)} {fmt(y, 4)}' for x, y in pts) + ')'


def _node(nodes, key):
    """A node by build slug or by id."""
    if key in nodes:
        return nodes[key]
    for n in nodes.values():
        if n['id'] == key:
            return n
    raise SystemExit(f'data-build/places_ports.py: unknown node {key}')


def _sea(links, used, nodes, a, b, speed, wait, note):
    g = world_sea(SHARED[0])
    na, nb = _node(nodes, a), _node(nodes, b)
    pa, pb = (na['lon'], na['lat']), (nb['lon'], nb['lat'])
    d, pts = sea_path_safe(g, pa, pb, 3)
    gck = gc_km(pa, pb)
    if d is None or d > 2.5 * gck + 50:
        raise SystemExit(f'sea leg {a}-{b}: no usable MARNET path ({d} km vs great circle {gck:.0f})')
    hours = d / (speed * KN)
    what = ('port access leg: wait = half of the 84 h mean wait for a weekly service' if wait else 'open-sea leg')
    return _link(links, used, name=f'{na["name"]} - {nb["name"]}', mode='sea', status='operational',
                 **{'from': na['id'], 'to': nb['id']}, km=fmt(d, 1), hours=fmt(hours, 1), wait_hours=fmt(wait, 1),
                 geometry=_wkt(simplify_max(pts, MAX_VERTICES, 0.02)),
                 source='Eurostat SeaRoute MARNET 20 km (EUPL-1.2), shortest lane path (data-build/places_ports.py)',
                 confidence='estimated',
                 note=(note + '; ' if note else '') + f'measured along MARNET lanes; hours at {speed} kn; {what}')


def add_links(nodes, links, shared):
    SHARED[0] = shared
    used = {l['id'] for l in links}
    byid = {n['id']: n for n in nodes.values()}
    for r in _read(os.path.join(HERE, 'ports.csv')):
        _sea(links, used, nodes, r['id'], r['hub'], SEA_KN, PORT_WAIT_H, '')
    for r in _read(os.path.join(HERE, 'sea_legs.csv')):
        _sea(links, used, nodes, r['from'], r['to'], float(r['speed_kn']), float(r['wait_h']), r['note'])
    for r in _read(os.path.join(HERE, 'places_east.csv')):
        if not r['rail_to']:
            continue   # linked by roads_links.csv / crossings_extra.csv (trunk links with their own rules)
        a, b = _node(nodes, r['id']), _node(nodes, r['rail_to'])
        km = gc_km((a['lon'], a['lat']), (b['lon'], b['lat'])) * CIRC_RAIL
        _link(links, used, name=f'{a["name"]} - {b["name"]} rail', mode='rail', gauge='1435', status='operational',
              **{'from': a['id'], 'to': b['id']}, km=fmt(km, 1),
              source='great-circle estimate (data-build/places_east.csv)', confidence='estimated',
              note=f'{r["note"]}; great circle x {CIRC_RAIL} (rail circuity)')
    # Volga-Don waterway, Astrakhan - Volgograd (Volga) - Volga-Don Canal - Kalach (Don) - Rostov-on-Don: river-sea ships
    # between the Caspian and the Sea of Azov. Length: great circle Astrakhan - Volgograd - Rostov x 1.3 (river
    # circuity, Caravan estimate); the canal itself is 101 km (published). Seasonal: navigation April to November.
    a, v, b = _node(nodes, 'ru_astrakhan'), _node(nodes, 'ru_volgograd'), _node(nodes, 'RURND')
    gcs = gc_km((a['lon'], a['lat']), (v['lon'], v['lat'])) + gc_km((v['lon'], v['lat']), (b['lon'], b['lat']))
    km = gcs * VOLGA_DON_CIRCUITY
    _link(links, used, name='Volga-Don waterway (Astrakhan - Volgograd - Volga-Don Canal - Rostov-on-Don)', mode='sea',
          status='operational', **{'from': a['id'], 'to': b['id']}, km=fmt(km, 1), hours=fmt(km / (VOLGA_DON_KN * KN), 1),
          wait_hours=fmt(72, 1),
          source='Volga-Don Canal 101 km, 13 locks, opened 1952 (cruisebyriver.com, "Volga-Don Canal"); navigation on the '
                 'lower Volga opens 1 April (PortNews, Astrakhan and Volgograd shipping districts); length estimated '
                 '(data-build/places_ports.py)',
          confidence='estimated',
          note=f'great circle via Volgograd {gcs:.0f} km x {VOLGA_DON_CIRCUITY} (river circuity estimate); '
               f'{VOLGA_DON_KN} kn incl. locks; SEASONAL: navigation about April-November, not modelled as a closure')
    a, b = nodes['CNLYG_CITY'], nodes['CNLYG']
    _link(links, used, name='Lianyungang - Lianyungang port rail', mode='rail', gauge='1435', status='operational',
          **{'from': a['id'], 'to': b['id']}, km=fmt(max(1.0, gc_km((a['lon'], a['lat']), (b['lon'], b['lat'])) * CIRC_RAIL), 1),
          source='great-circle estimate (data-build/places_ports.py)', confidence='estimated',
          note='port rail spur; great circle x 1.2 (rail circuity)')
    add_places(nodes, links, used, shared)


# ---------------------------------------------------------------- places
def loose_keys(name):
    """Every key org.caravan.place.PlaceIndex finds a node by: the name, the name without its parenthetical remark,
    the remark itself, and the bare name without a trailing "port" or a leading "Bandar"/"Port" ("Aktau" for
    "Aktau port"). A new place never takes one of these from an existing node."""
    out = [norm(name)]
    out += [norm(m) for m in re.findall(r'\(([^)]*)\)', name)]
    bare = norm(re.sub(r'\([^)]*\)', ' ', name))
    out += [bare, re.sub(r'\s+(sea)?port$', '', bare), re.sub(r'^(bandar e|bandar|port)\s+', '', bare)]
    return [k for k in dict.fromkeys(out) if k]


def _locode_kind(fn):
    if fn[0] == '1':
        return 'terminal', 'port'
    if fn[1] == '2' and fn[2] != '3':
        return 'rail_station', 'rail station'
    if fn[2] == '3':
        return 'terminal', 'road terminal'
    if fn[1] == '2':
        return 'rail_station', 'rail station'
    return 'border_post', 'border crossing point'


def _functions(fn):
    out = []
    for i, w in ((0, 'port'), (1, 'rail'), (2, 'road'), (7, 'border')):
        if fn[i] not in '-':
            out.append(w)
    return '/'.join(out)


def add_places(nodes, links, used, shared):
    byid = {n['id']: n for n in nodes.values()}
    net = [n for n in nodes.values() if n['kind'] != 'sea_waypoint']
    modes = defaultdict(set)     # node id -> {'road', 'rail:1520', ...}
    for l in links:
        tag = l['mode'] + (':' + l['gauge'] if l['mode'] == 'rail' else '')
        modes[l['from']].add(tag); modes[l['to']].add(tag)
    key2nodes = defaultdict(list)
    for n in net:
        for nm in [n['name']] + [a for a in n['alt_names'].split(';') if a.strip()]:
            for k in loose_keys(nm):
                if n not in key2nodes[k]:
                    key2nodes[k].append(n)
    taken = set(key2nodes)
    # --- candidates
    ne = json.load(open(os.path.join(shared, 'data/natural-earth/ne_10m_populated_places_simple_bbox25-0-90-60.geojson')))
    cands = []
    for f in ne['features']:
        p = f['properties']
        if p['iso_a2'] in REGION and (p['pop_max'] or 0) >= MIN_POP:
            lon, lat = f['geometry']['coordinates']
            cands.append(dict(src='ne', name=p['name'], alts=[p['nameascii']] if p['nameascii'] != p['name'] else [],
                              country=p['iso_a2'], lon=lon, lat=lat, pop=int(p['pop_max']), codes=[], kind='city',
                              what=f'city, population {int(p["pop_max"]):,} (NE pop_max)'))
    rows = list(csv.DictReader(open(os.path.join(shared, 'data/un-locode-geoapify/unlocode_16countries.csv'),
                                    newline='', encoding='utf-8')))
    dropped = 0
    loc = []
    for r in rows:
        fn = r['function']
        if not (fn[0] == '1' or fn[1] == '2' or fn[2] == '3' or fn[7] == 'B') or not r['lat']:
            continue
        lon, lat = float(r['lon']), float(r['lat'])
        if not (25 <= lon <= 90 and 0 <= lat <= 60) or r['country'] not in REGION:
            continue
        if float(r['ne_country_dist_deg'] or 0) > LOCODE_MAX_OUT_DEG:
            dropped += 1
            continue
        kind, what = _locode_kind(fn)
        loc.append(dict(src='locode', name=r['name'], alts=[r['nameWoDiacritics']] if r['nameWoDiacritics'] != r['name'] else [],
                        country=r['country'], lon=lon, lat=lat, codes=[r['country'] + r['location']], kind=kind,
                        fn=fn, geocoded=r['geocoded'] == 'true', what=f'UN/LOCODE {_functions(fn)} location'))
    # --- a UN/LOCODE row joins a NE city of the same name within MERGE_KM
    byname = defaultdict(list)
    for c in cands:
        for nm in [c['name']] + c['alts']:
            byname[(c['country'], norm(nm))].append(c)
    merged = 0
    for r in loc:
        hit = None
        for nm in [r['name']] + r['alts']:
            for c in byname.get((r['country'], norm(nm)), []):
                if gc_km((c['lon'], c['lat']), (r['lon'], r['lat'])) <= MERGE_KM:
                    hit = c; break
            if hit:
                break
        if hit:
            hit['codes'] += r['codes']; hit.setdefault('fns', []).append(r['fn']); merged += 1
        else:
            cands.append(r)
    # --- already on the network: add the code as an alternative name
    aliased, new = 0, []
    code_ids = {n['id'] for n in net}
    for c in cands:
        node = None
        # a UN/LOCODE row whose code is already a node's id is that node, however far its coordinates or
        # different its spelling ("Horgos" CNHRS and the node Khorgos (CN) = CNHRS; "Bishkek (ex Frunze)")
        for code in c['codes']:
            n = byid.get(code)
            if n is not None and n['country'] == c['country'] and n['kind'] != 'sea_waypoint':
                node = n; break
        if node is not None:
            alts = [a for a in node['alt_names'].split(';') if a]
            for nm in [c['name']] + c['alts']:
                if norm(nm) not in taken and nm not in alts:
                    alts.append(nm)
            for code in c['codes']:
                if code not in code_ids and code != node['id'] and code not in alts:
                    alts.append(code)
            node['alt_names'] = ';'.join(alts)
            aliased += 1
            STATS['merged_by_code'] = STATS.get('merged_by_code', 0) + 1
            continue
        for nm in [c['name']] + c['alts']:
            for n in key2nodes.get(norm(nm), []):
                if n['country'] == c['country'] and gc_km((n['lon'], n['lat']), (c['lon'], c['lat'])) <= MERGE_KM:
                    node = n; break
            if node:
                break
        if node is None and c['src'] == 'locode':
            near = [n for n in net if n['country'] == c['country']
                    and gc_km((n['lon'], n['lat']), (c['lon'], c['lat'])) <= ALIAS_KM]
            node = near[0] if len(near) == 1 else None
        if node is not None:
            alts = [a for a in node['alt_names'].split(';') if a]
            for code in c['codes']:
                if code not in code_ids and code != node['id'] and code not in alts:
                    alts.append(code)
            node['alt_names'] = ';'.join(alts)
            aliased += 1
            continue
        new.append(c)
    # --- new dead-end place nodes with one access link each
    attach = defaultdict(list)   # (country, mode) -> nodes
    for n in net:
        for m in modes.get(n['id'], ()):
            if m == 'road' or m.startswith('rail:'):
                attach[(n['country'], m.split(':')[0])].append(n)
        if n['kind'] == 'seaport' and n.get('transship') == 'true' and n['id'] in modes:
            attach[(n['country'], 'port')].append(n)   # road access to a port that transships (IN, OM, AE ...)
    new.sort(key=lambda c: (c['country'], norm(c['name']), c['codes'][:1], c['lon'], c['lat']))
    # the network loader checks each node against its country's outline (0.05 deg): islands, offshore terminals
    # and mis-geocoded rows outside it are left out (counted in the report)
    shapes = {f['properties']['ISO_A2']: f['geometry'] for f in json.load(open(os.path.join(
        shared, 'data/natural-earth/ne_50m_admin_0_countries_bbox25-0-90-60.geojson')))['features']}
    kept = []
    counts = defaultdict(int)
    for c in new:
        g = shapes.get(c['country'])
        if g is None or not (poly_contains(g, c['lon'], c['lat']) or poly_dist_deg(g, c['lon'], c['lat']) <= COUNTRY_TOL_DEG):
            counts['left out: outside its country outline'] += 1
            continue
        kept.append(c)
    new = kept
    seen_ids = set(byid)
    made = {}   # UN/LOCODE code -> place node made here (the UN/LOCODE file lists a few codes twice, e.g. INMRM)
    for c in new:
        if c['codes'] and c['codes'][0] in made:
            n = made[c['codes'][0]]
            alts = [a for a in n['alt_names'].split(';') if a]
            if c['name'] != n['name'] and c['name'] not in alts and norm(c['name']) not in taken:
                n['alt_names'] = ';'.join(alts + [c['name']])
            counts['same UN/LOCODE code listed twice: merged'] += 1
            continue
        nid = c['codes'][0] if c['codes'] else 'ne_' + c['country'].lower() + '_' + norm(c['name']).replace(' ', '_')
        base, i = nid, 2
        while nid in seen_ids:
            nid = f'{base}_{i}'; i += 1
        seen_ids.add(nid)
        name = c['name']
        holders = key2nodes.get(norm(name), [])
        if (c['src'] == 'ne' and holders and all(h['kind'] in ('rail_station', 'junction') and h['country'] != c['country']
                                                 and h['name'] == c['name'] for h in holders)):
            # a city of 100,000+ whose name only a station of another country holds ("Tomsk", an OSM station near
            # Baikonur): the city takes the name, the station is renamed "Name (CC)" (kept as before otherwise)
            for h in holders:
                h['name'] = f'{h["name"]} ({h["country"]})'
                STATS.setdefault('stations_renamed_for_a_city', []).append(f'{h["id"]} -> {h["name"]}')
            key2nodes[norm(name)] = []
        elif norm(name) in taken:   # a network node already answers to this name: keep that answer unchanged
            name = f'{name} ({c["country"]})'
        alts = [a for a in c['alts'] if norm(a) not in taken] + [x for x in c['codes'] if x != nid]
        rail_only = c['src'] == 'locode' and c['fn'][1] == '2' and c['fn'][2] != '3'
        mode = 'rail' if rail_only and attach.get((c['country'], 'rail')) else 'road'
        pool = attach.get((c['country'], mode)) or attach.get((c['country'], 'rail')) or attach.get((c['country'], 'port'))
        if not pool:
            counts['no network node in country ' + c['country']] += 1
            continue
        if mode == 'road' and pool is attach.get((c['country'], 'rail')) and not attach.get((c['country'], 'road')):
            mode = 'rail'
        if mode == 'rail' and pool is attach.get((c['country'], 'port')):
            mode = 'road'
        p = (c['lon'], c['lat'])
        dd, tgt = min((gc_km(p, (n['lon'], n['lat'])), n['id'], n) for n in pool)[::2]
        rail_pool = attach.get((c['country'], 'rail'))
        road_leg = None
        may_rail = c['src'] == 'ne' or c['fn'][1] == '2'   # a city, or a UN/LOCODE row with a rail function
        if mode == 'road' and may_rail and rail_pool and dd > RAIL_ACCESS_MIN_KM:
            # the nearest node with road links is far (thin road network, e.g. Siberia): a nearer node on the rail
            # network (a rail-only trunk node) takes the access leg by rail instead
            dr, rtgt = min(((gc_km(p, (n['lon'], n['lat'])), n['id'], n) for n in rail_pool
                            if n['kind'] != 'border_post'), default=(1e9, None, None))[::2]
            if dr < dd:
                counts['access by rail to a nearer rail node (road node farther)'] += 1
                if c['src'] == 'ne':
                    # a city keeps its road access leg too (to the farther road node), so that it can be routed to
                    # by road as well: the node joins no two networks (it is not a transshipment place, so no
                    # route changes mode there) and stays a dead end of each
                    road_leg = (dd, tgt)
                    counts['cities with a road access leg besides the nearer rail one'] += 1
                mode, dd, tgt = 'rail', dr, rtgt
        if mode == 'rail':
            f = CIRC_RAIL
            gauges = sorted(m.split(':')[1] for m in modes[tgt['id']] if m.startswith('rail:'))
            gauge = gauges[0]
        else:
            f = CIRC_MOUNTAIN if c['country'] in MOUNTAIN else CIRC_ROAD
            gauge = ''
        km = max(1.0, dd * f)
        conf = 'published'
        if c['src'] == 'ne':
            src = f'Natural Earth 10m populated place "{c["name"]}"'
            if c['codes']:
                src += ' (UN/LOCODE ' + ' '.join(c['codes']) + ')'
        else:
            src = f'UN/LOCODE {c["codes"][0]} ' + ('coordinates geocoded by Geoapify' if c['geocoded'] else 'official coordinates') \
                  + ' (geoapify/un-locode)'
            conf = 'estimated' if c['geocoded'] else 'published'
        if c['codes']:
            made[c['codes'][0]] = None   # filled just below
        nodes[nid] = dict(id=nid, name=name, alt_names=';'.join(dict.fromkeys(alts)), country=c['country'], kind=c['kind'],
                          lon=round(c['lon'], 4), lat=round(c['lat'], 4), source=src, confidence=conf,
                          note=f'{c["what"]}; reached by an access leg to {tgt["name"]} ({km:.0f} km)')
        if road_leg is not None:
            rf = CIRC_MOUNTAIN if c['country'] in MOUNTAIN else CIRC_ROAD
            rkm = max(1.0, road_leg[0] * rf)
            nodes[nid]['note'] += f' by rail, and by road to {road_leg[1]["name"]} ({rkm:.0f} km)'
            _link(links, used, name=f'access road {name} - {road_leg[1]["name"]}', mode='road', gauge='',
                  status='operational', **{'from': nid, 'to': road_leg[1]['id']}, km=fmt(rkm, 1),
                  source='Caravan access-leg rule (data-build/places_ports.py, docs/DATA.md)', confidence='estimated',
                  note=f'access leg: place not on a modelled corridor; great circle {road_leg[0]:.0f} km x {rf} '
                       f'({"mountain" if rf == CIRC_MOUNTAIN else "plains"} road circuity) to the nearest network node '
                       f'with road links (a nearer rail node takes the rail access leg)')
            if rkm > 300:
                counts['access legs > 300 km'] += 1
        if c['codes']:
            made[c['codes'][0]] = nodes[nid]
        _link(links, used, name=f'access {mode} {name} - {tgt["name"]}', mode=mode, gauge=gauge, status='operational',
              **{'from': nid, 'to': tgt['id']}, km=fmt(km, 1),
              source='Caravan access-leg rule (data-build/places_ports.py, docs/DATA.md)', confidence='estimated',
              note=f'access leg: place not on a modelled corridor; great circle {dd:.0f} km x {f} '
                   f'({"rail" if mode == "rail" else "mountain road" if f == CIRC_MOUNTAIN else "plains road"} circuity) '
                   f'to the nearest network node with {mode} links')
        counts[c['src']] += 1
        if km > 300:
            counts['access legs > 300 km'] += 1
    STATS.update(candidates=len(cands), locode_dropped_bad_coords=dropped, locode_merged_into_ne=merged,
                 already_on_network=aliased, **{f'new_{k}': v for k, v in counts.items()})
    print('\n== places (data-build/places_ports.py) ==')
    for k, v in STATS.items():
        print(f'  {k}: {v}')
