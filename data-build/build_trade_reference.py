#!/usr/bin/env python3
"""Build Caravan's embedded trade reference data (package org.caravan.trade).

Writes into trade/src/main/resources/org/caravan/trade/:
  countries.csv        m49,iso3,name,source            UN M49 / Comtrade numeric code -> ISO 3166 alpha-3
  hs-chapters.csv      chapter,title,cargo,source      the 97 HS 2022 chapters and how Caravan routes them
  hubs.csv             iso3,place,note                 where a country's trade starts/ends when only the country is known

Inputs (read at build time only):
  ../shared/data/natural-earth/ne_110m_admin_0_countries.json                 (world, 177 admin-0 units)
  ../shared/data/natural-earth/ne_50m_admin_0_countries_bbox25-0-90-60.geojson (adds small countries in the region)
  ../shared/data/world-countries/countries.json   (cross-check of the numeric codes only; nothing is copied from it)
  core/src/main/resources/org/caravan/data/nodes.csv                (hub places must be nodes of the network)

published-facts.csv is not built here: it is curated by hand (each row from a publication found and
read, with its address) and checked by PublishedFactsTest; docs/TRADE.md, "Published figures".

Usage: python3 data-build/build_trade_reference.py [--shared PATH] [--out DIR] [--nodes FILE]
Deterministic: running it again reproduces the CSVs byte for byte. Python 3 stdlib only.
Exits non-zero, and writes nothing, if a check fails.
"""
import argparse, csv, io, json, os, re, sys
from decimal import Decimal

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))

PROBLEMS = []


def problem(msg):
    PROBLEMS.append(msg)


# ---------------------------------------------------------------- countries
NE_SOURCE = 'Natural Earth 4.0.0 admin-0 (ISO_N3/ISO_A3)'
COMTRADE_SOURCE = 'UN Comtrade reporter/partner code list (Comtrade-specific code)'
NE_FILES = ('data/natural-earth/ne_110m_admin_0_countries.json',
            'data/natural-earth/ne_50m_admin_0_countries_bbox25-0-90-60.geojson')

# Codes UN Comtrade uses as reporter/partner that are not ISO 3166 numeric codes (or stand for a different
# territory than the ISO code). Several m49 codes may map to one iso3 (FRA: ISO 250 and Comtrade 251).
COMTRADE_CODES = [
    (0, 'W00', 'World'),
    (97, 'EUR', 'EU'),
    (251, 'FRA', 'France'),             # Comtrade reports France incl. Monaco as 251 (ISO 250)
    (490, 'S19', 'Other Asia, nes'),
    (579, 'NOR', 'Norway'),             # ISO 578
    (699, 'IND', 'India'),              # ISO 356
    (757, 'CHE', 'Switzerland'),        # ISO 756
    (842, 'USA', 'USA'),                # ISO 840
    (899, '_X', 'Areas, nes'),
]

# must be present exactly like this (corridor countries; KAZ 398 and AFG 4 are also in corridor-facts.md)
REQUIRED_COUNTRIES = {4: 'AFG', 398: 'KAZ', 586: 'PAK', 364: 'IRN', 860: 'UZB', 795: 'TKM', 417: 'KGZ',
                      762: 'TJK', 156: 'CHN', 643: 'RUS'}


def ne_code(v):
    """Natural Earth writes 'missing' as -99 / -099."""
    v = (v or '').strip()
    return None if not v or v.lstrip('-').strip('0') == '99' and v.startswith('-') else v


def build_countries(shared):
    rows = {}            # m49 -> row
    iso2_to_iso3 = {}
    quirks = []
    for rel in NE_FILES:
        for f in json.load(open(os.path.join(shared, rel), encoding='utf-8'))['features']:
            p = f['properties']
            label = f'{p["ADM0_A3"]} {p["NAME"]}'
            n3, un3 = ne_code(p.get('ISO_N3')), ne_code(p.get('UN_A3'))
            num = n3 or un3
            if num is None:
                quirks.append(f'{label}: skipped, no numeric code (ISO_N3={p.get("ISO_N3")}, UN_A3={p.get("UN_A3")})')
                continue
            if n3 is None:
                quirks.append(f'{label}: ISO_N3 missing, UN_A3 {un3} used')
            elif un3 is None:
                quirks.append(f'{label}: UN_A3={p.get("UN_A3")}, ISO_N3 {n3} used')
            elif int(un3) != int(n3):
                quirks.append(f'{label}: ISO_N3 {n3} used, UN_A3 {un3} differs')
            iso3 = ne_code(p.get('ISO_A3')) or ne_code(p.get('ISO_A3_EH')) or ne_code(p.get('ADM0_A3'))
            if iso3 is None:
                quirks.append(f'{label}: skipped, no alpha-3 code')
                continue
            if ne_code(p.get('ISO_A3')) is None:
                quirks.append(f'{label}: ISO_A3={p.get("ISO_A3")}, alpha-3 {iso3} taken from '
                              + ('ISO_A3_EH' if ne_code(p.get('ISO_A3_EH')) else 'ADM0_A3'))
            elif p.get('ADM0_A3') != iso3:
                quirks.append(f'{label}: ADM0_A3 {p.get("ADM0_A3")} differs, ISO_A3 {iso3} used')
            name = p['NAME']
            if '.' in name and p.get('NAME_LONG'):
                # NAME abbreviates with a dot ("Bosnia and Herz.", "Dem. Rep. Congo"): use NE's NAME_LONG
                quirks.append(f'{label}: abbreviated NAME, NAME_LONG "{p["NAME_LONG"]}" used')
                name = p['NAME_LONG']
            m49 = int(num)
            old = rows.get(m49)
            if old is not None:
                if old['iso3'] != iso3:
                    problem(f'countries: m49 {m49} is {old["iso3"]} and {iso3} in Natural Earth')
                continue
            rows[m49] = dict(m49=m49, iso3=iso3, name=name, source=NE_SOURCE)
            a2 = ne_code(p.get('ISO_A2'))
            if a2 and a2 not in iso2_to_iso3:
                iso2_to_iso3[a2] = iso3
    for m49, iso3, name in COMTRADE_CODES:
        if m49 in rows:
            problem(f'countries: Comtrade code {m49} {iso3} clashes with Natural Earth {rows[m49]["iso3"]}')
            continue
        rows[m49] = dict(m49=m49, iso3=iso3, name=name, source=COMTRADE_SOURCE)
    for m49, iso3 in sorted(REQUIRED_COUNTRIES.items()):
        r = rows.get(m49)
        if r is None or r['iso3'] != iso3:
            problem(f'countries: required {m49}/{iso3} missing or wrong: {r}')
    out = [rows[k] for k in sorted(rows)]
    return out, iso2_to_iso3, sorted(set(quirks))


def cross_check_countries(shared, rows):
    """Compare the Natural Earth codes with world-countries (ODbL); report only, nothing is copied."""
    path = os.path.join(shared, 'data/world-countries/countries.json')
    if not os.path.exists(path):
        return ['world-countries not found: cross-check skipped']
    wc = {c['cca3']: c['ccn3'] for c in json.load(open(path, encoding='utf-8'))}
    notes, agree = [], 0
    for r in rows:
        if r['source'] != NE_SOURCE:
            continue
        w = wc.get(r['iso3'])
        if not w:
            notes.append(f'{r["m49"]} {r["iso3"]} {r["name"]}: not in world-countries')
        elif int(w) != r['m49']:
            notes.append(f'{r["m49"]} {r["iso3"]} {r["name"]}: world-countries has {w}')
            if r['m49'] in REQUIRED_COUNTRIES:
                problem(f'countries: {r["iso3"]} {r["m49"]} disagrees with world-countries {w}')
        else:
            agree += 1
    return [f'{agree} Natural Earth codes agree with world-countries ccn3'] + notes


# ---------------------------------------------------------------- HS chapters
HS_SOURCE_TITLE = 'WCO HS 2022 chapter title (abbreviated where long)'
# Caravan rule: these chapters are routed as bulk (per-tonne wagon/truck loads); everything else as container.
#  10 cereals, 11 milling products (flour moves in bags by wagon/truck load in the region: treated as bulk),
#  12 oil seeds, 23 residues/animal feed, 25 salt/earths/cement, 26 ores, 27 mineral fuels,
#  28 inorganic chemicals, 31 fertilisers, 44 wood, 72 iron and steel.
BULK_CHAPTERS = frozenset({'10', '11', '12', '23', '25', '26', '27', '28', '31', '44', '72'})
HS_SOURCE = f'{HS_SOURCE_TITLE}; cargo: Caravan rule (bulk chapters {",".join(sorted(BULK_CHAPTERS))})'

HS_CHAPTERS = [
    ('01', 'Live animals'),
    ('02', 'Meat and edible meat offal'),
    ('03', 'Fish and crustaceans, molluscs and other aquatic invertebrates'),
    ('04', "Dairy produce; birds' eggs; natural honey; edible products of animal origin, not elsewhere specified or included"),
    ('05', 'Products of animal origin, not elsewhere specified or included'),
    ('06', 'Live trees and other plants; bulbs, roots and the like; cut flowers and ornamental foliage'),
    ('07', 'Edible vegetables and certain roots and tubers'),
    ('08', 'Edible fruit and nuts; peel of citrus fruit or melons'),
    ('09', 'Coffee, tea, maté and spices'),
    ('10', 'Cereals'),
    ('11', 'Products of the milling industry; malt; starches; inulin; wheat gluten'),
    ('12', 'Oil seeds and oleaginous fruits; miscellaneous grains, seeds and fruit; industrial or medicinal plants; straw and fodder'),
    ('13', 'Lac; gums, resins and other vegetable saps and extracts'),
    ('14', 'Vegetable plaiting materials; vegetable products not elsewhere specified or included'),
    ('15', 'Animal, vegetable or microbial fats and oils and their cleavage products; prepared edible fats; animal or vegetable waxes'),
    ('16', 'Preparations of meat, of fish, of crustaceans, molluscs or other aquatic invertebrates, or of insects'),
    ('17', 'Sugars and sugar confectionery'),
    ('18', 'Cocoa and cocoa preparations'),
    ('19', "Preparations of cereals, flour, starch or milk; pastrycooks' products"),
    ('20', 'Preparations of vegetables, fruit, nuts or other parts of plants'),
    ('21', 'Miscellaneous edible preparations'),
    ('22', 'Beverages, spirits and vinegar'),
    ('23', 'Residues and waste from the food industries; prepared animal fodder'),
    ('24', 'Tobacco and manufactured tobacco substitutes; products for inhalation without combustion; other nicotine products'),
    ('25', 'Salt; sulphur; earths and stone; plastering materials, lime and cement'),
    ('26', 'Ores, slag and ash'),
    ('27', 'Mineral fuels, mineral oils and products of their distillation; bituminous substances; mineral waxes'),
    ('28', 'Inorganic chemicals; organic or inorganic compounds of precious metals, of rare-earth metals, of radioactive elements or of isotopes'),
    ('29', 'Organic chemicals'),
    ('30', 'Pharmaceutical products'),
    ('31', 'Fertilisers'),
    ('32', 'Tanning or dyeing extracts; tannins and their derivatives; dyes, pigments and other colouring matter; paints and varnishes; putty and other mastics; inks'),
    ('33', 'Essential oils and resinoids; perfumery, cosmetic or toilet preparations'),
    ('34', 'Soap, organic surface-active agents, washing and lubricating preparations, waxes, polishing preparations, candles, modelling pastes, dental preparations'),
    ('35', 'Albuminoidal substances; modified starches; glues; enzymes'),
    ('36', 'Explosives; pyrotechnic products; matches; pyrophoric alloys; certain combustible preparations'),
    ('37', 'Photographic or cinematographic goods'),
    ('38', 'Miscellaneous chemical products'),
    ('39', 'Plastics and articles thereof'),
    ('40', 'Rubber and articles thereof'),
    ('41', 'Raw hides and skins (other than furskins) and leather'),
    ('42', 'Articles of leather; saddlery and harness; travel goods, handbags and similar containers; articles of animal gut (other than silk-worm gut)'),
    ('43', 'Furskins and artificial fur; manufactures thereof'),
    ('44', 'Wood and articles of wood; wood charcoal'),
    ('45', 'Cork and articles of cork'),
    ('46', 'Manufactures of straw, of esparto or of other plaiting materials; basketware and wickerwork'),
    ('47', 'Pulp of wood or of other fibrous cellulosic material; recovered (waste and scrap) paper or paperboard'),
    ('48', 'Paper and paperboard; articles of paper pulp, of paper or of paperboard'),
    ('49', 'Printed books, newspapers, pictures and other products of the printing industry; manuscripts, typescripts and plans'),
    ('50', 'Silk'),
    ('51', 'Wool, fine or coarse animal hair; horsehair yarn and woven fabric'),
    ('52', 'Cotton'),
    ('53', 'Other vegetable textile fibres; paper yarn and woven fabrics of paper yarn'),
    ('54', 'Man-made filaments; strip and the like of man-made textile materials'),
    ('55', 'Man-made staple fibres'),
    ('56', 'Wadding, felt and nonwovens; special yarns; twine, cordage, ropes and cables and articles thereof'),
    ('57', 'Carpets and other textile floor coverings'),
    ('58', 'Special woven fabrics; tufted textile fabrics; lace; tapestries; trimmings; embroidery'),
    ('59', 'Impregnated, coated, covered or laminated textile fabrics; textile articles of a kind suitable for industrial use'),
    ('60', 'Knitted or crocheted fabrics'),
    ('61', 'Articles of apparel and clothing accessories, knitted or crocheted'),
    ('62', 'Articles of apparel and clothing accessories, not knitted or crocheted'),
    ('63', 'Other made up textile articles; sets; worn clothing and worn textile articles; rags'),
    ('64', 'Footwear, gaiters and the like; parts of such articles'),
    ('65', 'Headgear and parts thereof'),
    ('66', 'Umbrellas, sun umbrellas, walking-sticks, seat-sticks, whips, riding-crops and parts thereof'),
    ('67', 'Prepared feathers and down and articles made of feathers or of down; artificial flowers; articles of human hair'),
    ('68', 'Articles of stone, plaster, cement, asbestos, mica or similar materials'),
    ('69', 'Ceramic products'),
    ('70', 'Glass and glassware'),
    ('71', 'Natural or cultured pearls, precious or semi-precious stones, precious metals, metals clad with precious metal and articles thereof; imitation jewellery; coin'),
    ('72', 'Iron and steel'),
    ('73', 'Articles of iron or steel'),
    ('74', 'Copper and articles thereof'),
    ('75', 'Nickel and articles thereof'),
    ('76', 'Aluminium and articles thereof'),
    ('77', '(reserved for possible future use)'),
    ('78', 'Lead and articles thereof'),
    ('79', 'Zinc and articles thereof'),
    ('80', 'Tin and articles thereof'),
    ('81', 'Other base metals; cermets; articles thereof'),
    ('82', 'Tools, implements, cutlery, spoons and forks, of base metal; parts thereof of base metal'),
    ('83', 'Miscellaneous articles of base metal'),
    ('84', 'Nuclear reactors, boilers, machinery and mechanical appliances; parts thereof'),
    ('85', 'Electrical machinery and equipment and parts thereof; sound recorders and reproducers, television image and sound recorders and reproducers, and parts and accessories of such articles'),
    ('86', 'Railway or tramway locomotives, rolling-stock and parts thereof; railway or tramway track fixtures and fittings; mechanical traffic signalling equipment'),
    ('87', 'Vehicles other than railway or tramway rolling-stock, and parts and accessories thereof'),
    ('88', 'Aircraft, spacecraft, and parts thereof'),
    ('89', 'Ships, boats and floating structures'),
    ('90', 'Optical, photographic, cinematographic, measuring, checking, precision, medical or surgical instruments and apparatus; parts and accessories thereof'),
    ('91', 'Clocks and watches and parts thereof'),
    ('92', 'Musical instruments; parts and accessories of such articles'),
    ('93', 'Arms and ammunition; parts and accessories thereof'),
    ('94', 'Furniture; bedding, mattresses, cushions and similar stuffed furnishings; luminaires and lighting fittings n.e.s.; illuminated signs; prefabricated buildings'),
    ('95', 'Toys, games and sports requisites; parts and accessories thereof'),
    ('96', 'Miscellaneous manufactured articles'),
    ('97', "Works of art, collectors' pieces and antiques"),
]


def build_hs():
    codes = [c for c, _ in HS_CHAPTERS]
    if codes != [f'{i:02d}' for i in range(1, 98)]:
        problem('hs-chapters: chapters are not exactly 01..97 in order')
    if not BULK_CHAPTERS <= set(codes):
        problem('hs-chapters: unknown bulk chapter')
    return [dict(chapter=c, title=t, cargo='bulk' if c in BULK_CHAPTERS else 'container', source=HS_SOURCE)
            for c, t in HS_CHAPTERS]


# ---------------------------------------------------------------- hubs
# One place per country where Caravan starts/ends that country's trade when it only knows the country.
# Judgements (Caravan's, not published): each note says why. The place must be a node `name` of that country
# in nodes.csv that handles both container and bulk.
HUBS = {
    'AE': ('Jebel Ali', 'Caravan judgement: Dubai\'s port and the UAE\'s node that handles both container and bulk '
                        '(the Dubai city node handles neither); corridor-facts.md routes Karachi cargo on to Jebel Ali'),
    'AF': ('Kabul', 'Caravan judgement: capital and largest market; the road network from all northern, western and '
                    'Pakistani crossings converges there'),
    'AZ': ('Baku', 'Caravan judgement: capital and main rail/road hub, next to the Caspian ferry ports (Alat)'),
    'CN': ('Urumqi', 'Caravan judgement: the network covers only Xinjiang; Urumqi is its capital and the rail hub '
                     'towards Dostyk/Alashankou and Khorgos/Altynkol (origins in eastern China lie beyond the network)'),
    'GE': ('Tbilisi', 'Caravan judgement: capital and rail/road hub between the Black Sea ports (Poti, Batumi) and '
                      'Azerbaijan/Armenia/Turkey'),
    'IN': ('Nhava Sheva (JNPT)', 'Caravan judgement: India has only seaport nodes; Nhava Sheva (JNPT) serves the '
                                 'Mumbai region, India\'s main container gateway (general knowledge); Mundra is '
                                 'the alternative'),
    'IR': ('Tehran', 'Caravan judgement: capital and largest market; rail hub where the lines to Bandar Abbas, '
                     'Mashhad, the Caspian and Turkey meet'),
    'KG': ('Bishkek', 'Caravan judgement: capital and largest market; rail/road link to Kazakhstan'),
    'KZ': ('Almaty', 'Caravan judgement: largest city and main container/logistics hub; the main rail/road hub '
                     'towards the south (Shymkent-Saryagash-Uzbekistan) and towards China (Khorgos, Dostyk). '
                     'Bulk (grain, flour) has its own hub in the north (the bulk row)'),
    'OM': ('Sohar', 'Caravan judgement: the Omani port nearest Muscat and the Gulf of Oman; Salalah is mainly a '
                    'transshipment port (general knowledge)'),
    'PK': ('Karachi port', 'Caravan judgement: Karachi is the largest city and commercial hub, and Karachi + Port '
                           'Qasim carry over 90% of Pakistan\'s trade (corridor-facts.md); the network has no '
                           'separate Karachi city node'),
    'RU': ('Moscow', 'Caravan judgement: capital and largest market; hub of the rail lines to Kazakhstan and the '
                     'Caspian'),
    'TJ': ('Dushanbe', 'Caravan judgement: capital and largest market'),
    'TM': ('Ashgabat', 'Caravan judgement: capital and largest market, on the Turkmenbashi-Mary rail line'),
    'TR': ('Istanbul', 'Caravan judgement: largest economic centre and port; the Ankara node handles neither '
                       'container nor bulk'),
    'UZ': ('Tashkent', 'Caravan judgement: capital, largest market and the main rail/road hub of the region'),
}


# Where a country's bulk trade starts or ends when that differs from its general hub (cargo-specific rows).
BULK_HUBS = {
    'KZ': ('Astana', 'Caravan judgement: Kazakh grain and flour come mostly from the northern grain belt '
                     '(Akmola, Kostanay, North Kazakhstan regions; general knowledge), not from Almaty; Astana is '
                     'the capital in the middle of that belt, a rail hub, and the origin of the embedded main OD '
                     'list for flour and wheat to Afghanistan. (Kostanay, the grain-loading node, was not chosen: '
                     'its cheapest route south on the embedded network leaves Kazakhstan through Russia)'),
}


def build_hubs(nodes_path, iso2_to_iso3):
    with open(nodes_path, newline='', encoding='utf-8') as f:
        nodes = list(csv.DictReader(f))
    countries = sorted({n['country'] for n in nodes if n['country'] != 'XX'})
    out = []
    for c in countries:
        if c not in HUBS:
            problem(f'hubs: no hub for node country {c}')
            continue
        if c not in iso2_to_iso3:
            problem(f'hubs: ISO2 {c} not found in the Natural Earth data of countries.csv')
            continue
        for cargo, (place, note) in [('', HUBS[c])] + ([('bulk', BULK_HUBS[c])] if c in BULK_HUBS else []):
            row = hub_row(nodes, c, cargo, place, note, iso2_to_iso3)
            if row:
                out.append(row)
    for c in sorted(set(HUBS) - set(countries)):
        problem(f'hubs: {c} has a hub but no nodes')
    out.sort(key=lambda r: (r['iso3'], r['cargo']))
    return out


def hub_row(nodes, c, cargo, place, note, iso2_to_iso3):
    """The hubs.csv row of one place, after checking it is a node of that country handling what it must."""
    if True:
        match = [n for n in nodes if n['name'] == place]
        if not match:
            problem(f'hubs: {c} place "{place}" is not a name in nodes.csv')
            return None
        if len(match) > 1:
            problem(f'hubs: {c} place "{place}" is ambiguous in nodes.csv')
        n = match[0]
        if n['country'] != c:
            problem(f'hubs: {place} is in {n["country"]}, not {c}')
        handles = set(n['handles'].split(';'))
        if (cargo and cargo not in handles) or (not cargo and handles != {'container', 'bulk'}):
            problem(f'hubs: {place} handles "{n["handles"]}", not {cargo or "container and bulk"}')
        return dict(iso3=iso2_to_iso3[c], cargo=cargo, place=place, note=note, _node=n['id'], _kind=n['kind'])


# ---------------------------------------------------------------- output
def csv_text(fields, rows):
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=fields, lineterminator='\n')
    w.writeheader()
    for r in rows:
        w.writerow({k: r.get(k, '') for k in fields})
    return buf.getvalue()


def verify(name, text, fields, key, required):
    """Parse back with the csv module: header, field count, no empty required field, unique key."""
    rows = list(csv.DictReader(io.StringIO(text)))
    if rows and list(rows[0].keys()) != fields:
        problem(f'{name}: header {list(rows[0].keys())}')
    seen = set()
    for i, r in enumerate(rows, 2):
        if None in r or any(v is None for v in r.values()):
            problem(f'{name}:{i}: wrong field count')
            continue
        for k in required:
            if not r[k].strip():
                problem(f'{name}:{i}: empty {k}')
        k = tuple(r[c] for c in key) if isinstance(key, tuple) else r[key]
        if k in seen:
            problem(f'{name}:{i}: duplicate {key} {k}')
        seen.add(k)
    return len(rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--shared', default=os.path.normpath(os.path.join(HERE, '..', '..', 'shared')))
    ap.add_argument('--out', default=os.path.join(HERE, '..', 'trade/src/main/resources/org/caravan/trade'))
    ap.add_argument('--nodes', default=os.path.join(HERE, '..', 'core/src/main/resources/org/caravan/data/nodes.csv'))
    args = ap.parse_args()
    shared = args.shared
    if not os.path.isdir(shared):
        shared = '/work/shared'

    countries, iso2_to_iso3, quirks = build_countries(shared)
    print(f'== countries: {len(countries)} rows '
          f'({sum(r["source"] == NE_SOURCE for r in countries)} Natural Earth, '
          f'{sum(r["source"] == COMTRADE_SOURCE for r in countries)} Comtrade-specific) ==')
    for q in quirks:
        print('  NE quirk: ' + q)
    for line in cross_check_countries(shared, countries):
        print('  cross-check: ' + line)
    iso3s = {r['iso3'] for r in countries}

    hs = build_hs()
    print(f'== hs-chapters: {len(hs)} rows, bulk: {", ".join(r["chapter"] for r in hs if r["cargo"] == "bulk")} ==')

    hubs = build_hubs(args.nodes, iso2_to_iso3)
    print(f'== hubs: {len(hubs)} rows ==')
    for r in hubs:
        print(f'  {r["iso3"]} {r["place"]} ({r["_node"]}, {r["_kind"]})')

    files = [
        ('countries.csv', ['m49', 'iso3', 'name', 'source'], countries, 'm49', ('iso3', 'name', 'source')),
        ('hs-chapters.csv', ['chapter', 'title', 'cargo', 'source'], hs, 'chapter', ('title', 'cargo', 'source')),
        ('hubs.csv', ['iso3', 'cargo', 'place', 'note'], hubs, ('iso3', 'cargo'), ('place', 'note')),
    ]
    texts = []
    for name, fields, rows, key, required in files:
        text = csv_text(fields, rows)
        n = verify(name, text, fields, key, required)
        if n != len(rows):
            problem(f'{name}: wrote {len(rows)} rows, read back {n}')
        texts.append((name, text))

    print('== problems ==')
    for p in PROBLEMS:
        print('  ' + p)
    print(f'  {len(PROBLEMS)} problem(s)')
    if PROBLEMS:
        print('nothing written')
        return 1
    os.makedirs(args.out, exist_ok=True)
    for name, text in texts:
        with open(os.path.join(args.out, name), 'w', newline='', encoding='utf-8') as f:
            f.write(text)
        print(f'wrote {os.path.relpath(os.path.join(args.out, name))}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
