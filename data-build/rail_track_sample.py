#!/usr/bin/env python3
"""Writes the raw-track sample used by core's RailGeometryTest (a rail route's GeoJSON must stay near the
source track): vertices of the *unprocessed* OSM Uzbekistan railways (fclass rail) in the Tashkent-Samarkand
box, one per 0.01 degree cell. ODbL 1.0, (c) OpenStreetMap contributors (the file says so).
Usage: python3 data-build/rail_track_sample.py [--shared PATH]"""
import argparse, json, os
HERE = os.path.dirname(os.path.abspath(__file__))
BOX = (66.8, 39.5, 69.5, 41.45)   # lon/lat box around Tashkent - Jizzakh - Samarkand
OUT = os.path.join(HERE, '..', 'core/src/test/resources/org/caravan/data/track_sample_uz_osm.csv')

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--shared', default=os.path.normpath(os.path.join(HERE, '..', '..', 'shared')))
    a = ap.parse_args()
    shared = a.shared if os.path.isdir(a.shared) else '/work/shared'
    d = json.load(open(os.path.join(shared, 'data/osm-railways-uzbekistan/uzbekistan_railways.geojson')))
    cells = {}
    for f in d['features']:
        if f['properties'].get('fclass') != 'rail' or not f.get('geometry'):
            continue
        g = f['geometry']
        for line in (g['coordinates'] if g['type'] == 'MultiLineString' else [g['coordinates']]):
            for x, y in (q[:2] for q in line):
                if BOX[0] <= x <= BOX[2] and BOX[1] <= y <= BOX[3]:
                    cells.setdefault((round(x, 2), round(y, 2)), (round(x, 4), round(y, 4)))
    with open(OUT, 'w', encoding='utf-8') as o:
        o.write('# Raw OpenStreetMap railway vertices (shared/data/osm-railways-uzbekistan, fclass rail), one per 0.01 deg\n'
                '# cell in lon 66.8..69.5, lat 39.5..41.45; written by data-build/rail_track_sample.py.\n'
                '# (c) OpenStreetMap contributors, ODbL 1.0 (https://www.openstreetmap.org/copyright)\n')
        o.write('lon,lat\n')
        for k in sorted(cells):
            o.write('%s,%s\n' % cells[k])
    print(f'{len(cells)} points -> {OUT}')

if __name__ == '__main__':
    main()
