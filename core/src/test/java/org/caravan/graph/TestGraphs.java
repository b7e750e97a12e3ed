package org.caravan.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** Seeded random graphs and overlays shared by the graph package's property tests, and their distance check. */
final class TestGraphs {
    private TestGraphs() {
    }

    /**
     * Random directed graph of {@code n} nodes and {@code 3n} arcs (self-loops and parallel arcs allowed), each
     * arc's tail and head drawn uniformly and then its cost by {@code cost} from the same generator.
     */
    static CompactGraph randomGraph(int n, long seed, ToDoubleFunction<SplittableRandom> cost) {
        SplittableRandom r = new SplittableRandom(seed);
        int m = n * 3;
        int[] t = new int[m];
        int[] h = new int[m];
        double[] c = new double[m];
        for (int a = 0; a < m; a++) {
            t[a] = r.nextInt(n);
            h[a] = r.nextInt(n);
            c[a] = cost.applyAsDouble(r);
        }
        return CompactGraph.of(n, t, h, c, new float[n], new float[n]);
    }

    /** Real costs in [0, 10), one arc in five free. */
    static CompactGraph randomGraph(int n, long seed) {
        return randomGraph(n, seed, r -> r.nextInt(5) == 0 ? 0 : r.nextDouble() * 10);
    }

    /** Small integer costs 0..3: many equal-cost paths (ties), and sums exact in any order. */
    static CompactGraph tieGraph(int n, long seed) {
        return randomGraph(n, seed, r -> r.nextInt(4));
    }

    /** About one arc in ten closed and one in ten made 1..5 costlier. */
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

    /** Equal distances: both infinite, or within a relative 1e-9. */
    static void assertSameDistance(double expected, double actual) {
        if (Double.isInfinite(expected)) {
            assertThat(actual).isInfinite();
        } else {
            assertThat(actual).isCloseTo(expected, within(1e-9 * Math.max(1, expected)));
        }
    }
}
