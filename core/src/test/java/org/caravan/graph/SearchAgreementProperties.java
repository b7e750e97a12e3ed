package org.caravan.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SearchAgreementProperties {

    /** A random directed graph (not planar, arcs in both directions at different costs, some one-way). */
    static CompactGraph randomGraph(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int m = n * 3;
        int[] t = new int[m];
        int[] h = new int[m];
        double[] c = new double[m];
        for (int a = 0; a < m; a++) {
            t[a] = r.nextInt(n);
            h[a] = r.nextInt(n);
            c[a] = r.nextInt(5) == 0 ? 0 : r.nextDouble() * 10;
        }
        float[] xs = new float[n];
        float[] ys = new float[n];
        return CompactGraph.of(n, t, h, c, xs, ys);
    }

    static Overlay randomOverlay(CompactGraph g, long seed) {
        SplittableRandom r = new SplittableRandom(seed * 31 + 7);
        Overlay.Builder b = Overlay.builder();
        for (int a = 0; a < g.arcCount(); a++) {
            int roll = r.nextInt(10);
            if (roll == 0) {
                b.close(a);
            } else if (roll == 1) {
                b.increase(a, 1 + r.nextDouble() * 4);
            }
        }
        return b.build();
    }

    private static void assertSame(double expected, double actual) {
        if (Double.isInfinite(expected)) {
            assertThat(actual).isInfinite();
        } else {
            assertThat(actual).isCloseTo(expected, within(1e-9 * Math.max(1, expected)));
        }
    }

    @Property(tries = 200)
    void altBidirectionalAndDijkstraAgree(@ForAll @IntRange(min = 1, max = 60) int n, @ForAll long seed,
                                          @ForAll boolean withOverlay) {
        CompactGraph g = randomGraph(n, seed);
        // Landmarks always on the base graph: the overlay must not invalidate them.
        Landmarks lm = Landmarks.farthest(g, 4, seed);
        Overlay o = withOverlay ? randomOverlay(g, seed) : Overlay.NONE;
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
                assertSame(d, sum);
            }
            assertSame(d, s.bidirectional(from, to, o));
            assertSame(d, s.alt(from, to, o, lm));
        }
    }

    @Property(tries = 50)
    void roadNetworksAgreeUnderOverlay(@ForAll @IntRange(min = 2, max = 2000) int n, @ForAll long seed) {
        CompactGraph g = RoadNetworkGenerator.generate(n, seed);
        Landmarks lm = Landmarks.farthest(g, 6, seed);
        Overlay o = randomOverlay(g, seed);
        Search s = new Search(g);
        int[][] q = RoadNetworkGenerator.queries(n, 5, seed);
        for (int i = 0; i < 5; i++) {
            double base = s.dijkstra(q[0][i], q[1][i], Overlay.NONE);
            assertThat(base).isFinite(); // the generator's networks are connected
            assertSame(base, s.alt(q[0][i], q[1][i], Overlay.NONE, lm));
            double d = s.dijkstra(q[0][i], q[1][i], o);
            assertThat(d).isGreaterThanOrEqualTo(base);
            assertSame(d, s.bidirectional(q[0][i], q[1][i], o));
            assertSame(d, s.alt(q[0][i], q[1][i], o, lm));
        }
    }

    @Property(tries = 30)
    void matrixEqualsOneToOne(@ForAll @IntRange(min = 1, max = 80) int n, @ForAll long seed) {
        CompactGraph g = randomGraph(n, seed);
        Overlay o = randomOverlay(g, seed);
        SplittableRandom r = new SplittableRandom(seed);
        int[] src = r.ints(5, 0, n).toArray();
        int[] dst = r.ints(7, 0, n).toArray();
        double[][] m = Matrix.compute(g, src, dst, o);
        Search s = new Search(g);
        for (int i = 0; i < src.length; i++) {
            for (int j = 0; j < dst.length; j++) {
                assertSame(s.dijkstra(src[i], dst[j], o), m[i][j]);
            }
        }
    }
}
