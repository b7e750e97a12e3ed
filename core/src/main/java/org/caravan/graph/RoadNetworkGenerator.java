package org.caravan.graph;

import java.util.SplittableRandom;

/**
 * Seeded synthetic road-like networks: planar, connected, mean degree about 2.7. Nodes are a jittered square
 * grid (unit spacing); a random spanning tree over the grid's edges (Kruskal on random weights) makes the
 * network connected, then each remaining grid edge is kept with probability 0.35, and a few cell diagonals
 * (one per cell at most, so the drawing stays planar) with probability 0.05. Each edge is two arcs of cost
 * length x road factor, the factor uniform in [1, 2] (road class). The same seed gives the same network.
 */
public final class RoadNetworkGenerator {
    private RoadNetworkGenerator() {
    }

    public static CompactGraph generate(int nodes, long seed) {
        if (nodes < 1) {
            throw new IllegalArgumentException("nodes must be at least 1, was " + nodes);
        }
        int side = (int) Math.ceil(Math.sqrt(nodes));
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] xs = new float[nodes];
        float[] ys = new float[nodes];
        for (int v = 0; v < nodes; v++) {
            xs[v] = (float) (v % side + (rnd.nextDouble() - 0.5) * 0.6);
            ys[v] = (float) (v / side + (rnd.nextDouble() - 0.5) * 0.6);
        }
        // Candidate grid edges: right and down neighbours.
        int cap = 2 * nodes;
        int[] ea = new int[cap];
        int[] eb = new int[cap];
        int m = 0;
        for (int v = 0; v < nodes; v++) {
            int c = v % side;
            if (c + 1 < side && v + 1 < nodes) {
                ea[m] = v;
                eb[m++] = v + 1;
            }
            if (v + side < nodes) {
                ea[m] = v;
                eb[m++] = v + side;
            }
        }
        // Random order (Fisher-Yates), then Kruskal: tree edges always kept, the rest with probability 0.35.
        for (int i = m - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int ta = ea[i];
            ea[i] = ea[j];
            ea[j] = ta;
            int tb = eb[i];
            eb[i] = eb[j];
            eb[j] = tb;
        }
        int[] parent = new int[nodes];
        for (int v = 0; v < nodes; v++) {
            parent[v] = v;
        }
        int[] ka = new int[m + nodes];
        int[] kb = new int[m + nodes];
        int k = 0;
        for (int i = 0; i < m; i++) {
            int ra = find(parent, ea[i]);
            int rb = find(parent, eb[i]);
            if (ra != rb) {
                parent[ra] = rb;
                ka[k] = ea[i];
                kb[k++] = eb[i];
            } else if (rnd.nextDouble() < 0.35) {
                ka[k] = ea[i];
                kb[k++] = eb[i];
            }
        }
        // Diagonals: at most one per cell.
        for (int v = 0; v < nodes; v++) {
            int c = v % side;
            if (c + 1 < side && v + side + 1 < nodes && rnd.nextDouble() < 0.05) {
                boolean down = rnd.nextBoolean();
                ka[k] = down ? v : v + 1;
                kb[k++] = down ? v + side + 1 : v + side;
            }
        }
        int arcs = 2 * k;
        int[] tails = new int[arcs];
        int[] heads = new int[arcs];
        double[] costs = new double[arcs];
        for (int i = 0; i < k; i++) {
            int a = ka[i];
            int b = kb[i];
            double len = Math.hypot(xs[a] - xs[b], ys[a] - ys[b]);
            double c = len * (1 + rnd.nextDouble());
            tails[2 * i] = a;
            heads[2 * i] = b;
            costs[2 * i] = c;
            tails[2 * i + 1] = b;
            heads[2 * i + 1] = a;
            costs[2 * i + 1] = c;
        }
        return CompactGraph.of(nodes, tails, heads, costs, xs, ys);
    }

    private static int find(int[] parent, int v) {
        while (parent[v] != v) {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        return v;
    }

    /** A fixed, seeded query set: {@code count} (source, target) pairs, as two arrays. */
    public static int[][] queries(int nodes, int count, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int[] s = new int[count];
        int[] t = new int[count];
        for (int i = 0; i < count; i++) {
            s[i] = rnd.nextInt(nodes);
            t[i] = rnd.nextInt(nodes);
        }
        return new int[][] {s, t};
    }
}
