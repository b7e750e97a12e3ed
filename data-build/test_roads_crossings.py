"""Tests of roads_crossings.py on hand-made rows: python3 -m unittest data-build/test_roads_crossings.py"""
import os, sys, unittest
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import roads_crossings as rc
from build_network import fmt

COLS = ['from', 'to', 'mode', 'gauge', 'status', 'rule', 'km', 'speed_kn', 'wait_h', 'name', 'source', 'note']


def row(a, b, rule, km='', mode='road', note=''):
    r = dict.fromkeys(COLS, '')
    r.update({'from': a, 'to': b, 'mode': mode, 'status': 'operational', 'rule': rule, 'km': km, 'note': note})
    return r


def fig(name, hours='5', fee='100', conf='estimated', source='rule 2 (...)', months='', days=''):
    return {'name': name, 'hours': hours, 'fee_usd': fee, 'hours_rev': '', 'fee_usd_rev': '', 'confidence': conf,
            'source': source, 'url': '', 'date': '', 'closed_months': months, 'closed_days': days, 'note': ''}


GC = {frozenset(('a', 'b')): 100.0, frozenset(('b', 'c')): 300.0, frozenset(('c', 'd')): 50.0}


def gc(a, b):
    return GC[frozenset((a, b))]


class LinkRowsTest(unittest.TestCase):
    def test_share_splits_a_published_total_by_great_circle(self):
        out = rc.link_rows([], gc, [row('a', 'b', 'share:x:800'), row('b', 'c', 'share:x:800')])
        self.assertEqual([r['rule'] for r in out], ['derived', 'derived'])
        self.assertEqual([float(r['km']) for r in out], [200.0, 600.0])
        self.assertIn('published 800 km over 2 links', out[0]['note'])

    def test_same_ends_replace_in_place_and_drop_removes(self):
        curated = [row('a', 'b', 'gc_plain'), row('b', 'c', 'gc_mountain'), row('c', 'd', 'gc_plain')]
        mine = [row('b', 'a', 'pub', '123'), row('c', 'd', 'drop'), row('a', 'd', 'gc_plain')]
        out = rc.link_rows(curated, gc, mine)
        self.assertEqual([(r['from'], r['to'], r['rule']) for r in out],
                         [('b', 'a', 'pub'), ('b', 'c', 'gc_mountain'), ('a', 'd', 'gc_plain')])

    def test_a_rail_row_does_not_replace_a_road_row(self):
        out = rc.link_rows([row('a', 'b', 'gc_plain')], gc, [row('a', 'b', 'ne', mode='rail')])
        self.assertEqual(len(out), 2)

    def test_bad_rows_are_refused(self):
        with self.assertRaises(SystemExit):
            rc.link_rows([], gc, [row('a', 'b', 'gc_plain'), row('b', 'a', 'pub', '5')])   # listed twice
        with self.assertRaises(SystemExit):
            rc.link_rows([], gc, [row('c', 'd', 'drop')])                                  # nothing to drop
        with self.assertRaises(SystemExit):
            rc.link_rows([], gc, [row('a', 'b', 'derived')])                               # derived without km


class FiguresTest(unittest.TestCase):
    def test_valid_rows_and_apply(self):
        figs = rc.figures([fig('Pass', '10', '50', months='dec;jan', days='sat;sun')])
        link = {'name': 'Pass', 'note': 'p90 = 1.8 x mean (derived); length = great circle between the posts x 1.2'}
        self.assertTrue(rc.apply_figures(link, figs, fmt))
        self.assertEqual((link['hours_mean'], link['hours_p90'], link['fee_usd']), ('10', '18', '50'))
        self.assertIn('closed dec/jan', link['note'])
        self.assertIn('length = great circle', link['note'])
        self.assertFalse(rc.apply_figures({'name': 'Other'}, figs, fmt))

    def test_rows_without_figures_keep_the_rules(self):
        figs = rc.figures([fig('Pass', '', '', days='sun')])
        self.assertFalse(rc.apply_figures({'name': 'Pass', 'note': ''}, figs, fmt))

    def test_bad_rows_are_refused(self):
        for bad in (fig('A', conf='guessed'), fig('A', source=' '), fig('A', hours='-1'), fig('A', fee=''),
                    fig('A', months='winter'), fig('A', days='friday')):
            with self.assertRaises(SystemExit):
                rc.figures([bad])
        with self.assertRaises(SystemExit):
            rc.figures([fig('A'), fig('A')])


class ShippedFilesTest(unittest.TestCase):
    def test_shipped_figures_load(self):
        figs = rc.figures()
        self.assertIn('Khunjerab', figs)
        self.assertEqual(figs['Khunjerab']['closed_months'], '')       # year-round since December 2024
        self.assertEqual(figs['Torugart']['closed_days'], 'sat;sun')


if __name__ == '__main__':
    unittest.main()
