package org.caravan.graph;

/**
 * Landmarks for A* (ALT), chosen by one of two documented methods: {@link #farthest} (the first landmark is the
 * node farthest from a seeded start node, each next one the node farthest, by the smallest distance to the
 * landmarks so far, from all of them) or {@link #avoid} (Goldberg and Harrelson 2005: each next landmark is a leaf
 * of the shortest-path tree of a random root, in the subtree whose nodes the landmarks so far bound worst). Distances from and to each landmark are computed on the base graph and stored as floats rounded
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

    /**
     * Chooses {@code count} landmarks by the avoid method (Goldberg and Harrelson, "Computing the shortest path:
     * A* search meets graph theory", SODA 2005): for a seeded random root r, grow r's shortest-path tree; give
     * each node v the weight d(r,v) - bound(r,v) (how much the landmarks so far underestimate it); a subtree's
     * size is the sum of its weights, or 0 when it holds a landmark; from r walk down to the child of largest
     * size until a leaf, which becomes the next landmark. The first landmark is the farthest node from the root.
     */
    public static Landmarks avoid(CompactGraph g, int count, long seed) {
        int n = g.nodeCount();
        count = Math.min(count, n);
        int[] nodes = new int[count];
        float[][] from = new float[count][];
        float[][] to = new float[count][];
        Search s = new Search(g);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        boolean[] isLandmark = new boolean[n];
        double[] size = new double[n];
        int[] order = new int[n];
        int[] firstChild = new int[n];
        int[] nextSibling = new int[n];
        for (int i = 0; i < count; i++) {
            int next;
            if (i == 0) {
                next = argmaxFinite(s.fullTree(rnd.nextInt(n), Overlay.NONE, false), null);
            } else {
                Landmarks sofar = new Landmarks(java.util.Arrays.copyOf(nodes, i),
                        java.util.Arrays.copyOf(from, i), java.util.Arrays.copyOf(to, i));
                int root = rnd.nextInt(n);
                double[] d = s.fullTree(root, Overlay.NONE, false);
                int[] pred = s.lastTreeParents();
                // Settle order = nodes sorted by distance; children lists from the parents.
                int reached = 0;
                java.util.Arrays.fill(firstChild, -1);
                for (int v = 0; v < n; v++) {
                    if (d[v] != Double.POSITIVE_INFINITY) {
                        order[reached++] = v;
                        size[v] = Math.max(0, d[v] - sofar.bound(root, v));
                        if (v != root) {
                            int p = pred[v];
                            nextSibling[v] = firstChild[p];
                            firstChild[p] = v;
                        }
                    }
                }
                Integer[] sorted = new Integer[reached];
                for (int j = 0; j < reached; j++) {
                    sorted[j] = order[j];
                }
                java.util.Arrays.sort(sorted, (a, b) -> Double.compare(d[b], d[a]));
                boolean[] holdsLandmark = new boolean[n];
                for (int v : sorted) { // leaves first: children before parents
                    if (isLandmark[v]) {
                        holdsLandmark[v] = true;
                    }
                    if (v != root) {
                        int p = pred[v];
                        size[p] += size[v];
                        holdsLandmark[p] |= holdsLandmark[v];
                    }
                }
                for (int v : sorted) {
                    if (holdsLandmark[v]) {
                        size[v] = 0;
                    }
                }
                int v = root;
                while (true) {
                    int best = -1;
                    for (int c = firstChild[v]; c >= 0; c = nextSibling[c]) {
                        if (best < 0 || size[c] > size[best]) {
                            best = c;
                        }
                    }
                    if (best < 0 || size[best] <= 0) {
                        break;
                    }
                    v = best;
                }
                next = v;
                if (isLandmark[next]) { // every subtree is bounded exactly: fall back to the farthest node
                    double[] minDist = new double[n];
                    java.util.Arrays.fill(minDist, Double.POSITIVE_INFINITY);
                    for (int j = 0; j < i; j++) {
                        for (int x = 0; x < n; x++) {
                            minDist[x] = Math.min(minDist[x], from[j][x]);
                        }
                    }
                    for (int j = 0; j < i; j++) {
                        minDist[nodes[j]] = -1;
                    }
                    next = argmaxFinite(minDist, null);
                }
            }
            nodes[i] = next;
            isLandmark[next] = true;
            from[i] = down(s.fullTree(next, Overlay.NONE, false));
            to[i] = down(s.fullTree(next, Overlay.NONE, true));
        }
        return new Landmarks(nodes, from, to);
    }

    /**
     * The (at most) {@code k} landmarks that give the largest lower bound from s to t, for a query to use alone
     * ("active landmarks"): fewer terms per bound, the same bound at s. Written into {@code out}; returns how many.
     */
    int active(int s, int t, int k, int[] out) {
        int m = Math.min(k, nodes.length);
        double[] best = new double[m];
        int filled = 0;
        for (int i = 0; i < nodes.length; i++) {
            double h = term(i, s, t);
            int pos = filled < m ? filled++ : m;
            if (pos == m) {
                if (h <= best[m - 1]) {
                    continue;
                }
                pos = m - 1;
            }
            while (pos > 0 && best[pos - 1] < h) {
                best[pos] = best[pos - 1];
                out[pos] = out[pos - 1];
                pos--;
            }
            best[pos] = h;
            out[pos] = i;
        }
        return filled;
    }

    /** Landmark i's lower bound of dist(v, t) (see {@link #bound(int, int)}). */
    double term(int i, int v, int t) {
        double h = 0;
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
        return h;
    }

    /** The lower bound of dist(v, t) over the landmarks {@code active[0..count)}. */
    double bound(int v, int t, int[] active, int count) {
        double h = 0;
        for (int j = 0; j < count; j++) {
            h = Math.max(h, term(active[j], v, t));
        }
        return h;
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
            h = Math.max(h, term(i, v, t));
        }
        return h;
    }
}
