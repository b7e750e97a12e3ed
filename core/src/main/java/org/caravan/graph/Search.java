package org.caravan.graph;

import java.util.Arrays;

/**
 * Single-objective searches over a {@link CompactGraph}: Dijkstra, bidirectional Dijkstra and A* with
 * landmarks. One instance holds pooled per-node arrays reset lazily by a generation stamp, so a query costs
 * what it touches; an instance is not thread-safe (use one per thread, as {@link Matrix} does).
 */
public final class Search {
    private final CompactGraph g;
    /** Forward (0) and backward (1) labels; one-to-many uses side 1's marks for its targets. */
    private final Labels[] labels;
    private int settledLast;

    public Search(CompactGraph g) {
        this.g = g;
        int n = g.nodeCount();
        labels = new Labels[] {new Labels(n), new Labels(n)};
    }

    /** Nodes taken off the queue by the last query (a measure of the work done). */
    public int settledLast() {
        return settledLast;
    }

    private void next() {
        labels[0].next();
        labels[1].next();
        settledLast = 0;
    }

    private double d(int s, int v) {
        return labels[s].d(v);
    }

    private void set(int s, int v, double value, int arc) {
        labels[s].set(v, value, arc);
    }

    /** Least cost from s to t by plain Dijkstra, +infinity if unreachable. */
    public double dijkstra(int s, int t, Overlay o) {
        next();
        set(0, s, 0, -1);
        Heap h = labels[0].heap;
        h.push(s, 0);
        while (!h.isEmpty()) {
            double k = h.topKey();
            int v = h.pop();
            if (k > d(0, v)) {
                continue;
            }
            settledLast++;
            if (v == t) {
                return k;
            }
            relaxOut(v, k, o, h, null, 0);
        }
        return Double.POSITIVE_INFINITY;
    }

    /** Default of {@link #activeLandmarks(int)}. */
    public static final int ACTIVE_LANDMARKS = 8;
    private int maxActive = ACTIVE_LANDMARKS;
    private int[] active = new int[ACTIVE_LANDMARKS];
    private int activeCount;

    /** How many landmarks an ALT query uses: the ones with the best bound from its source to its target. */
    public Search activeLandmarks(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("active landmarks must be at least 1, was " + k);
        }
        maxActive = k;
        active = new int[k];
        return this;
    }

    private void relaxOut(int v, double k, Overlay o, Heap h, Landmarks lm, int t) {
        for (int a = g.firstOut[v], end = g.firstOut[v + 1]; a < end; a++) {
            double c = o.cost(g, a);
            if (c == Double.POSITIVE_INFINITY) {
                continue;
            }
            int w = g.head[a];
            double nd = k + c;
            if (nd < d(0, w)) {
                set(0, w, nd, a);
                h.push(w, lm == null ? nd : nd + lm.bound(w, t, active, activeCount));
            }
        }
    }

    /**
     * Least cost from s to t by A* with the landmarks' lower bounds (ALT), using the {@link #activeLandmarks}
     * landmarks with the best bound from s to t (fewer terms per node; the bound stays admissible).
     */
    public double alt(int s, int t, Overlay o, Landmarks lm) {
        next();
        set(0, s, 0, -1);
        Heap h = labels[0].heap;
        activeCount = lm.active(s, t, maxActive, active);
        h.push(s, lm.bound(s, t, active, activeCount));
        while (!h.isEmpty()) {
            double k = h.topKey();
            int v = h.pop();
            double dv = d(0, v);
            // Stale entry: v was improved after this push (the bound of v is fixed, so compare keys).
            if (k > dv + lm.bound(v, t, active, activeCount) + 1e-9 * Math.max(1, k)) {
                continue;
            }
            settledLast++;
            if (v == t) {
                return dv;
            }
            relaxOut(v, dv, o, h, lm, t);
        }
        return Double.POSITIVE_INFINITY;
    }

    /** Least cost from s to t by bidirectional Dijkstra (stops when the two queue minima sum to the best). */
    public double bidirectional(int s, int t, Overlay o) {
        next();
        if (s == t) {
            return 0;
        }
        set(0, s, 0, -1);
        set(1, t, 0, -1);
        labels[0].heap.push(s, 0);
        labels[1].heap.push(t, 0);
        double best = Double.POSITIVE_INFINITY;
        while (!labels[0].heap.isEmpty() && !labels[1].heap.isEmpty()) {
            if (labels[0].heap.topKey() + labels[1].heap.topKey() >= best) {
                break;
            }
            int side = labels[0].heap.size() <= labels[1].heap.size() ? 0 : 1;
            Heap h = labels[side].heap;
            double k = h.topKey();
            int v = h.pop();
            if (k > d(side, v)) {
                continue;
            }
            settledLast++;
            // forward: v's out-arcs to their heads; backward: v's in-arcs from their tails
            boolean forward = side == 0;
            for (int i = forward ? g.firstOut[v] : g.firstIn[v], end = forward ? g.firstOut[v + 1] : g.firstIn[v + 1];
                    i < end; i++) {
                int a = forward ? i : g.inArc[i];
                double c = o.cost(g, a);
                if (c == Double.POSITIVE_INFINITY) {
                    continue;
                }
                int w = forward ? g.head[a] : g.tail[a];
                double nd = k + c;
                if (nd < d(side, w)) {
                    set(side, w, nd, a);
                    h.push(w, nd);
                }
                double other = d(1 - side, w);
                if (other != Double.POSITIVE_INFINITY && nd + other < best) {
                    best = nd + other;
                }
            }
        }
        return best;
    }

    /**
     * Dijkstra from {@code s} until every target is settled (one-to-many); costs in target order, +infinity
     * for the unreachable ones.
     */
    public double[] oneToMany(int s, int[] targets, Overlay o) {
        next();
        // Mark targets with the reverse-side stamp so the check is O(1) per settled node.
        int remaining = 0;
        for (int t : targets) {
            if (!labels[1].reached(t)) {
                labels[1].mark(t);
                remaining++;
            }
        }
        set(0, s, 0, -1);
        Heap h = labels[0].heap;
        h.push(s, 0);
        while (!h.isEmpty() && remaining > 0) {
            double k = h.topKey();
            int v = h.pop();
            if (k > d(0, v)) {
                continue;
            }
            settledLast++;
            if (labels[1].reached(v)) {
                labels[1].unmark(v);
                remaining--;
            }
            relaxOut(v, k, o, h, null, 0);
        }
        double[] r = new double[targets.length];
        for (int i = 0; i < targets.length; i++) {
            r[i] = d(0, targets[i]);
        }
        return r;
    }

    /** The full shortest-path tree's costs from (or, reverse, to) {@code s}; a fresh array. */
    double[] fullTree(int s, Overlay o, boolean reverse) {
        next();
        int side = reverse ? 1 : 0;
        set(side, s, 0, -1);
        Heap h = labels[side].heap;
        h.push(s, 0);
        while (!h.isEmpty()) {
            double k = h.topKey();
            int v = h.pop();
            if (k > d(side, v)) {
                continue;
            }
            if (!reverse) {
                for (int a = g.firstOut[v], end = g.firstOut[v + 1]; a < end; a++) {
                    double nd = k + o.cost(g, a);
                    int w = g.head[a];
                    if (nd < d(side, w)) {
                        set(side, w, nd, a);
                        h.push(w, nd);
                    }
                }
            } else {
                for (int i = g.firstIn[v], end = g.firstIn[v + 1]; i < end; i++) {
                    int a = g.inArc[i];
                    double nd = k + o.cost(g, a);
                    int w = g.tail[a];
                    if (nd < d(side, w)) {
                        set(side, w, nd, a);
                        h.push(w, nd);
                    }
                }
            }
        }
        double[] r = new double[g.nodeCount()];
        for (int v = 0; v < r.length; v++) {
            r[v] = d(side, v);
        }
        return r;
    }

    /** Parent node of each node in the last {@link #fullTree} (forward), -1 for the root and unreached nodes. */
    int[] lastTreeParents() {
        int n = g.nodeCount();
        int[] p = new int[n];
        for (int v = 0; v < n; v++) {
            int a = labels[0].reached(v) ? labels[0].pred[v] : -1;
            p[v] = a < 0 ? -1 : g.tail[a];
        }
        return p;
    }

    /** The arcs of the last forward (Dijkstra or ALT) path to {@code t}, in order; empty if none. */
    public int[] lastPath(int s, int t) {
        if (d(0, t) == Double.POSITIVE_INFINITY) {
            return new int[0];
        }
        int[] buf = new int[16];
        int n = 0;
        for (int v = t; v != s; ) {
            int a = labels[0].pred[v];
            if (n == buf.length) {
                buf = Arrays.copyOf(buf, n * 2);
            }
            buf[n++] = a;
            v = g.tail[a];
        }
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = buf[n - 1 - i];
        }
        return r;
    }

    /** Binary min-heap of (node, key) with lazy deletion; grows as needed and is reused across queries. */
    static final class Heap {
        private int[] nodes = new int[64];
        private double[] keys = new double[64];
        private int size;

        void clear() {
            size = 0;
        }

        boolean isEmpty() {
            return size == 0;
        }

        int size() {
            return size;
        }

        double topKey() {
            return keys[0];
        }

        void push(int node, double key) {
            if (size == nodes.length) {
                nodes = Arrays.copyOf(nodes, size * 2);
                keys = Arrays.copyOf(keys, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int p = (i - 1) >>> 1;
                if (keys[p] <= key) {
                    break;
                }
                nodes[i] = nodes[p];
                keys[i] = keys[p];
                i = p;
            }
            nodes[i] = node;
            keys[i] = key;
        }

        int pop() {
            int top = nodes[0];
            int n = --size;
            if (n > 0) {
                int node = nodes[n];
                double key = keys[n];
                int i = 0;
                while (true) {
                    int c = 2 * i + 1;
                    if (c >= n) {
                        break;
                    }
                    if (c + 1 < n && keys[c + 1] < keys[c]) {
                        c++;
                    }
                    if (keys[c] >= key) {
                        break;
                    }
                    nodes[i] = nodes[c];
                    keys[i] = keys[c];
                    i = c;
                }
                nodes[i] = node;
                keys[i] = key;
            }
            return top;
        }
    }
}
