package org.caravan.bench;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.caravan.graph.CompactGraph;
import org.caravan.network.Network;

/**
 * The embedded regional network as a plain node graph for {@code bench/compare --network embedded}: one arc per
 * link direction weighted by its length in km, every mode alike (the routers' state graph, carriers and tariffs
 * are not what the side-by-side compares), parallel links between the same two places reduced to the shortest
 * (JGraphT's simple graph keeps one arc per pair, so every engine must see the same one), no loops.
 */
final class EmbeddedGraph {
    private EmbeddedGraph() {
    }

    static CompactGraph of(Network network) {
        int n = network.nodeCount();
        Map<Long, Double> shortest = new HashMap<>();
        for (int l = 0; l < network.linkCount(); l++) {
            int a = network.linkFrom(l);
            int b = network.linkTo(l);
            if (a == b) {
                continue;
            }
            double km = network.link(l).km();
            shortest.merge((long) a * n + b, km, Math::min);
            shortest.merge((long) b * n + a, km, Math::min);
        }
        long[] keys = shortest.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        int[] tails = new int[keys.length];
        int[] heads = new int[keys.length];
        double[] costs = new double[keys.length];
        for (int i = 0; i < keys.length; i++) {
            tails[i] = (int) (keys[i] / n);
            heads[i] = (int) (keys[i] % n);
            costs[i] = shortest.get(keys[i]);
        }
        float[] xs = new float[n];
        float[] ys = new float[n];
        for (int v = 0; v < n; v++) {
            xs[v] = (float) network.node(v).lon();
            ys[v] = (float) network.node(v).lat();
        }
        return CompactGraph.of(n, tails, heads, costs, xs, ys);
    }

    /**
     * A fixed, seeded query set inside the largest connected component (the network has small islands of track
     * with no link to the rest, docs/DATA.md): {@code count} (source, target) pairs, as two arrays.
     */
    static int[][] queries(CompactGraph g, int count, long seed) {
        int[] component = new int[g.nodeCount()];
        Arrays.fill(component, -1);
        int[] size = new int[g.nodeCount()];
        int best = -1;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int s = 0, c = 0; s < g.nodeCount(); s++) {
            if (component[s] >= 0) {
                continue;
            }
            component[s] = c;
            queue.add(s);
            while (!queue.isEmpty()) { // arcs come in both directions, so out-arcs reach the whole component
                int v = queue.poll();
                size[c]++;
                for (int a = g.firstOut(v); a < g.endOut(v); a++) {
                    int w = g.head(a);
                    if (component[w] < 0) {
                        component[w] = c;
                        queue.add(w);
                    }
                }
            }
            if (best < 0 || size[c] > size[best]) {
                best = c;
            }
            c++;
        }
        int main = best;
        int[] members = java.util.stream.IntStream.range(0, g.nodeCount()).filter(v -> component[v] == main).toArray();
        System.out.printf("queries: %d pairs among the %d nodes of the largest component%n", count, members.length);
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int[] s = new int[count];
        int[] t = new int[count];
        for (int i = 0; i < count; i++) {
            s[i] = members[rnd.nextInt(members.length)];
            t[i] = members[rnd.nextInt(members.length)];
        }
        return new int[][] {s, t};
    }
}
