package org.caravan.graph;

import java.util.Arrays;

/**
 * A directed graph in compressed sparse row form. Node {@code v}'s outgoing arcs are the ids
 * {@code firstOut[v] .. firstOut[v+1]-1}; arc {@code a} goes from {@code tail(a)} to {@code head[a]} at cost
 * {@code cost[a]} (non-negative). The reverse adjacency lists, for each node, the ids of its incoming arcs, so
 * an overlay keyed by arc id applies to both directions of search. Node coordinates are kept as floats
 * (degrees or plane units); names, sources and geometry belong in side tables keyed by node or arc id.
 *
 * <p>Bytes: per node 4 (firstOut) + 4 (firstIn) + 8 (x, y floats) = 16; per arc 4 (head) + 8 (cost) + 4 (tail)
 * + 4 (reverse arc id) = 20. A 1M-node, 2.5M-arc graph is about 66 MB.
 */
public final class CompactGraph {
    final int[] firstOut;
    final int[] head;
    final int[] tail;
    final double[] cost;
    final int[] firstIn;
    final int[] inArc;
    final float[] x;
    final float[] y;

    private CompactGraph(int[] firstOut, int[] head, int[] tail, double[] cost, int[] firstIn, int[] inArc,
                         float[] x, float[] y) {
        this.firstOut = firstOut;
        this.head = head;
        this.tail = tail;
        this.cost = cost;
        this.firstIn = firstIn;
        this.inArc = inArc;
        this.x = x;
        this.y = y;
    }

    public int nodeCount() {
        return firstOut.length - 1;
    }

    public int arcCount() {
        return head.length;
    }

    public int tail(int arc) {
        return tail[arc];
    }

    public int head(int arc) {
        return head[arc];
    }

    public double cost(int arc) {
        return cost[arc];
    }

    public float x(int node) {
        return x[node];
    }

    public float y(int node) {
        return y[node];
    }

    public int firstOut(int node) {
        return firstOut[node];
    }

    public int endOut(int node) {
        return firstOut[node + 1];
    }

    /** Estimated heap bytes of the arrays. */
    public long bytes() {
        return 4L * (firstOut.length + head.length + tail.length + firstIn.length + inArc.length)
                + 8L * cost.length + 4L * (x.length + y.length);
    }

    /** Builds a graph from arc lists (any order); arcs are renumbered by tail, {@link #arcId} finds them. */
    public static CompactGraph of(int nodes, int[] tails, int[] heads, double[] costs, float[] xs, float[] ys) {
        int m = tails.length;
        if (heads.length != m || costs.length != m) {
            throw new IllegalArgumentException("arc arrays differ in length: " + m + ", " + heads.length
                    + ", " + costs.length);
        }
        if (xs.length != nodes || ys.length != nodes) {
            throw new IllegalArgumentException("coordinates for " + xs.length + " nodes, graph has " + nodes);
        }
        int[] firstOut = new int[nodes + 1];
        for (int a = 0; a < m; a++) {
            check(tails[a], nodes, a);
            check(heads[a], nodes, a);
            if (!(costs[a] >= 0) || Double.isInfinite(costs[a])) {
                throw new IllegalArgumentException("arc " + a + ": cost " + costs[a] + " is not finite and >= 0");
            }
            firstOut[tails[a] + 1]++;
        }
        for (int v = 0; v < nodes; v++) {
            firstOut[v + 1] += firstOut[v];
        }
        int[] pos = Arrays.copyOf(firstOut, nodes);
        int[] head = new int[m];
        int[] tail = new int[m];
        double[] cost = new double[m];
        for (int a = 0; a < m; a++) {
            int p = pos[tails[a]]++;
            head[p] = heads[a];
            tail[p] = tails[a];
            cost[p] = costs[a];
        }
        int[] firstIn = new int[nodes + 1];
        for (int a = 0; a < m; a++) {
            firstIn[head[a] + 1]++;
        }
        for (int v = 0; v < nodes; v++) {
            firstIn[v + 1] += firstIn[v];
        }
        int[] ipos = Arrays.copyOf(firstIn, nodes);
        int[] inArc = new int[m];
        for (int a = 0; a < m; a++) {
            inArc[ipos[head[a]]++] = a;
        }
        return new CompactGraph(firstOut, head, tail, cost, firstIn, inArc, xs.clone(), ys.clone());
    }

    private static void check(int node, int nodes, int arc) {
        if (node < 0 || node >= nodes) {
            throw new IllegalArgumentException("arc " + arc + ": node " + node + " outside 0.." + (nodes - 1));
        }
    }

    /** The id of the first arc from {@code from} to {@code to}, or -1. */
    public int arcId(int from, int to) {
        for (int a = firstOut[from]; a < firstOut[from + 1]; a++) {
            if (head[a] == to) {
                return a;
            }
        }
        return -1;
    }
}
