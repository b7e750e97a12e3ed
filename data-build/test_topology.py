"""Tests of topology.py on hand-made line sets: python3 -m unittest data-build/test_topology.py"""
import os, sys, unittest
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from topology import Topology, simplify
from geo import gc_km

class TopologyTest(unittest.TestCase):
    def test_snap_joins_ends_within_tolerance_only(self):
        # second line starts ~22 m from the first one's end: snapped; third starts ~1.1 km away: not
        t = Topology([[(60.0, 40.0), (60.1, 40.0)], [(60.1002, 40.0), (60.2, 40.0)],
                      [(60.2, 40.01), (60.3, 40.01)]], tol_km=0.05)
        self.assertEqual(len(t.components()), 2)
        self.assertEqual(len(t.links), 2)   # first two merge into one chain through a degree-2 vertex
        self.assertAlmostEqual(t.links[0]["km"], gc_km((60.0, 40.0), (60.2, 40.0)), delta=0.1)

    def test_split_at_shared_vertex_makes_junction(self):
        # a cross: two lines sharing their middle vertex -> 4 links meeting at a degree-4 node
        t = Topology([[(0, 0), (1, 0), (2, 0)], [(1, -1), (1, 0), (1, 1)]])
        self.assertEqual(len(t.links), 4)
        junction = [v for v, d in t.degree.items() if d == 4]
        self.assertEqual(len(junction), 1)
        self.assertEqual(t.vertices[junction[0]], (1, 0))
        self.assertEqual(len(t.components()), 1)

    def test_chain_length_is_measured_along_geometry(self):
        pts = [(0, 0), (0.5, 0.3), (1, 0), (1.5, 0.3), (2, 0)]
        t = Topology([pts], simplify_km=0.0)
        self.assertEqual(len(t.links), 1)
        along = sum(gc_km(pts[i], pts[i + 1]) for i in range(4))
        self.assertAlmostEqual(t.links[0]["km"], along, places=6)
        self.assertGreater(t.links[0]["km"], gc_km((0, 0), (2, 0)) * 1.1)
        self.assertEqual(t.links[0]["geometry"], pts)

    def test_overlapping_lines_are_not_doubled_and_keep_both_sources(self):
        t = Topology([([(0, 0), (1, 0), (2, 0)], "osm"), ([(0, 0), (1, 0), (2, 0)], "ne")])
        self.assertEqual(len(t.links), 1)
        self.assertEqual(t.links[0]["sources"], ["ne", "osm"])

    def test_components_and_dropped_are_reported(self):
        t = Topology([[(0, 0), (1, 0)], [(1, 0), (1, 1)], [(5, 5), (6, 5)], [(9, 9), (9.0001, 9)]],
                     tol_km=0.05)
        comps = t.components()
        self.assertEqual([len(c) for c in comps], [2, 2])  # the L merges into one chain
        self.assertEqual(t.dropped, [(3, "degenerate (shorter than snap tolerance)")])
        r = t.report()
        self.assertEqual((r["components"], r["dropped"], r["largest_component_nodes"]), (2, 1, 2))

    def test_ring_is_one_link(self):
        t = Topology([[(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)]])
        self.assertEqual(len(t.links), 1)
        self.assertEqual(t.links[0]["a"], t.links[0]["b"])

    def test_simplify_keeps_ends_and_drops_collinear_points(self):
        pts = [(0, 0), (0.5, 0.00001), (1, 0), (1, 1)]
        s = simplify(pts, 0.2)
        self.assertEqual(s, [(0, 0), (1, 0), (1, 1)])

if __name__ == "__main__":
    unittest.main()
