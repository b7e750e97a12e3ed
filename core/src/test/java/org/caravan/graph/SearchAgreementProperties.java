package org.caravan.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SearchAgreementProperties {

    @Property(tries = 200)
    void altBidirectionalAndDijkstraAgree(@ForAll @IntRange(min = 1, max = 60) int n, @ForAll long seed,
                                          @ForAll boolean withOverlay, @ForAll boolean avoid) {
        CompactGraph g = TestGraphs.randomGraph(n, seed);
        // Landmarks always on the base graph: the overlay must not invalidate them.
        Landmarks lm = avoid ? Landmarks.avoid(g, 6, seed) : Landmarks.farthest(g, 4, seed);
        Overlay o = withOverlay ? TestGraphs.randomOverlay(g, seed) : Overlay.NONE;
        Search s = new Search(g);
        SplittableRandom r = new SplittableRandom(seed + 1);
        for (int q = 0; q < 10; q++) {
            int from = r.nextInt(n);
            int to = r.nextInt(n);
            double d = s.dijkstra(from, to, o);
            int[] path = s.lastPath(from, to);
            double sum = 0;
            int at = from;
            for (int a : path) {
                assertThat(g.tail(a)).isEqualTo(at);
                sum += o.cost(g, a);
                at = g.head(a);
            }
            if (!Double.isInfinite(d)) {
                assertThat(at).isEqualTo(to);
                TestGraphs.assertSameDistance(d, sum);
            }
            TestGraphs.assertSameDistance(d, s.bidirectional(from, to, o));
            TestGraphs.assertSameDistance(d, s.alt(from, to, o, lm));
        }
    }

    @Property(tries = 50)
    void roadNetworksAgreeUnderOverlay(@ForAll @IntRange(min = 2, max = 2000) int n, @ForAll long seed,
                                       @ForAll boolean avoid) {
        CompactGraph g = RoadNetworkGenerator.generate(n, seed);
        Landmarks lm = avoid ? Landmarks.avoid(g, 12, seed) : Landmarks.farthest(g, 6, seed);
        Overlay o = TestGraphs.randomOverlay(g, seed);
        Search s = new Search(g);
        int[][] q = RoadNetworkGenerator.queries(n, 5, seed);
        for (int i = 0; i < 5; i++) {
            double base = s.dijkstra(q[0][i], q[1][i], Overlay.NONE);
            assertThat(base).isFinite(); // the generator's networks are connected
            TestGraphs.assertSameDistance(base, s.alt(q[0][i], q[1][i], Overlay.NONE, lm));
            double d = s.dijkstra(q[0][i], q[1][i], o);
            assertThat(d).isGreaterThanOrEqualTo(base);
            TestGraphs.assertSameDistance(d, s.bidirectional(q[0][i], q[1][i], o));
            TestGraphs.assertSameDistance(d, s.alt(q[0][i], q[1][i], o, lm));
        }
    }

    @Property(tries = 30)
    void matrixEqualsOneToOne(@ForAll @IntRange(min = 1, max = 80) int n, @ForAll long seed) {
        CompactGraph g = TestGraphs.randomGraph(n, seed);
        Overlay o = TestGraphs.randomOverlay(g, seed);
        SplittableRandom r = new SplittableRandom(seed);
        int[] src = r.ints(5, 0, n).toArray();
        int[] dst = r.ints(7, 0, n).toArray();
        double[][] m = Matrix.compute(g, src, dst, o);
        Search s = new Search(g);
        for (int i = 0; i < src.length; i++) {
            for (int j = 0; j < dst.length; j++) {
                TestGraphs.assertSameDistance(s.dijkstra(src[i], dst[j], o), m[i][j]);
            }
        }
    }
}
