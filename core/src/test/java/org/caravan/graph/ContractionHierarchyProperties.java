package org.caravan.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ContractionHierarchyProperties {

    @Property(tries = 200)
    void chQueryEqualsDijkstra(@ForAll @IntRange(min = 1, max = 80) int n, @ForAll long seed,
                               @ForAll boolean ties) {
        CompactGraph g = ties ? TestGraphs.tieGraph(n, seed) : TestGraphs.randomGraph(n, seed);
        ContractionHierarchy ch = ContractionHierarchy.build(g);
        ContractionHierarchy.Query q = ch.newQuery();
        Search s = new Search(g);
        SplittableRandom r = new SplittableRandom(seed + 3);
        for (int i = 0; i < 15; i++) {
            int from = r.nextInt(n);
            int to = r.nextInt(n);
            double d = s.dijkstra(from, to, Overlay.NONE);
            double c = q.distance(from, to);
            if (ties) {
                assertThat(c).isEqualTo(d); // integer costs: sums are exact in any order
            } else {
                TestGraphs.assertSameDistance(d, c);
            }
        }
    }

    @Property(tries = 150)
    void matrixEqualsOneToOne(@ForAll @IntRange(min = 1, max = 70) int n, @ForAll long seed,
                              @ForAll boolean ties, @ForAll boolean withOverlay) {
        CompactGraph g = ties ? TestGraphs.tieGraph(n, seed) : TestGraphs.randomGraph(n, seed);
        ContractionHierarchy ch = ContractionHierarchy.build(g);
        Overlay o = withOverlay ? TestGraphs.randomOverlay(g, seed) : Overlay.NONE;
        SplittableRandom r = new SplittableRandom(seed + 5);
        int[] src = r.ints(1 + r.nextInt(8), 0, n).toArray();
        int[] dst = r.ints(1 + r.nextInt(8), 0, n).toArray();
        double[][] m = Matrix.compute(g, ch, src, dst, o);
        Search s = new Search(g);
        for (int i = 0; i < src.length; i++) {
            for (int j = 0; j < dst.length; j++) {
                TestGraphs.assertSameDistance(s.dijkstra(src[i], dst[j], o), m[i][j]);
            }
        }
    }

    @Test
    void generatedRoadNetworkAgrees() {
        CompactGraph g = RoadNetworkGenerator.generate(20_000, 7);
        ContractionHierarchy ch = ContractionHierarchy.build(g);
        SplittableRandom r = new SplittableRandom(11);
        int[] src = r.ints(12, 0, g.nodeCount()).toArray();
        int[] dst = r.ints(12, 0, g.nodeCount()).toArray();
        double[][] m = ch.manyToMany(src, dst);
        double[][] ref = Matrix.compute(g, src, dst, Overlay.NONE);
        for (int i = 0; i < src.length; i++) {
            for (int j = 0; j < dst.length; j++) {
                TestGraphs.assertSameDistance(ref[i][j], m[i][j]);
            }
        }
    }

    @Test
    void parallelBuildIsTheSerialBuildAndQueriesAgree() {
        CompactGraph g = RoadNetworkGenerator.generate(6_000, 3);
        ContractionHierarchy serial = ContractionHierarchy.build(g, 1);
        ContractionHierarchy parallel = ContractionHierarchy.build(g, 3);
        assertThat(parallel.shortcutCount()).isEqualTo(serial.shortcutCount());
        for (int v = 0; v < g.nodeCount(); v++) {
            assertThat(parallel.rank(v)).as("rank of %d", v).isEqualTo(serial.rank(v));
        }
        ContractionHierarchy.Query q = parallel.newQuery();
        Search s = new Search(g);
        SplittableRandom r = new SplittableRandom(5);
        int stalled = 0;
        for (int i = 0; i < 200; i++) {
            int from = r.nextInt(g.nodeCount());
            int to = r.nextInt(g.nodeCount());
            TestGraphs.assertSameDistance(s.dijkstra(from, to, Overlay.NONE), q.distance(from, to));
            stalled += q.stalledLast();
        }
        assertThat(stalled).as("stall-on-demand prunes something on a road network").isPositive();
    }

    @Property(tries = 100)
    void setToSetMatrixEqualsDijkstraFromASuperSource(@ForAll @IntRange(min = 2, max = 60) int n, @ForAll long seed) {
        CompactGraph g = TestGraphs.randomGraph(n, seed);
        ContractionHierarchy ch = ContractionHierarchy.build(g);
        SplittableRandom r = new SplittableRandom(seed + 9);
        int rows = 1 + r.nextInt(4);
        int cols = 1 + r.nextInt(4);
        int[][] src = new int[rows][];
        double[][] srcCost = new double[rows][];
        for (int i = 0; i < rows; i++) {
            src[i] = r.ints(1 + r.nextInt(3), 0, n).toArray();
            srcCost[i] = r.doubles(src[i].length, 0, 5).toArray();
        }
        int[][] dst = new int[cols][];
        double[][] dstCost = new double[cols][];
        for (int j = 0; j < cols; j++) {
            dst[j] = r.ints(1 + r.nextInt(3), 0, n).toArray();
            dstCost[j] = r.doubles(dst[j].length, 0, 5).toArray();
        }
        double[][] m = ch.manyToMany(src, srcCost, dst, dstCost);
        Search s = new Search(g);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double best = Double.POSITIVE_INFINITY;
                for (int a = 0; a < src[i].length; a++) {
                    for (int b = 0; b < dst[j].length; b++) {
                        best = Math.min(best, srcCost[i][a] + s.dijkstra(src[i][a], dst[j][b], Overlay.NONE)
                                + dstCost[j][b]);
                    }
                }
                TestGraphs.assertSameDistance(best, m[i][j]);
            }
        }
    }
}
