#!/usr/bin/env python3
"""Border crossings open to freight and the region's main roads (Asian Highway itineraries and national roads).

Hooked into build_network.py (lines marked `# --- crossroads hook ---`); curated rows live in this module's own
files, so the other network builders (rail, places) and this one merge without touching each other's rows:

  data-build/roads_places.csv     border posts and road towns this module needs (places_extra.csv columns)
  data-build/roads_links.csv      roads (links_curated.csv columns); a row whose from/to/mode equals a row of
                                  links_curated.csv replaces it (a published length instead of a circuity estimate)
  data-build/crossings_extra.csv  crossings not in crossings.csv (crossings.csv columns; basis OWN)
  data-build/crossing_figures.csv every crossing's own figures by crossing name: hours and fee per direction,
                                  source, url, date, confidence, weekly and seasonal closures. Read by
                                  build_network.py (link fields) and build_crossing_times.py (crossings.yaml).

Run alone (python3 data-build/roads_crossings.py [--shared PATH]) it prints the neighbouring country pairs of the
region with the crossings of each pair, as listed in docs/DATA.md ("Neighbouring countries and their crossings").
Python 3 stdlib only; deterministic.
"""
import csv
import io
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PLACES_FILE = 'roads_places.csv'
LINKS_FILE = 'roads_links.csv'
CROSSINGS_FILE = 'crossings_extra.csv'
FIGURES_FILE = 'crossing_figures.csv'

# The network's region: Central Asia, Afghanistan, Pakistan, Iran, the Caucasus, Turkey, western China, southern
# Russia, and India (its rail and roads reach Pakistan at Attari-Wagah). Armenia is a country of the region without
# network nodes yet (see docs/DATA.md).
REGION = ('AF', 'AM', 'AZ', 'CN', 'GE', 'IN', 'IR', 'KG', 'KZ', 'PK', 'RU', 'TJ', 'TM', 'TR', 'UZ')
MONTHS = ('jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec')
DAYS = ('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun')
CONFIDENCE = ('published', 'estimated')
P90_FACTOR = 1.8   # p90 = 1.8 x mean where only a mean is published (the network's rule, docs/DATA.md)


def read_csv(path):
    with open(path, newline='', encoding='utf-8') as f:
        lines = [ln for ln in f if not ln.startswith('#')]
    return list(csv.DictReader(io.StringIO(''.join(lines))))


def _path(name):
    return os.path.join(HERE, name)


# ---------------------------------------------------------------- neighbouring countries
def neighbour_pairs(shared):
    """Pairs (a, b), a < b, of region countries sharing a land border: world-countries `borders` (ISO 3166 alpha-3
    lists, ODbL), checked against the Natural Earth 10m land boundary lines (each pair must have a boundary line)."""
    wc = json.load(open(os.path.join(shared, 'data/world-countries/countries.json'), encoding='utf-8'))
    a2 = {c['cca3']: c['cca2'] for c in wc}
    pairs = set()
    for c in wc:
        if c['cca2'] in REGION:
            for b in c.get('borders', []):
                if a2.get(b) in REGION:
                    pairs.add(tuple(sorted((c['cca2'], a2[b]))))
    ne = json.load(open(os.path.join(shared, 'data/natural-earth/ne_10m_admin_0_boundary_lines_land_bbox25-0-90-60.geojson'),
                        encoding='utf-8'))
    ne_pairs = set()
    for f in ne['features']:
        p = f['properties']
        l, r = a2.get(p.get('adm0_a3_l')), a2.get(p.get('adm0_a3_r'))
        if l in REGION and r in REGION and l != r:
            ne_pairs.add(tuple(sorted((l, r))))
    return sorted(pairs), sorted(ne_pairs)


# ---------------------------------------------------------------- hooks for build_network.py
def place_files():
    """Extra places files read after places_extra.csv."""
    return [PLACES_FILE]


def link_rows(curated, gc, mine=None):
    """links_curated.csv rows with this module's roads merged in. A row of roads_links.csv with the same two ends
    and mode as a curated row replaces it in place (rule `drop` removes it); the others are appended. Rule
    `share:GROUP:KM` spreads a published total over the group's links by great-circle share (gc(a, b) in km) and
    becomes rule `derived` (explicit km, estimated) for build_network.py."""
    mine = read_csv(_path(LINKS_FILE)) if mine is None else [dict(r) for r in mine]
    key = lambda r: (frozenset((r['from'], r['to'])), r['mode'])
    by = {key(r): r for r in mine}
    if len(by) != len(mine):
        raise SystemExit(f'{LINKS_FILE}: a link is listed twice')
    groups = {}
    for r in mine:
        if r['rule'].startswith('share:'):
            _, g, total = r['rule'].split(':')
            groups.setdefault(g, [float(total), 0.0, 0])
            groups[g][1] += gc(r['from'], r['to'])
            groups[g][2] += 1
    for r in mine:
        if r['rule'].startswith('share:'):
            _, g, total = r['rule'].split(':')
            tot, gsum, n = groups[g]
            r['km'] = f'{tot * gc(r["from"], r["to"]) / gsum:.1f}'
            r['note'] = ((r['note'] + '; ') if r['note'] else '') + (
                f'derived: published {tot:.0f} km over {n} links split by great-circle share')
            r['rule'] = 'derived'
        elif r['rule'] == 'derived' and not r['km']:
            raise SystemExit(f'{LINKS_FILE}: derived link {r["from"]}-{r["to"]} without km')
    out, used = [], set()
    for r in curated:
        k = key(r)
        if k in by:
            used.add(k)
            if by[k]['rule'] != 'drop':
                out.append(by[k])
        else:
            out.append(r)
    missing = [r for r in mine if r['rule'] == 'drop' and key(r) not in used]
    if missing:
        raise SystemExit(f'{LINKS_FILE}: drop of a link that is not curated: {missing[0]["from"]}-{missing[0]["to"]}')
    out += [r for r in mine if key(r) not in used]
    return out


def crossing_rows(curated):
    """crossings.csv rows followed by crossings_extra.csv rows."""
    return curated + read_csv(_path(CROSSINGS_FILE))


def figures(rows=None):
    """Crossing name -> figure row (validated); an empty hours field leaves the figures to the rules (only the
    closures and the note of the row apply)."""
    rows = read_csv(_path(FIGURES_FILE)) if rows is None else rows
    out = {}
    for i, r in enumerate(rows, 2):
        where = f'{FIGURES_FILE} line {i} ({r.get("name")})'
        if r['name'] in out:
            raise SystemExit(f'{where}: crossing listed twice')
        if r['confidence'] not in CONFIDENCE:
            raise SystemExit(f'{where}: confidence must be published or estimated')
        if not r['source'].strip():
            raise SystemExit(f'{where}: empty source')
        for f in ('hours', 'fee_usd', 'hours_rev', 'fee_usd_rev'):
            if r[f] != '':
                try:
                    if float(r[f]) < 0:
                        raise ValueError
                except ValueError:
                    raise SystemExit(f'{where}: {f} is not a number >= 0')
        if (r['hours'] == '') != (r['fee_usd'] == ''):
            raise SystemExit(f'{where}: give both hours and fee_usd, or neither')
        for f, allowed in (('closed_months', MONTHS), ('closed_days', DAYS)):
            for v in filter(None, r[f].split(';')):
                if v not in allowed:
                    raise SystemExit(f'{where}: {f} value {v!r} (expected {", ".join(allowed)})')
        out[r['name']] = r
    return out


def apply_figures(link, figs, fmt):
    """Gives the crossing link its own figures from crossing_figures.csv (by name); returns False if it has none."""
    r = figs.get(link['name'])
    if r is None:
        return False
    if r['hours'] == '':
        return False
    h, fee = float(r['hours']), float(r['fee_usd'])
    link['hours_mean'], link['hours_p90'], link['fee_usd'] = fmt(h, 1), fmt(h * P90_FACTOR, 1), fmt(fee, 0)
    for f in ('hours_mean_rev', 'hours_p90_rev', 'fee_usd_rev'):
        link.pop(f, None)
    if r['hours_rev'] != '':
        h2 = float(r['hours_rev'])
        fee2 = float(r['fee_usd_rev'] or r['fee_usd'])
        link['hours_mean_rev'], link['hours_p90_rev'], link['fee_usd_rev'] = fmt(h2, 1), fmt(h2 * P90_FACTOR, 1), fmt(fee2, 0)
    src = r['source'] + (f' ({r["url"]})' if r['url'] else '') + (f', {r["date"]}' if r['date'] else '')
    link['source'] = src
    link['confidence'] = r['confidence']
    extra = []
    if r['closed_months']:
        extra.append('closed ' + '/'.join(r['closed_months'].split(';')))
    if r['closed_days']:
        extra.append('no clearance on ' + '/'.join(r['closed_days'].split(';')))
    note = f'own figures (data-build/{FIGURES_FILE}); p90 = {P90_FACTOR} x mean (derived)'
    if extra:
        note = '; '.join(extra) + '; ' + note
    if r['note']:
        note = r['note'] + '; ' + note
    old = link.get('note', '')
    length_rule = old[old.index('length = '):] if 'length = ' in old else ''
    link['note'] = (note + ('; ' + length_rule if length_rule else ''))[:300]
    return True


# ---------------------------------------------------------------- report
# Neighbouring pairs without a crossing in the network: why (written into docs/DATA.md).
NO_CROSSING = {
    ('AF', 'CN'): 'no crossing open: the Wakhjir pass has no post',
    ('AM', 'AZ'): 'border closed (no crossing open)',
    ('AM', 'TR'): 'border closed since 1993 (no crossing open)',
    ('AM', 'GE'): 'Bagratashen-Sadakhlo road and the Yerevan-Tbilisi railway: Armenia has no network nodes yet',
    ('AM', 'IR'): 'Agarak-Norduz road: Armenia has no network nodes yet',
    ('AZ', 'TR'): 'Sadarak-Dilucu road: only to the Nakhchivan exclave, not connected to the network',
    ('CN', 'RU'): 'no freight crossing (the short Altai border has no road or rail post)',
    ('AF', 'IN'): 'no crossing (the line is the Wakhan edge of the Kashmir boundary that India claims; no post)',
    ('CN', 'IN'): 'no crossing in the network: only the seasonal border-trade passes (Nathu La, Shipki La, Lipulekh) for local trade',
}
# Crossings known to be open to freight but not (yet) in the network, by pair (docs/DATA.md).
NOT_MODELLED = {
    ('AF', 'IR'): 'Mahirud (Farah-Birjand road)',
    ('AF', 'PK'): 'Kharlachi road (Parachinar-Gardez), Badini, Gursal',
    ('AF', 'TJ'): 'Tem-Demogan (Khorog) and Ruzvai (Darvaz) bridges',
    ('AZ', 'GE'): 'Lagodekhi-Mazimchay road',
    ('AZ', 'IR'): 'Julfa (Nakhchivan exclave)',
    ('CN', 'KZ'): 'Maikapchagai-Jeminay and Alakol road posts; Bakhty-Ayagoz railway under construction',
    ('IR', 'TR'): 'the Lake Van train ferry (Tatvan-Van) that takes wagons to the Kapikoy-Razi railway is not a link yet',
    ('KG', 'KZ'): 'Chaldovar, Karkyra, Kara-Suu and other road posts; Lugovaya-Bishkek railway',
    ('KG', 'TJ'): 'Kyzyl-Bel and Kairagach road posts (reopened March 2025), Bor-Dobo (Pamir road, reopened July 2025)',
    ('KG', 'UZ'): 'Kara-Suu and Kensai road posts; the Kyzyl-Kiya and Shamaldy-Say rail checkpoints',
    ('KZ', 'RU'): 'about 30 road posts in all (Kazakh transport ministry, 2024) and about 13 more rail junctions of the '
                  '21 listed (trainof-thought.com 2025), e.g. Zhanybek, Kartaly, Orsk, Semey-Aul, Shemonaikha',
    ('TJ', 'UZ'): 'about a dozen other road posts',
    ('TM', 'UZ'): 'the other Khorezm rail crossings (Pitnyak, Takhiatash) and road posts',
}


def markdown(pairs, cross, places, figs, yaml_text):
    """The table of docs/DATA.md "Neighbouring countries and their crossings"."""
    import re
    conf, fwd, rev, srcs = {}, {}, {}, {}
    cur = None
    for ln in yaml_text.splitlines():
        m = re.match(r'^  (x_[a-z0-9_]+):', ln)
        if m:
            cur = m.group(1)
        m = re.match(r'^    (forward|reverse): \{wait_hours: ([0-9.]+)', ln)
        if m and cur:
            (fwd if m.group(1) == 'forward' else rev)[cur] = m.group(2)
        m = re.match(r'^  crossings\.(x_[a-z0-9_]+):', ln)
        if m:
            cur = 'src:' + m.group(1)
        m = re.match(r'^    source: "(.*)"', ln)
        if m and cur and cur.startswith('src:'):
            srcs[cur[4:]] = m.group(1)
        m = re.match(r'^    confidence: (\w+)', ln)
        if m and cur and cur.startswith('src:'):
            conf[cur[4:]] = m.group(1)
    links = {}
    import csv as _csv
    data = os.path.join(HERE, '..', 'core/src/main/resources/org/caravan/data')
    ids = {}
    for r in _csv.DictReader(open(os.path.join(data, 'links.csv'), encoding='utf-8')):
        if r['mode'] == 'crossing':
            links[r['name']] = r
    out = ['| pair | crossing | mode | status | hours (forward / reverse) | basis | closures |',
           '|---|---|---|---|---|---|---|']
    for p in pairs:
        rows = [r for r in cross if tuple(sorted((places.get(r['from'], '?'), places.get(r['to'], '?')))) == p]
        if not rows:
            out.append(f'| {p[0]}-{p[1]} | - | - | - | - | {NO_CROSSING.get(p, "none in the network")} | - |')
        for r in rows:
            L = links.get(r['name'])
            lid = L['id'] if L else ''
            f = figs.get(r['name'])
            h = fwd.get(lid, '?') + (' / ' + rev[lid] if lid in rev else '')
            c = conf.get(lid, '?')
            text = srcs.get(lid, '')
            if text.startswith('own figures'):
                basis = 'own figure'
            elif 'rule 2' in text and 'rule 3' in text:
                basis = 'national average (rule 2) / type estimate (rule 3)'
            elif 'rule 2' in text:
                basis = 'CPMM national average (rule 2)'
            elif 'rule 3' in text:
                basis = 'type estimate (rule 3)'
            else:
                basis = 'CPMM BCP figure'
            basis += f' ({c})'
            closes = []
            if f and f['closed_months']:
                closes.append('closed ' + '-'.join(f['closed_months'].split(';')[::max(1, len(f['closed_months'].split(';')) - 1)]))
            if f and f['closed_days']:
                closes.append('no clearance ' + '/'.join(f['closed_days'].split(';')))
            out.append(f'| {p[0]}-{p[1]} | {r["name"]} | {r["carries"]} | {r["status"]} | {h} | {basis} | '
                       f'{", ".join(closes) or "-"} |')
        if p in NOT_MODELLED:
            out.append(f'| {p[0]}-{p[1]} | *not yet in the network:* {NOT_MODELLED[p]} | | | | | |')
    return '\n'.join(out)


def main(argv=None):
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument('--shared', default=os.path.normpath(os.path.join(HERE, '..', '..', 'shared')))
    ap.add_argument('--docs', action='store_true', help='rewrite the marked table in docs/DATA.md')
    args = ap.parse_args(argv)
    shared = args.shared if os.path.isdir(args.shared) else '/work/shared'
    pairs, ne_pairs = neighbour_pairs(shared)
    if set(pairs) != set(ne_pairs):
        print('world-countries and Natural Earth disagree: ' + str(sorted(set(pairs) ^ set(ne_pairs))))
    cross = read_csv(_path('crossings.csv')) + read_csv(_path(CROSSINGS_FILE))
    places = {}
    for r in read_csv(os.path.join(shared, 'reference/key-places.csv')):
        places[r['id']] = r['country']
    for f in ('places_extra.csv', PLACES_FILE, 'places_east.csv'):   # places_east: posts of the trunk lines to Europe
        for r in read_csv(_path(f)):
            places[r['id']] = r['country']
    unknown = [r for r in cross if r['from'] not in places or r['to'] not in places]
    for r in unknown:
        print(f'crossing {r["name"]} ({r["from"]} - {r["to"]}): post ' + ', '.join(
            x for x in (r['from'], r['to']) if x not in places) + ' is in no places file read here (country unknown)')
    by = {}
    for r in cross:
        p = tuple(sorted((places.get(r['from'], '?'), places.get(r['to'], '?'))))
        by.setdefault(p, []).append(r)
    print(f'{len(pairs)} neighbouring pairs in the region {",".join(REGION)}')
    for p in pairs:
        rows = by.get(p, [])
        names = '; '.join(f'{r["name"]} [{r["carries"]}, {r["status"]}]' for r in rows) or '(none in the network)'
        print(f'  {p[0]}-{p[1]}: {names}')
    extra = sorted(set(by) - set(pairs))
    outside = [p for p in extra if '?' not in p and not (set(p) <= set(REGION))]
    if outside:
        print('crossings outside the region\'s pairs (trunk lines to Europe, posts in places_east.csv): ' + '; '.join(
            '-'.join(p) + ': ' + ', '.join(r['name'] for r in by[p]) for p in outside))
    odd = [p for p in extra if p not in outside]
    if odd:
        print('crossings between countries that are not neighbours: ' + '; '.join(
            '-'.join(p) + ': ' + ', '.join(f'{r["name"]} ({r["from"]} - {r["to"]})' for r in by[p]) for p in odd))
    if args.docs:
        yml = open(os.path.join(HERE, '..', 'core/src/main/resources/org/caravan/cost/crossings.yaml'), encoding='utf-8').read()
        table = markdown(pairs, cross, places, figures(), yml)
        doc = os.path.join(HERE, '..', 'docs', 'DATA.md')
        text = open(doc, encoding='utf-8').read()
        b, e = '<!-- BEGIN:crossing-pairs -->', '<!-- END:crossing-pairs -->'
        if b in text and e in text:
            text = text[:text.index(b) + len(b)] + '\n' + table + '\n' + text[text.index(e):]
            open(doc, 'w', encoding='utf-8').write(text)
            print('docs/DATA.md: crossing table rewritten')


if __name__ == '__main__':
    sys.exit(main())
