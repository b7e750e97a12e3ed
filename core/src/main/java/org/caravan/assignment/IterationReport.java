package org.caravan.assignment;

/**
 * What one iteration reached, reported as it ends.
 *
 * @param iteration   1 for the first equilibration step (0 is the initial all-or-nothing load)
 * @param relativeGap (total cost - shortest-path cost) / total cost at the start of the iteration's step
 * @param objective   the Beckmann objective (sum of link-cost integrals) after the step
 * @param step        the line-search step taken (1 for the initial load)
 * @param direction   the method that gave the direction (BFW falls back to CFW or FW when its direction is unusable)
 * @param seconds     wall time of the iteration
 */
public record IterationReport(int iteration, double relativeGap, double objective, double step, String direction,
        double seconds) {}
