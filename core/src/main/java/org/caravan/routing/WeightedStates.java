package org.caravan.routing;

/**
 * One request's state graph as plain weighted arcs ({@link Router#weightedStates}): states {@code node * k +
 * carrier} ({@code 0 <= state < states}), arc {@code i} from {@code tail[i]} to {@code head[i]} of weight
 * {@code weight[i]}; a path starts at one of {@code seeds} (paying {@code seedWeight} there) and ends at any of
 * {@code targets}. Arrays are owned by the caller.
 */
public record WeightedStates(int states, int[] tail, int[] head, double[] weight, int[] seeds, double[] seedWeight,
        int[] targets) {
    public int arcCount() { return tail.length; }
}
