package org.caravan.graph;

/**
 * The cost of traversing an arc, kept apart from the graph (as in GraphHopper): one {@link CompactGraph} serves
 * every objective and request, and a weighting says what an arc costs for this one. Weights are non-negative;
 * +infinity means the arc cannot be used. {@link #tie} is a secondary key for equal weights (0 when unused), so
 * a search that compares (weight, tie, node) lexicographically gives deterministic answers.
 */
public interface Weighting {
    double weight(int arc);

    default double tie(int arc) {
        return 0;
    }
}
