package org.caravan.routing;

/**
 * Sums over a route for the whole shipment.
 *
 * @param generalizedUsd usd + value of time × hours × units: what the {@code cost} objective minimises
 */
public record Totals(double km, double hours, double usd, double co2Kg, double generalizedUsd) {}
