"""Tests of rail_osm.py (graph cleaning, gauge rules, break of gauge, names) on hand-made data:
python3 -m unittest data-build/test_rail_osm.py"""
import os, sys, unittest
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rail_osm import RailGraph, topology_full, gauge_for, break_of_gauge, translit, clean_name, split_by_country, \
    dijkstra_links
from geo import gc_km


def graph(lines, tol=0.05):
    return RailGraph(topology_full(lines, tol))


class CleaningTest(unittest.TestCase):
    def test_short_siding_is_dropped_long_branch_kept(self):
        main = [(60.0, 40.0), (60.5, 40.0), (61.0, 40.0)]
        siding = [(60.5, 40.0), (60.5, 40.02)]          # ~2.2 km dead end at the junction
        branch = [(61.0, 40.0), (61.0, 40.5)]           # ~55 km dead end
        g = graph([main, siding, [(61.0, 40.0), (61.5, 40.0)], branch])
        self.assertEqual(g.prune_spurs(8.0), 1)
        g.merge_chains()
        ends = sorted(tuple(sorted((g.pos[l['a']], g.pos[l['b']]))) for l in g.links.values())
        self.assertIn(((61.0, 40.0), (61.0, 40.5)), ends)
        self.assertFalse(any((60.5, 40.02) in e for e in ends))

    def test_parallel_double_track_is_kept_once_with_shortest_geometry(self):
        a, b = (60.0, 40.0), (60.2, 40.0)
        g = graph([[(59.9, 40.0), a], [a, (60.1, 40.0), b], [a, (60.1, 40.001), b], [b, (60.3, 40.0)]])
        self.assertEqual(len(g.links), 4)
        self.assertEqual(g.drop_loops_and_parallels(), 1)
        self.assertEqual(len(g.links), 3)
        l = next(x for x in g.links.values() if {g.pos[x['a']], g.pos[x['b']]} == {a, b})
        self.assertIn((60.1, 40.0), l['pts'])

    def test_short_link_between_junctions_is_contracted(self):
        # two junctions 0.5 km apart (a yard throat) become one node with degree 4
        g = graph([[(60.0, 40.0), (60.5, 40.0)], [(60.5, 40.0), (60.506, 40.0)], [(60.506, 40.0), (61.0, 40.0)],
                   [(60.5, 40.0), (60.5, 40.5)], [(60.506, 40.0), (60.506, 39.5)]])
        self.assertEqual(g.contract_short(1.5), 1)
        degs = {}
        for l in g.links.values():
            for v in (l['a'], l['b']):
                degs[v] = degs.get(v, 0) + 1
        self.assertEqual(max(degs.values()), 4)

    def test_dead_end_near_another_line_is_joined_and_measured(self):
        # a cartographic line stopping 1 km short of the main line
        g = graph([[(60.0, 40.0), (60.5, 40.0), (61.0, 40.0)], [(60.5, 40.5), (60.5, 40.009)]])
        comps_before = len(g.components())
        self.assertEqual(g.join_ends(3.0), 1)
        self.assertEqual(comps_before, 2)
        self.assertEqual(len(g.components()), 1)
        joiner = [l for l in g.links.values() if l['sources'] == {'join'}]
        self.assertAlmostEqual(gc_km(joiner[0]['pts'][0], joiner[0]['pts'][-1]), 1.0, delta=0.05)

    def test_node_put_on_track_splits_the_link_at_the_nearest_vertex(self):
        g = graph([[(60.0, 40.0), (60.3, 40.0), (60.6, 40.0), (61.0, 40.0)]])
        self.assertEqual(len(g.links), 1)
        v, d = g.put_on_track((60.3, 40.05), 15.0)
        self.assertEqual(g.pos[v], (60.3, 40.0))
        self.assertAlmostEqual(d, gc_km((60.3, 40.05), (60.3, 40.0)), places=6)
        self.assertEqual(len(g.links), 2)
        self.assertIsNone(g.put_on_track((62.0, 41.0), 15.0)[0])

    def test_path_between_two_nodes(self):
        links = {1: dict(a=0, b=1, km=10.0), 2: dict(a=1, b=2, km=5.0), 3: dict(a=0, b=2, km=30.0)}
        d, path = dijkstra_links(links, 0, 2, list(links))
        self.assertEqual((d, path), (15.0, [1, 2]))


class GaugeTest(unittest.TestCase):
    def test_gauge_by_country_and_exceptions(self):
        self.assertEqual(gauge_for('PK', [(67.0, 25.0), (68.0, 26.0)])[0], '1676')
        self.assertEqual(gauge_for('IR', [(51.0, 35.0), (52.0, 35.0)])[0], '1435')
        self.assertEqual(gauge_for('KZ', [(70.0, 45.0), (71.0, 45.0)])[0], '1520')
        # Iranian standard gauge into Afghanistan near Herat; Soviet gauge at Hairatan-Mazar
        self.assertEqual(gauge_for('AF', [(61.5, 34.4), (62.0, 34.4)])[0], '1435')
        self.assertEqual(gauge_for('AF', [(67.2, 37.2), (67.1, 36.7)])[0], '1520')
        # Pakistan broad gauge into Iran at Mirjaveh-Zahedan
        self.assertEqual(gauge_for('IR', [(61.4, 29.0), (60.9, 29.4)])[0], '1676')

    def test_break_of_gauge_is_flagged_where_two_gauges_meet(self):
        nodes = {'a': dict(id='A', note=''), 'b': dict(id='B', note=''), 'c': dict(id='C', note='', gauge_change='true'),
                 'd': dict(id='D', note='')}
        links = [dict(mode='rail', gauge='1520', **{'from': 'A', 'to': 'B'}),
                 dict(mode='rail', gauge='1435', **{'from': 'B', 'to': 'C'}),
                 dict(mode='rail', gauge='1676', **{'from': 'C', 'to': 'D'}),
                 dict(mode='road', gauge='', **{'from': 'A', 'to': 'D'})]
        line = break_of_gauge(nodes, links)
        self.assertEqual(nodes['b']['gauge_change'], 'true')
        self.assertIn('break of gauge 1435/1520', nodes['b']['note'])
        self.assertNotIn('gauge_change', nodes['a'])
        self.assertNotIn('gauge_change', nodes['d'])
        self.assertIn('newly flagged B (1435/1520)', line)
        self.assertIn('already flagged (node_flags.csv) C (1435/1676)', line)


class NamesTest(unittest.TestCase):
    def test_transliteration_and_station_words(self):
        self.assertEqual(translit('Шымкент'), 'Shymkent')
        self.assertEqual(clean_name(translit('Станция Алматы-1')), 'Almaty-1')
        self.assertEqual(clean_name('Abadeh Railway Station'), 'Abadeh')
        self.assertEqual(clean_name('Station'), 'Station')

    def test_lines_are_cut_where_the_country_changes(self):
        country = lambda p: 'KZ' if p[0] < 70 else 'UZ'
        pieces = split_by_country([(69.0, 41.0), (69.5, 41.0), (70.5, 41.0), (71.0, 41.0), (71.5, 41.0)], country)
        self.assertEqual([(c, len(q)) for c, q in pieces], [('KZ', 2), ('UZ', 3)])


if __name__ == '__main__':
    unittest.main()
