package org.caravan.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CompactGraphTest {

    @Test
    void layoutRoundTripsEveryAttribute() {
        int[] t = {2, 0, 1, 0, 2};
        int[] h = {0, 1, 2, 2, 1};
        double[] c = {5.5, 1.25, 2.0, 7.0, 0.0};
        float[] xs = {10f, 20f, 30f};
        float[] ys = {-1f, -2f, -3f};
        CompactGraph g = CompactGraph.of(3, t, h, c, xs, ys);
        assertThat(g.nodeCount()).isEqualTo(3);
        assertThat(g.arcCount()).isEqualTo(5);
        Set<String> in = new HashSet<>();
        for (int a = 0; a < 5; a++) {
            in.add(t[a] + ">" + h[a] + "@" + c[a]);
        }
        Set<String> out = new HashSet<>();
        for (int v = 0; v < 3; v++) {
            assertThat(g.x(v)).isEqualTo(xs[v]);
            assertThat(g.y(v)).isEqualTo(ys[v]);
            for (int a = g.firstOut(v); a < g.endOut(v); a++) {
                assertThat(g.tail(a)).isEqualTo(v);
                out.add(g.tail(a) + ">" + g.head(a) + "@" + g.cost(a));
            }
        }
        assertThat(out).isEqualTo(in);
        // Every arc appears exactly once in the reverse adjacency of its head.
        int[] seen = new int[5];
        for (int v = 0; v < 3; v++) {
            for (int i = g.firstIn[v]; i < g.firstIn[v + 1]; i++) {
                assertThat(g.head(g.inArc[i])).isEqualTo(v);
                seen[g.inArc[i]]++;
            }
        }
        assertThat(seen).containsOnly(1);
        assertThat(g.arcId(2, 0)).isGreaterThanOrEqualTo(0);
        assertThat(g.cost(g.arcId(2, 0))).isEqualTo(5.5);
        assertThat(g.arcId(1, 0)).isEqualTo(-1);
    }

    @Test
    void badArcsAreRejectedWithTheirIndex() {
        float[] z = new float[2];
        assertThatThrownBy(() -> CompactGraph.of(2, new int[] {0, 5}, new int[] {1, 0}, new double[] {1, 1}, z, z))
                .hasMessageContaining("arc 1").hasMessageContaining("node 5");
        assertThatThrownBy(() -> CompactGraph.of(2, new int[] {0}, new int[] {1}, new double[] {-1}, z, z))
                .hasMessageContaining("arc 0").hasMessageContaining("cost -1");
        assertThatThrownBy(() -> Overlay.builder().increase(0, 0.5)).hasMessageContaining("at least 1");
    }

    @Test
    void generatorIsSeededConnectedAndRoadLike() {
        CompactGraph a = RoadNetworkGenerator.generate(10_000, 42);
        CompactGraph b = RoadNetworkGenerator.generate(10_000, 42);
        assertThat(a.arcCount()).isEqualTo(b.arcCount());
        assertThat(a.cost(123)).isEqualTo(b.cost(123));
        double meanDegree = (double) a.arcCount() / a.nodeCount();
        assertThat(meanDegree).isBetween(2.5, 3.0);
        double[] tree = new Search(a).fullTree(0, Overlay.NONE, false);
        assertThat(tree).doesNotContain(Double.POSITIVE_INFINITY);
    }

    @Test
    void overlayCostsAreDeltasOverTheBase() {
        CompactGraph g = RoadNetworkGenerator.generate(100, 1);
        Overlay o = Overlay.builder().close(3).increase(4, 2).increase(4, 1.5).build();
        assertThat(o.cost(g, 3)).isInfinite();
        assertThat(o.cost(g, 4)).isEqualTo(g.cost(4) * 3);
        assertThat(o.cost(g, 5)).isEqualTo(g.cost(5));
        assertThat(Overlay.NONE.cost(g, 3)).isEqualTo(g.cost(3));
    }
}
