package org.caravan.graph;

import java.util.Arrays;

/**
 * One side's tentative distances of a search over {@code n} nodes, with predecessors and its heap: per-node
 * arrays allocated once and reset lazily by a generation stamp, so a search costs what it touches. Shared by
 * {@link Search} (Dijkstra, bidirectional, ALT, one-to-many) and {@link ContractionHierarchy.Query} (upward
 * searches). Not thread-safe.
 */
final class Labels {
    final double[] dist;
    final int[] stamp;
    final int[] pred;
    final Search.Heap heap = new Search.Heap();
    int generation;

    Labels(int n) {
        dist = new double[n];
        stamp = new int[n];
        pred = new int[n];
    }

    /** Starts a new search: every node unreached, the heap empty. */
    void next() {
        if (++generation == Integer.MAX_VALUE) {
            Arrays.fill(stamp, 0);
            generation = 1;
        }
        heap.clear();
    }

    /** The tentative distance of v in this search, +infinity when not reached. */
    double d(int v) {
        return stamp[v] == generation ? dist[v] : Double.POSITIVE_INFINITY;
    }

    boolean reached(int v) {
        return stamp[v] == generation;
    }

    void set(int v, double value, int arc) {
        stamp[v] = generation;
        dist[v] = value;
        pred[v] = arc;
    }

    /** Marks v as reached without a distance (a flag for the current search, e.g. "is a target"). */
    void mark(int v) {
        stamp[v] = generation;
    }

    /** Clears v's mark or label for the current search. */
    void unmark(int v) {
        stamp[v] = generation - 1;
    }
}
