package org.caravan.routing;

/**
 * Door-to-door transit-time percentiles from a seeded Monte Carlo simulation of the route's delays.
 *
 * @param deterministicHours the route's hours with every delay at its mean (its {@code totals.hours})
 */
public record ReliabilityStats(double p50Hours, double p90Hours, double p95Hours, double meanHours,
        double deterministicHours, int samples, long seed) {}
