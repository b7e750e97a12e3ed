package org.caravan.graph;

/**
 * Landmarks for A* (ALT), chosen by the farthest method: the first landmark is the node farthest from a seeded
 * start node, each next one the node farthest (by the smallest distance to the landmarks so far) from all of
 * them. Distances from and to each landmark are computed on the base graph and stored as floats rounded
 * down, so that with the triangle inequality they give a lower bound on any distance under any {@link Overlay}
 * (an overlay only closes arcs or raises costs). Bytes: 8 per node per landmark.
 */
public final class Landmarks {
    final int[] nodes;
    final float[][] from;
    final float[][] to;

    private Landmarks(int[] nodes, float[][] from, float[][] to) {
        this.nodes = nodes;
        this.from = from;
        this.to = to;
    }

    public int[] nodes() {
        return nodes.clone();
    }

    public long bytes() {
        return 8L * nodes.length * (from.length == 0 ? 0 : from[0].length);
    }

    /** Chooses {@code count} landmarks by the farthest method from the seeded start node. */
    public static Landmarks farthest(CompactGraph g, int count, long seed) {
        int n = g.nodeCount();
        count = Math.min(count, n);
        int[] nodes = new int[count];
        float[][] from = new float[count][];
        float[][] to = new float[count][];
        double[] minDist = new double[n];
        java.util.Arrays.fill(minDist, Double.POSITIVE_INFINITY);
        Search s = new Search(g);
        int start = n == 0 ? 0 : (int) Math.floorMod(seed, (long) n);
        double[] d0 = s.fullTree(start, Overlay.NONE, false);
        int next = argmaxFinite(d0, null);
        for (int i = 0; i < count; i++) {
            nodes[i] = next;
            double[] f = s.fullTree(next, Overlay.NONE, false);
            double[] t = s.fullTree(next, Overlay.NONE, true);
            from[i] = down(f);
            to[i] = down(t);
            for (int v = 0; v < n; v++) {
                minDist[v] = Math.min(minDist[v], f[v]);
            }
            next = argmaxFinite(minDist, nodes);
        }
        return new Landmarks(nodes, from, to);
    }

    private static int argmaxFinite(double[] d, int[] exclude) {
        int best = 0;
        double bd = -1;
        for (int v = 0; v < d.length; v++) {
            if (d[v] > bd && !Double.isInfinite(d[v])) {
                bd = d[v];
                best = v;
            }
        }
        return best;
    }

    private static float[] down(double[] d) {
        float[] r = new float[d.length];
        for (int v = 0; v < d.length; v++) {
            float f = (float) d[v];
            if (f > d[v]) {
                f = Math.nextDown(f);
            }
            r[v] = f;
        }
        return r;
    }

    /**
     * Lower bound of dist(v, t): max over landmarks of d(L,t)-d(L,v) and d(v,L)-d(t,L). Float storage makes the
     * subtracted term up to one float ulp too small, so that ulp is taken off each term to stay admissible. The
     * bound is then admissible but not exactly consistent, so the A* search re-opens nodes when it improves them.
     */
    double bound(int v, int t) {
        double h = 0;
        for (int i = 0; i < nodes.length; i++) {
            float ft = from[i][t];
            float fv = from[i][v];
            if (ft != Float.POSITIVE_INFINITY && fv != Float.POSITIVE_INFINITY) {
                h = Math.max(h, ft - (double) fv - Math.ulp(fv));
            }
            float tv = to[i][v];
            float tt = to[i][t];
            if (tv != Float.POSITIVE_INFINITY && tt != Float.POSITIVE_INFINITY) {
                h = Math.max(h, tv - (double) tt - Math.ulp(tt));
            }
        }
        return h;
    }
}
