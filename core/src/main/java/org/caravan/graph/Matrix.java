package org.caravan.graph;

import java.util.stream.IntStream;

/**
 * Many-to-many least costs: one Dijkstra tree per source, grown until it settles every target (the tree is
 * reused for all of that source's targets), sources in parallel over the common fork-join pool, one pooled
 * {@link Search} per worker thread. With a {@link ContractionHierarchy} of the base graph and no overlay,
 * {@link #compute(CompactGraph, ContractionHierarchy, int[], int[], Overlay)} answers by the bucket algorithm
 * instead; an overlay (closures, increases) is not in the hierarchy, so it falls back to the trees.
 */
public final class Matrix {
    private Matrix() {
    }

    /** {@code result[i][j]} is the least cost from {@code sources[i]} to {@code targets[j]} (+infinity if none). */
    public static double[][] compute(CompactGraph g, int[] sources, int[] targets, Overlay o) {
        for (int v : sources) {
            checkNode(g, v, "source");
        }
        for (int v : targets) {
            checkNode(g, v, "target");
        }
        ThreadLocal<Search> pool = ThreadLocal.withInitial(() -> new Search(g));
        double[][] r = new double[sources.length][];
        IntStream.range(0, sources.length).parallel()
                .forEach(i -> r[i] = pool.get().oneToMany(sources[i], targets, o));
        return r;
    }

    /**
     * As {@link #compute(CompactGraph, int[], int[], Overlay)}, by the hierarchy's bucket many-to-many when the
     * overlay is empty (the hierarchy must be of {@code g}'s base costs), else by one tree per source.
     */
    public static double[][] compute(CompactGraph g, ContractionHierarchy ch, int[] sources, int[] targets,
                                     Overlay o) {
        if (ch == null || !o.isEmpty()) {
            return compute(g, sources, targets, o);
        }
        if (ch.nodeCount() != g.nodeCount()) {
            throw new IllegalArgumentException("hierarchy of " + ch.nodeCount() + " nodes, graph has "
                    + g.nodeCount());
        }
        for (int v : sources) {
            checkNode(g, v, "source");
        }
        for (int v : targets) {
            checkNode(g, v, "target");
        }
        return ch.manyToMany(sources, targets);
    }

    private static void checkNode(CompactGraph g, int v, String what) {
        if (v < 0 || v >= g.nodeCount()) {
            throw new IllegalArgumentException(what + " node " + v + " outside 0.." + (g.nodeCount() - 1));
        }
    }
}
